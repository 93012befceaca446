// Command budgetpdf turns Chinese government budget-disclosure PDFs
// (部门预算公开 / 部门决算公开) into normalized JSON and YAML.
//
// Usage:
//
//	budgetpdf COMMAND [ARGUMENTS]   (budgetpdf help lists the commands)
//	budgetpdf COMMAND --help        (one command's usage)
//
// A file that cannot be converted prints one line to stderr,
// "budgetpdf: FILE: CODE: reason", and the exit code names the failure
// (the table in pipeline/errors.go).
package main

import (
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/budgetpdf/budgetpdf/pipeline"
)

// command is one subcommand: run gets the arguments after its name.
type command struct {
	name, args, help string
	run              func(args []string, stdout, stderr io.Writer) int
}

// formats is the --format choice as usage lines show it.
var formats = pipeline.FormatNames()

// commands are the subcommands, in the order help lists them: the
// conversions first, then the tools to look into one. A new command is a
// line here.
var commands = []command{
	{"extract", "FILE... [-o OUT] [--format " + formats + "] [--password P] [-j N] [--pages LIST]",
		"convert a disclosure (PDF or text dump) to the output contract's JSON or YAML; several files of one disclosure are merged; FILE - reads standard input; -j: pages read at once (default: all cores, same output); --pages 1,3-5,10-end (or all): read only those pages of one FILE, the others not at all (source.pages_read lists them)", runExtract},
	{"merge", "FILE FILE... [-o OUT] [--format " + formats + "] [--password P] [-j N]",
		"convert a disclosure published as several files (a narrative PDF and its tables PDF) into one document (as extract FILE FILE...)", runMerge},
	{"check", "FILE... [--password P] [-v]",
		"convert each disclosure and report its reconciliation checks: one line per failure, a summary line; exit 1 when a check fails", runCheck},
	{"batch", "INPUT... --out DIR [--format " + formats + "] [-j N] [--force] [--keep-duplicates] [--timeout 60s] [--max-pages N] [--pages LIST] [--csv DIR] [--csv-bom] [--sqlite FILE] [--xlsx FILE] [--shard i/n] [--isolate]",
		"convert files and folders in parallel: one document per input, OUT/summary.jsonl, resume, CSV, SQLite and xlsx; identical inputs (same sha256) are converted once, the others recorded as duplicates (--keep-duplicates converts all); --pages LIST as extract's; exit 1 when some failed", runBatch},
	{"db", dbArgs,
		"merge the SQLite databases of batch shards (--shard i/n --sqlite) into OUT (created, or added to); a document already there (same sha256) is a duplicate", runDB},
	{"review", "FILE... -o DIR [--pages LIST] [--dpi N] [--password P]",
		"static HTML report: each page's raster with the tables, keys, values and failing checks drawn over it", runReview},
	{"inspect", "FILE [--page N] [--password P] [--svg OUT]",
		"per-page summary of what the extractor saw; --svg draws a page", runInspect},
	{"version", "",
		"print the module version and the VCS revision it was built from", runVersion},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to the subcommand and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return fail(stderr, "", usageErrorf("budgetpdf COMMAND ... (commands: %s; see budgetpdf help)", commandNames()))
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := lookup(args[1]); ok {
				commandUsage(stdout, c)
				return 0
			}
			return fail(stderr, "", usageErrorf("help: unknown command %q (try budgetpdf help)", args[1]))
		}
		usage(stdout)
		return 0
	case pipeline.ChildCommand: // batch --isolate's child, not for people
		return pipeline.ServeChild(os.Stdin, stdout)
	}
	c, ok := lookup(args[0])
	if !ok {
		return fail(stderr, "", usageErrorf("unknown command %q (try budgetpdf help)", args[0]))
	}
	if wantsHelp(args[1:]) {
		commandUsage(stdout, c)
		return 0
	}
	return c.run(args[1:], stdout, stderr)
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

// wantsHelp reports whether the arguments ask for the command's usage
// (-h or -help, with one dash or two, before a "--").
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "--h", "-help", "--help":
			return true
		}
	}
	return false
}

func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage: budgetpdf COMMAND [ARGUMENTS]; budgetpdf COMMAND --help shows one")
	fmt.Fprintln(w)
	for _, c := range commands {
		fmt.Fprintf(w, "  budgetpdf %s\n      %s\n", strings.TrimSpace(c.name+" "+c.args), c.help)
	}
	fmt.Fprintf(w, "  budgetpdf help [COMMAND]\n      this list, or one command's usage\n")
}

func commandUsage(w io.Writer, c command) {
	fmt.Fprintf(w, "usage: budgetpdf %s\n\n%s\n", strings.TrimSpace(c.name+" "+c.args), c.help)
}
