package main

import (
	"fmt"
	"io"

	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/pipeline"
)

// exitChecksFailed is check's exit when a document converts but a check
// fails (like diff and grep, 1 for "found something").
const exitChecksFailed = 1

// runCheck is `budgetpdf check`: each file is converted as by extract and
// its checks are reported (with -v every check, not only the failures). A
// file that cannot be converted fails as in extract and the others go on;
// the exit code is the first file's failure code, else 1 when any check
// failed, else 0.
func runCheck(args []string, stdout, stderr io.Writer) int {
	var password string
	verbose := false
	fl := newFlags("check")
	fl.str(&password, "password")
	fl.boolean(&verbose, "v", "verbose")
	files, err := fl.parse(args)
	if err != nil {
		return fail(stderr, "", err)
	}
	if len(files) == 0 {
		return fail(stderr, "", usageErrorf("check needs a FILE (budgetpdf check --help)"))
	}
	exit, failed := 0, false
	for _, file := range files {
		doc, err := pipeline.Convert([]string{file}, pipeline.Options{Password: password})
		if err != nil {
			if code := fail(stderr, file, err); exit == 0 {
				exit = code
			}
			continue
		}
		if verbose {
			for _, c := range doc.Checks {
				table := ""
				if c.Table != "" {
					table = " " + c.Table
				}
				fmt.Fprintf(stdout, "%q: %s %s%s: %s\n", file, c.Status, c.Rule, table, c.Message)
			}
		}
		checks.Report(stdout, file, doc.Checks)
		if _, n, _ := checks.Summary(doc.Checks); n > 0 {
			failed = true
		}
	}
	if exit == 0 && failed {
		exit = exitChecksFailed
	}
	return exit
}
