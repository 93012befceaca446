package schema

import "testing"

func TestDeptTargetTitle(t *testing.T) {
	for title, want := range map[string]bool{
		"预算13表 部门整体支出绩效目标表": true, "2026 年部门整体绩效目标表": true, "部门整体预算绩效目标申报表": true,
		"部门整体支出绩效自评表": false, "项目支出绩效目标表": false,
	} {
		if got := isDeptTargetTitle(title); got != want {
			t.Errorf("%s: %v", title, got)
		}
	}
}

func TestGridRole(t *testing.T) {
	for label, want := range map[string]string{
		"绩效指标性质": "op", "本年绩效指标值": "value", "绩效指标": "packed", "指标名称": "level3", "计量单位": "unit",
		"指标权重(%)": "weight", "是否核心": "core", "实际完成值": "actual", "得分": "score", "项目名称（资金使用单位）": "project",
		"实施周期指标值": "period_value", "绩效目标": "goals", "序号": "serial", "一级指标": "level1",
	} {
		if got := gridRole(label); got != want {
			t.Errorf("gridRole(%s) = %q, want %q", label, got, want)
		}
	}
}
