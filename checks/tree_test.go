package checks

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// TestUnitCodeTree: a table of budget units coded 317 / 317001 / 317002 adds
// up as its codes nest; a list whose rows only name their unit (Xi'an's
// 财政拨款结转资金支出表: two projects of unit 125001) is no tree.
func TestUnitCodeTree(t *testing.T) {
	keys := []string{"unit_code", "unit_name", "total"}
	units := tbl(schema.TableExpenditureSummary, keys,
		[]string{"", "合计", "30.00"},
		[]string{"317", "某局", "30.00"},
		[]string{"317001", "某局本级", "20.00"},
		[]string{"317002", "某中心", "10.00"})
	list := tbl(schema.TableProjectExpenditureCarryover, []string{"unit_code", "unit_name", "item", "total"},
		[]string{"125001", "西安市安全生产监督管理局", "拨付2017年度省级工业转型升级资金", "9.00"},
		[]string{"125001", "西安市安全生产监督管理局", "省级安全生产专项", "2.61"})
	tests := []struct {
		name string
		t    schema.Table
		want []string
	}{
		{"units nest", units, []string{"pass"}},
		{"a unit off", set(units, 3, "total", "11.00"), []string{"fail 317 = 30.00 but Σ317xxx = 31.00"}},
		{"rows naming their unit", list, nil},
	}
	for _, tt := range tests {
		expect(t, tt.name, subjectTree(&tt.t), tt.want...)
	}
}

// TestBreakdownWithGroupRows: rows printing one code one after another break
// the subject down; in 西安's 政府采购预算表 the breakdown holds group rows of
// its own (a fund's line over each unit's line over its purchases), so the
// subject adds up the purchases only. A planted corruption still fails.
func TestBreakdownWithGroupRows(t *testing.T) {
	keys := []string{"subject_code", "item", "total"}
	tb := tbl(schema.TableGovernmentProcurement, keys,
		[]string{"", "合计", "600.00"},
		[]string{"2010301", "全额", "500.00"},
		[]string{"2010301", "单位甲", "300.00"}, []string{"2010301", "体检服务", "100.00"}, []string{"2010301", "新闻服务", "200.00"},
		[]string{"2010301", "单位乙", "200.00"}, []string{"2010301", "印刷服务", "200.00"},
		[]string{"2010306", "全额", "100.00"})
	if got := subjectTree(&tb); len(got) == 0 || got[0].Status == schema.StatusFail {
		t.Errorf("as printed: %v", got)
	}
	bad := set(tb, 4, "total", "210.00") // 新闻服务 200 → 210
	failed := false
	for _, c := range subjectTree(&bad) {
		failed = failed || c.Status == schema.StatusFail
	}
	if !failed {
		t.Errorf("新闻服务 210.00: no failing check")
	}
}
