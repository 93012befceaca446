package checks

import (
	"strings"
	"sync"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// Sides of a table: one-sided tables use "", two-sided ones prefix each
// side's column keys.
const (
	sideNone        = ""
	sideIncome      = schema.SideIncome
	sideExpenditure = schema.SideExpenditure
)

// view is a table with its columns sorted into text and amount columns.
type view struct {
	t      *schema.Table
	keys   []string // column keys in order
	amount map[string]bool
	labels map[string]string
}

func newView(t *schema.Table) *view {
	views.Lock()
	v, mine := views.m[t]
	views.Unlock()
	if v != nil {
		return v
	}
	v = makeView(t)
	if mine {
		views.Lock()
		if _, still := views.m[t]; still {
			views.m[t] = v
		}
		views.Unlock()
	}
	return v
}

// views caches the view of each table of the documents being checked, for
// the length of their Run: the cross-table and narrative rules ask for the
// same tables' views again and again (深圳's 262-page 人社 spent a seventh
// of its time rebuilding them). Run registers its document's tables and
// lets them go when it returns, and only registered tables are cached, so
// a table a rule makes up, or a table at an address reused after its
// document is gone, never gets a stale view. Rules do not change tables.
var views = struct {
	sync.Mutex
	m map[*schema.Table]*view // registered tables; nil until first asked for
}{m: map[*schema.Table]*view{}}

// cacheViews registers the tables of doc in views and returns the function
// that lets them go.
func cacheViews(doc *schema.Document) (release func()) {
	views.Lock()
	defer views.Unlock()
	for i := range doc.Tables {
		views.m[&doc.Tables[i]] = nil
	}
	return func() {
		views.Lock()
		defer views.Unlock()
		for i := range doc.Tables {
			delete(views.m, &doc.Tables[i])
		}
	}
}

// makeView sorts a table's columns into text and amount columns.
func makeView(t *schema.Table) *view {
	v := &view{t: t, amount: map[string]bool{}, labels: map[string]string{}}
	seen := map[string]bool{}
	add := func(k string) {
		if !seen[k] {
			seen[k] = true
			v.keys = append(v.keys, k)
		}
	}
	for _, c := range t.Columns {
		add(c.Key)
		v.labels[c.Key] = c.Label
	}
	for _, r := range t.Rows {
		for _, c := range r {
			add(c.Key)
		}
	}
	for _, k := range v.keys {
		if isTextKey(k) || !schema.IsAmountKey(k) && !strings.HasPrefix(k, schema.ColPrefix) {
			continue // text, or a named column that holds no money (行次, 序号)
		}
		ok := true
		for _, r := range t.Rows {
			if !textutil.AmountValid(r.Get(k)) {
				ok = false
				break
			}
		}
		v.amount[k] = ok
	}
	return v
}

// isTextKey reports whether a column key names text (codes, names, items).
func isTextKey(k string) bool {
	if schema.IsLabelKey(k) {
		return true
	}
	for _, s := range []string{"_code", "_name", "_item", "_subject"} {
		if strings.HasSuffix(k, s) {
			return true
		}
	}
	return false
}

// sideOf is the side prefix of a key.
func sideOf(k string) string {
	switch {
	case strings.HasPrefix(k, sideIncome):
		return sideIncome
	case strings.HasPrefix(k, sideExpenditure):
		return sideExpenditure
	}
	return sideNone
}

// side is the side of a column: its key's prefix, or for a column the
// recognizer could not name in a two-sided table, its label's ("支出/…").
func (v *view) side(k string) string {
	if s := sideOf(k); s != sideNone || !strings.HasPrefix(k, schema.ColPrefix) {
		return s
	}
	two := false
	for _, x := range v.keys {
		two = two || sideOf(x) != sideNone
	}
	l, _, _ := strings.Cut(textutil.Squeeze(v.labels[k]), "/")
	switch {
	case !two:
	case strings.Contains(l, "收入"):
		return sideIncome
	case strings.Contains(l, "支出"):
		return sideExpenditure
	}
	return sideNone
}

// sides lists the sides the table has, in order.
func (v *view) sides() []string {
	var out []string
	seen := map[string]bool{}
	for _, k := range v.keys {
		s := v.side(k)
		if !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	return out
}

// amountKeys lists the amount columns of one side, in order.
func (v *view) amountKeys(side string) []string {
	var out []string
	for _, k := range v.keys {
		if v.amount[k] && v.side(k) == side {
			out = append(out, k)
		}
	}
	return out
}

// has reports whether the table has column key.
func (v *view) has(k string) bool {
	for _, x := range v.keys {
		if x == k {
			return true
		}
	}
	return false
}

// blankColumn reports whether column k is blank in every row.
func (v *view) blankColumn(k string) bool {
	for _, r := range v.t.Rows {
		if !blank(r.Get(k)) {
			return false
		}
	}
	return true
}

// scale is the largest number of decimals printed in the amount columns.
func (v *view) scale() int32 {
	var s int32
	for _, r := range v.t.Rows {
		for _, c := range r {
			if v.amount[c.Key] {
				if n := scaleOf(c.Value); n > s {
					s = n
				}
			}
		}
	}
	return s
}

// code is the subject code of a row on a side, digits only, or "".
func code(r schema.Row, side string) string {
	p := r.Get(side + schema.KeySubjectCode)
	if p == nil {
		return ""
	}
	c := textutil.Squeeze(*p)
	for _, ch := range c {
		if ch < '0' || ch > '9' {
			return ""
		}
	}
	return c
}

// label is the row's name on a side: its subject name or item, normalized.
func label(r schema.Row, side string) string {
	for _, k := range []string{side + schema.KeySubjectName, side + schema.KeyItem, side + schema.KeyName, side + schema.KeyUnitName, side + schema.KeyDeptSubject} {
		if p := r.Get(k); p != nil && textutil.Squeeze(*p) != "" {
			return textutil.Squeeze(*p)
		}
	}
	return ""
}

// anyLabel is the first non-empty text cell of a row.
func anyLabel(r schema.Row) string {
	for _, c := range r {
		if isTextKey(c.Key) && c.Value != nil && textutil.Squeeze(*c.Value) != "" && !(strings.HasSuffix(c.Key, "_code") && digits(textutil.Squeeze(*c.Value))) {
			return textutil.Squeeze(*c.Value)
		}
	}
	return ""
}

// digits reports a non-empty string of ASCII digits (a code, not a label).
func digits(s string) bool {
	return s != "" && strings.Trim(s, "0123456789") == ""
}

// isTotalLabel reports a grand-total row label.
func isTotalLabel(s string) bool {
	switch s {
	case "合计", "总计", "部门合计", "合计数", "总合计", "人员经费合计", "公用经费合计":
		return true
	}
	return false
}

// rowName is how a message names a row: its code and name.
func rowName(r schema.Row, side string) string {
	c, l := code(r, side), label(r, side)
	switch {
	case c != "" && l != "":
		return c + " " + l
	case c != "":
		return c
	case l != "":
		return l
	}
	return anyLabel(r)
}

// totalRow finds the side's grand-total row (合计), or -1.
func (v *view) totalRow(side string) int {
	for i, r := range v.t.Rows {
		if code(r, side) != "" {
			continue
		}
		l := label(r, side)
		if isTotalLabel(l) || (l == "" && isTotalLabel(anyLabel(r))) {
			return i
		}
	}
	return -1
}

// isIndexRow reports the "1 2 3 …" row printed under some headers.
func isIndexRow(r schema.Row) bool {
	texts := make([]string, 0, len(r))
	for _, c := range r {
		if c.Value != nil {
			texts = append(texts, *c.Value)
		}
	}
	return textutil.IsIndexRow(texts)
}
