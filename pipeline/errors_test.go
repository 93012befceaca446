package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"syscall"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// TestCode: every line of the contract's failure table (README "A file that
// cannot be converted"), with the code, the exit number written from the
// contract and the reason the command prints after the code.
func TestCode(t *testing.T) {
	tests := []struct {
		name         string
		err          error
		code         string
		exit         int
		reason       string
		sentinel     error // errors.Is still finds it; nil for none
		wantsFailure bool
	}{
		{"usage", Usagef("extract needs at least %d FILE", 1), "usage", 2, "extract needs at least 1 FILE", ErrUsage, false},
		{"missing file", &fs.PathError{Op: "open", Path: "a.pdf", Err: fs.ErrNotExist}, "usage", 2, "open a.pdf: file does not exist", fs.ErrNotExist, false},
		{"unreadable", &fs.PathError{Op: "open", Path: "a.pdf", Err: fs.ErrPermission}, "usage", 2, "open a.pdf: permission denied", fs.ErrPermission, false},
		{"directory", &fs.PathError{Op: "read", Path: "dir", Err: syscall.EISDIR}, "usage", 2, "read dir: is a directory", nil, false},
		{"not a PDF", fmt.Errorf("%w: no %%PDF- header", extract.ErrNotPDF), "not_pdf", 3, "no %PDF- header", extract.ErrNotPDF, false},
		{"corrupt", fmt.Errorf("%w: no page could be read", extract.ErrCorrupt), "corrupt", 4, "no page could be read", extract.ErrCorrupt, false},
		{"corrupt inside", fmt.Errorf("page 3: %w", fmt.Errorf("x: %w", extract.ErrCorrupt)), "corrupt", 4, "page 3: x: corrupt PDF", extract.ErrCorrupt, false},
		{"password", fmt.Errorf("%w: give --password", extract.ErrNeedsPassword), "needs_password", 5, "give --password", extract.ErrNeedsPassword, false},
		{"scan", fmt.Errorf("%w: pages 1-2 have images but no text", extract.ErrNoTextLayer), "no_text_layer", 6, "pages 1-2 have images but no text", extract.ErrNoTextLayer, false},
		{"panic", fmt.Errorf("%w: index out of range", ErrInternal), "internal", 1, "index out of range", ErrInternal, false},
		{"unknown", errors.New("boom"), "internal", 1, "boom", nil, false},
		{"failure", fail("a.pdf", fmt.Errorf("%w: junk", extract.ErrNotPDF)), "not_pdf", 3, "junk", extract.ErrNotPDF, true},
		// A child's failure has no cause, only its record.
		{"child's failure", &Failure{File: "a.pdf", Code: "needs_password", Message: "encrypted with a user password: give --password"}, "needs_password", 5, "give --password", nil, true},
		{"child's usage", &Failure{Code: "usage", Message: "open a.pdf: no such file or directory"}, "usage", 2, "open a.pdf: no such file or directory", nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Code(tt.err); got != tt.code {
				t.Errorf("Code = %q, want %q", got, tt.code)
			}
			if got := Exit(tt.err); got != tt.exit {
				t.Errorf("Exit = %d, want %d", got, tt.exit)
			}
			if got := Reason(tt.err); got != tt.reason {
				t.Errorf("Reason = %q, want %q", got, tt.reason)
			}
			if tt.sentinel != nil && !errors.Is(tt.err, tt.sentinel) {
				t.Errorf("errors.Is(%v) lost", tt.sentinel)
			}
			if _, ok := errors.AsType[*Failure](tt.err); ok != tt.wantsFailure {
				t.Errorf("is a *Failure: %v", ok)
			}
		})
	}
}
