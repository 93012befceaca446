package review

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
)

// docView is what the document page is drawn from.
type docView struct {
	in       Input
	doc      *schema.Document
	marks    []Mark
	badge    map[int]int      // failing check index → its number (1-based) on this page
	wbadge   map[int]int      // warning index → its number
	failCell map[[3]int][]int // (table, row, col) → failing checks marked on it
	shown    map[int]bool     // pages drawn
	firstOf  map[int]int      // table index → first page drawn with it
}

// documentPage renders one document: its summary (every failing check,
// warning and table listed), then each chosen page drawn with its tables,
// forms and marks beside it.
func documentPage(in Input, images map[int]string, note string, opt Options) []byte {
	v := &docView{in: in, doc: in.Doc, badge: map[int]int{}, wbadge: map[int]int{}, failCell: map[[3]int][]int{}, shown: map[int]bool{}, firstOf: map[int]int{}}
	v.marks = Marks(in.Doc, &in.Geometry)
	for i, c := range v.doc.Checks {
		if c.Status == schema.StatusFail || c.Status == schema.StatusWarn {
			v.badge[i] = len(v.badge) + 1
		}
	}
	for i := range v.doc.Warnings {
		v.wbadge[i] = len(v.wbadge) + 1
	}
	for _, p := range in.Geometry.Pages {
		if (opt.Pages == nil || opt.Pages(p.Number)) && p.Width > 0 && p.Height > 0 { // a text dump's pages have no size
			v.shown[p.Number] = true
		}
	}
	for _, m := range v.marks {
		if m.Warning || m.Where != "cell" {
			continue
		}
		for _, p := range in.Geometry.Pages {
			if p.Number != m.Page {
				continue
			}
			for _, g := range p.Grids {
				for _, c := range g.Cells {
					if c.Box == m.Box && c.Row >= 0 && c.Col >= 0 {
						k := [3]int{g.Table, c.Row, c.Col}
						if !slices.Contains(v.failCell[k], m.Index) {
							v.failCell[k] = append(v.failCell[k], m.Index)
						}
					}
				}
			}
		}
	}
	d := v.doc
	var w html
	name := filepath.Base(in.Path)
	w.head(name + " — budgetpdf review")
	w.f(`<p><a href="../index.html">← all documents</a></p><h1>%s</h1>`, esc(name))
	w.f(`<p class="meta">%s · %s · %d · %s · %d pages · producer %s · %s</p>`, esc(d.Document.Title), esc(d.Document.Department), d.Document.Year, esc(d.Document.Kind), d.Source.Pages, esc(cmpOr(d.Source.Producer, d.Source.Creator)), esc(note))
	r := summarize(in)
	w.s(`<p class="counts">`)
	w.f(`<span>%d tables</span>%s%s<span>%d forms</span>%s<span>%d checks passed</span>%s`,
		r.tables, count(r.unknown, "unknown tables"), count(r.unkeyed, "unnamed columns"), r.forms, count(r.fail, "failing checks")+count(r.warnChecks, "warned checks"), r.pass, count(r.warned, "warnings"))
	w.s(`</p><p class="keyrole">cells: <span class="r-header">header</span><span class="r-code">subject code</span><span class="r-name">name</span><span class="r-amount">amount</span><span class="r-blank">blank</span><span class="r-fail">failing check</span> · hover a cell for its column key and parsed value</p>`)
	v.summary(&w)
	for _, p := range in.Geometry.Pages {
		if v.shown[p.Number] {
			for _, g := range p.Grids {
				if g.Table >= 0 {
					if _, ok := v.firstOf[g.Table]; !ok {
						v.firstOf[g.Table] = p.Number
					}
				}
			}
		}
	}
	placed := map[int]bool{}
	formsPlaced := map[int]bool{}
	for _, p := range in.Geometry.Pages {
		if !v.shown[p.Number] {
			continue
		}
		v.page(&w, p, images[p.Number], placed, formsPlaced)
	}
	// Tables and forms whose pages are not drawn (or a text dump's).
	var restT, restF []int
	for i := range d.Tables {
		if !placed[i] {
			restT = append(restT, i)
		}
	}
	for i := range d.PerformanceForms {
		if !formsPlaced[i] {
			restF = append(restF, i)
		}
	}
	if len(restT)+len(restF) > 0 {
		w.s(`<h2 id="other">Tables and forms on pages not drawn</h2>`)
		for _, i := range restT {
			v.table(&w, i)
		}
		for _, i := range restF {
			v.form(&w, i)
		}
	}
	w.foot()
	return w.b.Bytes()
}

func cmpOr(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func count(n int, what string) string {
	if n == 0 {
		return fmt.Sprintf(`<span>0 %s</span>`, what)
	}
	return fmt.Sprintf(`<span class="bad">%d %s</span>`, n, what)
}

// markPage returns the first page a check (or warning) is drawn on, 0 if none.
func (v *docView) markPage(warning bool, i int) int {
	for _, m := range v.marks {
		if m.Warning == warning && m.Index == i && v.shown[m.Page] {
			return m.Page
		}
	}
	return 0
}

// problemPages writes one line naming every page with something wrong on
// it: checks and warnings drawn there, unknown tables and tables with
// unnamed columns printed there.
func (v *docView) problemPages(w *html) {
	type tally struct {
		marks   map[[2]int]bool
		unknown []int
	}
	by := map[int]*tally{}
	get := func(n int) *tally {
		if by[n] == nil {
			by[n] = &tally{marks: map[[2]int]bool{}}
		}
		return by[n]
	}
	for _, m := range v.marks {
		get(m.Page).marks[[2]int{boolInt(m.Warning), m.Index}] = true
	}
	for _, p := range v.in.Geometry.Pages {
		for _, g := range p.Grids {
			if g.Table < 0 || slices.Contains(get(p.Number).unknown, g.Table) {
				continue
			}
			if t := v.doc.Tables[g.Table]; t.Kind == schema.TableUnknown || unkeyedColumns(t) > 0 {
				get(p.Number).unknown = append(get(p.Number).unknown, g.Table)
			}
		}
	}
	var nums []int
	for n, t := range by {
		if len(t.marks)+len(t.unknown) > 0 {
			nums = append(nums, n)
		}
	}
	if len(nums) == 0 {
		return
	}
	slices.Sort(nums)
	w.s(`<p class="problempages"><b>Problems on pages:</b> `)
	for i, n := range nums {
		t := by[n]
		var what []string
		if len(t.marks) > 0 {
			what = append(what, fmt.Sprintf("%d", len(t.marks)))
		}
		for _, u := range t.unknown {
			if tb := v.doc.Tables[u]; tb.Kind == schema.TableUnknown {
				what = append(what, fmt.Sprintf("unknown T%d", u+1))
			} else {
				what = append(what, fmt.Sprintf("T%d %d unnamed columns", u+1, unkeyedColumns(tb)))
			}
		}
		if i > 0 {
			w.s(", ")
		}
		if v.shown[n] {
			w.f(`<a class="bad" href="#page-%d">%d</a> (%s)`, n, n, esc(strings.Join(what, ", ")))
		} else {
			w.f(`%d (%s)`, n, esc(strings.Join(what, ", ")))
		}
	}
	w.s(`</p>`)
}

// summary lists every failing and warned check, warning and table of the
// document.
func (v *docView) summary(w *html) {
	d := v.doc
	v.problemPages(w)
	w.s(`<div class="summary">`)
	for _, st := range []struct{ status, class, what string }{{schema.StatusFail, "fail", "failing"}, {schema.StatusWarn, "warn", "warned"}} {
		n := 0
		for _, c := range d.Checks {
			if c.Status == st.status {
				n++
			}
		}
		if n == 0 && st.status == schema.StatusWarn {
			continue
		}
		w.f(`<details class="checks %s"%s><summary>%d %s checks</summary><ol class="checks">`, st.class, openIf(n <= 20), n, st.what)
		for i, c := range d.Checks {
			if c.Status != st.status {
				continue
			}
			w.f(`<li class="check %s" id="check-%d" data-check="%d" data-rule="%s" data-table="%s"><span class="badge %s">%d</span>%s `,
				st.class, i, i, esc(c.Rule), esc(c.Table), st.class, v.badge[i], esc(c.Rule))
			if p := v.markPage(false, i); p > 0 {
				w.f(`<a href="#page-%d">page %d</a>`, p, p)
			} else {
				w.f(`pages %s`, esc(pageList(c.Pages)))
			}
			w.f(`: <span class="msg">%s</span></li>`, esc(c.Message))
		}
		w.s(`</ol></details>`)
	}
	w.f(`<details class="warnings"%s><summary>%d warnings</summary><ol class="warnings">`, openIf(len(d.Warnings) <= 20), len(d.Warnings))
	for i, wn := range d.Warnings {
		w.f(`<li class="warning" id="warning-%d" data-warning="%d"><span class="badge">%d</span>`, i, i, v.wbadge[i])
		if v.shown[wn.Page] {
			w.f(`<a href="#page-%d">page %d</a>`, wn.Page, wn.Page)
		} else {
			w.f(`page %d`, wn.Page)
		}
		w.f(` %s: <span class="msg">%s</span></li>`, esc(wn.Code), esc(wn.Message))
	}
	w.s(`</ol></details>`)
	w.f(`<details class="toc"%s><summary>%d tables, %d forms</summary><ol class="toc">`, openIf(len(d.Tables)+len(d.PerformanceForms) <= 16), len(d.Tables), len(d.PerformanceForms))
	for i, t := range d.Tables {
		cls := ""
		if t.Kind == schema.TableUnknown {
			cls = ` class="bad"`
		}
		w.f(`<li%s><a href="#table-%d">T%d</a> <span class="kind%s">%s</span> %s (pages %s, %d rows%s)</li>`,
			cls, i, i+1, kindClass(t.Kind), esc(t.Kind), esc(t.Title), esc(pageList(t.Pages)), len(t.Rows), unkeyedNote(t))
	}
	for i, f := range d.PerformanceForms {
		w.f(`<li><a href="#form-%d">F%d</a> form: %s (pages %s, %d indicators)</li>`, i, i+1, esc(f.Project), esc(pageList(f.Pages)), len(f.Indicators))
	}
	w.s(`</ol></details></div>`)
}

func openIf(b bool) string {
	if b {
		return " open"
	}
	return ""
}

func kindClass(kind string) string {
	if kind == schema.TableUnknown {
		return " unknown"
	}
	return ""
}

func unkeyedNote(t schema.Table) string {
	if n := unkeyedColumns(t); n > 0 {
		return fmt.Sprintf(`, <span class="bad">%d unnamed columns</span>`, n)
	}
	return ""
}

func pageList(pages []int) string {
	if len(pages) == 0 {
		return "–"
	}
	if len(pages) > 1 && pages[len(pages)-1]-pages[0] == len(pages)-1 {
		return fmt.Sprintf("%d–%d", pages[0], pages[len(pages)-1])
	}
	s := make([]string, len(pages))
	for i, p := range pages {
		s[i] = fmt.Sprint(p)
	}
	return strings.Join(s, ", ")
}

// page draws one page and, beside it, what the output made of it.
func (v *docView) page(w *html, p Page, image string, placed, formsPlaced map[int]bool) {
	var marks []Mark
	for _, m := range v.marks {
		if m.Page == p.Number {
			marks = append(marks, m)
		}
	}
	cls := "page"
	for _, g := range p.Grids {
		if g.Table >= 0 && v.doc.Tables[g.Table].Kind == schema.TableUnknown {
			cls += " faulty"
			break
		}
	}
	if len(marks) > 0 && !strings.Contains(cls, "faulty") {
		cls += " faulty"
	}
	w.f(`<div class="%s" id="page-%d" data-page="%d"><figure>`, cls, p.Number, p.Number)
	v.svg(w, p, image, marks)
	w.f(`<figcaption>page %d</figcaption></figure><aside>`, p.Number)
	w.f(`<h2>Page %d</h2>`, p.Number)
	// The marks of this page, numbered as in the summary.
	seen := map[[2]int]bool{}
	var items []string
	for _, m := range marks {
		k := [2]int{boolInt(m.Warning), m.Index}
		if seen[k] {
			continue
		}
		seen[k] = true
		if m.Warning {
			wn := v.doc.Warnings[m.Index]
			items = append(items, fmt.Sprintf(`<li class="pwarning" data-warning="%d"><span class="badge warn">%d</span>%s: %s</li>`, m.Index, v.wbadge[m.Index], esc(wn.Code), esc(wn.Message)))
		} else {
			c := v.doc.Checks[m.Index]
			items = append(items, fmt.Sprintf(`<li class="pcheck %s" data-check="%d"><span class="badge %s">%d</span>%s: %s</li>`, c.Status, m.Index, c.Status, v.badge[m.Index], esc(c.Rule), esc(c.Message)))
		}
	}
	if len(items) > 0 {
		w.f(`<details class="pagemarks"%s><summary class="bad">%d problems drawn on this page</summary><ul>%s</ul></details>`, openIf(len(items) <= 12), len(items), strings.Join(items, ""))
	}
	for _, g := range p.Grids {
		switch {
		case g.Table >= 0 && g.First != p.Number:
			t := v.doc.Tables[g.Table]
			w.f(`<p class="cont" data-table="%d">T%d <span class="kind%s">%s</span> %s continues from <a href="#page-%d">page %d</a>`, g.Table, g.Table+1, kindClass(t.Kind), esc(t.Kind), esc(t.Title), g.First, g.First)
			if !placed[g.Table] {
				w.s(` (its first page is not drawn; the table is below)`)
			} else {
				w.f(` (<a href="#table-%d">table</a>)`, g.Table)
			}
			w.s(`</p>`)
			if !placed[g.Table] && !v.shown[g.First] {
				placed[g.Table] = true
				v.table(w, g.Table)
			}
		case g.Table >= 0:
			if !placed[g.Table] {
				placed[g.Table] = true
				v.table(w, g.Table)
			}
		}
	}
	for i, f := range v.doc.PerformanceForms {
		if !formsPlaced[i] && len(f.Pages) > 0 && (f.Pages[0] == p.Number || !v.shown[f.Pages[0]] && slices.Contains(f.Pages, p.Number)) {
			formsPlaced[i] = true
			v.form(w, i)
		}
	}
	if len(p.Grids) == 0 && len(items) == 0 {
		w.s(`<p class="meta">no table on this page</p>`)
	}
	w.s(`</aside></div>`)
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// table renders output table i in the output's terms.
func (v *docView) table(w *html, i int) {
	t := v.doc.Tables[i]
	cls := "table"
	if t.Kind == schema.TableUnknown {
		cls += " unknown"
	}
	w.f(`<section class="%s" id="table-%d" data-table="%d" data-kind="%s" data-rows="%d" data-columns="%d">`, cls, i, i, esc(t.Kind), len(t.Rows), len(t.Columns))
	w.f(`<h3>T%d <span class="kind%s">%s</span> %s</h3>`, i+1, kindClass(t.Kind), esc(t.Kind), esc(t.Title))
	var meta []string
	meta = append(meta, "pages "+pageList(t.Pages))
	if t.Number != nil {
		meta = append(meta, fmt.Sprintf("number %d", *t.Number))
	}
	if t.Unit != nil {
		meta = append(meta, "unit "+*t.Unit)
	}
	if t.Department != nil {
		meta = append(meta, "department "+*t.Department)
	}
	if t.Empty {
		meta = append(meta, "empty (本表无数据)")
	}
	meta = append(meta, fmt.Sprintf("%d columns, %d rows", len(t.Columns), len(t.Rows)))
	w.f(`<p class="meta">%s</p>`, esc(strings.Join(meta, " · ")))
	w.s(`<table><thead><tr>`)
	for _, c := range t.Columns {
		cls := ""
		if strings.HasPrefix(c.Key, schema.ColPrefix) {
			cls = ` class="unkeyed"`
		}
		w.f(`<th%s>%s<br><small>%s</small></th>`, cls, esc(c.Key), esc(c.Label))
	}
	w.s(`</tr></thead><tbody>`)
	for ri, r := range t.Rows {
		w.s(`<tr>`)
		for ci, c := range t.Columns {
			val := r.Get(c.Key)
			cls := "name"
			if schema.IsAmountKey(c.Key) {
				cls = "amount"
			}
			title := ""
			if fails := v.failCell[[3]int{i, ri, ci}]; len(fails) > 0 {
				cls += " warn"
				for _, f := range fails {
					if v.doc.Checks[f].Status == schema.StatusFail {
						cls = strings.TrimSuffix(cls, " warn") + " fail"
						break
					}
				}
				var msgs []string
				for _, f := range fails {
					msgs = append(msgs, fmt.Sprintf("%d. %s", v.badge[f], v.doc.Checks[f].Message))
				}
				title = fmt.Sprintf(` title="%s"`, esc(strings.Join(msgs, "\n")))
			}
			s := ""
			if val != nil {
				s = esc(*val)
			}
			w.f(`<td class="%s"%s>%s</td>`, cls, title, s)
		}
		w.s(`</tr>`)
	}
	w.s(`</tbody></table></section>`)
}

// form renders performance form i as its record: the contract's fields
// in the contract's order, under their JSON names.
func (v *docView) form(w *html, i int) {
	f := v.doc.PerformanceForms[i]
	w.f(`<section class="form" id="form-%d" data-form="%d"><h3>F%d performance form: %s</h3>`, i, i, i+1, esc(f.Project))
	w.s(record(reflect.ValueOf(f)))
	w.s(`</section>`)
}

// record renders a contract value: a struct as a list of its JSON fields,
// a slice of structs as a table, nil as null.
func record(x reflect.Value) string {
	switch x.Kind() {
	case reflect.Pointer, reflect.Interface:
		if x.IsNil() {
			return `<span class="meta">null</span>`
		}
		return record(x.Elem())
	case reflect.String:
		return esc(x.String())
	case reflect.Struct:
		var b strings.Builder
		b.WriteString(`<dl class="record">`)
		for i := 0; i < x.NumField(); i++ {
			name, ok := jsonName(x.Type().Field(i))
			if !ok {
				continue
			}
			fmt.Fprintf(&b, `<dt>%s</dt><dd>%s</dd>`, esc(name), record(x.Field(i)))
		}
		b.WriteString(`</dl>`)
		return b.String()
	case reflect.Slice:
		et := x.Type().Elem()
		if et.Kind() != reflect.Struct {
			parts := make([]string, x.Len())
			for i := range parts {
				parts[i] = record(x.Index(i))
			}
			return strings.Join(parts, ", ")
		}
		var b strings.Builder
		b.WriteString(`<table class="indicators"><thead><tr>`)
		var fields []int
		for i := 0; i < et.NumField(); i++ {
			if name, ok := jsonName(et.Field(i)); ok {
				fields = append(fields, i)
				fmt.Fprintf(&b, `<th>%s</th>`, esc(name))
			}
		}
		b.WriteString(`</tr></thead><tbody>`)
		for r := 0; r < x.Len(); r++ {
			b.WriteString(`<tr>`)
			for _, i := range fields {
				fmt.Fprintf(&b, `<td>%s</td>`, record(x.Index(r).Field(i)))
			}
			b.WriteString(`</tr>`)
		}
		b.WriteString(`</tbody></table>`)
		return b.String()
	default:
		return esc(fmt.Sprint(x.Interface()))
	}
}

func jsonName(f reflect.StructField) (string, bool) {
	tag := f.Tag.Get("json")
	name, _, _ := strings.Cut(tag, ",")
	if name == "-" || !f.IsExported() {
		return "", false
	}
	if name == "" {
		name = f.Name
	}
	return name, true
}
