package checks

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestViewCache: while a document's tables are registered, a table's view
// is built once and served again; a table made up on the side is never
// cached; once the registration is let go nothing of the document stays.
func TestViewCache(t *testing.T) {
	doc := &schema.Document{Tables: []schema.Table{{
		Kind:    schema.TableIncomeSummary,
		Columns: []schema.Column{{Key: schema.KeyItem}, {Key: schema.KeyTotal}},
		Rows:    []schema.Row{{{Key: schema.KeyItem, Value: schema.Str("合计")}, {Key: schema.KeyTotal, Value: schema.Str("12.50")}}},
	}}}
	before := len(views.m)
	release := cacheViews(doc)
	a, b := newView(&doc.Tables[0]), newView(&doc.Tables[0])
	if a != b {
		t.Error("a registered table's view was built twice")
	}
	if !a.amount[schema.KeyTotal] || a.amount[schema.KeyItem] {
		t.Errorf("view's amount columns = %v, want total only", a.amount)
	}
	side := doc.Tables[0] // a copy, as rules make up
	if newView(&side) == newView(&side) {
		t.Error("a table made up on the side was cached")
	}
	release()
	if len(views.m) != before {
		t.Errorf("%d tables stay registered after release, want %d", len(views.m), before)
	}
	if newView(&doc.Tables[0]) == a {
		t.Error("a view was served after its document's registration was let go")
	}
}
