package review

import (
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
)

// FromLayout builds the Geometry of doc from the layout document it was
// built from: each layout table's cells on the pages they were printed on,
// joined to the output table, row and column they became. A table whose
// rows cannot be matched to the output's keeps its grid without values.
// How each page was turned upright and its font size come from the
// layout's record of the page.
func FromLayout(ld *layout.Document, doc *schema.Document) Geometry {
	var g Geometry
	byNum := map[int]int{}
	for _, p := range ld.Pages {
		pg := Page{Number: p.Number, Width: p.Width, Height: p.Height}
		if r := ld.Page(p.Number); r != nil {
			pg.Turn, pg.FontSize = r.Turn, r.FontSize
		}
		for _, l := range p.Lines {
			pg.Lines = append(pg.Lines, Line{Box: box(l.Box), Text: l.Text})
		}
		byNum[p.Number] = len(g.Pages)
		g.Pages = append(g.Pages, pg)
	}
	link := tableLinks(ld)
	for i := range ld.Tables {
		lt := &ld.Tables[i]
		ti := link[i]
		var cols []int
		var rows map[[2]int]int // (layout row, group side) → output row
		if ti >= 0 {
			cols, rows = cellLinks(lt, ld.Readings[i].Keys, &doc.Tables[ti])
		}
		form := -1
		if ti < 0 {
			form = formOn(doc, lt.Pages)
		}
		first := 0
		if len(lt.Pages) > 0 {
			first = lt.Pages[0]
		}
		grids := map[int]*Grid{}
		var order []int
		add := func(r []layout.Cell, header bool) {
			for _, c := range r {
				pn := c.Page
				if pn == 0 {
					pn = first
				}
				gr := grids[pn]
				if gr == nil {
					gr = &Grid{Table: ti, Form: form, First: first, Ruled: lt.Ruled}
					grids[pn] = gr
					order = append(order, pn)
				}
				cell := Cell{Box: box(c.Box), Header: header, Row: -1, Col: -1, Text: c.Text}
				if !header && c.Col >= 0 && c.Col < len(cols) && cols[c.Col] >= 0 {
					cell.Col = cols[c.Col] % len(doc.Tables[ti].Columns)
					side := 0
					if cols[c.Col] >= len(doc.Tables[ti].Columns) {
						side = 1
					}
					if r, ok := rows[[2]int{c.Row, side}]; ok {
						cell.Row = r
					}
				}
				gr.Cells = append(gr.Cells, cell)
				gr.Box = gr.Box.union(cell.Box)
			}
		}
		for _, r := range lt.Header {
			add(r, true)
		}
		for _, r := range lt.Rows {
			add(r, false)
		}
		for _, pn := range order {
			k, ok := byNum[pn]
			if !ok {
				continue
			}
			gr := grids[pn]
			if pn == first && lt.Box != (layout.Box{}) {
				gr.Box = gr.Box.union(box(lt.Box))
			}
			g.Pages[k].Grids = append(g.Pages[k].Grids, *gr)
		}
	}
	return g
}

func box(b layout.Box) Box { return Box{b.X0, b.Y0, b.X1, b.Y1} }

// tableLinks maps each layout table to the output table it became, as the
// schema recorded it in its reading; -1 for the tables of the
// performance-form section, which the output leaves out, and for all when
// the document was not read by the schema.
func tableLinks(ld *layout.Document) []int {
	link := make([]int, len(ld.Tables))
	for i := range link {
		link[i] = -1
		if r := ld.Reading(i); r != nil && !r.Form {
			link[i] = r.Output
		}
	}
	return link
}

// formOn returns the performance form whose pages hold the first of pages,
// -1 when none does.
func formOn(doc *schema.Document, pages []int) int {
	if len(pages) == 0 {
		return -1
	}
	for i, f := range doc.PerformanceForms {
		if slices.Contains(f.Pages, pages[0]) {
			return i
		}
	}
	return -1
}

// cellLinks maps the printed columns of lt onto the output columns of t
// by the key the schema gave each printed column (keys, from its reading:
// a subject code printed as 类 | 款 | 项 is one output column; the right
// half of a table printed as two halves side by side, unfolded by the
// schema, maps to column index + len(t.Columns)) and its body rows onto
// t's rows, as the schema stage builds them: blank rows dropped, a right
// half's rows after the left half's. It returns nil maps where the
// output's columns or row count do not match that reading.
func cellLinks(lt *layout.Table, keys []string, t *schema.Table) (cols []int, rows map[[2]int]int) {
	if len(keys) != lt.NCols {
		return nil, nil
	}
	isRight := func(k string) bool { return strings.HasPrefix(k, schema.RightPrefix) }
	unfold := slices.ContainsFunc(keys, isRight) && !slices.ContainsFunc(t.Columns, func(c schema.Column) bool { return isRight(c.Key) })
	cols = make([]int, lt.NCols)
	for i, k := range keys {
		cols[i] = -1
		if k == "" {
			continue
		}
		side := 0
		if rest, ok := strings.CutPrefix(k, schema.RightPrefix); ok && unfold {
			k, side = rest, len(t.Columns)
		}
		j := slices.IndexFunc(t.Columns, func(c schema.Column) bool { return c.Key == k })
		if j < 0 {
			return nil, nil
		}
		cols[i] = side + j
	}
	// Rows: a row (or half row) is kept when any of its cells has text,
	// counting a merged group label carried down (sub_item tables).
	carry := map[int]bool{}
	if slices.Contains(keys, schema.KeySubItem) {
		for c, k := range keys {
			if k == schema.KeyItem {
				carry[c] = true
			}
		}
	}
	carried, until := map[int]string{}, map[int]int{}
	var leftRows, rightRows []int
	for _, lr := range lt.Rows {
		if len(lr) == 0 {
			continue
		}
		texts := layout.RowTexts(lr, lt.NCols)
		for _, c := range lr {
			if carry[c.Col] && c.RowSpan > 1 {
				carried[c.Col], until[c.Col] = c.Text, c.Row+c.RowSpan-1
			}
		}
		r := lr[0].Row
		for col := range carry {
			if col < len(texts) && texts[col] == "" && carried[col] != "" && r <= until[col] {
				texts[col] = carried[col]
			}
		}
		lblank, rblank := true, true
		for c, s := range texts {
			if c >= len(cols) || cols[c] < 0 || schema.CleanText(s) == "" {
				continue
			}
			if cols[c] >= len(t.Columns) {
				rblank = false
			} else {
				lblank = false
			}
		}
		if !unfold {
			if !lblank || !rblank {
				leftRows = append(leftRows, r)
			}
			continue
		}
		if !lblank {
			leftRows = append(leftRows, r)
		}
		if !rblank {
			rightRows = append(rightRows, r)
		}
	}
	if len(leftRows)+len(rightRows) != len(t.Rows) {
		return cols, nil
	}
	rows = map[[2]int]int{}
	for i, r := range leftRows {
		rows[[2]int{r, 0}] = i
		if !unfold {
			rows[[2]int{r, 1}] = i
		}
	}
	for i, r := range rightRows {
		rows[[2]int{r, 1}] = len(leftRows) + i
	}
	return cols, rows
}
