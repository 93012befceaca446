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
)

// command is one subcommand: run gets the arguments after its name.
type command struct {
	name, args, help string
	run              func(args []string, stdout, stderr io.Writer) int
}

var commands = []command{
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
