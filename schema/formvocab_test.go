package schema

import (
	"slices"
	"strings"
	"testing"
)

// fundWordings are funds labels as forms print them and the line each
// names; TestFundLabelsCovered requires one per word of fundLabels.
var fundWordings = []struct{ label, role string }{
	{"年度资金总额", fundTotal}, {"当年预算", fundTotal}, {"年度预算", fundTotal},
	{"其中：中央财政资金", fundCentral},
	{"省级资金", fundProvincial}, {"省财政资金", fundProvincial},
	{"市县资金", fundLocal}, {"市级财政资金", fundLocal}, {"县级资金", fundLocal}, {"地方资金", fundLocal}, {"区级资金", fundLocal},
	{"单位自筹", fundSelfRaised},
	{"上年结转资金", fundCarriedOver},
	{"其中：财政拨款", fundFiscal}, {"财政资金", fundFiscal},
	{"其他资金", fundOther},
	{"1,234.00", ""}, {"项目负责人", ""}, {"资金使用单位名称很长很长的一格文字", ""},
}

func TestFundKey(t *testing.T) {
	for _, tt := range fundWordings {
		if got := fundKey(tt.label); got != tt.role {
			t.Errorf("fundKey(%q) = %q, want %q", tt.label, got, tt.role)
		}
	}
}

func TestFundLabelsCovered(t *testing.T) {
	for _, f := range fundLabels {
		if fundFields[f.role] == nil {
			t.Errorf("fund role %s has no FundFigures field", f.role)
		}
		for _, w := range append(append([]string(nil), f.words...), f.whole...) {
			found := false
			for _, tt := range fundWordings {
				found = found || (tt.role == f.role && strings.Contains(squeezeLabel(tt.label), w))
			}
			if !found {
				t.Errorf("fund label %q (%s): no wording in fundWordings", w, f.role)
			}
		}
	}
}

func TestContactLabels(t *testing.T) {
	p := &formParser{cur: &PerformanceForm{}}
	p.contact([]string{"项目负责人：", "王五", "经办人:栗志伟", "联系电话", "0358-8226001", "填报日期", "20230315093000"})
	c := p.cur.Contact
	got := []string{deref(c.Responsible), deref(c.Handler), deref(c.Phone), deref(c.FilledAt)}
	// 项目负责人 does not start with 负责人: not the responsible's label.
	want := []string{"", "栗志伟", "0358-8226001", "2023-03-15T09:30:00"}
	if !slices.Equal(got, want) {
		t.Errorf("contact = %q, want %q", got, want)
	}
	p = &formParser{cur: &PerformanceForm{}}
	p.contact([]string{"负责人", "王五"})
	if deref(p.cur.Contact.Responsible) != "王五" {
		t.Errorf("负责人: %q", deref(p.cur.Contact.Responsible))
	}
	for _, cl := range contactLabels {
		if !isContactLabel(cl.label + "：") {
			t.Errorf("isContactLabel(%q) = false", cl.label)
		}
	}
}

func TestIndicatorLevel(t *testing.T) {
	for l, want := range map[string]string{"一级指标": "level1", "二级指标产出指标": "level2", "三级指标": "level3", "指标值": "", "四级指标": ""} {
		if got := indicatorLevel(l); got != want {
			t.Errorf("indicatorLevel(%q) = %q, want %q", l, got, want)
		}
	}
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

func TestSplitLevels(t *testing.T) {
	for _, tt := range []struct {
		name, l1, l2, l3 string
		ok               bool
	}{
		{"产出指标数量指标气象监测预报服务人员", "产出指标", "数量指标", "气象监测预报服务人员", true},
		{"满意度指标服务对象满意度指标全市市民对气象服务满意度", "满意度指标", "服务对象满意度指标", "全市市民对气象服务满意度", true},
		{"效益指标社会效益指标提供预报预警业务及防灾减灾服务", "效益指标", "社会效益指标", "提供预报预警业务及防灾减灾服务", true},
		{"产出指标数量指标", "", "", "", false}, // nothing left: a level row, not an indicator
		{"数量指标完成数", "", "", "", false},  // no first level in front
		{"续建大中型水库", "", "", "", false},
	} {
		l1, l2, l3, ok := splitLevels(tt.name)
		if l1 != tt.l1 || l2 != tt.l2 || l3 != tt.l3 || ok != tt.ok {
			t.Errorf("splitLevels(%q) = %q %q %q %v, want %q %q %q %v", tt.name, l1, l2, l3, ok, tt.l1, tt.l2, tt.l3, tt.ok)
		}
	}
}
