package checks

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
	"gopkg.in/yaml.v3"
)

// loadDoc reads a contract-shape document.
func loadDoc(t *testing.T, path string) *schema.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d schema.Document
	if err := yaml.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &d
}

// loadNarrative reads "page<TAB>text" lines.
func loadNarrative(t *testing.T, path string) []Text {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Text
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p, s, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, Text{Page: n, Text: s})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// TestSeedPasses runs every rule on the seed disclosure (Lüliang 2023,
// read off its pages): nothing fails, and each rule really ran: every table
// is added up, every coded table walked as a tree, the summary tables and
// the narrative's figures compared.
func TestSeedPasses(t *testing.T) {
	doc := loadDoc(t, "testdata/luliang.yaml")
	cs := Run(doc, loadNarrative(t, "testdata/luliang-narrative.txt"))
	count := map[string]int{}    // rule → checks that passed
	checked := map[string]bool{} // rule + " " + table → some check
	for _, c := range cs {
		t.Logf("%-8s %-13s %-34s %s %v", c.Status, c.Rule, c.Table, c.Message, c.Pages)
		if c.Status == schema.StatusFail {
			t.Errorf("unexpected failure: %s %s: %s", c.Rule, c.Table, c.Message)
		}
		if c.Status == schema.StatusPass {
			count[c.Rule]++
		}
		checked[c.Rule+" "+c.Table] = true
	}
	if len(doc.Tables) != 10 {
		t.Fatalf("the seed has %d tables, want the 10 printed", len(doc.Tables))
	}
	for _, tb := range doc.Tables {
		if !checked[RuleRowTotal+" "+tb.Kind] {
			t.Errorf("%s: no row_total check", tb.Kind)
		}
		coded := false
		for _, c := range tb.Columns {
			coded = coded || c.Key == schema.KeySubjectCode
		}
		if coded && !checked[RuleSubjectTree+" "+tb.Kind] {
			t.Errorf("%s: prints subject codes but has no subject_tree check", tb.Kind)
		}
	}
	// The contract's own example: project_expenditure total = expenditure_summary project.
	for _, kind := range []string{schema.TableProjectExpenditure, schema.TableExpenditureSummary, schema.TableIncomeSummary} {
		if !checked[RuleCrossTable+" "+kind] {
			t.Errorf("no cross_table check from %s", kind)
		}
	}
	// The seed's inventory of passing checks, pinned so that a rule that
	// silently stops running (a renamed key, a lost table) is caught: the 3
	// coded tables, 28 row totals over the 10 tables, 12 cross-table
	// figures, 52 narrative figures.
	want := map[string]int{RuleSubjectTree: 3, RuleRowTotal: 28, RuleCrossTable: 12, RuleNarrative: 52}
	for rule, n := range want {
		if count[rule] != n {
			t.Errorf("%s: %d passing checks, want %d", rule, count[rule], n)
		}
	}
}
