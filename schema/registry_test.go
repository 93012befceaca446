package schema

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestKindsContract reads the kinds the output contract names off
// ../shared/spec/output.md: the registry must mark exactly those.
func TestKindsContract(t *testing.T) {
	spec, err := os.ReadFile("../../shared/spec/output.md")
	if err != nil {
		t.Skipf("no contract: %v", err)
	}
	s := string(spec)
	i := strings.Index(s, "Table kinds:")
	if i < 0 {
		t.Fatal("output.md: no \"Table kinds:\" paragraph")
	}
	para, _, _ := strings.Cut(s[i:], "\n\n")
	var want []string
	for _, m := range regexp.MustCompile("`([a-z_]+)`").FindAllStringSubmatch(para, -1) {
		want = append(want, m[1])
	}
	var got []string
	for _, k := range Kinds {
		if k.Contract {
			got = append(got, k.Kind)
		}
	}
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		t.Errorf("contract kinds in the registry %v, output.md names %v", got, want)
	}
}

// TestKindsListed: every kind a rule names is in Kinds, once.
func TestKindsListed(t *testing.T) {
	seen := map[string]bool{}
	for _, k := range Kinds {
		if seen[k.Kind] {
			t.Errorf("%s listed twice", k.Kind)
		}
		seen[k.Kind] = true
		if strings.HasSuffix(k.Kind, FinalSuffix) {
			t.Errorf("%s: list the budget kind; Final gives the twin", k.Kind)
		}
	}
	for _, rules := range [][]titleRule{titleRules, performanceRules, headerRules} {
		for _, r := range rules {
			if !seen[r.kind] {
				t.Errorf("rule %v names kind %s, not in Kinds", r.words, r.kind)
			}
		}
	}
}

// TestTitleRulesCovered: every rule is the one that names some title of the
// tests (a rule no title reaches is dead or shadowed by a rule above it).
func TestTitleRulesCovered(t *testing.T) {
	fired := func(rules []titleRule, text string) int {
		for i, r := range rules {
			if r.matches(text) {
				return i
			}
		}
		return -1
	}
	check := func(name string, rules []titleRule, texts []string) {
		hit := map[int]bool{}
		for _, s := range texts {
			hit[fired(rules, s)] = true
		}
		for i, r := range rules {
			if !hit[i] {
				t.Errorf("%s rule %d %v (%s): no test title reaches it", name, i, r.words, r.kind)
			}
		}
	}
	var titles, perf, headers []string
	for _, tt := range kindTitles {
		if tableKind(cleanTitle(tt.title)) != TableUnknown || tt.kind == TableUnknown {
			titles = append(titles, cleanTitle(tt.title))
		}
	}
	for _, tt := range performanceTitles {
		perf = append(perf, cleanTitle(tt.title))
	}
	for _, tt := range headerTitles {
		headers = append(headers, strings.ReplaceAll(CleanText(strings.Join(tt.labels, "|")), " ", ""))
	}
	check("title", titleRules, titles)
	check("performance", performanceRules, perf)
	check("header", headerRules, headers)
}

func TestRuleMatches(t *testing.T) {
	tests := []struct {
		words []string
		text  string
		want  bool
	}{
		{[]string{"政府性基金", "收入", "!支出"}, "政府性基金预算收入表", true},
		{[]string{"政府性基金", "收入", "!支出"}, "政府性基金预算收入支出表", false},
		{[]string{"收支|收入支出", summaryWord}, "收入支出决算总表", true},
		{[]string{"收支|收入支出", summaryWord}, "部门收支总体情况表", true},
		{[]string{"收支|收入支出", summaryWord}, "收支预算表", false},
	}
	for _, tt := range tests {
		if got := (titleRule{TableUnknown, tt.words}).matches(tt.text); got != tt.want {
			t.Errorf("%v matches %q = %v, want %v", tt.words, tt.text, got, tt.want)
		}
	}
}

func TestKindInfo(t *testing.T) {
	tests := []struct {
		kind      string
		two, subj bool
		rows      RowsRole
	}{
		{TableIncomeExpenditureSummary + FinalSuffix, true, false, RowsTable},
		{TableStateCapital, true, false, RowsTable},
		{TableBasicExpenditureEconomic + FinalSuffix, false, true, RowsEconomic},
		{TableProjectExpenditureCarryover, false, false, RowsCarryover},
		{TableFiscalAppropriationBasic, false, true, RowsTable},
		{TableUnknown, false, false, RowsTable},
	}
	for _, tt := range tests {
		k, ok := Kind(tt.kind)
		if !ok || TwoSided(tt.kind) != tt.two || k.Subjects != tt.subj || k.Rows != tt.rows {
			t.Errorf("Kind(%s) = %+v, %v", tt.kind, k, ok)
		}
	}
	if _, ok := Kind("no_such_kind"); ok {
		t.Error("Kind(no_such_kind) found")
	}
}
