package main

import (
	"fmt"
	"io"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/pipeline"
)

// runExtract is `budgetpdf extract`: one FILE, or several files of one
// disclosure (a narrative PDF and its tables PDF) merged into one document.
func runExtract(args []string, stdout, stderr io.Writer) int {
	return runConvert("extract", 1, args, stdout, stderr)
}

// runMerge is `budgetpdf merge`: extract with two or more files.
func runMerge(args []string, stdout, stderr io.Writer) int {
	return runConvert("merge", 2, args, stdout, stderr)
}

// runConvert parses the arguments of extract and merge (at least minFiles
// files), converts and writes the document.
func runConvert(name string, minFiles int, args []string, stdout, stderr io.Writer) int {
	var out, password, format string
	var pages extract.PageSet
	workers := 0 // GOMAXPROCS
	fl := newFlags(name)
	if minFiles == 1 {
		fl.pages(&pages) // of one file: a merge of several refuses it
	}
	fl.positive(&workers, "j", "jobs")
	fl.str(&out, "o", "out")
	fl.str(&format, "format", "f")
	fl.str(&password, "password")
	files, err := fl.parse(args)
	if err != nil {
		return fail(stderr, "", err)
	}
	if len(files) < minFiles {
		return fail(stderr, "", usageErrorf("%s needs at least %d FILE (budgetpdf %s --help)", name, minFiles, name))
	}
	f, err := pipeline.FormatNamed(format)
	if err != nil {
		return fail(stderr, "", err)
	}
	doc, err := pipeline.Convert(files, pipeline.Options{Password: password, Workers: workers, Pages: pages})
	if err != nil {
		return fail(stderr, "", err)
	}
	// Written as it is encoded: a long document's output is never held
	// whole in memory.
	write := func(w io.Writer) error { return f.WriteLast(w, doc, workers) } // doc's last use
	if out == "" || out == "-" {
		err = write(stdout)
	} else {
		err = pipeline.WriteAtomic(out, write) // never half a file
	}
	if err != nil {
		return fail(stderr, files[0], fmt.Errorf("writing output: %w", err))
	}
	return 0
}
