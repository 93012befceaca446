package checks

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
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

// xianThreePublic is the 合计 row of the 三公 table of Xi'an's 商务局
// (../shared/corpus/national/020_西安/商务局_2026年部门预算.pdf, page 62, 元)
// as pdftotext prints it: 2021年 | 2022年 | 增减变化情况, each with 合计 (三公,
// 会议费 and 培训费), the 三公 小计 and its parts. Keys by schema.ColumnKeys.
func xianThreePublic(t *testing.T, reception2022 string) schema.Table {
	t.Helper()
	parts := []string{"合计", "一般公共预算拨款安排的“三公”经费预算/小计", "一般公共预算拨款安排的“三公”经费预算/因公出国（境）费用",
		"一般公共预算拨款安排的“三公”经费预算/公务接待费", "一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/小计",
		"一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车购置费",
		"一般公共预算拨款安排的“三公”经费预算/公务用车购置及运行维护费/公务用车运行费", "会议费", "培训费"}
	values := map[string][]string{
		"2021年":  {"322425.00", "68300.00", "0.00", "68300.00", "0.00", "0.00", "0.00", "59337.50", "194787.50"},
		"2022年":  {"582902.00", "343000.00", "0.00", reception2022, "275000.00", "0.00", "275000.00", "26052.00", "213850.00"},
		"增减变化情况": {"260477.00", "274700.00", "0.00", "-300.00", "275000.00", "0.00", "275000.00", "-33285.50", "19062.50"},
	}
	labels, vals := []string{"单位名称"}, []string{"合计"}
	for _, top := range []string{"2021年", "2022年", "增减变化情况"} {
		for i, p := range parts {
			labels = append(labels, top+"/"+p)
			vals = append(vals, values[top][i])
		}
	}
	keys := schema.ColumnKeys(schema.TableThreePublic, labels)
	tb := schema.Table{Kind: schema.TableThreePublic, Unit: schema.Str("元"), Pages: []int{62}}
	var row schema.Row
	for i := range labels {
		tb.Columns = append(tb.Columns, schema.Column{Key: keys[i], Label: labels[i]})
		row = append(row, schema.Cell{Key: keys[i], Value: schema.Str(vals[i])})
	}
	tb.Rows = []schema.Row{row}
	return tb
}

func TestThreePublicYearsAndChange(t *testing.T) {
	// 2022: 343000 = 0 + 68000 + 275000 (the 小计, not the 合计 582902 that
	// covers 会议费 and 培训费); the 增减 columns (change_…) are no third year.
	tb := xianThreePublic(t, "68000.00")
	if k := tb.Columns[19].Key; k != schema.ChangePrefix+schema.KeyTotal {
		t.Errorf("增减变化情况/合计 keyed %s, want change_total", k)
	}
	expect(t, "as printed", rowTotals(&tb),
		"pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费 holds on 1 rows",
		"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 holds on 1 rows",
		"pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费 (last year's columns) holds on 1 rows",
		"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 (last year's columns) holds on 1 rows")
	bad := xianThreePublic(t, "86000.00") // planted: 公务接待费 68000 → 86000
	expect(t, "公务接待费 86000", rowTotals(&bad),
		"pass 公务用车购置及运行费",
		"fail 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费: 合计: 合计 343000.00 but Σ = 361000.00",
		"pass 公务用车购置及运行费 = ①公务用车购置费 + ②公务用车运行维护费 (last year's columns)",
		"pass 合计 = 因公出国（境）费 + 公务接待费 + 公务用车购置及运行费 (last year's columns)")

	// The narrative's 三公 figure is the 小计 (34.30万元 = 343000 元), its
	// 公务接待费 the part's column.
	doc := &schema.Document{Tables: []schema.Table{tb}}
	for _, tt := range []struct {
		part string
		want string
	}{{tpTotal, "343000"}, {tpReception, "68000"}, {tpCar, "275000"}} {
		r := threePublicRow(tt.part)(doc, tt.part)
		if len(r) != 1 || !r[0].fig.v.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("threePublicRow(%s) = %v, want %s", tt.part, r, tt.want)
		}
	}
}
