package checks

import (
	"reflect"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestRunWorkers: RunWorkers gives Run's checks, in Run's order, for any
// worker count, on a document of many tables (passing, failing, unknown).
func TestRunWorkers(t *testing.T) {
	doc := &schema.Document{}
	for i := range 12 {
		tb := expenditure()
		switch i % 3 {
		case 1:
			tb = set(tb, 1, "total", "1.00") // a row that no longer adds up
		case 2:
			tb.Kind = schema.TableUnknown
		}
		doc.Tables = append(doc.Tables, tb)
	}
	narrative := []Text{{Page: 1, Text: "2026年一般公共预算支出1.00万元。"}}
	want := Run(doc, narrative)
	if len(want) == 0 {
		t.Fatal("Run found no check")
	}
	for _, workers := range []int{0, 1, 2, 8} {
		if got := RunWorkers(doc, narrative, workers); !reflect.DeepEqual(got, want) {
			t.Errorf("workers %d: %s, want %s", workers, statuses(got), statuses(want))
		}
	}
}
