package layout

import (
	"os"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/textutil"
)

func TestMetaLines(t *testing.T) {
	tests := []struct {
		line                     string
		title, label, dept, unit string
		note                     bool
	}{
		{line: "2023年预算支出总表", title: "2023年预算支出总表"},
		{line: "2023年一般公共预算支出预算表（不含上年结转）", title: "2023年一般公共预算支出预算表（不含上年结转）"},
		{line: "预算公开表3", label: "预算公开表3"},
		{line: "公开 01 表", label: "公开01表"},
		{line: "部门名称：中国共产党吕梁市委员会办公室", dept: "中国共产党吕梁市委员会办公室"},
		{line: "单位：万元", unit: "万元"},
		{line: "金额单位：元", unit: "元"},
		{line: "编制部门：上海市普陀区司法局 单位：元", dept: "上海市普陀区司法局", unit: "元"},
		{line: "部门：中国共产党江苏省委员会办单位：万元", dept: "中国共产党江苏省委员会办", unit: "万元"},
		{line: "注：本表无数据", note: true},
		{line: "（2023年度）"},
		{line: "2023年度预算收入总计1,738.50万元，其中：本年收入1,738.50万元。"},
		{line: "第二部分 2023年部门预算报表"},
	}
	for _, tt := range tests {
		var m meta
		m.take(tt.line)
		if m.title != tt.title || m.label != tt.label || m.dept != tt.dept || m.unit != tt.unit || (m.note != "") != tt.note {
			t.Errorf("%q: title %q label %q dept %q unit %q note %q", tt.line, m.title, m.label, m.dept, m.unit, m.note)
		}
	}
}

func TestDataRows(t *testing.T) {
	tests := []struct {
		row  []string
		data bool
	}{
		{[]string{"合计", "", "1,738.50", "1,530.68"}, true},
		{[]string{"201", "一般公共服务支出", "", ""}, true},
		{[]string{"项目", "", "2023年预算数", "", ""}, false},
		{[]string{"科目编码", "科目名称", "合计", "基本支出"}, false},
		{[]string{"", "合计", "一般公共预算", "政府性基金预算"}, false},
		{[]string{"", "合计", ""}, true},
		{[]string{"1", "2", "3", "4", "5"}, false},
		{[]string{"本年收入合计", "1,738.50", "本年支出合计", "1,738.50"}, true},
		{[]string{"项目", "2023年", "项目", "2023年合计"}, false},
		{[]string{"保密室互联网监测平台专线年租金", "0.80"}, true},
		{[]string{"公务用车", "80", "3990.4"}, true},
	}
	for _, tt := range tests {
		if got := isDataRow(tt.row); got != tt.data {
			t.Errorf("isDataRow(%q) = %v, want %v", tt.row, got, tt.data)
		}
	}
}

func TestIsLabelLine(t *testing.T) {
	for s, want := range map[string]bool{
		"预算公开表3": true, "公开02表": true, "公开 10 表": true, "附表1": true,
		"表一": true, "表 十二": true, // 江苏省政协办公厅 2017 tables PDF
		"收支预算总表": false, "表一览": false, "报表": false,
	} {
		if got := isLabelLine(s); got != want {
			t.Errorf("isLabelLine(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestRegexpGuards: the tests put before the classifying regexps (a
// length, a character the pattern needs) never turn a text away that the
// regexp matches: on every line of the seed disclosure, squeezed or not,
// and on texts made to sit at the guards' edges.
func TestRegexpGuards(t *testing.T) {
	data, err := os.ReadFile("../../shared/seeds/luliang-swbgs-2023-budget.txt")
	if err != nil {
		t.Skip("no seed text")
	}
	texts := []string{"（2023年度）", "(2023年)", "2023年", "（２０２３年度）", "（2023年度））", "2023", "1999", "20233",
		"目录……3", "一、部门概况...12", "第二部分 · · · 5", "第一部分部门概况", "第三章", "·2", "…", "表……", "2023年度部门预算表"}
	for _, l := range strings.Split(string(data), "\n") {
		texts = append(texts, l, strings.TrimSpace(l), textutil.Squeeze(l))
	}
	matched := 0
	for _, s := range texts {
		if got, want := isYearLine(s), yearLineRe.MatchString(s); got != want {
			t.Errorf("isYearLine(%q) = %v, the regexp %v", s, got, want)
		}
		if got, want := hasDotLeader(s), dotLeader.MatchString(s); got != want {
			t.Errorf("hasDotLeader(%q) = %v, the regexp %v", s, got, want)
		}
		if got, want := strings.HasPrefix(s, "第") && partRe.MatchString(s), partRe.MatchString(s); got != want {
			t.Errorf("part heading %q: guarded %v, the regexp %v", s, got, want)
		}
		if got, want := isYear(s), yearRe.MatchString(s); got != want {
			t.Errorf("year %q: guarded %v, the regexp %v", s, got, want)
		}
		if yearLineRe.MatchString(s) || dotLeader.MatchString(s) || partRe.MatchString(s) {
			matched++
		}
	}
	if matched < 8 {
		t.Errorf("only %d texts match a regexp: the test does not reach the guards' edges", matched)
	}
}
