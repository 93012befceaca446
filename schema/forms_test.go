package schema

import (
	"fmt"
	"strings"
	"testing"
)

// frow builds a form row from tab-separated texts; column i spans x from
// 100*i to 100*i+100, so rows carry positions like a PDF's.
func frow(page int, tsv string) FormRow {
	r := FormRow{Page: page, Block: page}
	for i, t := range strings.Split(tsv, "\t") {
		if t != "" {
			r.Cells = append(r.Cells, FormCell{Text: t, Col: i, X0: float64(100 * i), X1: float64(100*i + 100)})
		}
	}
	return r
}

// header block of the first form, as print titles repeat it.
var firstHead = []string{
	"项目名称\t保密室互联网监测平台专线年租金",
	"主管部门及代码\t001-中国共产党吕梁市委员会办公室\t\t\t实施单位\t中国共产党吕梁市委员会办公室",
	"项目属性\t经常性项目（长期开展）\t\t\t项目期\t3年",
	"项目资金（元）\t实施期资金总额:\t24,000\t\t年度资金总额:\t8,000",
	"\t其中:中央财政资金\t0\t\t其中:中央财政资金\t0",
	"\t其他资金\t\t\t其他资金\t",
	"项目概况\t保密室互联网监测平台专线年租金",
	"项目实施计划\t全年",
	"\t实施期目标\t\t\t年度目标",
	"总体目标\t做好保密工作\t\t\t做好保密工作（年度）",
	"绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t二级指标\t三级指标\t指标值",
}

func TestFormsRepeatedBlockAndStitching(t *testing.T) {
	var rows []FormRow
	add := func(page int, lines ...string) {
		for _, l := range lines {
			rows = append(rows, frow(page, l))
		}
	}
	add(1, firstHead...)
	add(1,
		"\t产出指标\t数量指标\t租赁线路数量\t1条\t数量指标\t租赁线路数量\t1条",
		"\t\t\t系统故障平均恢复时长\t≤3min\t质量指标\t系统故障平均恢\t≤3min",
	)
	add(2, firstHead...) // print titles
	add(2,
		"\t满意度指标\t服务对象满意度\t使用人员满意度\t≥95%\t服务对象满意度\t使用人员满意度\t≥95%",
		"负责人:\t\t经办人:\t栗志伟\t联系电话:\t13753813666\t填报日期:\t20211116093736",
		"项目名称\t档案科培训费",
		"主管部门及代码\t001-中国共产党吕梁市委员会办公室\t\t\t实施单位\t中国共产党吕梁市委员会办公室",
		"项目资金（元）\t实施期资金总额:\t138,600\t\t年度资金总额:\t46,200",
	)
	add(3, firstHead...)
	add(3,
		"\t效益指标\t社会效益指标\t业务能力提升度\t提升\t社会效益指标\t业务能力提升度\t提升",
		"\t\t\t\t\t\t培训合格率\t＞90%",
		"负责人:\t\t经办人:\t宿晓星\t联系电话:\t13935859837\t填报日期:\t20221209231901",
	)
	forms, warns := Forms(rows)
	if len(warns) > 0 {
		t.Errorf("warnings: %v", warns)
	}
	if len(forms) != 2 {
		t.Fatalf("%d forms, want 2", len(forms))
	}
	f := forms[0]
	if f.Project != "保密室互联网监测平台专线年租金" || s(f.DepartmentCode) != "001" || s(f.Department) != "中国共产党吕梁市委员会办公室" ||
		s(f.ImplementingUnit) != "中国共产党吕梁市委员会办公室" || s(f.Attribute) != "经常性项目（长期开展）" || s(f.Period) != "3年" ||
		s(f.Overview) != "保密室互联网监测平台专线年租金" || s(f.Plan) != "全年" ||
		s(f.Goals.Period) != "做好保密工作" || s(f.Goals.Annual) != "做好保密工作（年度）" {
		t.Errorf("form 1 fields: %+v", f)
	}
	if s(f.Funds.Period.Total) != "24000" || s(f.Funds.Annual.Total) != "8000" || s(f.Funds.Period.Central) != "0" || f.Funds.Period.Other != nil || f.Funds.Annual.Other != nil || s(f.Funds.Unit) != "元" {
		t.Errorf("form 1 funds: %+v", f.Funds)
	}
	if got := fmt.Sprint(f.Pages); got != "[1 2]" {
		t.Errorf("form 1 pages %s", got)
	}
	if s(f.Contact.Handler) != "栗志伟" || s(f.Contact.Phone) != "13753813666" || s(f.Contact.FilledAt) != "2021-11-16T09:37:36" || f.Contact.Responsible != nil {
		t.Errorf("form 1 contact %+v", f.Contact)
	}
	want1 := []string{
		"period 产出指标 数量指标 租赁线路数量 - 1条 = 1 条",
		"annual 产出指标 数量指标 租赁线路数量 - 1条 = 1 条",
		"period 产出指标 数量指标 系统故障平均恢复时长 - ≤3min <= 3 min",
		"annual 产出指标 质量指标 系统故障平均恢 系统故障平均恢复时长 ≤3min <= 3 min",
		"period 满意度指标 服务对象满意度 使用人员满意度 - ≥95% >= 95 %",
		"annual 满意度指标 服务对象满意度 使用人员满意度 - ≥95% >= 95 %",
	}
	checkIndicators(t, f, want1)
	g := forms[1]
	if g.Project != "档案科培训费" || s(g.Funds.Period.Total) != "138600" || s(g.Funds.Annual.Total) != "46200" || s(g.Contact.Handler) != "宿晓星" {
		t.Errorf("form 2: %+v", g)
	}
	if got := fmt.Sprint(g.Pages); got != "[2 3]" {
		t.Errorf("form 2 pages %s", got)
	}
	checkIndicators(t, g, []string{
		"period 效益指标 社会效益指标 业务能力提升度 - 提升 - - -",
		"annual 效益指标 社会效益指标 业务能力提升度 - 提升 - - -",
		"annual 效益指标 社会效益指标 培训合格率 - ＞90% > 90 %",
	})
}

func TestFormsSingleColumn(t *testing.T) {
	rows := []FormRow{
		frow(7, "项目名称\t社区服务项目"),
		frow(7, "主管部门\t上海市普陀区万里街道办事处"),
		frow(7, "年度总体目标\t完成社区服务"),
		frow(7, "一级指标\t二级指标\t三级指标\t年度指标值"),
		frow(7, "产出指标\t数量指标\t服务人次\t≥1000人次"),
		frow(7, "\t\t覆盖社区\t12个"),
	}
	forms, _ := Forms(rows)
	if len(forms) != 1 {
		t.Fatalf("%d forms", len(forms))
	}
	f := forms[0]
	if f.DepartmentCode != nil || s(f.Department) != "上海市普陀区万里街道办事处" || s(f.Goals.Annual) != "完成社区服务" || f.Goals.Period != nil {
		t.Errorf("fields %+v", f)
	}
	checkIndicators(t, f, []string{
		"annual 产出指标 数量指标 服务人次 - ≥1000人次 >= 1000 人次",
		"annual 产出指标 数量指标 覆盖社区 - 12个 = 12 个",
	})
}

func checkIndicators(t *testing.T, f PerformanceForm, want []string) {
	t.Helper()
	var got []string
	for _, in := range f.Indicators {
		full := in.Level3Full
		if full == "" {
			full = "-"
		}
		got = append(got, strings.Join([]string{in.Scope, in.Level1, in.Level2, in.Level3, full, s(in.Value), dash(in.Op), dash(in.Number), dash(in.Unit)}, " "))
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s indicators:\n got %s\nwant %s", f.Project, strings.Join(got, "\n     "), strings.Join(want, "\n     "))
	}
}

func dash(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}

func TestJoinLevelAcrossPageBreak(t *testing.T) {
	tests := []struct{ prev, t, want string }{
		{"可持续影响", "指标", "可持续影响指标"}, // wrapped halves on two pages
		{"服务对象满", "意度", "服务对象满意度"},
		{"成本指", "效益指标", "效益指标"}, // a whole name of its own is not glued on
		{"产出指标", "效益指标", "效益指标"},
		{"", "数量指标", "数量指标"},
	}
	for _, tt := range tests {
		p := &formParser{cur: &PerformanceForm{}, lastPage: 1}
		if got := p.joinLevel(2, 1, -1, tt.prev, tt.t); got != tt.want {
			t.Errorf("joinLevel(%q, %q) = %q, want %q", tt.prev, tt.t, got, tt.want)
		}
	}
}
