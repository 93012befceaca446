package checks

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

func TestParseNarrative(t *testing.T) {
	tests := []struct {
		text string
		want []string // label=amount unit [share] [change]
	}{
		{"2023年度支出预算1,738.5万元，其中：基本支出1,530.68万元，占88.05%；项目支出207.82万元，占11.95%。",
			[]string{"支出预算=1,738.5万元", "基本支出=1,530.68万元 占88.05%", "项目支出=207.82万元 占11.95%"}},
		{"2023 年度一般公共预算当年拨款1,738.50万元,比上年减少910.41万元 , 下降34.37%。",
			[]string{"一般公共预算当年拨款=1,738.50万元 -910.41万元 -34.37%"}},
		{"2023年财政拨款安排的“三公”经费预算17.50万元比2022年同口径增加 2.50万元, 主要原因是。",
			[]string{"财政拨款安排的“三公”经费预算=17.50万元 +2.50万元"}},
		{"2022年市交通运输局机关运行经费一般公共预算1,011,333.12元，比2021年减少70,793.31元，下降6.54%。",
			[]string{"市交通运输局机关运行经费一般公共预算=1,011,333.12元 -70,793.31元 -6.54%"}},
		{"收入为一般公共预算拨款1,738.50万元，政府性基金预算拨款0.00万元。",
			[]string{"一般公共预算拨款=1,738.50万元", "政府性基金预算拨款=0.00万元"}},
		{"其中: 因公出国(境)费0.00万元与上年预算数相同; 公务接待费0.00万元与上年预算数相同。",
			[]string{"因公出国(境)费=0.00万元", "公务接待费=0.00万元"}},
		{"租赁费用≤8000元/年", []string{"租赁费用≤=8000元"}},
		{"实行绩效目标管理的项目11个，涉及一般公共预算当年拨款207.82万元。",
			[]string{"涉及一般公共预算当年拨款=207.82万元"}},
		// Yantai: the evaluated selection's funds are not the project total.
		{"涉及预算项目支出13个，预算资金2043.17万元。拟对灾害民生综合保险保费等2个项目开展部门重点绩效评价，涉及预算资金695万元，其中财政拨款695万元。",
			[]string{"预算资金=2043.17万元", "评价涉及预算资金=695万元", "财政拨款=695万元"}},
	}
	for _, tt := range tests {
		var got []string
		for _, m := range parseNarrative([]Text{{Page: 1, Text: tt.text}}) {
			s := m.label + "=" + m.printed + m.unit
			if m.share != nil {
				s += " 占" + m.share.printed + "%"
			}
			if c := m.change; c != nil {
				sign := map[int]string{1: "+", -1: "-"}
				s += " " + sign[c.sign] + c.printed + c.unit
				if c.pct != nil {
					s += " " + sign[c.pctSign] + c.pct.printed + "%"
				}
			}
			got = append(got, s)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%s:\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

// TestNarrativeWrapped: the seed's narrative cut into short lines the way a
// PDF wraps them gives the same checks as whole paragraphs.
func TestNarrativeWrapped(t *testing.T) {
	doc := loadDoc(t, "testdata/luliang.yaml")
	paras := loadNarrative(t, "testdata/luliang-narrative.txt")
	var lines []Text
	for _, p := range paras {
		r := []rune(p.Text)
		for i := 0; i < len(r); i += 17 {
			lines = append(lines, Text{Page: p.Page, Text: string(r[i:min(len(r), i+17)])})
		}
	}
	want := narrativeChecks(doc, paras)
	got := narrativeChecks(doc, lines)
	if len(got) != len(want) {
		t.Fatalf("wrapped: %d checks, whole paragraphs: %d", len(got), len(want))
	}
	for i := range got {
		if got[i].Status != want[i].Status || got[i].Message != want[i].Message {
			t.Errorf("check %d:\n wrapped %s %s\n whole   %s %s", i, got[i].Status, got[i].Message, want[i].Status, want[i].Message)
		}
	}
	if len(want) < 30 {
		t.Errorf("only %d narrative checks on the seed", len(want))
	}
}

// TestNarrativeChecks: figures recomputed by hand.
func TestNarrativeChecks(t *testing.T) {
	doc := loadDoc(t, "testdata/luliang.yaml")
	tests := []struct {
		text   string
		status []string
	}{
		// 1530.68 / 1738.50 = 88.0477 → 88.05; 207.82 / 1738.50 = 11.954 → 11.95.
		{"2023年度支出预算1,738.50万元，其中：基本支出1,530.68万元，占88.05%；项目支出207.82万元，占11.95%。",
			[]string{"pass", "pass", "pass", "pass", "pass"}},
		// a misprinted share: 11.59 is not 11.95.
		{"2023年度支出预算1,738.50万元，其中：项目支出207.82万元，占11.59%。",
			[]string{"pass", "pass", "fail"}},
		// a figure that is not the table's: 基本支出 1530.86.
		{"基本支出1,530.86万元。", []string{"fail"}},
		// previous = 1738.50 + 910.41 = 2648.91; 910.41 / 2648.91 = 34.369% → 34.37.
		{"一般公共预算当年拨款1,738.50万元，比上年减少910.41万元，下降34.37%。", []string{"pass", "pass"}},
		// 910.41 / 1738.50 would be 52.37%: computed on the wrong base.
		{"一般公共预算当年拨款1,738.50万元，比上年减少910.41万元，下降52.37%。", []string{"pass", "fail"}},
		// direction words disagree.
		{"一般公共预算当年拨款1,738.50万元，比上年减少910.41万元，增长34.37%。", []string{"pass", "fail"}},
		// "占比" names no base.
		{"2023年度支出预算1,738.50万元，其中：项目支出207.82万元，占比11.95%。", []string{"pass", "pass", "pass"}},
		// rounding: 152.03 / 1738.50 = 8.7449 → 8.74; 8.75 is within one unit.
		{"一般公共预算当年拨款1,738.50万元，主要用于：住房保障支出152.03万元，占8.75%。", []string{"pass", "pass", "pass"}},
		// the narrative rounds the table's 1738.50 to one decimal.
		{"2023年度支出预算1,738.5万元。", []string{"pass"}},
		// labels that name no table figure are not checked.
		{"政府采购预算总额28.52万元。", nil},
		// a share naming its base: 70 / 509.20 = 13.75%, 411.20 / 509.20 =
		// 80.75% (not of the 10,101.76 before it).
		{"机关运行经费10,101.76万元。“三公”经费预算509.20万元，其中因公出国（境）费支出70万元，占“三公”经费的13.75%；公务用车购置及运行费支出411.20万元，占“三公”经费的80.75%。",
			[]string{"fail", "fail", "pass", "pass"}},
		// the change over this year: 101.48 / 6106.99 = 1.66%, over last
		// year's 6005.51 it is 1.69%.
		{"行政运行支出6,106.99万元，比上年增加101.48万元，增长1.66%。", []string{"fail"}},
		// nothing last year: no percentage to check.
		{"机关运行经费支出10.23万元，比上年增加10.23万元，增长100.00%。", []string{"fail", "skipped"}},
		// the change stated apart from 比: 110 / (1738.50 − 110) = 6.75%.
		{"收入总计1,738.50万元，支出总计1,738.50万元，与上年相比，收、支总计各增加110.00万元，增长6.75%。", []string{"pass", "pass", "pass"}},
	}
	for _, tt := range tests {
		cs := narrativeChecks(doc, []Text{{Page: 17, Text: tt.text}})
		var got []string
		for _, c := range cs {
			got = append(got, c.Status)
		}
		if strings.Join(got, " ") != strings.Join(tt.status, " ") {
			t.Errorf("%s: got %v, want %v", tt.text, got, tt.status)
			for _, c := range cs {
				t.Logf("  %s %s", c.Status, c.Message)
			}
		}
	}
}

// TestNarrativeUnits: a table in 元 against a narrative in 万元.
func TestNarrativeUnits(t *testing.T) {
	doc := &schema.Document{Tables: []schema.Table{{
		Kind: schema.TableExpenditureSummary, Unit: schema.Str("元"), Pages: []int{6},
		Columns: []schema.Column{{Key: "subject_code"}, {Key: "subject_name"}, {Key: "total"}, {Key: "basic"}, {Key: "project"}},
		Rows: []schema.Row{
			{{Key: "subject_code"}, {Key: "subject_name", Value: schema.Str("合计")}, {Key: "total", Value: schema.Str("17385012.34")},
				{Key: "basic", Value: schema.Str("15306849.99")}, {Key: "project", Value: schema.Str("2078162.35")}},
		},
	}}}
	tests := []struct {
		text, status string
	}{
		{"基本支出1,530.68万元。", "pass"},    // 15306849.99 元 = 1530.684999 万元 → 1530.68
		{"基本支出1,530.69万元。", "fail"},    // not 1530.68
		{"项目支出207.82万元。", "pass"},      // 2078162.35 元 = 207.816235 → 207.82
		{"项目支出2,078,162.35元。", "pass"}, // same unit
		{"项目支出0.02亿元。", "pass"},        // 0.0207816235 亿元 → 0.02
		{"支出预算1,738.50万元。", "pass"},    // 1738.501234 → 1738.50
		{"支出预算1,738.51万元。", "fail"},    // 1738.50
	}
	for _, tt := range tests {
		cs := narrativeChecks(doc, []Text{{Page: 17, Text: tt.text}})
		if len(cs) != 1 || cs[0].Status != tt.status {
			t.Errorf("%s: got %v, want one %s", tt.text, cs, tt.status)
		}
	}
}

// TestNarrativeLabelsWholeCharacters: a label longer than the 120-byte
// window before its figure, with no delimiter, is cut at a character
// boundary (one or two ASCII bytes in it put the cut inside a
// three-byte character).
func TestNarrativeLabelsWholeCharacters(t *testing.T) {
	for _, lead := range []string{"", "x", "xy"} {
		text := strings.Repeat("预", 45) + lead + "算支出预算1,738.50万元"
		ms := parseNarrative([]Text{{Page: 1, Text: text}})
		if len(ms) != 1 {
			t.Fatalf("lead %q: %d mentions", lead, len(ms))
		}
		if l := ms[0].label; !utf8.ValidString(l) || !strings.HasSuffix(l, "算支出预算") {
			t.Errorf("lead %q: label %q", lead, l)
		}
	}
}

// TestNarrativeSumRounding: a narrative total against a sum of N printed
// projects (深圳 人社局 p38: 涉及预算资金 435,216.17万元 against 57 projects
// adding to 435,216.18) is a rounding warning within N/2 cents of the
// narrative's unit, a failure beyond.
func TestNarrativeSumRounding(t *testing.T) {
	sum := ref{&schema.Table{Kind: schema.TableProjectExpenditure, Pages: []int{151}}, "project_expenditure Σ 57 projects total",
		figure{decimal.RequireFromString("435216.18"), schema.Str("万元"), 2}, 57}
	for _, tt := range []struct{ printed, status string }{{"435216.17", "warn"}, {"435216.18", "pass"}, {"435215.00", "fail"}} {
		m := &mention{page: 38, label: "涉及预算资金", printed: tt.printed, unit: "万元", v: decimal.RequireFromString(tt.printed), scale: 2}
		if c := againstTable(m, []ref{sum}); c.Status != tt.status {
			t.Errorf("%s: %s %s, want %s", tt.printed, c.Status, c.Message, tt.status)
		}
	}
	// A printed figure (no addends) gets no rounding allowance.
	printed := sum
	printed.addends = 0
	if c := againstTable(&mention{page: 38, label: "涉及预算资金", printed: "435216.17", unit: "万元", v: decimal.RequireFromString("435216.17"), scale: 2}, []ref{printed}); c.Status != schema.StatusFail {
		t.Errorf("printed figure 0.01 off: %s, want fail", c.Status)
	}
}
