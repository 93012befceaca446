package schema

import (
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// Subject codes as tables print them. Codes are text: "06" stays "06".
//
//   - in their own column, whole (2050803) or staggered: the 类 row prints
//     205, the 款 rows under it 08, the 项 rows 03 (or the three parts in
//     three columns, joined by buildTable);
//   - inside the name: [205]教育支出, 50101-工资奖金津补贴, 205 教育支出;
//   - not at all: the names alone (then the catalogue gives the code, and
//     the row says subject_code_inferred).
//
// resolveCodes turns every printing into whole codes in a subject_code
// column; markUnits gives the rows of a multi-unit table their unit_name.

// inferredMinMatches is how many rows of a names-only table the catalogue
// must name.
const inferredMinMatches = 3

var (
	// [205]教育支出, 【205】…, (205)…
	codeBracketed = textutil.NewRegexp(`^[\[【［〔(（]\s*(\d{3}|\d{5}|\d{7})\s*[\]】］〕)）]\s*(\S.*)$`)
	// 50101-工资奖金津补贴, 205 教育支出, 2050101．行政运行
	codeSeparated = textutil.NewRegexp(`^(\d{3}|\d{5}|\d{7})(?:\s*[-－—–_.．、:：]\s*|\s+)(\S.*)$`)
	// a name: starts with a Han character or an opening bracket, no amount.
	nameStart = textutil.NewRegexp(`^[\p{Han}（(“"]`)
	// list numbering before a name: 一、 1. (一) （1）
	listNumber = textutil.NewRegexp(`^(?:[一二三四五六七八九十]+[、.．]|\d{1,2}[、.．]|[（(][一二三四五六七八九十\d]{1,2}[)）])`)
	// a count's unit after a number (100 万元, 205 人), not a name.
	unitWord = textutil.NewRegexp(`^(?:万元|亿元|元|年|月|日|个|名|人次|人|次|辆|台|套|件|户|项)(?:$|[^\p{Han}])`)
	// a 6-digit code is a budget unit's (125001), never a subject's.
	unitCode = textutil.NewRegexp(`^\d{6}$`)
)

// SplitCodeName splits a subject code printed at the start of a name
// ("[205]教育支出" → "205", "教育支出").
func SplitCodeName(s string) (code, name string, ok bool) {
	s = CleanText(s)
	m := codeBracketed.FindStringSubmatch(s)
	if m == nil {
		m = codeSeparated.FindStringSubmatch(s)
	}
	if m == nil || !nameStart.MatchString(m[2]) || unitWord.MatchString(m[2]) || !subjectFirstDigit(m[1]) {
		return "", "", false
	}
	return m[1], strings.TrimSpace(m[2]), true
}

// subjectFirstDigit: income 1xx, functional 2xx, economic 3xx and 5xx.
func subjectFirstDigit(code string) bool {
	return code != "" && strings.ContainsRune("1235", rune(code[0]))
}

// IsClassificationCode reports a code of the national classification: 3, 5
// or 7 digits starting 1 (income), 2 (functional), 3 or 5 (economic).
func IsClassificationCode(code string) bool {
	return textutil.IsSubjectCode(code) && subjectFirstDigit(code)
}

// codeKeyFor is the key a name column's codes go under: subject_code beside
// subject_name, item or dept_subject (with the same side or right_ prefix),
// gov_subject_code beside gov_subject.
func codeKeyFor(nameKey string) (string, bool) {
	for _, suf := range []string{KeySubjectName, KeyItem, KeyDeptSubject} {
		if p, ok := strings.CutSuffix(nameKey, suf); ok && !strings.HasSuffix(p, "sub_") {
			return p + KeySubjectCode, true
		}
	}
	if p, ok := strings.CutSuffix(nameKey, KeyGovSubject); ok {
		return p + KeyGovSubjectCode, true
	}
	return "", false
}

// resolveCodes gives t's rows whole subject codes: codes split off the
// names, staggered parts completed from the rows above, unit codes moved to
// unit_code. (inferCodes, run once the document's year is known, codes the
// names-only tables.)
func resolveCodes(t *Table) {
	codesInNameColumn(t)
	mergeCodeColumns(t)
	splitNames(t)
	for _, k := range codeKeys(t) {
		moveUnitCodes(t, k)
		completeStaggered(t, k)
	}
}

// codeKeys lists the table's code keys in column order.
func codeKeys(t *Table) []string {
	var out []string
	for _, c := range t.Columns {
		if strings.HasSuffix(c.Key, KeySubjectCode) || strings.HasSuffix(c.Key, KeyGovSubjectCode) {
			out = append(out, c.Key)
		}
	}
	return out
}

// codesInNameColumn rekeys a name column that holds codes only (its
// heading read as the name's, the names printed in the next column) as the
// code column, and the next name column as the names.
func codesInNameColumn(t *Table) {
	for i, c := range t.Columns {
		p, ok := strings.CutSuffix(c.Key, KeySubjectName)
		if !ok || p != "" || hasColumn(t, KeySubjectCode) || i+1 >= len(t.Columns) || t.Columns[i+1].Key != RightPrefix+KeySubjectName {
			continue
		}
		codes, other := 0, 0
		for _, r := range t.Rows {
			v := r.Get(c.Key)
			switch {
			case v == nil || isTotalName(*v):
			case textutil.IsSubjectCode(*v):
				codes++
			default:
				other++
			}
		}
		if codes < 3 || codes < 4*other {
			return
		}
		rekey(t, c.Key, KeySubjectCode)
		rekey(t, RightPrefix+KeySubjectName, KeySubjectName)
		return
	}
}

func rekey(t *Table, from, to string) {
	for i := range t.Columns {
		if t.Columns[i].Key == from {
			t.Columns[i].Key = to
		}
	}
	for _, r := range t.Rows {
		for j := range r {
			if r[j].Key == from {
				r[j].Key = to
			}
		}
	}
}

// mergeCodeColumns joins two code columns under one heading that the
// layout split where the codes are indented (类 at the left, 款 and 项
// further right: 功能科目编码 | 功能科目编码), when no row fills both.
func mergeCodeColumns(t *Table) {
	for i := 0; i+1 < len(t.Columns); i++ {
		a, b := t.Columns[i], t.Columns[i+1]
		if !strings.HasSuffix(a.Key, KeySubjectCode) || !strings.HasSuffix(b.Key, KeySubjectCode) || a.Label != b.Label {
			continue
		}
		// A row may have its name shifted into the second column (the
		// layout's columns drifting on a later page): it goes to the name
		// column when that is blank.
		nameKey := strings.TrimSuffix(a.Key, KeySubjectCode) + KeySubjectName
		both := false
		for _, r := range t.Rows {
			va, vb := r.Get(a.Key), r.Get(b.Key)
			both = both || (va != nil && vb != nil && (isDigits(*vb) || r.Get(nameKey) != nil))
		}
		if both {
			continue
		}
		for j, r := range t.Rows {
			if v := r.Get(b.Key); v != nil {
				if isDigits(*v) {
					setCell(t.Rows[j], a.Key, *v)
				} else {
					setCell(t.Rows[j], nameKey, *v)
				}
			}
			t.Rows[j] = dropCell(t.Rows[j], b.Key)
		}
		t.Columns = append(t.Columns[:i+1:i+1], t.Columns[i+2:]...)
	}
}

func isDigits(s string) bool {
	s = strings.ReplaceAll(s, " ", "")
	return s != "" && strings.Trim(s, "0123456789") == ""
}

func dropCell(r Row, key string) Row {
	for i := range r {
		if r[i].Key == key {
			return append(r[:i:i], r[i+1:]...)
		}
	}
	return r
}

// unitCodeLabel is the heading of a column of budget-unit codes (单位编码,
// 部门代码, 预算单位代码), not subject codes.
var unitCodeLabel = textutil.NewRegexp(`(?:单位|部门)(?:编码|代码)`)

// splitNames moves codes printed inside a name column into the code column
// (added when absent), where most named rows of the column print one.
func splitNames(t *Table) {
	for ci := 0; ci < len(t.Columns); ci++ {
		nk := t.Columns[ci].Key
		ck, ok := codeKeyFor(nk)
		if !ok {
			continue
		}
		named, coded := 0, 0
		for _, r := range t.Rows {
			v := r.Get(nk)
			if v == nil || isTotalName(*v) {
				continue
			}
			named++
			if _, _, ok := SplitCodeName(*v); ok {
				coded++
			}
		}
		if coded < 2 || coded*2 < named {
			continue
		}
		if !hasColumn(t, ck) {
			t.Columns = insertColumn(t.Columns, ci, Column{Key: ck, Label: t.Columns[ci].Label})
			ci++
			for i := range t.Rows {
				t.Rows[i] = insertCell(t.Rows[i], nk, Cell{Key: ck})
			}
		}
		for i, r := range t.Rows {
			v := r.Get(nk)
			if v == nil {
				continue
			}
			code, name, ok := SplitCodeName(*v)
			if !ok || r.Get(ck) != nil {
				continue
			}
			setCell(t.Rows[i], ck, code)
			setCell(t.Rows[i], nk, name)
		}
	}
}

// moveUnitCodes moves budget-unit codes (125001, or every code of a column
// headed 单位编码) out of a subject code column into unit_code.
func moveUnitCodes(t *Table, k string) {
	ci := columnIndex(t, k)
	if ci >= 0 && unitCodeLabel.MatchString(t.Columns[ci].Label) && !strings.Contains(t.Columns[ci].Label, "科目") {
		if hasColumn(t, KeyUnitCode) {
			return
		}
		t.Columns[ci].Key = KeyUnitCode
		for i := range t.Rows {
			for j := range t.Rows[i] {
				if t.Rows[i][j].Key == k {
					t.Rows[i][j].Key = KeyUnitCode
				}
			}
		}
		return
	}
	moved := false
	for i, r := range t.Rows {
		v := r.Get(k)
		if v == nil || !unitCode.MatchString(*v) {
			continue
		}
		if !moved {
			moved = true
			if !hasColumn(t, KeyUnitCode) {
				t.Columns = insertColumn(t.Columns, columnIndex(t, k), Column{Key: KeyUnitCode, Label: columnLabel(t, k)})
			}
		}
		code := *v
		setCell(t.Rows[i], k, "")
		t.Rows[i] = putCell(t.Rows[i], k, Cell{Key: KeyUnitCode, Value: &code})
	}
}

// completeStaggered turns staggered code parts into whole codes: a two-digit
// part under a 类 is a 款, under a 款 a 项; under a 项 it is another 项 of
// the same 款 unless the catalogue, or the 款's figure already being made up
// by the 项 above, says it starts a new 款.
func completeStaggered(t *Table, k string) {
	var lei, kuan string
	last, kuanRow := 0, -1
	nameKey := strings.TrimSuffix(k, KeySubjectCode) + KeySubjectName
	for i, r := range t.Rows {
		v := r.Get(k)
		if v == nil {
			continue
		}
		c := strings.ReplaceAll(*v, " ", "")
		if strings.Trim(c, "0123456789") != "" {
			continue
		}
		switch len(c) {
		case 3:
			lei, kuan, last = c, "", 1
			continue
		case 5:
			lei, kuan, last, kuanRow = c[:3], c, 2, i
			continue
		case 7:
			lei, kuan, last = c[:3], c[:5], 3
			continue
		case 1, 2:
		default:
			continue
		}
		if lei == "" {
			continue
		}
		part := c
		if len(part) == 1 {
			part = "0" + part
		}
		name := ""
		if n := r.Get(nameKey); n != nil {
			name = *n
		}
		switch {
		case last == 1 || kuan == "":
			c, last = lei+part, 2
		case last == 2:
			c, last = kuan+part, 3
		case catalogueMatch(kuan+part, name):
			c = kuan + part
		case catalogueMatch(lei+part, name) || madeUp(t, kuanRow, i):
			c, last = lei+part, 2
		default:
			c = kuan + part
		}
		if last == 2 {
			kuan, kuanRow = c, i
		}
		setCell(t.Rows[i], k, c)
	}
}

// madeUp reports whether the figure of row parent is already the sum of the
// rows after it up to row next (exclusive), in the first amount column the
// parent prints, give or take a rounding tail of one unit of its last
// decimal per addend: the 款 is complete and row next starts another.
func madeUp(t *Table, parent, next int) bool {
	if parent < 0 || next <= parent+1 {
		return false
	}
	for _, c := range t.Rows[parent] {
		if !IsAmountKey(c.Key) || c.Value == nil {
			continue
		}
		want, err := decimal.NewFromString(*c.Value)
		if err != nil {
			continue
		}
		sum := decimal.Zero
		n := int64(0)
		for _, r := range t.Rows[parent+1 : next] {
			if v := r.Get(c.Key); v != nil {
				d, err := decimal.NewFromString(*v)
				if err != nil {
					return false
				}
				sum = sum.Add(d)
				n++
			}
		}
		scale := int32(0)
		if i := strings.IndexByte(*c.Value, '.'); i >= 0 {
			scale = int32(len(*c.Value) - i - 1)
		}
		tol := decimal.New(n, -scale)
		return sum.Sub(want).Abs().LessThanOrEqual(tol) && !want.IsZero()
	}
	return false
}

// inferCodes codes a names-only table from the catalogue: each name is
// looked up as a 项 of the 款 above it, a 款 of the 类 above it, or a 类,
// in that order, so 行政运行 gets the 项 code of its own 款. The table is
// coded only where the catalogue names at least inferredMinMatches rows
// and every row it names fits the tree; the rows get subject_code_inferred.
func inferCodes(t *Table, year int) {
	if info, _ := Kind(t.Kind); !info.Subjects {
		return
	}
	// The table's first name column: the subjects it is made of (a second
	// one, 政府预算支出经济科目 beside 部门预算支出经济科目, maps them).
	for ci := 0; ci < len(t.Columns); ci++ {
		nk := t.Columns[ci].Key
		if nk != KeySubjectName && nk != KeyDeptSubject && nk != KeyItem {
			continue
		}
		ck := KeySubjectCode
		if columnHasValues(t, ck) {
			return
		}
		codes := make([]string, len(t.Rows))
		matched := 0
		var lei, kuan string
		for i, r := range t.Rows {
			v := r.Get(nk)
			if v == nil || isTotalName(*v) {
				continue
			}
			code := ""
			for _, c := range codesNamed(*v, year) {
				switch {
				case kuan != "" && len(c) == 7 && strings.HasPrefix(c, kuan):
					code = c
				case code == "" && lei != "" && len(c) == 5 && strings.HasPrefix(c, lei):
					code = c
				}
			}
			if code == "" {
				for _, c := range codesNamed(*v, year) {
					if len(c) == 3 {
						code = c
						break
					}
				}
			}
			if code == "" {
				continue
			}
			switch len(code) {
			case 3:
				lei, kuan = code, ""
			case 5:
				kuan = code
			}
			codes[i] = code
			matched++
		}
		if matched < inferredMinMatches {
			return
		}
		if !hasColumn(t, ck) {
			t.Columns = insertColumn(t.Columns, ci, Column{Key: ck, Label: t.Columns[ci].Label})
		}
		for i := range t.Rows {
			t.Rows[i] = putCell(t.Rows[i], nk, Cell{Key: ck})
			if codes[i] != "" {
				setCell(t.Rows[i], ck, codes[i])
				t.Rows[i] = append(t.Rows[i], Cell{Key: KeyInferred, Value: Str("true")})
			}
		}
		return
	}
}

// unitSuffix matches the name of a budget unit (a body, not a subject).
var unitSuffix = textutil.NewRegexp(`(?:本级[)）]?|[局委厅办院所站队馆校园会部处室社团司庭台场宫库]|中心|[(（][^)）]*[)）])$`)

// markUnits finds the unit blocks of a multi-unit table (汇总表: a row per
// budget unit, each followed by that unit's subject rows; Shenzhen and
// Xi'an print a first row for the whole department above them) and gives
// every row from a unit's row to the next the unit's name in unit_name.
// A unit row has no subject code, a body's name (…局, …中心, …（本级）)
// that is not a catalogued subject nor a total, an amount, and subject
// rows under it.
func markUnits(t *Table) {
	keys := codeKeys(t)
	if len(keys) == 0 {
		return
	}
	ck := keys[0]
	isCoded := func(r Row) bool { v := r.Get(ck); return v != nil && *v != "" }
	fragment := func(r Row) bool { return !isCoded(r) && !hasAmount(r) && unitRowName(r) != "" }
	type cand struct {
		row   int
		name  string
		named bool // the name reads as a body's
	}
	var cands []cand
	for i, r := range t.Rows {
		if isCoded(r) || !hasAmount(r) {
			continue
		}
		own := unitRowName(r)
		if own == "" || isTotalName(own) || len(codesNamed(own, 0)) > 0 || strings.ContainsAny(own, "0123456789") {
			continue
		}
		// A name wrapped over several rows, its figures level with one of
		// them: the lines above it and short tails below it (院）) join it.
		name := own
		for j := i - 1; j >= 0 && fragment(t.Rows[j]); j-- {
			name = unitRowName(t.Rows[j]) + name
		}
		for j := i + 1; j < len(t.Rows) && fragment(t.Rows[j]) && len([]rune(unitRowName(t.Rows[j]))) <= 3; j++ {
			name += unitRowName(t.Rows[j])
		}
		// The next row with figures is a subject row, or another unit row
		// (a department row above its units) with subject rows further down.
		follows := false
		for j := i + 1; j < len(t.Rows) && !follows; j++ {
			if isCoded(t.Rows[j]) {
				follows = true
			} else if hasAmount(t.Rows[j]) {
				for _, r3 := range t.Rows[j+1:] {
					follows = follows || isCoded(r3)
				}
				break
			}
		}
		if follows {
			cands = append(cands, cand{i, name, unitSuffix.MatchString(name)})
		}
	}
	// A unit row names a body (…局, …中心, …（本级）); in a table of three
	// units or more so named, a row like them whose name does not end so
	// (cut short by a wrap) is one too.
	named := 0
	for _, c := range cands {
		if c.named {
			named++
		}
	}
	var heads []int
	names := map[int]string{}
	for _, c := range cands {
		if c.named || named >= 3 {
			heads = append(heads, c.row)
			names[c.row] = c.name
		}
	}
	if len(heads) == 0 {
		return
	}
	if !hasColumn(t, KeyUnitName) {
		t.Columns = append([]Column{{Key: KeyUnitName, Label: "单位名称"}}, t.Columns...)
		for i := range t.Rows {
			t.Rows[i] = append(Row{{Key: KeyUnitName}}, t.Rows[i]...)
		}
	}
	cur := ""
	h := 0
	for i := range t.Rows {
		if h < len(heads) && heads[h] == i {
			cur = names[i]
			h++
		}
		if cur != "" && t.Rows[i].Get(KeyUnitName) == nil {
			setCell(t.Rows[i], KeyUnitName, cur)
		}
	}
}

// unitRowName is the text of a row's first text cell.
func unitRowName(r Row) string {
	for _, c := range r {
		if c.Value == nil || isFlagKey(c.Key) || IsAmountKey(c.Key) || *c.Value == "" {
			continue
		}
		if textutil.IsAmount(*c.Value) || strings.Trim(*c.Value, "*") == "" {
			return ""
		}
		return *c.Value
	}
	return ""
}

func hasAmount(r Row) bool {
	for _, c := range r {
		if IsAmountKey(c.Key) && c.Value != nil {
			return true
		}
	}
	return false
}

// isTotalName reports a total row's label (合计, 总计, 本年支出合计, …).
func isTotalName(s string) bool {
	s = strings.ReplaceAll(CleanText(s), " ", "")
	return isTotalLabel(s) || panelTotal(s) || strings.HasSuffix(s, "合计") || strings.HasSuffix(s, "总计")
}

func hasColumn(t *Table, k string) bool { return columnIndex(t, k) >= 0 }

func columnIndex(t *Table, k string) int {
	for i, c := range t.Columns {
		if c.Key == k {
			return i
		}
	}
	return -1
}

func columnLabel(t *Table, k string) string {
	if i := columnIndex(t, k); i >= 0 {
		return t.Columns[i].Label
	}
	return ""
}

func columnHasValues(t *Table, k string) bool {
	for _, r := range t.Rows {
		if v := r.Get(k); v != nil && *v != "" {
			return true
		}
	}
	return false
}

func insertColumn(cols []Column, at int, c Column) []Column {
	if at < 0 {
		at = 0
	}
	out := append([]Column{}, cols[:at]...)
	out = append(out, c)
	return append(out, cols[at:]...)
}

// insertCell puts c before the cell under key before (at the end when absent).
func insertCell(r Row, before string, c Cell) Row {
	for i := range r {
		if r[i].Key == before {
			out := append(Row{}, r[:i]...)
			out = append(out, c)
			return append(out, r[i:]...)
		}
	}
	return append(r, c)
}

// putCell sets c in r, inserted before the cell under key before when r
// has no cell under c.Key.
func putCell(r Row, before string, c Cell) Row {
	for i := range r {
		if r[i].Key == c.Key {
			r[i].Value = c.Value
			return r
		}
	}
	return insertCell(r, before, c)
}

// setCell sets the value under key ("" blanks it).
func setCell(r Row, key, v string) {
	for i := range r {
		if r[i].Key == key {
			if v == "" {
				r[i].Value = nil
			} else {
				s := v
				r[i].Value = &s
			}
			return
		}
	}
}
