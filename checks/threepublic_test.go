package checks

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// jiangsuThreePublic is the 三公 table of the Jiangsu 政协办公厅's 2017
// budget (../shared/corpus/real/js-zxbgt-2017-tables.pdf, page 11, 表十一
// “三公”经费、会议费、培训费支出预算表, 万元) as pdftotext prints it: the
// header labels and the one row, keyed by schema.ColumnKeys, not by hand. A
// key schema renames to one the checks do not read as money once made this
// check report "公务用车购置及运行费 156.60 but Σ = 0".
func jiangsuThreePublic(t *testing.T, operation string) schema.Table {
	t.Helper()
	cells := []struct{ label, value string }{
		{"合计", "1852.32"},
		{"“三公”经费/小计", "676.10"},
		{"“三公”经费/因公出国（境）费", "76.00"},
		{"“三公”经费/公务用车购置及运行维护费/小计", "156.60"},
		{"“三公”经费/公务用车购置及运行维护费/公务用车购置费", ""},
		{"“三公”经费/公务用车购置及运行维护费/公务用车运行维护费", operation},
		{"“三公”经费/公务接待费", "443.50"},
		{"会议费", "1094.62"},
		{"培训费", "81.60"},
	}
	var labels []string
	for _, c := range cells {
		labels = append(labels, c.label)
	}
	keys := schema.ColumnKeys(schema.TableThreePublic, labels)
	tb := schema.Table{Kind: schema.TableThreePublic, Unit: schema.Str("万元"), Pages: []int{11}}
	var row schema.Row
	for i, c := range cells {
		tb.Columns = append(tb.Columns, schema.Column{Key: keys[i], Label: c.label})
		var v *string
		if c.value != "" {
			v = schema.Str(c.value)
		}
		row = append(row, schema.Cell{Key: keys[i], Value: v})
	}
	tb.Rows = []schema.Row{row}
	// Every figure is read as money: a key the checks do not know as an
	// amount drops its column from every sum.
	for i, k := range keys {
		if !schema.IsAmountKey(k) {
			t.Errorf("%s: key %s is not an amount key", cells[i].label, k)
		}
	}
	return tb
}

func TestThreePublicJiangsu(t *testing.T) {
	// 156.60 = 0 + 156.60; 676.10 = 76.00 + 443.50 + 156.60.
	expect(t, "as printed", rowTotals(ptr(jiangsuThreePublic(t, "156.60"))),
		"pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费 holds on 1 rows",
		"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 holds on 1 rows")
	// A planted corruption of the running cost is still caught.
	expect(t, "运行维护费 165.60", rowTotals(ptr(jiangsuThreePublic(t, "165.60"))),
		"fail 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费: row 1: 公务用车购置及运行费 156.60 but Σ = 165.60",
		"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 holds on 1 rows")
}

func ptr(t schema.Table) *schema.Table { return &t }
