package schema

import "strings"

// The vocabulary of performance forms: the printed labels of the header
// block, the funds block, the goals rows, the contact line and the
// indicator grid, each with what it stands for. This is the file to open
// for a new form wording; the parsers (forms.go, formparse.go, formlong.go,
// formlabels.go) read these tables. Labels are matched on squeezeLabel's
// text (NFKC, no spaces or colons).

// form field labels, matched on the label's squeezed text.
var formFields = []struct {
	label string
	set   func(f *PerformanceForm, v *string)
}{
	{"项目名称", func(f *PerformanceForm, v *string) {
		if v != nil {
			f.Project = *v
		}
	}},
	{"主管部门", func(f *PerformanceForm, v *string) {
		if v == nil {
			return
		}
		code, name, ok := strings.Cut(*v, "-")
		if !ok {
			code, name, ok = strings.Cut(*v, "_")
		}
		if ok && strings.Trim(code, "0123456789") == "" && code != "" {
			f.DepartmentCode, f.Department = Str(code), Str(name)
			return
		}
		f.Department = v
	}},
	{"实施单位", func(f *PerformanceForm, v *string) { f.ImplementingUnit = v }},
	{"项目属性", func(f *PerformanceForm, v *string) { f.Attribute = v }},
	{"项目性质", func(f *PerformanceForm, v *string) { f.Attribute = v }},
	{"项目类别", func(f *PerformanceForm, v *string) { f.Attribute = v }},
	// Dates of the header block: a field (so never an indicator row), kept
	// nowhere else in the record.
	{"计划开始日期", func(f *PerformanceForm, v *string) {}},
	{"计划完成日期", func(f *PerformanceForm, v *string) {}},
	{"项目期", func(f *PerformanceForm, v *string) { f.Period = v }},
	{"项目周期", func(f *PerformanceForm, v *string) { f.Period = v }},
	{"项目概况", func(f *PerformanceForm, v *string) { f.Overview = v }},
	{"立项依据", func(f *PerformanceForm, v *string) { f.Basis = v }},
	{"必要性", func(f *PerformanceForm, v *string) { f.Necessity = v }},
	{"制度、措施", func(f *PerformanceForm, v *string) { f.Measures = v }},
	{"保障措施", func(f *PerformanceForm, v *string) { f.Measures = v }},
	{"实施计划", func(f *PerformanceForm, v *string) { f.Plan = v }},
}

// Column roles of an indicator table, by header label. A header cell takes
// the role of the first entry whose label it contains (after squeezeLabel),
// so the longer, more specific labels come first. This is the one table of
// indicator-grid header vocabulary; the header-block field labels are
// formFields (forms.go).
var gridColumnLabels = []struct{ label, role string }{
	{"绩效指标性质", "op"},
	{"指标性质", "op"},
	{"指标方向", "direction"},
	{"度量单位", "unit"},
	{"计量单位", "unit"},
	{"指标权重", "weight"},
	{"权重", "weight"},
	{"是否核心", "core"},
	{"实际完成值", "actual"},
	{"完成值", "actual"},
	{"得分", "score"},
	{"分值", "weight"},
	{"一级指标", "level1"},
	{"二级指标", "level2"},
	{"三级指标", "level3"},
	{"指标名称", "level3"},
	{"指标内容", "level3"},
	{"实施周期指标值", "period_value"},
	{"指标值", "value"},
	{"目标值", "value"},
	{"序号", "serial"},
	{"项目名称", "project"},
	{"预算单位", "unit_name"},
	{"项目代码", "project_code"},
	{"项目编码", "project_code"},
	{"项目总额", "total"},
	{"年度资金总额", "total"},
	{"预算金额", "total"},
	{"预算数", "total"},
	{"总计", "total"},
	{"合计", "total"},
	{"财政资金", "fiscal"},
	{"财政拨款", "fiscal"},
	{"其他资金", "other"},
	{"实施期目标", "period_goals"},
	{"绩效目标", "goals"},
	{"年度目标", "goals"},
}

// projectTitleEnds end the title of a target table printed for one project
// whose name is only in the title (2026年全国民航反电诈中心建设项目绩效目标表):
// the name is the title without its year and this ending. A title naming
// no project (项目支出绩效目标表, 部门整体…) is no project's.
var projectTitleEnds = []string{"绩效目标申报表", "绩效目标表"}

// notProjectTitles are title words of target tables that list many
// projects or a department, never one project.
var notProjectTitles = []string{"项目支出", "重点项目", "部门整体", "整体支出", "专项资金", "一级项目", "二级项目", "含转移支付"}

// gridExactLabels are header labels that take their role only as the whole
// cell: 绩效指标 heads a packed indicator cell, while 本年绩效指标值 is a value
// column.
var gridExactLabels = map[string]string{"绩效指标": "packed"}

// coreValues read 是否核心; directionValues the printed 指标方向.
var (
	coreValues      = map[string]bool{"是": true, "否": false, "核心": true, "非核心": false}
	directionValues = []string{"正向", "反向"}
)

// fundColumnLabels head the columns of a funds block that prints several
// figures per line (a self-evaluation): the label's role in FundFigures.
var fundColumnLabels = []struct{ label, role string }{
	{"全年预算数", "total"}, {"全年执行数", "executed"}, {"年初预算数", "initial"},
}

// goalLabels are the labels of a goals row: 1 the period's goal (or both,
// period then annual), 2 the annual goal.
var goalLabels = map[string]int{
	"总体目标": 1, "项目总目标": 1, "实施期目标": 1, "实施期总目标": 1,
	"年度总体目标": 2, "年度目标值": 2, "当年绩效目标": 2, "年度绩效目标": 2, "年度目标": 2,
	// a self-evaluation: 预期目标 | 实际完成情况 on this row, the texts on the next
	"年度总体目标完成情况": 3,
}

// goalHeaderLabels head a goals block whose texts are on the next row.
var goalHeaderLabels = []string{"实施期目标", "年度目标"}

// contactLabels are the labels of a form's bottom line, matched as
// prefixes, and the Contact field each sets.
var contactLabels = []struct {
	label string
	field func(c *Contact) **string
}{
	{"负责人", func(c *Contact) **string { return &c.Responsible }},
	{"经办人", func(c *Contact) **string { return &c.Handler }},
	{"联系电话", func(c *Contact) **string { return &c.Phone }},
	{"填报日期", func(c *Contact) **string { return &c.FilledAt }},
}

// Fund roles: the FundFigures line a funds label names.
const (
	fundTotal       = "total"
	fundCentral     = "central"
	fundProvincial  = "provincial"
	fundLocal       = "local"
	fundSelfRaised  = "self_raised"
	fundCarriedOver = "carried_over"
	fundFiscal      = "fiscal"
	fundOther       = "other"
)

// fundLabelHints: a funds label contains one of these words or ends in
// fundLabelSuffix (and is short, not an amount).
var (
	fundLabelHints  = []string{"资", "总额", "自筹", "拨款"}
	fundLabelSuffix = "预算"
)

// fundLabels name a funds line: the first entry with a word the label
// contains (or a whole label it equals) wins.
var fundLabels = []struct {
	role  string
	words []string
	whole []string
}{
	{fundTotal, []string{"总额"}, []string{"当年预算", "年度预算"}},
	{fundCentral, []string{"中央"}, nil},
	{fundProvincial, []string{"省级", "省财政"}, nil},
	{fundLocal, []string{"市县", "市级", "县级", "地方", "区级"}, nil},
	{fundSelfRaised, []string{"自筹"}, nil},
	{fundCarriedOver, []string{"上年结转"}, nil},
	{fundFiscal, []string{"财政拨款", "财政资金"}, nil},
	{fundOther, []string{"其他"}, nil},
}

// fundFields are the FundFigures field of each fund role.
var fundFields = map[string]func(ff *FundFigures) **string{
	fundTotal:       func(ff *FundFigures) **string { return &ff.Total },
	fundCentral:     func(ff *FundFigures) **string { return &ff.Central },
	fundProvincial:  func(ff *FundFigures) **string { return &ff.Provincial },
	fundLocal:       func(ff *FundFigures) **string { return &ff.Local },
	fundSelfRaised:  func(ff *FundFigures) **string { return &ff.SelfRaised },
	fundOther:       func(ff *FundFigures) **string { return &ff.Other },
	fundFiscal:      func(ff *FundFigures) **string { return &ff.Fiscal },
	fundCarriedOver: func(ff *FundFigures) **string { return &ff.CarriedOver },
}

// fundScopeWords tell the scope of a funds label: 实施期 (the period, 0)
// or 年度 / 当年 (the year, 1).
var (
	fundPeriodWord  = "实施期"
	fundAnnualWords = []string{"年度", "当年"}
)

// indicatorLevelLabels head the level columns of an indicator grid; a
// merged body cell crossing the page break may print its text into the
// repeated header cell ("一级指标产出指标"), so they match as prefixes.
var indicatorLevelLabels = []struct{ label, kind string }{
	{"一级指标", "level1"}, {"二级指标", "level2"}, {"三级指标", "level3"},
}

// indicatorValueLabel heads a value column of an indicator grid (实施周期指标值, 年度指标值).
const indicatorValueLabel = "指标值"

// packedValueLabels are the labels of the values in a packed item, with
// their scope; the first one found that is printed is period, then annual.
var packedValueLabels = []struct{ label, scope string }{
	{"实施周期指标值", ScopePeriod}, {"年度指标值", ScopeAnnual},
}

// deptTargetTitles name a department-level target table (matched in the
// squeezed title).
var deptTargetTitles = []string{"部门整体支出绩效目标", "部门整体绩效目标", "部门整体预算绩效目标", "整体支出绩效目标"}

// deptGoalLabels label the goals of a department-level table.
var deptGoalLabels = []string{"整体绩效目标", "年度总体目标", "年度绩效目标", "总体目标", "绩效目标"}

// Indicator level names, for a name cell that prints the levels run into
// the indicator (Beijing's 部门整体支出绩效目标表: 产出指标数量指标气象监测
// 预报服务人员): the first level, then the second.
var (
	indicatorLevel1Names = []string{"产出指标", "效益指标", "满意度指标", "成本指标"}
	indicatorLevel2Names = []string{"数量指标", "质量指标", "时效指标", "成本指标",
		"经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
		"服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标"}
)

// splitLevels cuts the level names off the front of an indicator name
// that runs them in: ("产出指标", "数量指标", "气象监测预报服务人员"), or ok
// false where the name starts with no first-level name or nothing is left.
func splitLevels(name string) (l1, l2, l3 string, ok bool) {
	for _, a := range indicatorLevel1Names {
		rest, found := strings.CutPrefix(name, a)
		if !found {
			continue
		}
		for _, b := range indicatorLevel2Names {
			if r, ok := strings.CutPrefix(rest, b); ok && r != "" {
				return a, b, r, true
			}
		}
	}
	return "", "", "", false
}
