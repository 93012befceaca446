package pipeline

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// limitPDF is a corpus file whose page count qpdf reported: 31 pages
// (`qpdf --show-npages`), written here by hand, not by the reader.
const (
	limitPDF      = "../../shared/corpus/real/js-rdbgt-2018.pdf"
	limitPDFPages = 31
)

func readReal(t *testing.T) File {
	t.Helper()
	data, err := os.ReadFile(limitPDF)
	if err != nil {
		t.Skipf("corpus not beside the repo: %v", err)
	}
	return File{Path: limitPDF, Data: data}
}

// TestMaxPages: past the limit the conversion is refused with code
// too_many_pages and the count; at the limit it converts.
func TestMaxPages(t *testing.T) {
	f := readReal(t)
	_, err := ConvertFiles([]File{f}, Options{Workers: 1, MaxPages: limitPDFPages - 1})
	if !errors.Is(err, ErrTooManyPages) || Code(err) != CodeTooManyPages {
		t.Fatalf("limit %d: err %v (code %q), want too_many_pages", limitPDFPages-1, err, Code(err))
	}
	var fl *Failure
	if !errors.As(err, &fl) || fl.Pages != limitPDFPages {
		t.Fatalf("failure %+v, want Pages %d", fl, limitPDFPages)
	}
	if doc, err := ConvertFiles([]File{f}, Options{Workers: 1, MaxPages: limitPDFPages}); err != nil || doc == nil {
		t.Fatalf("limit %d: %v, want a document", limitPDFPages, err)
	}
}

// TestConvertContext: an ended context stops the page loop with its error.
func TestConvertContext(t *testing.T) {
	f := readReal(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := ConvertFilesContext(ctx, []File{f}, Options{Workers: 1}); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled: err %v, want context.Canceled", err)
	}
}

// TestCrashed words real process ends.
func TestCrashed(t *testing.T) {
	for _, c := range []struct{ script, want string }{
		{"kill -9 $$", "child crashed (signal 9, killed)"},
		{"echo 'fatal error: out of memory' >&2; exit 2", "child crashed (exit 2): fatal error: out of memory"},
	} {
		cmd := exec.Command("sh", "-c", c.script)
		errOut := &headWriter{max: 64}
		cmd.Stderr = errOut
		got := crashed(cmd.Run(), errOut.first())
		if !strings.HasPrefix(got, c.want) {
			t.Errorf("%q: %q, want %q", c.script, got, c.want)
		}
	}
}
