package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
)

// ErrUsage marks bad arguments or options.
var ErrUsage = errors.New("usage")

// ErrInternal marks a bug: a stage panicked.
var ErrInternal = errors.New("internal error")

// Usagef is a usage error.
func Usagef(format string, args ...any) error {
	return fmt.Errorf("%w: %s", ErrUsage, fmt.Sprintf(format, args...))
}

// The codes of the output contract's "Failures" table.
const (
	CodeUsage         = "usage"
	CodeNotPDF        = "not_pdf"
	CodeCorrupt       = "corrupt"
	CodeNeedsPassword = "needs_password"
	CodeNoTextLayer   = "no_text_layer"
	CodeInternal      = "internal"
)

// failure is one line of the table: the code, the exit number, and the
// errors that mean it.
type failure struct {
	code string
	exit int
	errs []error
}

// failures is the output contract's "Failures" table; the first line
// whose error matches names a failure.
var failures = []failure{
	{CodeUsage, 2, []error{ErrUsage, fs.ErrNotExist, fs.ErrPermission}},
	{CodeNotPDF, 3, []error{extract.ErrNotPDF}},
	{CodeCorrupt, 4, []error{extract.ErrCorrupt}},
	{CodeNeedsPassword, 5, []error{extract.ErrNeedsPassword}},
	{CodeNoTextLayer, 6, []error{extract.ErrNoTextLayer}},
	{CodeInternal, 1, []error{ErrInternal}},
}

// match returns the table line of err and the error of it that matched
// (nil when none did: a file argument that is not readable as a file, or an
// error outside the table).
func match(err error) (failure, error) {
	for _, f := range failures {
		for _, e := range f.errs {
			if errors.Is(err, e) {
				return f, e
			}
		}
	}
	// A FILE argument that cannot be read (a directory, say) is a bad argument.
	if _, ok := errors.AsType[*fs.PathError](err); ok {
		return failures[0], nil
	}
	return failures[len(failures)-1], nil
}

// Code names err with the contract's failure code.
func Code(err error) string {
	if f, ok := errors.AsType[*Failure](err); ok && f.Code != "" {
		return f.Code
	}
	if errors.Is(err, ErrTooManyPages) {
		return CodeTooManyPages
	}
	f, _ := match(err)
	return f.code
}

// Exit is the exit number of err's failure.
func Exit(err error) int {
	code := Code(err)
	for _, f := range failures {
		if f.code == code {
			return f.exit
		}
	}
	return failures[len(failures)-1].exit
}

// Reason is err's text without what its code already says (the sentinel's
// own text in front).
func Reason(err error) string {
	msg := err.Error()
	code := Code(err)
	if _, e := match(err); e != nil {
		return strings.TrimPrefix(msg, e.Error()+": ")
	}
	// A failure from a child process: its code's errors.
	for _, f := range failures {
		if f.code != code {
			continue
		}
		for _, e := range f.errs {
			if r, ok := strings.CutPrefix(msg, e.Error()+": "); ok {
				return r
			}
		}
	}
	return msg
}

// Failure is a file that could not be converted, as the contract reports
// it: the file, the code, the error's text. It is what Convert returns, and
// what an isolated child hands its parent (child.go), so it has a JSON form.
type Failure struct {
	File    string `json:"file,omitempty"` // the path as given; " + " between the parts of a merge
	Code    string `json:"code"`
	Message string `json:"message"`         // the error's text, without the file
	Pages   int    `json:"pages,omitempty"` // the PDF's pages, when known (too_many_pages)
	err     error  // the cause, in the process that failed
}

// Error is the message; the file is printed beside it by the caller.
func (f *Failure) Error() string { return f.Message }

func (f *Failure) Unwrap() error { return f.err }

// fail makes err a *Failure of file; a *Failure already is one.
func fail(file string, err error) error {
	if f, ok := errors.AsType[*Failure](err); ok {
		return f
	}
	f := &Failure{File: file, Code: Code(err), Message: err.Error(), err: err}
	if t, ok := errors.AsType[*tooManyPages](err); ok {
		f.Pages = t.n
	}
	return f
}
