package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestConvertFailures: Convert names the failing file and its code for
// every way a conversion ends early.
func TestConvertFailures(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	html := write("page.pdf", "<html><body>not a pdf</body></html>")
	good := write("seed.txt", "2023年部门预算\n“三公”经费支出预算表\n项目\t合计\n合计\t1.00\n")
	missing := filepath.Join(dir, "nope.pdf")
	tests := []struct {
		name  string
		paths []string
		file  string
		code  string
	}{
		{"none", nil, "", "usage"},
		{"missing", []string{missing}, missing, "usage"},
		{"directory", []string{dir}, dir, "usage"},
		{"not a PDF", []string{html}, html, "not_pdf"},
		{"second part", []string{good, html}, html, "not_pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Convert(tt.paths, Options{})
			if doc != nil || err == nil {
				t.Fatalf("doc %v, err %v; want a failure", doc != nil, err)
			}
			if Code(err) != tt.code {
				t.Errorf("code %q (%v), want %q", Code(err), err, tt.code)
			}
			if f, ok := errors.AsType[*Failure](err); tt.file != "" && (!ok || f.File != tt.file) {
				t.Errorf("failure %#v, want it to name %s", err, tt.file)
			}
		})
	}
}

// TestGuard: a panic in a stage is an internal failure naming the files,
// never a crash.
func TestGuard(t *testing.T) {
	files := []File{{Path: "a.pdf"}, {Path: "b.pdf"}}
	doc, in, err := guard(files, func() (*schema.Document, *Input, error) {
		var m map[string]int
		m["x"]++ // a nil map: the kind of bug a stage may have
		return nil, nil, nil
	})
	f, ok := errors.AsType[*Failure](err)
	if doc != nil || in != nil || !ok || f.File != "a.pdf + b.pdf" || Code(err) != "internal" || Exit(err) != 1 || !errors.Is(err, ErrInternal) {
		t.Errorf("doc %v, input %v, error %#v; want an internal failure of a.pdf + b.pdf", doc, in, err)
	}
}
