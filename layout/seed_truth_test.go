package layout_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/fixtures"
	"github.com/budgetpdf/budgetpdf/layout"
)

// TestSeedAgainstTruth reads the seed text dump and compares its tables with
// the truth of the budget printed from it (luliang-2023): titles, body cells
// and header labels.
func TestSeedAgainstTruth(t *testing.T) {
	truth, err := fixtures.ReadTruth(filepath.Join("..", "fixtures", "truth", "luliang-2023-calc.yaml"))
	if err != nil {
		t.Skip("no truth:", err)
	}
	f, err := os.Open(filepath.Join("..", "seeds", "luliang-swbgs-2023-budget.txt"))
	if err != nil {
		t.Skip("no seed:", err)
	}
	defer f.Close()
	doc, err := layout.FromText(f)
	if err != nil {
		t.Fatal(err)
	}
	// A text dump has no pages: compare everything else.
	for i := range truth.Tables {
		truth.Tables[i].Pages = nil
	}
	s := compareTruth(doc, truth)
	t.Logf("seed: tables %d/%d, cells %d/%d, header labels %d/%d", s.tables, s.tablesWant, s.cells, s.cellsWant, s.labels, s.labelsWant)
	if s.tables != s.tablesWant || s.labels != s.labelsWant {
		t.Errorf("tables %d/%d, header labels %d/%d", s.tables, s.tablesWant, s.labels, s.labelsWant)
	}
	// The dump copies a 合计 merged over the code and name columns into
	// the first of them, where the truth names it; that is the only
	// difference allowed.
	for _, m := range s.misses {
		if !strings.HasSuffix(m, `got "合计", want ""`) && !strings.HasSuffix(m, `got "", want "合计"`) {
			t.Error(m)
		}
	}
}
