package batch

import (
	"fmt"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestThreePublicTotals: the 三公 figure of each printed layout (rows as
// the real and national files print them), in 分.
func TestThreePublicTotals(t *testing.T) {
	s := schema.Str
	cell := func(k, v string) schema.Cell {
		if v == "" {
			return schema.Cell{Key: k}
		}
		return schema.Cell{Key: k, Value: s(v)}
	}
	tp := func(unit string, rows ...schema.Row) schema.Table {
		return schema.Table{Kind: schema.TableThreePublic, Unit: s(unit), Rows: rows}
	}
	for _, c := range []struct {
		name   string
		kind   string
		tables []schema.Table
		want   string // basis:table:row:column:fen ...
	}{
		{"one wide row (Shanghai)", schema.KindBudget, []schema.Table{tp("万元",
			schema.Row{cell("total", "43.50"), cell("overseas_travel", "24.00")})},
			"budget:0:0:total:43500000"},
		{"合计 row, 三公 sum beside 会议费 (Xi'an)", schema.KindBudget, []schema.Table{tp("元",
			schema.Row{cell("unit_name", "合计"), cell("total", "582902.00"), cell("three_public_total", "343000.00")},
			schema.Row{cell("unit_name", "西安市商务局"), cell("total", "582902.00"), cell("three_public_total", "343000.00")})},
			"budget:0:0:three_public_total:34300000"},
		{"三公 row under 行政经费 (Guangzhou)", schema.KindBudget, []schema.Table{tp("万元",
			schema.Row{cell("item", "行政经费"), cell("total", "6998.04")},
			schema.Row{cell("item", "“三公”经费"), cell("total", "242.29")},
			schema.Row{cell("item", "其中：（一）因公出国（境）支出"), cell("total", "22.06")})},
			"budget:0:1:total:242290000"},
		{"final account: 预算数 and 决算数", schema.KindFinalAccount, []schema.Table{{Kind: schema.TableThreePublic + schema.FinalSuffix, Unit: s("万元"), Rows: []schema.Row{
			{cell("item", "预算数"), cell("total", "593.46")},
			{cell("item", "决算数"), cell("total", "587.55")}}}},
			"budget:0:0:total:593460000 final:0:1:total:587550000"},
		{"final account, one row", schema.KindFinalAccount, []schema.Table{tp("万元",
			schema.Row{cell("item", "合计"), cell("total", "17.50")})},
			"final:0:0:total:17500000"},
		{"empty table, then one with figures", schema.KindBudget, []schema.Table{
			{Kind: schema.TableThreePublic, Empty: true},
			{Kind: schema.TableAgencyOperating},
			tp("万元", schema.Row{cell("total", "1.00")})},
			"budget:2:0:total:1000000"},
		{"unnamed columns: nothing", schema.KindBudget, []schema.Table{tp("万元",
			schema.Row{cell("unit_name", "深圳市统计局（本级）"), cell("col_2", "11.56")},
			schema.Row{cell("col_2", "4.20")})},
			""},
	} {
		doc := &schema.Document{Document: schema.DocumentInfo{Kind: c.kind}, Tables: c.tables}
		var got []string
		for _, x := range threePublicTotals(doc) {
			got = append(got, fmt.Sprintf("%s:%d:%d:%s:%v", x.basis, x.table, x.row, x.column, fen(x.value, x.unit)))
		}
		if g := strings.Join(got, " "); g != c.want {
			t.Errorf("%s: %q, want %q", c.name, g, c.want)
		}
	}
}
