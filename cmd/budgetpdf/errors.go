package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
)

// Exit codes of the output contract's "Failures" table.
const (
	exitInternal    = 1
	exitUsage       = 2
	exitNotPDF      = 3
	exitCorrupt     = 4
	exitNeedsPasswd = 5
	exitNoText      = 6
)

// errUsage marks bad arguments.
var errUsage = errors.New("usage")

func usageErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// failures maps each failure to its code and exit number, first match wins.
var failures = []struct {
	err  error
	code string
	exit int
}{
	{errUsage, "usage", exitUsage},
	{fs.ErrNotExist, "usage", exitUsage},
	{fs.ErrPermission, "usage", exitUsage},
	{extract.ErrNotPDF, "not_pdf", exitNotPDF},
	{extract.ErrCorrupt, "corrupt", exitCorrupt},
	{extract.ErrNeedsPassword, "needs_password", exitNeedsPasswd},
	{extract.ErrNoTextLayer, "no_text_layer", exitNoText},
}

// classify returns the contract's code and exit number for err.
func classify(err error) (code string, exit int) {
	for _, f := range failures {
		if errors.Is(err, f.err) {
			return f.code, f.exit
		}
	}
	// A FILE argument that cannot be read (a directory, say) is a bad argument.
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		return "usage", exitUsage
	}
	return "internal", exitInternal
}

// fail prints the one-line failure "budgetpdf: FILE: CODE: reason" (without
// FILE when there is none) and returns the exit code.
func fail(stderr io.Writer, file string, err error) int {
	code, exit := classify(err)
	reason := err.Error()
	// The code already says what the sentinel's text would.
	for _, f := range failures {
		if errors.Is(err, f.err) {
			reason = strings.TrimPrefix(reason, f.err.Error()+": ")
			break
		}
	}
	// One line of at most 300 bytes, the PDF's bytes escaped.
	line := fmt.Sprintf("budgetpdf: %s: %s", code, reason)
	if file != "" {
		line = fmt.Sprintf("budgetpdf: %s: %s: %s", file, code, reason)
	}
	fmt.Fprintln(stderr, extract.Sanitize(line, extract.MaxMessage))
	return exit
}
