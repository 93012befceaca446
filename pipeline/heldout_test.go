package pipeline

import (
	"path/filepath"
	"testing"

	"github.com/budgetpdf/budgetpdf/fixtures"
)

// TestHeldOutForms draws the held-out target layouts (fixtures.HeldOutDocs:
// a project named only in its two-line table title, a goal-only list) and
// compares every form converting them gives with the generator's data, field
// by field, indicators one by one.
func TestHeldOutForms(t *testing.T) {
	if _, err := fixtures.HeldOutFont(); err != nil {
		t.Skip(err)
	}
	for _, doc := range fixtures.HeldOutDocs() {
		t.Run(doc.Name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), doc.Name+".pdf")
			if err := fixtures.WriteHeldOut(doc, path); err != nil {
				t.Fatal(err)
			}
			got, err := Convert([]string{path}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(got.PerformanceForms) != len(doc.Forms) {
				t.Errorf("%d forms, want %d", len(got.PerformanceForms), len(doc.Forms))
			}
			for i := range min(len(doc.Forms), len(got.PerformanceForms)) {
				for _, d := range formFieldDiffs(doc.Forms[i], got.PerformanceForms[i]) {
					t.Errorf("form %d %q: %s", i, doc.Forms[i].Project, d)
				}
			}
		})
	}
}
