package batch

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestEconomicSources: the economic rows get the code, unit and table of
// the table row they were drawn from; rows that no longer match their
// tables get none.
func TestEconomicSources(t *testing.T) {
	s := schema.Str
	table := schema.Table{Kind: schema.TableBasicExpenditureEconomic, Unit: s("元"), Rows: []schema.Row{
		{{Key: "subject_name", Value: s("合计")}, {Key: "total", Value: s("23084662.00")}},
		{{Key: "subject_code", Value: s("301")}, {Key: "subject_name", Value: s("工资福利支出")}, {Key: "total", Value: s("20000000.00")}},
		{{Key: "subject_code", Value: s("30101")}, {Key: "subject_name", Value: s("基本工资")}, {Key: "gov_subject_code", Value: s("50101")},
			{Key: "gov_subject", Value: s("工资奖金津补贴")}, {Key: "total", Value: s("5000000.00")}},
		{{Key: "total", Value: s("1.00")}}, // no subject: not an economic row
	}}
	doc := &schema.Document{Tables: []schema.Table{{Kind: schema.TableThreePublic}, table}, EconomicRows: schema.EconomicRows(table)}
	got := economicSources(doc)
	want := []struct{ code, gov, level string }{{"", "", "total"}, {"301", "", "category"}, {"30101", "50101", "item"}}
	if len(got) != len(want) {
		t.Fatalf("%d rows, want %d", len(got), len(want))
	}
	for i, w := range want {
		g := got[i]
		if show(g.code) != orNil(w.code) || show(g.govCode) != orNil(w.gov) || g.Level != w.level || g.table != 1 || show(g.unit) != "元" {
			t.Errorf("row %d: code %s gov %s level %s table %d unit %s, want %+v", i, show(g.code), show(g.govCode), g.Level, g.table, show(g.unit), w)
		}
	}
	// Edited by hand: the rows no longer come from the table.
	doc.EconomicRows[1].Total = s("1.00")
	for i, g := range economicSources(doc) {
		if g.table != -1 || g.unit != nil || g.code != nil {
			t.Errorf("edited row %d traced to table %d", i, g.table)
		}
	}
}

func orNil(s string) string {
	if s == "" {
		return "nil"
	}
	return s
}
