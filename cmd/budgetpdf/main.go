// Command budgetpdf turns Chinese government budget-disclosure PDFs
// (部门预算公开 / 部门决算公开) into normalized JSON and YAML.
//
// Usage:
//
//	budgetpdf inspect FILE [--page N] [--password P] [--svg OUT]
//
// A file that cannot be converted prints one line to stderr,
// "budgetpdf: FILE: CODE: reason", and the exit code names the failure
// (see errors.go).
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

// commands are the subcommands, in the order help lists them.
var commands = []command{
	{"extract", "FILE [-o OUT] [--format json|yaml] [--password P]",
		"convert a disclosure (PDF or text dump) to the output contract's JSON or YAML", runExtract},
	{"merge", "FILE FILE... [-o OUT] [--format json|yaml] [--password P]",
		"convert a disclosure published as several files (a narrative PDF and its tables PDF) into one document (as extract FILE FILE...)", runMerge},
	{"check", "FILE ... [--password P] [-v]",
		"convert each disclosure and report its reconciliation checks: one line per failure, a summary line; exit 1 when a check fails", runCheck},
	{"batch", batchArgs,
		"convert files and folders in parallel: one document per input, OUT/summary.jsonl, resume, CSV, SQLite and xlsx; exit 1 when some failed", runBatch},
	{"db", dbArgs,
		"merge the SQLite databases of batch shards (--shard i/n --sqlite) into OUT (created, or added to); a document already there (same sha256) is a duplicate", runDB},
	{"review", "FILE... -o DIR [--pages LIST] [--dpi N] [--password P]",
		"static HTML report: each page's raster with the tables, keys, values and failing checks drawn over it", runReview},
	{"inspect", "FILE [--page N] [--password P] [--svg OUT]",
		"per-page summary of what the extractor saw; --svg draws a page", runInspect},
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run dispatches to the subcommand and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		return fail(stderr, "", usageErrorf("budgetpdf COMMAND FILE ... (commands: %s; see budgetpdf help)", commandNames()))
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return 0
	case pipeline.ChildCommand: // batch --isolate's child, not for people
		return pipeline.ServeChild(os.Stdin, stdout)
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	return fail(stderr, "", usageErrorf("unknown command %q (try budgetpdf help)", args[0]))
}

func commandNames() string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return strings.Join(names, ", ")
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "usage:")
	for _, c := range commands {
		fmt.Fprintf(w, "  budgetpdf %s %s\n      %s\n", c.name, c.args, c.help)
	}
}
