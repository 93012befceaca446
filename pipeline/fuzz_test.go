package pipeline

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// FuzzPipeline runs the whole conversion (extract, layout, schema, checks)
// over arbitrary bytes, seeded with ../shared/corpus/hostile (mutation/
// included) and the real corpus's files under 300 KB: every input gives a
// document that writes as JSON, or a *Failure with a contract code that is
// not internal (internal is a stage's panic: a bug).
//
//	go test -run '^$' -fuzz '^FuzzPipeline$' -fuzztime 3m ./pipeline/
func FuzzPipeline(f *testing.F) {
	for _, g := range []string{"hostile/*.pdf", "hostile/mutation/*.pdf", "real/*.pdf"} {
		paths, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", g))
		for _, p := range paths {
			if st, err := os.Stat(p); err == nil && st.Size() < 300<<10 {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
				}
			}
		}
	}
	f.Add([]byte("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF"))
	f.Fuzz(func(t *testing.T, b []byte) {
		doc, err := ConvertFiles([]File{{Path: "fuzz.pdf", Data: b}}, Options{})
		if err != nil {
			fl, ok := errors.AsType[*Failure](err)
			if !ok || fl.Code == "" || fl.Code == CodeInternal || fl.Code == CodeUsage {
				t.Fatalf("failure %q (%T): %v", Code(err), err, err)
			}
			return
		}
		if err := schema.WriteJSON(io.Discard, doc); err != nil {
			t.Fatalf("document does not write: %v", err)
		}
	})
}
