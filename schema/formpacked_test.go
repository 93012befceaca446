package schema

import (
	"fmt"
	"testing"
)

func TestParsePacked(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；年度指标值:每年≥20场。2、4-成本指标；41-经济成本指标；资金使用合规率；实施周期指标值:≥ 99.5%；年度指标值:100%。",
			[]string{"period 产出指标 数量指标 会议活动保障次数 每年≥20场 -", "annual 产出指标 数量指标 会议活动保障次数 每年≥20场 -",
				"period 成本指标 经济成本指标 资金使用合规率 ≥99.5% >=", "annual 成本指标 经济成本指标 资金使用合规率 100% ="}},
		{"1.1－产出指标，11－数量指标，项目专职环保员数量；实施周期指标值：≦核定人数，年度指标值：≦核定人数；2、1－产出指标，12－质量指标，专职环保员队伍管理规范化；实施周期指标值：考察是否符合规范，合规得满分，不合规不得分。年度指标值：是；",
			[]string{"period 产出指标 数量指标 项目专职环保员数量 ≦核定人数 -", "annual 产出指标 数量指标 项目专职环保员数量 ≦核定人数 -",
				"period 产出指标 质量指标 专职环保员队伍管理规范化 考察是否符合规范,合规得满分,不合规不得分 -", "annual 产出指标 质量指标 专职环保员队伍管理规范化 是 -"}},
		{"3、1-产出指标；12 -质量指标；服务满意度（%）；年度指标值:≥98%。", []string{"annual 产出指标 质量指标 服务满意度（%） ≥98% >="}},
		{"没有指标", nil},
	}
	for _, tt := range tests {
		got := parsePacked(tt.in)
		var g []string
		for _, ind := range got {
			op := "-"
			if ind.Op != nil {
				op = *ind.Op
			}
			g = append(g, fmt.Sprintf("%s %s %s %s %s %s", ind.Scope, ind.Level1, ind.Level2, ind.Level3, s(ind.Value), op))
		}
		if fmt.Sprint(g) != fmt.Sprint(tt.want) {
			t.Errorf("parsePacked(%q)\n got %q\nwant %q", tt.in, g, tt.want)
		}
	}
}
