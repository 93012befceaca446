package checks

import (
	"fmt"
	"sort"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// subjectTree checks the functional-classification tree of every side of t
// that has subject codes: the 合计 row is the sum of the 类 (3-digit) rows,
// each 类 the sum of its 款 (5-digit), each 款 the sum of its 项 (7-digit),
// per amount column. Codes of other lengths nest the same way: a row's
// children are the rows of the next code length present that start with it.
func subjectTree(t *schema.Table) []schema.Check {
	v := newView(t)
	var out []schema.Check
	for _, side := range v.sides() {
		if !v.has(side + "subject_code") {
			continue
		}
		out = append(out, v.tree(side)...)
	}
	return out
}

type coded struct {
	code string
	row  schema.Row
}

func (v *view) tree(side string) []schema.Check {
	kind, pages := v.t.Kind, v.t.Pages
	where := pageNote(pages)
	name := kind
	if side != sideNone {
		name = kind + " " + strings.TrimSuffix(side, "_")
	}
	if v.t.Empty {
		return []schema.Check{newCheck(RuleSubjectTree, kind, schema.StatusSkipped, pages,
			"%s: the table says it has no data (%s)", name, where)}
	}
	var rows []coded
	for _, r := range v.t.Rows {
		if c := code(r, side); c != "" {
			rows = append(rows, coded{c, r})
		}
	}
	padCodes(rows)
	lengths := map[int]bool{}
	for _, c := range rows {
		lengths[len(c.code)] = true
	}
	// A column blank from top to bottom adds up trivially: it is named, not
	// counted.
	var keys, blanks []string
	for _, k := range v.amountKeys(side) {
		if v.blankColumn(k) {
			blanks = append(blanks, k)
		} else {
			keys = append(keys, k)
		}
	}
	if len(rows) == 0 || len(keys) == 0 {
		return []schema.Check{newCheck(RuleSubjectTree, kind, schema.StatusSkipped, pages,
			"%s: no coded rows with amounts (%s)", name, where)}
	}
	blankNote := ""
	if len(blanks) > 0 {
		blankNote = "; blank: " + strings.Join(blanks, ", ")
	}
	var ls []int
	for l := range lengths {
		ls = append(ls, l)
	}
	sort.Ints(ls)
	next := map[int]int{}
	for i := 0; i+1 < len(ls); i++ {
		next[ls[i]] = ls[i+1]
	}
	// Functional and income classification codes (2xx, 1xx) are 3, 5 and 7
	// digits (类, 款, 项), economic ones (3xx, 5xx) 3 and 5, and the tables
	// go down to the last level: a 类 or 款 with amounts but nothing under
	// it, or a row whose parent is not printed, means a row went missing.
	standard, functional := true, true
	for _, l := range ls {
		standard = standard && (l == 3 || l == 5 || l == 7)
	}
	for _, c := range rows {
		functional = functional && (c.code[0] == '1' || c.code[0] == '2')
	}
	switch {
	case standard && functional && ls[len(ls)-1] > 3:
		next = map[int]int{3: 5, 5: 7}
	case standard && ls[len(ls)-1] > 3:
		next = map[int]int{3: 5}
	}
	scale := v.scale()
	var fails []schema.Check
	n := 0
	fail := func(format string, args ...any) {
		fails = append(fails, newCheck(RuleSubjectTree, kind, schema.StatusFail, pages,
			"%s %s (%s)", name, fmt.Sprintf(format, args...), where))
	}
	children := func(parent string) []coded {
		var kids []coded
		for _, c := range rows {
			if len(c.code) == next[len(parent)] && strings.HasPrefix(c.code, parent) {
				kids = append(kids, c)
			}
		}
		return kids
	}
	present := map[string]bool{}
	for _, c := range rows {
		present[c.code] = true
	}
	for _, p := range rows {
		if next[len(p.code)] != 0 && len(children(p.code)) == 0 && !zeroRow(p.row, keys) {
			fail("%s: has amounts but none of its %d-digit rows is printed", rowName(p.row, side), next[len(p.code)])
		}
		if standard && len(p.code) > 3 && !present[p.code[:len(p.code)-2]] {
			fail("%s: its parent %s is not printed", rowName(p.row, side), p.code[:len(p.code)-2])
		}
	}
	if v.totalRow(side) < 0 {
		fail("has no 合计 row")
	}
	for _, k := range keys {
		for _, p := range rows {
			kids := children(p.code)
			if len(kids) == 0 {
				continue
			}
			n++
			sum := decimal.Zero
			for _, c := range kids {
				sum = sum.Add(amount(c.row.Get(k)))
			}
			if got := amount(p.row.Get(k)); !got.Equal(sum) {
				fail("%s: %s = %s but Σ%s%s = %s", k, p.code, show(got, scale), p.code,
					strings.Repeat("x", next[len(p.code)]-len(p.code)), show(sum, scale))
			}
		}
		if ti := v.totalRow(side); ti >= 0 {
			n++
			sum := decimal.Zero
			for _, c := range rows {
				if len(c.code) == ls[0] {
					sum = sum.Add(amount(c.row.Get(k)))
				}
			}
			got := amount(v.t.Rows[ti].Get(k))
			if l := label(v.t.Rows[ti], side); l == "人员经费合计" || l == "公用经费合计" {
				// Panel totals stacked one under the other: 合计 is their sum.
				got = decimal.Zero
				for _, r := range v.t.Rows {
					if l := label(r, side); code(r, side) == "" && (l == "人员经费合计" || l == "公用经费合计") {
						got = got.Add(amount(r.Get(k)))
					}
				}
			}
			if !got.Equal(sum) {
				fail("%s: 合计 = %s but Σ%d-digit rows = %s", k, show(got, scale), ls[0], show(sum, scale))
			}
		}
	}
	// A column the recognizer could not name may not be an amount at all
	// (a second panel's codes, a previous year): its misfits are reported,
	// skipped, when the named columns add up.
	var named, unnamed []schema.Check
	for _, c := range fails {
		if strings.Contains(c.Message, " col_") {
			c.Status = schema.StatusSkipped
			c.Message += " [unnamed column, not checked]"
			unnamed = append(unnamed, c)
		} else {
			named = append(named, c)
		}
	}
	if len(named) > 0 {
		return fails
	}
	if n == 0 {
		return []schema.Check{newCheck(RuleSubjectTree, kind, schema.StatusSkipped, pages,
			"%s: no row has sub-rows to add up (%s)", name, where)}
	}
	return append([]schema.Check{newCheck(RuleSubjectTree, kind, schema.StatusPass, pages,
		"%s: %d sums hold over %s (合计 = Σ类, 类 = Σ款, 款 = Σ项%s; %s)", name, n-len(unnamed), strings.Join(keys, ", "), blankNote, where)}, unnamed...)
}

// padCodes restores the zero some tables drop from a two-digit 款 or 项
// part ("301 | 2" printed for 30102): a 4- or 6-digit code under a printed
// 3- or 5-digit one gets its zero back.
func padCodes(rows []coded) {
	present := map[string]bool{}
	for _, c := range rows {
		present[c.code] = true
	}
	for i, c := range rows {
		if n := len(c.code); (n == 4 || n == 6) && present[c.code[:n-1]] {
			rows[i].code = c.code[:n-1] + "0" + c.code[n-1:]
		}
	}
}

// zeroRow reports whether all amount cells of r are blank or zero.
func zeroRow(r schema.Row, keys []string) bool {
	for _, k := range keys {
		if !amount(r.Get(k)).IsZero() {
			return false
		}
	}
	return true
}
