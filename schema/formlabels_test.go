package schema

import (
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/textutil"
)

func TestTitleProject(t *testing.T) {
	tests := []struct{ title, want string }{
		{"2026年全国民航反电诈中心建设项目绩效目标表", "全国民航反电诈中心建设项目"},
		{"2026年度智慧法院信息化建设项目绩效目标申报表", "智慧法院信息化建设项目"},
		{"全国民航反电诈中心建设项目绩效目标表", "全国民航反电诈中心建设项目"},
		{"2026年项目支出绩效目标表", ""},
		{"项目支出绩效目标表（含转移支付项目）", ""},
		{"2026年部门整体支出绩效目标表", ""},
		{"2026年重点项目绩效目标表", ""},
		{"2026年市级重点专项资金绩效目标表(一级项目)", ""},
		{"2026年一般公共预算支出表", ""},
	}
	for _, tt := range tests {
		if got := titleProject(tt.title); got != tt.want {
			t.Errorf("titleProject(%q) = %q, want %q", tt.title, got, tt.want)
		}
	}
}

func TestTargetTableHeaders(t *testing.T) {
	row := func(title string, texts ...string) FormRow {
		r := FormRow{Title: title}
		for i, s := range texts {
			r.Cells = append(r.Cells, FormCell{Text: s, Col: i})
		}
		return r
	}
	tests := []struct {
		name           string
		r              FormRow
		target, goally bool
	}{
		{"goal-only", row("2026年项目支出绩效目标表", "序号", "项目名称", "绩效目标"), true, true},
		{"goal-only with funds", row("", "二级预算单位名称", "一级项目名称", "预算数（万元）", "绩效目标"), true, true},
		{"long table", row("", "项目名称", "项目总额", "绩效目标", "一级指标", "二级指标", "三级指标", "本年绩效指标值"), true, false},
		{"title-named", row("2026年全国民航反电诈中心建设项目绩效目标表", "项目实施期目标", "一级指标", "二级指标", "三级指标", "目标值"), true, false},
		{"indicators under a list title", row("2026年项目支出绩效目标表", "一级指标", "二级指标", "三级指标", "目标值"), false, false},
		{"a header form's project row", row("", "项目名称", "市商务发展专项", "主管部门", "重庆市商务委员会"), false, false},
	}
	for _, tt := range tests {
		if got := isTargetTableHeader(tt.r); got != tt.target {
			t.Errorf("%s: isTargetTableHeader = %v, want %v", tt.name, got, tt.target)
		}
		if got := isGoalOnlyHeader(tt.r); got != tt.goally {
			t.Errorf("%s: isGoalOnlyHeader = %v, want %v", tt.name, got, tt.goally)
		}
	}
}

// TestMaybeGridLabel: every label of the grid vocabulary has an ideograph
// and at most 14 runes (what the quick test assumes), and on texts made
// from the labels (spaced, colon-ended, bracketed, fullwidth, Kangxi ⼀,
// run into longer text) and from figures and names, the quick test never
// turns away a text the full reading gives a role.
func TestMaybeGridLabel(t *testing.T) {
	labels := []string{}
	for _, e := range gridColumnLabels {
		labels = append(labels, e.label)
	}
	for l := range gridExactLabels {
		labels = append(labels, l)
	}
	for _, l := range labels {
		n, ideograph := 0, false
		for _, r := range l {
			n++
			ideograph = ideograph || (r >= 0x4E00 && r <= 0x9FFF)
		}
		if !ideograph || n > 14 {
			t.Errorf("label %q: %d runes, ideograph %v", l, n, ideograph)
		}
	}
	var texts []string
	for _, l := range labels {
		spaced := strings.Join(strings.Split(l, ""), " ")
		texts = append(texts, l, " "+l+" ", l+"：", l+":", "（"+l+"）", "("+l+")", spaced, "\u3000"+l,
			l+"（万元）", "１"+l, "1."+l, l+strings.Repeat("的", 10), strings.ReplaceAll(l, "一", "⼀"), "ｅ\u0301"+l)
	}
	texts = append(texts, "", "1,234.56", "２０２６", "合  计", "项目名称：", strings.Repeat("项", 15), strings.Repeat("项 ", 14), "≥95%", "——")
	turned := 0
	for _, s := range texts {
		full := squeezedRole(squeezeLabel(s))
		if !maybeGridLabel(s) {
			turned++
			if full != "" {
				t.Errorf("maybeGridLabel(%q) = false, but the full reading gives %q", s, full)
			}
		}
		if got := gridRole(s); got != full {
			t.Errorf("gridRole(%q) = %q, want %q", s, got, full)
		}
	}
	if turned == 0 {
		t.Error("the quick test turned nothing away")
	}
}

// TestSqueezedRoleRuneSet: the rune-set test before each label's search
// never skips a label the text holds: squeezedRole gives what searching
// every label in order gives, on each label alone and inside other text,
// on texts made of the labels' characters shuffled, and on the seed's
// lines.
func TestSqueezedRoleRuneSet(t *testing.T) {
	plain := func(l string) string {
		if l == "" || len([]rune(l)) > 14 {
			return ""
		}
		if r, ok := gridExactLabels[l]; ok {
			return r
		}
		for _, e := range gridColumnLabels {
			if strings.Contains(l, e.label) {
				return e.role
			}
		}
		return ""
	}
	var texts []string
	var chars []rune
	for _, e := range gridColumnLabels {
		texts = append(texts, e.label, "本年"+e.label, e.label+"（万元）", "x"+e.label[:len(e.label)-1])
		chars = append(chars, []rune(e.label)...)
	}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		n := 1 + rng.IntN(8)
		r := make([]rune, n)
		for i := range r {
			r[i] = chars[rng.IntN(len(chars))]
		}
		texts = append(texts, string(r))
	}
	if data, err := os.ReadFile("../../shared/seeds/luliang-swbgs-2023-budget.txt"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if r := []rune(textutil.Squeeze(l)); len(r) > 0 {
				texts = append(texts, string(r[:min(len(r), 14)]))
			}
		}
	}
	found := 0
	for _, s := range texts {
		got, want := squeezedRole(s), plain(s)
		if got != want {
			t.Errorf("squeezedRole(%q) = %q, every label searched %q", s, got, want)
		}
		if want != "" {
			found++
		}
	}
	if found < len(gridColumnLabels) {
		t.Errorf("only %d texts have a role", found)
	}
}
