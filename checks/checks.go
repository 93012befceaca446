// Package checks reconciles a finished document: it re-adds the figures of
// every table, compares the tables with each other, with the project list
// and the performance forms, and re-reads the figures of the narrative,
// recomputing its percentages.
//
// The rules:
//
//   - subject_tree: in a table with subject codes, 合计 = Σ 类 (3 digits),
//     each 类 = Σ its 款 (5), each 款 = Σ its 项 (7), per amount column; a
//     类 or 款 with amounts and nothing under it, or a code whose parent is
//     missing, is a lost row.
//   - row_total: across a row, 合计 = 基本支出 + 项目支出, = 人员经费 + 公用经费,
//     = 当年 + 结转, = Σ funding sources; down a table, 合计/部门合计/小计 =
//     Σ their rows, the economic table's 合计 = Σ 类 = Σ items, the "三公"
//     table's parts; two-sided tables: 本年收入合计 = Σ income items, 收入总计
//     = 本年收入合计 + 上年结转, likewise for 支出, and the sides balance.
//   - cross_table: 收支总表, 收入总表, 支出总表, 财政拨款收支总表,
//     一般公共预算支出表, the fund tables and the economic table agree on their
//     totals;
//     the project list adds up to 项目支出; 公务用车运行维护费 is the same in
//     the economic and the "三公" table; 机关运行经费 against 公用经费 as the
//     document defines it; each performance form's annual funds equal its
//     project's.
//   - narrative: each "label X万元" the narrative states equals the table
//     figure the label names; each "占Y%" is recomputed from the figure it is
//     a share of; each "比上年增加/减少Z万元，增长/下降W%" is consistent.
//
// Every rule reports schema.Check values: one pass per table and rule when
// everything holds, one fail per mismatch naming the table, the row, the
// pages and the figures, one warn per sum that misses by no more than the
// rounding of its printed figures (with the difference: see sumStatus), and
// skipped, with the reason, where a rule cannot apply. All
// arithmetic is exact (shopspring/decimal); a blank cell counts as zero.
// Amounts in different units (元, 万元) are compared after rounding the finer
// one to the coarser one's printed decimals.
package checks

import (
	"fmt"
	"sort"

	"github.com/budgetpdf/budgetpdf/internal/parallel"
	"github.com/budgetpdf/budgetpdf/schema"
)

// Rule names.
const (
	RuleSubjectTree = "subject_tree"
	RuleRowTotal    = "row_total"
	RuleCrossTable  = "cross_table"
	RuleNarrative   = "narrative"
)

// Text is one line or paragraph of the narrative as printed, with its page.
type Text struct {
	Page int
	Text string
}

// Run checks doc and returns the results in a stable order: per table the
// subject tree and row totals, then the cross-table checks, then the
// narrative. It does not modify doc; the caller stores the result in
// doc.Checks. A panic in a rule is recovered and reported as a skipped check.
func Run(doc *schema.Document, narrative []Text) []schema.Check {
	return RunWorkers(doc, narrative, 1)
}

// RunWorkers is Run with the rules (each table's, each cross-table one)
// run on up to workers goroutines at once; the results are Run's, in
// Run's order.
func RunWorkers(doc *schema.Document, narrative []Text, workers int) []schema.Check {
	if doc == nil {
		return nil
	}
	defer cacheViews(doc)()
	// A rule's weight orders the start of the rules, heaviest first (the
	// results stay in the rules' order): a table's rules weigh its rows,
	// the document's rules (which read every table, form or line) more
	// than any table, the narrative's most. Started in the listed order,
	// the document's rules ran last, each on one worker while the others
	// had nothing left: on the 5,000-page join, 0.5 s of rules in the
	// last 0.3 s of the checks.
	type rule struct {
		name   string
		f      func() []schema.Check
		weight int
	}
	var rules []rule
	rows := 0
	for i := range doc.Tables {
		t := &doc.Tables[i]
		if t.Kind == schema.TableUnknown || t.Kind == "" {
			continue // what its columns mean, and so what adds up, is not known
		}
		rows += len(t.Rows)
		rules = append(rules,
			rule{RuleSubjectTree, func() []schema.Check { return subjectTree(t) }, len(t.Rows)},
			rule{RuleRowTotal, func() []schema.Check { return rowTotals(t) }, len(t.Rows)})
	}
	whole := rows + 1 // a document rule outweighs any table's
	rules = append(rules,
		rule{RuleRowTotal, func() []schema.Check { return economic(doc) }, whole},
		rule{RuleCrossTable, func() []schema.Check { return crossTable(doc, narrative) }, whole + 1},
		rule{RuleCrossTable, func() []schema.Check { return forms(doc) }, whole + 1},
		rule{RuleFormFunds, func() []schema.Check { return formFunds(doc) }, whole},
		rule{RuleFormCount, func() []schema.Check { return formCount(doc, narrative) }, whole + 1},
		rule{RuleNarrative, func() []schema.Check { return narrativeChecks(doc, narrative) }, whole + 2})
	order := make([]int, len(rules))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rules[order[a]].weight > rules[order[b]].weight })
	results := make([][]schema.Check, len(rules))
	parallel.For(len(rules), workers, func(k int) {
		i := order[k]
		defer func() {
			if r := recover(); r != nil {
				results[i] = []schema.Check{{
					Rule:    rules[i].name,
					Status:  schema.StatusSkipped,
					Message: fmt.Sprintf("internal error, rule stopped: %v", r),
				}}
			}
		}()
		results[i] = rules[i].f()
	})
	out := []schema.Check{} // never null in the encoded document
	for _, r := range results {
		out = append(out, r...)
	}
	return out
}

// Summary counts checks by status; warned checks (rounding differences)
// count as neither pass nor fail: see Warned.
func Summary(checks []schema.Check) (pass, fail, skipped int) {
	for _, c := range checks {
		switch c.Status {
		case schema.StatusPass:
			pass++
		case schema.StatusFail:
			fail++
		case schema.StatusWarn:
		default:
			skipped++
		}
	}
	return pass, fail, skipped
}

// Warned counts the checks with status warn.
func Warned(checks []schema.Check) int {
	n := 0
	for _, c := range checks {
		if c.Status == schema.StatusWarn {
			n++
		}
	}
	return n
}

// newCheck builds a check; pages are copied.
func newCheck(rule, table, status string, pages []int, format string, args ...any) schema.Check {
	var p []int
	if len(pages) > 0 {
		p = append(p, pages...)
	}
	return schema.Check{Rule: rule, Table: table, Status: status, Message: fmt.Sprintf(format, args...), Pages: p}
}

// pageNote renders pages for a message: "page 5", "pages 5-6", "pages 5, 9".
func pageNote(pages []int) string {
	switch {
	case len(pages) == 0:
		return "page ?"
	case len(pages) == 1:
		return fmt.Sprintf("page %d", pages[0])
	}
	run := true
	for i := 1; i < len(pages); i++ {
		if pages[i] != pages[i-1]+1 {
			run = false
		}
	}
	if run {
		return fmt.Sprintf("pages %d-%d", pages[0], pages[len(pages)-1])
	}
	s := "pages "
	for i, p := range pages {
		if i > 0 {
			s += ", "
		}
		s += fmt.Sprint(p)
	}
	return s
}

// unionPages merges page lists, sorted, without duplicates.
func unionPages(lists ...[]int) []int {
	seen := map[int]bool{}
	var out []int
	for _, l := range lists {
		for _, p := range l {
			if !seen[p] {
				seen[p] = true
				out = append(out, p)
			}
		}
	}
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}
