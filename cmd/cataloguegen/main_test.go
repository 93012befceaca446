package main

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

func doc(year int, kind string, rows ...schema.Row) *schema.Document {
	return &schema.Document{SchemaVersion: "1", Document: schema.DocumentInfo{Year: year},
		Tables: []schema.Table{{Kind: kind, Columns: []schema.Column{{Key: "subject_code"}, {Key: "subject_name"}}, Rows: rows}}}
}

func row(code, name string, inferred bool) schema.Row {
	r := schema.Row{{Key: "subject_code", Value: schema.Str(code)}, {Key: "subject_name", Value: schema.Str(name)}}
	if inferred {
		r = append(r, schema.Cell{Key: schema.KeyInferred, Value: schema.Str("true")})
	}
	return r
}

func TestCollectKeep(t *testing.T) {
	entries := map[[2]string]*entry{}
	gpbe := schema.TableGeneralPublicBudgetExpenditure
	collect(entries, "a.json", doc(2022, gpbe, row("2100410", "突发公共卫生事件应急处理", false), row("301", "工资福利支出", true)))
	collect(entries, "b.json", doc(2026, gpbe, row("2100410", "突发公共卫生事件应急处置", false), row("合计", "合计", false)))
	collect(entries, "c.json", doc(2026, gpbe, row("2100410", "突发公共卫生事件应急处置", false), row("2100410", "突发公共卫生事件应急", false)))
	for _, d := range []string{"d.json", "e.json", "f.json", "g.json"} {
		collect(entries, d, doc(2026, gpbe, row("2100410", "突发公共卫生事件应急处置", false)))
	}
	collect(entries, "p.json", doc(2026, schema.TableProjectExpenditure, row("2011302", "商贸业务宣传", false)))
	got := keep(entries)
	// the 2022 name (1 of 6 documents' 6) is dropped as rare; the cut name
	// too; the inferred code, the total and the project row never count.
	want := []struct {
		code, name string
		from, to   int
		docs       int
	}{{"2100410", "突发公共卫生事件应急处置", 2026, 2026, 6}}
	if len(got) != len(want) {
		for _, e := range got {
			t.Logf("%s %s %d-%d %d", e.code, e.name, e.from, e.to, len(e.docs))
		}
		t.Fatalf("%d entries, want %d", len(got), len(want))
	}
	for i, w := range want {
		e := got[i]
		if e.code != w.code || e.name != w.name || e.from != w.from || e.to != w.to || len(e.docs) != w.docs {
			t.Errorf("entry %d = %s %s %d-%d %d, want %+v", i, e.code, e.name, e.from, e.to, len(e.docs), w)
		}
	}
	// A renamed code printed as often under both names keeps both, with
	// their years.
	entries = map[[2]string]*entry{}
	collect(entries, "a.json", doc(2022, gpbe, row("2100410", "突发公共卫生事件应急处理", false)))
	collect(entries, "b.json", doc(2026, gpbe, row("2100410", "突发公共卫生事件应急处置", false)))
	if got := keep(entries); len(got) != 2 || got[0].from != 2022 || got[1].from != 2026 {
		t.Errorf("renamed code: %d entries", len(got))
	}
}
