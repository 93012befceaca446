package checks

import (
	"fmt"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

// cloneDoc copies the tables deeply enough to corrupt one of them.
func cloneDoc(d *schema.Document) *schema.Document {
	c := *d
	c.Tables = make([]schema.Table, len(d.Tables))
	for i, t := range d.Tables {
		t.Rows = copyRows(t.Rows)
		c.Tables[i] = t
	}
	return &c
}

func copyRows(rows []schema.Row) []schema.Row {
	out := make([]schema.Row, len(rows))
	for i, r := range rows {
		out[i] = append(schema.Row{}, r...)
	}
	return out
}

// A corruption damages one table the way a misread would; it returns a
// description, or "" when it does not apply to this table.
type corruption func(t *schema.Table, v *view) string

// nonzero lists the rows with a nonzero amount, and the key of the first.
func nonzero(t *schema.Table, v *view) (rows []int, keys []string) {
	for i, r := range t.Rows {
		for _, c := range r {
			if v.amount[c.Key] && !amount(c.Value).IsZero() {
				rows, keys = append(rows, i), append(keys, c.Key)
				break
			}
		}
	}
	return rows, keys
}

// pickRows chooses up to three of n rows: first, middle, last.
func pickRows(n int) []int {
	switch {
	case n == 0:
		return nil
	case n <= 3:
		out := make([]int, n)
		for i := range out {
			out[i] = i
		}
		return out
	}
	return []int{0, n / 2, n - 1}
}

// changeDigit changes the last digit of one amount of row pick.
func changeDigit(pick int) corruption {
	return func(t *schema.Table, v *view) string {
		rows, keys := nonzero(t, v)
		ps := pickRows(len(rows))
		if pick >= len(ps) {
			return ""
		}
		i, k := rows[ps[pick]], keys[ps[pick]]
		for j, c := range t.Rows[i] {
			if c.Key != k {
				continue
			}
			s := []byte(*c.Value)
			last := len(s) - 1
			s[last] = '0' + (s[last]-'0'+3)%10
			t.Rows[i][j].Value = schema.Str(string(s))
			return fmt.Sprintf("row %d %s: %s -> %s", i, k, *c.Value, s)
		}
		return ""
	}
}

// dropRow drops row pick of the rows with amounts.
func dropRow(pick int) corruption {
	return func(t *schema.Table, v *view) string {
		rows, _ := nonzero(t, v)
		ps := pickRows(len(rows))
		if pick >= len(ps) {
			return ""
		}
		i := rows[ps[pick]]
		name := rowName(t.Rows[i], sideNone)
		t.Rows = append(t.Rows[:i:i], t.Rows[i+1:]...)
		return fmt.Sprintf("dropped row %d %s", i, name)
	}
}

// shiftColumn moves the values of the first (or last) amount column that
// varies down by one row, the way a misaligned column reads.
func shiftColumn(last bool) corruption {
	return func(t *schema.Table, v *view) string {
		keys := append([]string(nil), v.keys...)
		if last {
			for i, j := 0, len(keys)-1; i < j; i, j = i+1, j-1 {
				keys[i], keys[j] = keys[j], keys[i]
			}
		}
		return shiftFirst(t, v, keys)
	}
}

func shiftFirst(t *schema.Table, v *view, keys []string) string {
	for _, k := range keys {
		if !v.amount[k] {
			continue
		}
		var vals []*string
		for _, r := range t.Rows {
			vals = append(vals, r.Get(k))
		}
		varies := false
		for i := 1; i < len(vals); i++ {
			if !amount(vals[i]).Equal(amount(vals[i-1])) {
				varies = true
			}
		}
		if !varies {
			continue
		}
		for i, r := range t.Rows {
			var nv *string
			if i > 0 {
				nv = vals[i-1]
			}
			for j := range r {
				if r[j].Key == k {
					r[j].Value = nv
				}
			}
		}
		return "shifted column " + k + " down one row"
	}
	return ""
}

// dedupe keeps the first document of each budget.
func dedupe(docs []fixtureDoc) []fixtureDoc {
	seen := map[string]bool{}
	var out []fixtureDoc
	for _, d := range docs {
		if !seen[d.budget] {
			seen[d.budget] = true
			out = append(out, d)
		}
	}
	return out
}

// TestCorruptionsCaught damages one figure at a time in every table of
// every fixture document (and the seed) and wants each damage caught by a
// failing check that names the damaged table.
func TestCorruptionsCaught(t *testing.T) {
	// One document per budget: its first truth file when the generator
	// wrote one, else the derived document; and the seed.
	var docs []fixtureDoc
	all := loadFixtures(t)
	for _, f := range all {
		hasTruth := false
		for _, g := range all {
			hasTruth = hasTruth || (g.truth && g.budget == f.budget)
		}
		if f.truth == hasTruth {
			docs = append(docs, f)
		}
	}
	docs = dedupe(docs)
	if testing.Short() {
		docs = nil
	}
	docs = append(docs, fixtureDoc{name: "seed", doc: loadDoc(t, "testdata/luliang.yaml"), narrative: loadNarrative(t, "testdata/luliang-narrative.txt")})
	corruptions := map[string]corruption{
		"digit first": changeDigit(0), "digit middle": changeDigit(1), "digit last": changeDigit(2),
		"drop first": dropRow(0), "drop middle": dropRow(1), "drop last": dropRow(2),
		"shift first column": shiftColumn(false), "shift last column": shiftColumn(true),
	}
	tried := 0
	for _, f := range docs {
		for ti := range f.doc.Tables {
			orig := &f.doc.Tables[ti]
			if orig.Empty || len(orig.Rows) == 0 {
				continue
			}
			for name, corrupt := range corruptions {
				d := cloneDoc(f.doc)
				tab := &d.Tables[ti]
				what := corrupt(tab, newView(tab))
				if what == "" {
					continue
				}
				// A project list may or may not print a 合计 row: losing
				// it loses no figure (its sum is checked against 项目支出).
				if strings.HasPrefix(tab.Kind, schema.TableProjectExpenditure) && len(tab.Rows) < len(orig.Rows) &&
					newView(tab).totalRow(sideNone) < 0 && newView(orig).totalRow(sideNone) >= 0 {
					continue
				}
				tried++
				caught := false
				for _, c := range Run(d, f.narrative) {
					if c.Status == schema.StatusFail && (c.Table == tab.Kind || strings.Contains(c.Message, tab.Kind)) {
						caught = true
						break
					}
				}
				if !caught {
					t.Errorf("%s: %s (%s): %s: not caught", f.name, tab.Kind, name, what)
				}
			}
		}
	}
	t.Logf("%d corruptions tried", tried)
}
