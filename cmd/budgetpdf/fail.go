package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/pipeline"
)

// usageErrorf is a usage error (exit 2).
var usageErrorf = pipeline.Usagef

// fail prints the one-line failure `budgetpdf: "FILE": CODE: reason` (without
// FILE when there is none; a *pipeline.Failure names its own) and returns
// the exit code of the contract's failure table (pipeline/errors.go).
func fail(stderr io.Writer, file string, err error) int {
	if f, ok := errors.AsType[*pipeline.Failure](err); ok && file == "" {
		file = f.File
	}
	code, reason := pipeline.Code(err), pipeline.Reason(err)
	// A file name the system's error repeats is quoted there too.
	if pe, ok := errors.AsType[*fs.PathError](err); ok && pe.Path != "" {
		reason = strings.Replace(reason, pe.Op+" "+pe.Path+": ", pe.Op+" "+strconv.Quote(pe.Path)+": ", 1)
	}
	// One line of at most 300 bytes, the file's name quoted (control bytes,
	// a newline and invalid UTF-8 escaped, Chinese kept), the PDF's bytes
	// escaped.
	line := fmt.Sprintf("budgetpdf: %s: %s", code, reason)
	if file != "" {
		line = fmt.Sprintf("budgetpdf: %q: %s: %s", file, code, reason)
	}
	fmt.Fprintln(stderr, extract.Sanitize(line, extract.MaxMessage))
	return pipeline.Exit(err)
}
