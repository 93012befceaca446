package review

import (
	"slices"
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// Mark is a failing check or a warning drawn on a page: over the cells it
// names, the narrative line whose figure it quotes, or, when it names
// neither, the frame of its table or the top of its page.
type Mark struct {
	Page    int
	Box     Box
	Warning bool // a warning (index in Document.Warnings), else a failing or warned check (index in Document.Checks)
	Index   int
	Where   string // "cell", "line", "table" or "page"
}

var (
	codeToken = textutil.NewRegexp(`(?:^|[^\d.,])(\d{7}|\d{5}|\d{3})(?:[^\d.,]|$)`)
	numToken  = textutil.NewRegexp(`-?\d[\d,]*(?:\.\d+)?`)
	keyToken  = textutil.NewRegexp(`[a-z][a-z0-9_]*`)
	quoted    = textutil.NewRegexp(`"(?:[^"\\]|\\.)*"`)
)

// Marks places every failing or warned check and every warning of doc on
// the pages of g.
func Marks(doc *schema.Document, g *Geometry) []Mark {
	var out []Mark
	for i, c := range doc.Checks {
		if c.Status == schema.StatusFail || c.Status == schema.StatusWarn {
			out = append(out, checkMarks(doc, g, i)...)
		}
	}
	for i := range doc.Warnings {
		out = append(out, warningMarks(doc, g, i)...)
	}
	return out
}

// checkMarks locates check i: the rows of its tables that the message
// names by subject code (or by name together with one of the row's
// figures), and in those rows the cells under the column keys it names or
// holding the figures it quotes.
func checkMarks(doc *schema.Document, g *Geometry, i int) []Mark {
	c := doc.Checks[i]
	msg := c.Message
	codes := map[string]bool{}
	for _, m := range codeToken.FindAllStringSubmatch(msg, -1) {
		codes[m[1]] = true
	}
	var nums []decimal.Decimal
	for _, s := range numToken.FindAllString(msg, -1) {
		if d, err := decimal.NewFromString(strings.ReplaceAll(s, ",", "")); err == nil {
			nums = append(nums, d)
		}
	}
	words := map[string]bool{}
	for _, w := range keyToken.FindAllString(msg, -1) {
		words[w] = true
	}
	quotes := func(v *string) bool {
		if v == nil {
			return false
		}
		d, err := decimal.NewFromString(*v)
		if err != nil {
			return false
		}
		for _, n := range nums {
			if n.Equal(d) {
				return true
			}
		}
		return false
	}
	type ref struct{ table, row, col int }
	var refs []ref
	var tables []int
	for ti, t := range doc.Tables {
		if t.Kind != c.Table && !words[t.Kind] {
			continue
		}
		if len(c.Pages) > 0 && !slices.ContainsFunc(t.Pages, func(p int) bool { return slices.Contains(c.Pages, p) }) {
			continue
		}
		tables = append(tables, ti)
		var rows []int
		for ri, r := range t.Rows {
			for _, cell := range r {
				if strings.HasSuffix(cell.Key, schema.KeySubjectCode) && cell.Value != nil && codes[*cell.Value] {
					rows = append(rows, ri)
					break
				}
			}
		}
		if len(rows) == 0 {
			for ri, r := range t.Rows {
				named, figure := false, false
				for _, cell := range r {
					if cell.Value == nil {
						continue
					}
					if schema.IsAmountKey(cell.Key) {
						figure = figure || quotes(cell.Value)
					} else if len([]rune(*cell.Value)) >= 2 && strings.Contains(msg, *cell.Value) {
						named = true
					}
				}
				if named && figure {
					rows = append(rows, ri)
				}
			}
		}
		for _, ri := range rows {
			n := len(refs)
			for ci, col := range t.Columns {
				v := t.Rows[ri].Get(col.Key)
				if words[col.Key] || (schema.IsAmountKey(col.Key) && quotes(v)) {
					refs = append(refs, ref{ti, ri, ci})
				}
			}
			if len(refs) == n { // the row itself: its label cells
				for ci, col := range t.Columns {
					if !schema.IsAmountKey(col.Key) && t.Rows[ri].Get(col.Key) != nil {
						refs = append(refs, ref{ti, ri, ci})
					}
				}
			}
		}
	}
	var out []Mark
	for _, p := range g.Pages {
		for _, gr := range p.Grids {
			for _, cell := range gr.Cells {
				if cell.Row < 0 || cell.Col < 0 {
					continue
				}
				if slices.Contains(refs, ref{gr.Table, cell.Row, cell.Col}) {
					out = append(out, Mark{Page: p.Number, Box: cell.Box, Index: i, Where: "cell"})
				}
			}
		}
	}
	// Figures quoted from the narrative: the line printing them.
	for _, p := range g.Pages {
		if len(c.Pages) > 0 && !slices.Contains(c.Pages, p.Number) {
			continue
		}
		for _, l := range p.Lines {
			for _, s := range numToken.FindAllString(msg, -1) {
				if len(s) >= 4 && strings.Contains(s, ".") && strings.Contains(strings.ReplaceAll(l.Text, " ", ""), s) {
					out = append(out, Mark{Page: p.Number, Box: l.Box, Index: i, Where: "line"})
					break
				}
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	for _, p := range g.Pages {
		if len(c.Pages) > 0 && !slices.Contains(c.Pages, p.Number) {
			continue
		}
		for _, gr := range p.Grids {
			if gr.Table >= 0 && slices.Contains(tables, gr.Table) {
				out = append(out, Mark{Page: p.Number, Box: gr.Box, Index: i, Where: "table"})
			}
		}
	}
	if len(out) == 0 && len(c.Pages) > 0 {
		out = append(out, Mark{Page: c.Pages[0], Index: i, Where: "page"})
	}
	return out
}

// warningMarks locates warning i on its page: the cells holding a text the
// message quotes, else the top of the page.
func warningMarks(doc *schema.Document, g *Geometry, i int) []Mark {
	w := doc.Warnings[i]
	p := g.page(w.Page)
	if p == nil {
		return nil
	}
	var texts []string
	for _, q := range quoted.FindAllString(w.Message, -1) {
		if s, err := strconv.Unquote(q); err == nil && s != "" {
			texts = append(texts, s)
		}
	}
	var out []Mark
	for _, gr := range p.Grids {
		for _, cell := range gr.Cells {
			t := schema.CleanText(cell.Text)
			for _, s := range texts {
				if t != "" && (t == s || strings.Contains(t, s) && len([]rune(s)) >= 2) {
					out = append(out, Mark{Page: p.Number, Box: cell.Box, Warning: true, Index: i, Where: "cell"})
					break
				}
			}
		}
	}
	if len(out) == 0 {
		out = append(out, Mark{Page: p.Number, Warning: true, Index: i, Where: "page"})
	}
	return out
}
