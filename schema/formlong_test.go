package schema

import (
	"fmt"
	"testing"
)

// lrow builds a long-table row: cells at fixed columns 0..8 (x = 100·col),
// "" for an empty cell; rowspan applies to column 0.
func lrow(page int, span int, texts ...string) FormRow {
	r := FormRow{Page: page, Table: 1, Unit: "万元"}
	for i, t := range texts {
		c := FormCell{Text: t, Col: i, X0: float64(100 * i), X1: float64(100*i + 99)}
		if i == 0 && span > 1 {
			c.RowSpan = span
		}
		r.Cells = append(r.Cells, c)
	}
	return r
}

func TestLongForms(t *testing.T) {
	head := lrow(1, 1, "项目名称", "项目总额", "财政资金", "绩效目标", "一级指标", "二级指标", "三级指标", "绩效指标性质", "本年绩效指标值", "绩效度量单位")
	head2 := head
	head2.Page = 2
	rows := []FormRow{
		head,
		lrow(1, 2, "11000024T000002830551-统计监测", "76.64", "76.64", "目标一", "产出指标", "数量指标", "资料种类", "≥", "7", "种"),
		lrow(1, 1, "", "", "", "", "产出指标", "质量指标", "合格率", "＝", "100", "%"),
		lrow(1, 1, "11000022T00000044", "", "", "目标二", "效益指标", "社会效益指标", "影响", "定性", "良好", ""),
		lrow(1, 1, "", "81.50", "81.50", "", "产出指标", "数量指标", "样本量", "≤", "0.89", "万元"),
		lrow(1, 1, "6223-政府热点调查", "", "", "", "产出指标", "数量指标", "报告", "≥", "1", "篇"),
		head2,
		lrow(2, 1, "", "", "", "续", "满意度指标", "满意度", "满意率", "≥", "95", "%"),
		lrow(2, 3, "", "", "", "目标三", "产出指标", "数量指标", "次数", "≥", "3", "次"),
	}
	rows = append(rows, lrow(3, 1, "11000024T000002859999-第三个项目", "10.00", "10.00", "目标三续", "产出指标", "数量指标", "人次", "≥", "2", "人次"))
	forms, _ := longForms(rows)
	var got []string
	for _, f := range forms {
		got = append(got, fmt.Sprintf("%s|%s|%s|%s|%d|%v", s(f.ProjectCode), f.Project, s(f.Funds.Annual.Total), s(f.Goals.Annual), len(f.Indicators), f.Pages))
	}
	want := []string{
		"11000024T000002830551|统计监测|76.64|目标一|2|[1]",
		"11000022T000000446223|政府热点调查|81.50|目标二续|4|[1 2]",
		"11000024T000002859999|第三个项目|10.00|目标三目标三续|2|[2 3]",
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("long forms\n got %q\nwant %q", got, want)
	}
	if len(forms) > 0 {
		ind := forms[0].Indicators[1]
		if s(ind.Op) != "=" || s(ind.Number) != "100" || s(ind.Unit) != "%" || ind.Scope != ScopeAnnual || forms[0].Family != FormFamilyLongTable {
			t.Errorf("indicator %+v", ind)
		}
	}
}
