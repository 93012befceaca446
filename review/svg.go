package review

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// role is how a cell is tinted: header, code (subject code), name, amount,
// blank, or dropped (a printed row the output does not hold).
func role(t *schema.Table, c Cell) string {
	switch {
	case c.Header:
		return "header"
	case strings.TrimSpace(c.Text) == "":
		return "blank"
	case t == nil:
		return "formcell"
	case c.Col < 0 || c.Col >= len(t.Columns):
		return "dropped"
	}
	key := t.Columns[c.Col].Key
	switch {
	case strings.HasSuffix(key, schema.KeySubjectCode):
		return "code"
	case schema.IsAmountKey(key):
		return "amount"
	case strings.HasPrefix(key, schema.ColPrefix) && textutil.IsAmount(schema.CleanText(c.Text)):
		return "amount"
	}
	return "name"
}

// textWidth estimates the width of s drawn at size points: CJK characters
// are square, others about half as wide.
func textWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += size
		} else {
			w += size * 0.56
		}
	}
	return w
}

// label draws text at (x, y) (baseline) on a white background, fitted to
// at most maxW points when maxW > 0.
func label(w *html, x, y, size, maxW float64, class, text string) {
	tw := textWidth(text, size)
	fit := ""
	if maxW > 0 && tw > maxW {
		tw = maxW
		fit = fmt.Sprintf(` textLength="%.1f" lengthAdjust="spacingAndGlyphs"`, maxW)
	}
	w.f(`<rect class="%sbg" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, class, x-0.5, y-size*0.9, tw+1, size*1.15)
	w.f(`<text class="%s" x="%.1f" y="%.1f" font-size="%.1f"%s>%s</text>`, class, x, y, size, fit, esc(text))
}

// svg draws page p: its raster, each grid with its cells tinted by role
// and the column key over each column, and the marks.
func (v *docView) svg(w *html, p Page, image string, marks []Mark) {
	W, H := p.Width, p.Height
	if W <= 0 || H <= 0 {
		w.s(`<p class="meta">no page geometry</p>`)
		return
	}
	fs := p.FontSize
	if fs <= 0 {
		fs = 9
	}
	ls := max(fs*0.85, 5) // labels at the page's own font size, not a squashed glyph box
	w.f(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %.1f %.1f" data-page="%d">`, W, H, p.Number)
	if image != "" {
		// The raster is the page as printed; a page the layout turned
		// upright is turned the same way.
		href := esc(filepathBase(image))
		switch p.Turn {
		case 90: // printed (x, y) → (y, w0 - x), w0 the printed width (H here)
			w.f(`<image href="%s" x="0" y="0" width="%.1f" height="%.1f" preserveAspectRatio="none" transform="matrix(0 -1 1 0 0 %.1f)"/>`, href, H, W, H)
		case 270: // printed (x, y) → (h0 - y, x)
			w.f(`<image href="%s" x="0" y="0" width="%.1f" height="%.1f" preserveAspectRatio="none" transform="matrix(0 1 -1 0 %.1f 0)"/>`, href, H, W, W)
		default:
			w.f(`<image href="%s" x="0" y="0" width="%.1f" height="%.1f" preserveAspectRatio="none"/>`, href, W, H)
		}
	}
	for _, g := range p.Grids {
		v.grid(w, p, g, ls)
	}
	v.drawMarks(w, p, marks, ls)
	w.s(`</svg>`)
}

func filepathBase(s string) string {
	if i := strings.LastIndexAny(s, `/\`); i >= 0 {
		return s[i+1:]
	}
	return s
}

func (v *docView) grid(w *html, p Page, g Grid, ls float64) {
	var t *schema.Table
	cls := "grid form"
	if g.Table >= 0 {
		t = &v.doc.Tables[g.Table]
		cls = "grid"
		if t.Kind == schema.TableUnknown {
			cls += " unknown"
		}
	}
	w.f(`<g class="%s" data-table="%d" data-form="%d">`, cls, g.Table, g.Form)
	b := g.Box
	if t != nil && t.Kind == schema.TableUnknown {
		w.f(`<rect class="veil" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, b.X0, b.Y0, b.X1-b.X0, b.Y1-b.Y0)
	}
	bodyTop, header := b.Y1, false
	colX := map[int][2]float64{}
	for _, c := range g.Cells {
		r := role(t, c)
		if t != nil && !c.Header && c.Col >= 0 && c.Col < len(t.Columns) && strings.HasPrefix(t.Columns[c.Col].Key, schema.ColPrefix) {
			r += " unkeyed" // a column the schema could not name
		}
		w.f(`<rect class="cell %s" x="%.1f" y="%.1f" width="%.1f" height="%.1f"><title>%s</title></rect>`,
			r, c.Box.X0, c.Box.Y0, c.Box.X1-c.Box.X0, c.Box.Y1-c.Box.Y0, esc(v.cellTitle(t, c)))
		if c.Header {
			header = true
			continue
		}
		bodyTop = min(bodyTop, c.Box.Y0)
		if c.Col >= 0 {
			if x, ok := colX[c.Col]; ok {
				colX[c.Col] = [2]float64{min(x[0], c.Box.X0), max(x[1], c.Box.X1)}
			} else {
				colX[c.Col] = [2]float64{c.Box.X0, c.Box.X1}
			}
		}
	}
	w.f(`<rect class="frame" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, b.X0, b.Y0, b.X1-b.X0, b.Y1-b.Y0)
	// The table's name over its frame.
	var name string
	size := ls
	switch {
	case t == nil && g.Form >= 0:
		name = fmt.Sprintf("F%d performance form: %s", g.Form+1, v.doc.PerformanceForms[g.Form].Project)
	case t == nil:
		name = "performance-form section"
	case t.Kind == schema.TableUnknown:
		name = fmt.Sprintf("T%d UNKNOWN TABLE: %s", g.Table+1, cmpOr(t.Title, "(no title)"))
		size = ls * 1.4
	default:
		name = fmt.Sprintf("T%d %s: %s", g.Table+1, t.Kind, t.Title)
	}
	keyY := bodyTop - 1
	if !header {
		keyY = b.Y0 - 1
	}
	nameY := b.Y0 - 2
	if !header {
		nameY = b.Y0 - ls*1.2 - 2
	}
	nameY = max(nameY, size)
	if g.Table >= 0 && g.First != p.Number {
		w.f(`<a href="#page-%d">`, g.First)
		label(w, b.X0, nameY, size, 0, "tlabel", name+fmt.Sprintf(" — continued from page %d ↑", g.First))
		w.s(`</a>`)
	} else {
		label(w, b.X0, nameY, size, 0, "tlabel", name)
	}
	if t != nil {
		for col, x := range colX {
			if col >= len(t.Columns) {
				continue
			}
			key := t.Columns[col].Key
			kc := "key"
			if strings.HasPrefix(key, schema.ColPrefix) {
				kc = "key unkeyed"
			}
			label(w, x[0]+1, keyY, ls*0.9, x[1]-x[0]-2, kc, key)
		}
	}
	w.s(`</g>`)
}

// cellTitle is the hover text of a cell: its column key and the value the
// output holds for it.
func (v *docView) cellTitle(t *schema.Table, c Cell) string {
	printed := strings.TrimSpace(c.Text)
	switch {
	case c.Header:
		return "header: " + printed
	case t == nil:
		return "form cell: " + printed
	case c.Col < 0 || c.Col >= len(t.Columns):
		return "printed " + quote(printed) + ": no column of the output"
	}
	key := t.Columns[c.Col].Key
	if c.Row < 0 || c.Row >= len(t.Rows) {
		if printed == "" {
			return key + ": blank"
		}
		return key + ": printed " + quote(printed) + ", row not in the output"
	}
	val := t.Rows[c.Row].Get(key)
	s := key + " = null"
	if val != nil {
		s = key + " = " + *val
	}
	s += fmt.Sprintf(" (row %d)", c.Row)
	if printed != "" && (val == nil || schema.CleanText(printed) != *val) {
		s += "; printed " + quote(printed)
	}
	return s
}

func quote(s string) string {
	if utf8.RuneCountInString(s) > 60 {
		s = string([]rune(s)[:60]) + "…"
	}
	return "“" + s + "”"
}

// drawMarks draws the failing checks and warnings of one page: a red (or
// orange) box over each cell or line they name, with their number; those
// that name no place on the page as a banner at its top.
func (v *docView) drawMarks(w *html, p Page, marks []Mark, ls float64) {
	type key struct {
		warning bool
		index   int
	}
	var order []key
	by := map[key][]Mark{}
	for _, m := range marks {
		k := key{m.Warning, m.Index}
		if _, ok := by[k]; !ok {
			order = append(order, k)
		}
		by[k] = append(by[k], m)
	}
	r := ls * 0.75
	banner := 0
	for _, k := range order {
		ms := by[k]
		cls, attr, num, msg := "mark fail", "data-check", v.badge[k.index], ""
		if k.warning {
			cls, attr, num = "mark warn", "data-warning", v.wbadge[k.index]
			wn := v.doc.Warnings[k.index]
			msg = wn.Code + ": " + wn.Message
		} else {
			c := v.doc.Checks[k.index]
			msg = c.Rule + ": " + c.Message
			if c.Status == schema.StatusWarn {
				cls = "mark warn"
				msg = c.Rule + " (warned): " + c.Message
			}
		}
		w.f(`<g class="%s" %s="%d"><title>%d. %s</title>`, cls, attr, k.index, num, esc(msg))
		if ms[0].Where == "page" {
			y := float64(banner) * ls * 1.5
			banner++
			bc := "banner"
			if strings.HasSuffix(cls, "warn") {
				bc += " warn"
			}
			w.f(`<g class="%s"><rect x="0" y="%.1f" width="%.1f" height="%.1f"/>`, bc, y, p.Width, ls*1.5)
			w.f(`<text x="2" y="%.1f" font-size="%.1f">%d. %s</text></g>`, y+ls*1.15, ls, num, esc(clip(msg, int(p.Width/ls*1.2))))
			w.s(`</g>`)
			continue
		}
		for _, m := range ms {
			b := m.Box
			w.f(`<rect class="m" x="%.1f" y="%.1f" width="%.1f" height="%.1f"/>`, b.X0, b.Y0, b.X1-b.X0, b.Y1-b.Y0)
		}
		b := ms[0].Box
		cx, cy := b.X1-r*0.2, b.Y0+r*0.2
		w.f(`<circle cx="%.1f" cy="%.1f" r="%.1f"/><text x="%.1f" y="%.1f" font-size="%.1f">%d</text>`, cx, cy, r, cx, cy+r*0.4, r*1.1, num)
		w.s(`</g>`)
	}
}

func clip(s string, n int) string {
	if n < 10 {
		n = 10
	}
	if utf8.RuneCountInString(s) > n {
		return string([]rune(s)[:n]) + "…"
	}
	return s
}
