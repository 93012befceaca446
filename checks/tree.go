package checks

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

// subjectTree checks the functional-classification tree of every side of t
// that has subject codes: the 合计 row is the sum of the 类 (3-digit) rows,
// each 类 the sum of its 款 (5-digit), each 款 the sum of its 项 (7-digit),
// per amount column. Codes of other lengths nest the same way: a row's
// children are the rows of the next code length present that start with it.
func subjectTree(t *schema.Table) []schema.Check {
	v := newView(t)
	if !v.has(schema.KeySubjectCode) && v.has(schema.KeyUnitCode) {
		// A table of budget units coded 317, 317001, 317002: the
		// department's row is the sum of its units', nested as codes are.
		// Rows that only name their unit (a project list, every project of
		// unit 125001: codes repeated, none nested) are no tree.
		if unitCodesRepeat(t) && !unitCodesNest(t) {
			return nil
		}
		v = newView(unitCodesAsSubjects(t))
	}
	var out []schema.Check
	for _, side := range v.sides() {
		if !v.has(side + schema.KeySubjectCode) {
			continue
		}
		out = append(out, v.tree(side)...)
	}
	return out
}

// unitCodesNest reports whether some unit code of t extends another (317001
// under 317).
func unitCodesNest(t *schema.Table) bool {
	codes := map[string]bool{}
	for _, r := range t.Rows {
		if c := r.Get(schema.KeyUnitCode); c != nil && *c != "" {
			codes[*c] = true
		}
	}
	for c := range codes {
		for p := range codes {
			if len(p) < len(c) && strings.HasPrefix(c, p) {
				return true
			}
		}
	}
	return false
}

// unitCodesRepeat reports whether two rows of t print the same unit code.
func unitCodesRepeat(t *schema.Table) bool {
	seen := map[string]bool{}
	for _, r := range t.Rows {
		if c := r.Get(schema.KeyUnitCode); c != nil && *c != "" {
			if seen[*c] {
				return true
			}
			seen[*c] = true
		}
	}
	return false
}

// unitCodesAsSubjects is t with its unit_code cells read as subject codes.
func unitCodesAsSubjects(t *schema.Table) *schema.Table {
	c := *t
	c.Columns = nil
	for _, col := range t.Columns {
		if col.Key == schema.KeyUnitCode {
			col.Key = schema.KeySubjectCode
		}
		c.Columns = append(c.Columns, col)
	}
	c.Rows = nil
	for _, r := range t.Rows {
		var nr schema.Row
		for _, cell := range r {
			if cell.Key == schema.KeyUnitCode {
				cell.Key = schema.KeySubjectCode
			}
			nr = append(nr, cell)
		}
		c.Rows = append(c.Rows, nr)
	}
	return &c
}

type coded struct {
	code string
	row  schema.Row
	idx  int // index in the table's rows
}

// block is one unit's rows of a multi-unit table (汇总表), or the whole
// table: its total row (the unit's row, or 合计) and its coded rows.
type block struct {
	head  int // row index of the unit's row, or -1
	unit  string
	rows  []coded
	first int // first row index after head
}

// unitBlocks splits the coded rows into unit blocks where the rows carry
// unit_name (a unit's row without a code, then its subject rows). The
// department's row printed above its units, if any, is returned as grand.
func (v *view) unitBlocks(side string, rows []coded) (blocks []block, grand int) {
	grand = -1
	var heads []int
	prev := ""
	for i, r := range v.t.Rows {
		u := ""
		if p := r.Get(schema.KeyUnitName); p != nil {
			u = *p
		}
		if u != "" && u != prev && code(r, side) == "" && !isTotalLabel(label(r, side)) && hasHan(u) {
			heads = append(heads, i)
		}
		prev = u
	}
	if len(heads) >= 2 && !v.codedBetween(side, heads[0], heads[1]) {
		grand, heads = heads[0], heads[1:]
	}
	if len(heads) == 0 {
		return []block{{head: -1, rows: rows}}, -1
	}
	for h, hi := range heads {
		end := len(v.t.Rows)
		if h+1 < len(heads) {
			end = heads[h+1]
		}
		b := block{head: hi, unit: unitOf(v.t.Rows[hi]), first: hi + 1}
		for _, c := range rows {
			if c.idx > hi && c.idx < end {
				b.rows = append(b.rows, c)
			}
		}
		blocks = append(blocks, b)
	}
	// coded rows above the first unit's row (none in the tables seen) make
	// a block of their own, checked against 合计.
	var before []coded
	for _, c := range rows {
		if c.idx < heads[0] {
			before = append(before, c)
		}
	}
	if len(before) > 0 {
		blocks = append([]block{{head: -1, rows: before}}, blocks...)
	}
	return blocks, grand
}

func (v *view) codedBetween(side string, from, to int) bool {
	for _, r := range v.t.Rows[from+1 : to] {
		if code(r, side) != "" {
			return true
		}
	}
	return false
}

func unitOf(r schema.Row) string {
	if p := r.Get(schema.KeyUnitName); p != nil {
		return textutil.Squeeze(*p)
	}
	return ""
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
	for i, r := range v.t.Rows {
		// A code shorter than a 类 is a row number (序号) or a part
		// the schema could not complete: not a subject.
		if c := code(r, side); len(c) >= 3 {
			rows = append(rows, coded{c, r, i})
		}
	}
	padCodes(rows)
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
	scale := v.scale()
	var fails, warns []schema.Check
	n := 0
	fail := func(format string, args ...any) {
		fails = append(fails, newCheck(RuleSubjectTree, kind, schema.StatusFail, pages,
			"%s %s (%s)", name, fmt.Sprintf(format, args...), where))
	}
	// differ reports a sum of printed figures that misses its total: a
	// rounding difference (see sumStatus) is warned with the difference, any
	// other fails.
	differ := func(got, sum decimal.Decimal, printed int, format string, args ...any) {
		st, diff := sumStatus(got, sum, printed, scale)
		switch st {
		case schema.StatusWarn:
			warns = append(warns, newCheck(RuleSubjectTree, kind, schema.StatusWarn, pages,
				"%s %s (%s)", name, roundingNote(fmt.Sprintf(format, args...), diff, scale, printed), where))
		case schema.StatusFail:
			fail(format, args...)
		}
	}
	sumOf := func(rs []coded, k string) decimal.Decimal {
		sum := decimal.Zero
		for _, c := range rs {
			sum = sum.Add(amount(c.row.Get(k)))
		}
		return sum
	}
	printedOf := func(rs []coded, k string) int {
		p := 0
		for _, c := range rs {
			if !blank(c.row.Get(k)) {
				p++
			}
		}
		return p
	}
	blocks, grand := v.unitBlocks(side, rows)
	total := v.totalRow(side)
	for _, b := range blocks {
		if len(b.rows) == 0 {
			continue // a unit with no coded rows: its figures are the row checks'
		}
		unit := ""
		if b.unit != "" {
			unit = b.unit + ": "
		}
		// Rows printing the same code one after another either break one
		// subject down (by funding, unit, purchase: 西安's 政府采购预算表; a
		// 款 printed again on its 项 row), the first being the subject and
		// the others, a row repeating the one below it aside, adding up to
		// it; or pair the subject with other columns' subjects (北京's
		// 支出总表: one row per 功能 and 经济 code), all of them leaves. A run
		// is read as a breakdown only where it adds up as one.
		var runs []coded
		for i := 0; i < len(b.rows); {
			j := i + 1
			for j < len(b.rows) && b.rows[j].code == b.rows[i].code && b.rows[j].idx == b.rows[j-1].idx+1 {
				j++
			}
			sub := b.rows[i:j]
			for len(sub) > 2 && sameFigures(sub[0].row, sub[1].row, keys) {
				sub = sub[1:]
			}
			// The breakdown may hold group rows of its own (西安 政务服务's
			// 政府采购: 全额 over the unit's line over its purchases): its
			// parts are then the rows under them.
			adds := func(parts []coded) bool {
				ok := len(parts) > 0
				for _, k := range keys {
					if ok {
						st, _ := sumStatus(amount(sub[0].row.Get(k)), sumOf(parts, k), printedOf(parts, k), scale)
						ok = st != schema.StatusFail
					}
				}
				return ok
			}
			var parts []coded
			if len(sub) > 1 {
				cands := [][]coded{sub[1:]}
				for _, g := range groupings {
					cands = append(cands, codedLeaves(sub[1:], g))
				}
				for _, cand := range cands {
					if adds(cand) {
						parts = cand
						break
					}
				}
			}
			if parts != nil {
				runs = append(runs, b.rows[i])
				for _, k := range keys {
					n++
					differ(amount(sub[0].row.Get(k)), sumOf(parts, k), printedOf(parts, k),
						"%s: %s%s = %s but Σ its %d rows under the same code = %s", k, unit, sub[0].code,
						show(amount(sub[0].row.Get(k)), scale), len(parts), show(sumOf(parts, k), scale))
				}
			} else if leaves := runForest(b.rows[i:j], keys); leaves != nil {
				// No row of the run is the subject's own: the run is a forest
				// of groups (西安 商务's 政府采购: 216 99 99 全额 over its unit
				// over its purchase, then 差额 likewise), each adding up;
				// the subject's figure is the sum of their purchases.
				runs = append(runs, leaves...)
			} else {
				runs = append(runs, b.rows[i:j]...)
			}
			i = j
		}
		b.rows = runs
		kids, roots := forest(b.rows)
		// Where a block prints its tree (some row under a printed parent),
		// every level is printed: a 类 with amounts but nothing under it, a
		// functional 款 with nothing under it (unless the catalogue knows it
		// as a 款 without 项, 21999 其他支出), or a row whose parent is
		// missing means a row went missing. A block of leaves only (the
		// tables that print 项 rows alone) adds up to its total.
		hier := len(roots) < len(b.rows)
		present, lengths := map[string]bool{}, map[int]bool{}
		for _, c := range b.rows {
			present[c.code], lengths[len(c.code)] = true, true
		}
		for i, p := range b.rows {
			if !hier || len(kids[i]) > 0 || zeroRow(p.row, keys) {
				continue
			}
			if l := len(p.code); l == 3 || (l == 5 && functionalCode(p.code) && !schema.CataloguedLeaf(p.code)) {
				fail("%s%s: has amounts but none of its %d-digit rows is printed", unit, rowName(p.row, side), l+2)
			}
		}
		if hier {
			parent := make([]int, len(b.rows))
			for i := range parent {
				parent[i] = -1
			}
			for i, ks := range kids {
				for _, j := range ks {
					parent[j] = i
				}
			}
			for i, p := range b.rows {
				// A row hung under a grandparent, or a root whose parent's
				// level the block prints elsewhere, lost its parent. A level
				// the block never prints (款 and 项 under no 类) is not
				// missing, and 7-digit economic codes are local (3010201
				// 津贴补贴 printed under 301 where no 30102 is).
				l := len(p.code)
				if !(l == 5 || (l == 7 && functionalCode(p.code))) || present[p.code[:l-2]] {
					continue
				}
				if (parent[i] >= 0 && len(b.rows[parent[i]].code) < l-2) || (parent[i] < 0 && lengths[l-2]) {
					fail("%s%s: its parent %s is not printed", unit, rowName(p.row, side), p.code[:l-2])
				}
			}
		}
		tot := b.head
		if tot < 0 && len(blocks) == 1 {
			tot = total
		}
		minLen := 0
		for _, i := range roots {
			if l := len(b.rows[i].code); minLen == 0 || l < minLen {
				minLen = l
			}
		}
		var rootRows []coded
		for _, i := range roots {
			rootRows = append(rootRows, b.rows[i])
		}
		for _, k := range keys {
			for i, p := range b.rows {
				if len(kids[i]) == 0 {
					continue
				}
				var ks []coded
				for _, j := range kids[i] {
					ks = append(ks, b.rows[j])
				}
				n++
				if got, sum := amount(p.row.Get(k)), sumOf(ks, k); !got.Equal(sum) {
					differ(got, sum, printedOf(ks, k), "%s: %s%s = %s but Σ%s%s = %s", k, unit, p.code, show(got, scale), p.code,
						strings.Repeat("x", len(ks[0].code)-len(p.code)), show(sum, scale))
				}
			}
			if tot < 0 {
				continue
			}
			n++
			got, sum := amount(v.t.Rows[tot].Get(k)), sumOf(rootRows, k)
			if l := label(v.t.Rows[tot], side); b.head < 0 && (l == "人员经费合计" || l == "公用经费合计") {
				// Panel totals stacked one under the other: 合计 is their sum.
				got = decimal.Zero
				for _, r := range v.t.Rows {
					if l := label(r, side); code(r, side) == "" && (l == "人员经费合计" || l == "公用经费合计") {
						got = got.Add(amount(r.Get(k)))
					}
				}
			}
			if !got.Equal(sum) {
				if b.head >= 0 {
					differ(got, sum, printedOf(rootRows, k), "%s: %s = %s but Σ its %d-digit rows = %s", k, b.unit, show(got, scale), minLen, show(sum, scale))
				} else {
					differ(got, sum, printedOf(rootRows, k), "%s: 合计 = %s but Σ%d-digit rows = %s", k, show(got, scale), minLen, show(sum, scale))
				}
			}
		}
	}
	// A multi-unit table: the department's row (or 合计) is the sum of the
	// units' rows.
	if blocks[len(blocks)-1].head >= 0 {
		top := total
		if top < 0 {
			top = grand
		}
		if top < 0 && len(blocks) > 1 {
			fail("has no 合计 row")
		}
		if top >= 0 {
			for _, k := range keys {
				n++
				sum, printed := decimal.Zero, 0
				add := func(r schema.Row) {
					sum = sum.Add(amount(r.Get(k)))
					if !blank(r.Get(k)) {
						printed++
					}
				}
				for _, b := range blocks {
					if b.head >= 0 {
						add(v.t.Rows[b.head])
					} else {
						_, roots := forest(b.rows)
						for _, i := range roots {
							add(b.rows[i].row)
						}
					}
				}
				if got := amount(v.t.Rows[top].Get(k)); !got.Equal(sum) {
					differ(got, sum, printed, "%s: %s = %s but Σ %d units = %s", k, rowName(v.t.Rows[top], side), show(got, scale), len(blocks), show(sum, scale))
				}
			}
		}
	} else if total < 0 {
		fail("has no 合计 row")
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
		return append(fails, warns...)
	}
	if n == 0 {
		return []schema.Check{newCheck(RuleSubjectTree, kind, schema.StatusSkipped, pages,
			"%s: no row has sub-rows to add up (%s)", name, where)}
	}
	if n == len(warns) {
		return append(warns, unnamed...)
	}
	return append(append([]schema.Check{newCheck(RuleSubjectTree, kind, schema.StatusPass, pages,
		"%s: %d sums hold over %s (合计 = Σ类, 类 = Σ款, 款 = Σ项%s; %s)", name, n-len(unnamed)-len(warns), strings.Join(keys, ", "), blankNote, where)}, warns...), unnamed...)
}

// sameFigures reports two rows printing the same amounts in every column.
// runForest is the purchases of a run of rows under one code that is a
// forest of groups with no row of the subject's own, or nil: a row whose
// figures are the next row's under another name is a group of one (a
// fund's line over its one unit's line over its one purchase), and rows
// adding up the rows after them are groups (see groupings).
func runForest(rows []coded, keys []string) []coded {
	var rest []coded
	for i, c := range rows {
		if i+1 < len(rows) && sameFigures(c.row, rows[i+1].row, keys) && anyLabel(c.row) != anyLabel(rows[i+1].row) {
			continue
		}
		rest = append(rest, c)
	}
	if len(rest) < len(rows) {
		for _, g := range groupings {
			if leaves := codedLeaves(rest, g); leaves != nil {
				return leaves
			}
		}
		return rest
	}
	return nil
}

// codedLeaves is rows without the group rows g finds, or nil when it
// finds none.
func codedLeaves(rows []coded, g grouping) []coded {
	plain := make([]schema.Row, len(rows))
	for i, c := range rows {
		plain[i] = c.row
	}
	isGroup, groups := g(plain)
	if groups == 0 {
		return nil
	}
	var out []coded
	for i, c := range rows {
		if !isGroup[i] {
			out = append(out, c)
		}
	}
	return out
}

func sameFigures(a, b schema.Row, keys []string) bool {
	for _, k := range keys {
		if !amount(a.Get(k)).Equal(amount(b.Get(k))) {
			return false
		}
	}
	return true
}

// forest links each coded row to its parent: the nearest row above it
// whose code its own code extends (2050803 under 20508, or under 205 when
// no 20508 is printed). It returns each row's children and the roots, in
// order; a code printed again further down starts afresh, so repeated
// blocks do not add into one another.
func forest(rows []coded) (kids [][]int, roots []int) {
	kids = make([][]int, len(rows))
	var stack []int
	for i, c := range rows {
		for len(stack) > 0 {
			top := rows[stack[len(stack)-1]].code
			if len(top) < len(c.code) && strings.HasPrefix(c.code, top) {
				break
			}
			stack = stack[:len(stack)-1]
		}
		if len(stack) == 0 {
			roots = append(roots, i)
		} else {
			p := stack[len(stack)-1]
			kids[p] = append(kids[p], i)
		}
		stack = append(stack, i)
	}
	return kids, roots
}

func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// functionalCode reports a functional or income classification code (1xx, 2xx).
func functionalCode(c string) bool { return c != "" && (c[0] == '1' || c[0] == '2') }

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
