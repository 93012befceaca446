package layout

import (
	"slices"
	"sort"
	"sync"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// rule is one snapped ruling line: horizontal (at y = pos, from lo to hi in
// x) or vertical (at x = pos, from lo to hi in y).
type rule struct {
	pos, lo, hi float64
}

// visible reports whether a segment is dark enough to be a border: white
// and very light lines (cell backgrounds, hidden grid lines) are ignored.
func (ps *Params) visible(s extract.Segment) bool {
	r, g, b := float64(s.Color[0]), float64(s.Color[1]), float64(s.Color[2])
	lum := 0.299*r + 0.587*g + 0.114*b
	return lum < ps.RuleLuminance
}

// rulings splits the page's visible segments into snapped, joined
// horizontal and vertical rules.
func (ps *Params) rulings(segs []extract.Segment) (hs, vs []rule) {
	for _, s := range segs {
		if !ps.visible(s) {
			continue
		}
		if s.Horizontal() {
			if s.X1-s.X0 < ps.MinRuleLength {
				continue
			}
			hs = append(hs, rule{(s.Y0 + s.Y1) / 2, s.X0, s.X1})
		} else {
			if s.Y1-s.Y0 < ps.MinRuleLength {
				continue
			}
			vs = append(vs, rule{(s.X0 + s.X1) / 2, s.Y0, s.Y1})
		}
	}
	return ps.joinRules(ps.snapRules(hs)), ps.joinRules(ps.snapRules(vs))
}

// snapRules moves rules whose positions lie within SnapTol of each other
// (chained) onto their mean position.
func (ps *Params) snapRules(rs []rule) []rule {
	sort.Slice(rs, func(i, j int) bool { return rs[i].pos < rs[j].pos })
	for i := 0; i < len(rs); {
		j, sum := i+1, rs[i].pos
		for j < len(rs) && rs[j].pos-rs[j-1].pos <= ps.SnapTol {
			sum += rs[j].pos
			j++
		}
		mean := sum / float64(j-i)
		for k := i; k < j; k++ {
			rs[k].pos = mean
		}
		i = j
	}
	return rs
}

// joinRules merges collinear rules that overlap or nearly touch.
func (ps *Params) joinRules(rs []rule) []rule {
	sort.Slice(rs, func(i, j int) bool {
		if rs[i].pos != rs[j].pos {
			return rs[i].pos < rs[j].pos
		}
		return rs[i].lo < rs[j].lo
	})
	var out []rule
	for _, r := range rs {
		n := len(out)
		if n > 0 && out[n-1].pos == r.pos && r.lo <= out[n-1].hi+ps.SnapTol {
			out[n-1].hi = max(out[n-1].hi, r.hi)
			continue
		}
		out = append(out, r)
	}
	return out
}

// ruledGrid is the ruling lines of one table: the rules that touch each
// other, directly or through others.
type ruledGrid struct {
	hs, vs []rule
	box    Box
}

// ruledGrids finds the connected groups of horizontal and vertical rules
// that make up table grids: at least two columns and one row.
func (ps *Params) ruledGrids(hs, vs []rule) []ruledGrid {
	n := len(hs) + len(vs)
	parent := make([]int, n)
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for i, h := range hs {
		for j, v := range vs {
			if v.pos >= h.lo-ps.SnapTol && v.pos <= h.hi+ps.SnapTol && h.pos >= v.lo-ps.SnapTol && h.pos <= v.hi+ps.SnapTol {
				parent[find(i)] = find(len(hs) + j)
			}
		}
	}
	groups := map[int]*ruledGrid{}
	var order []int
	get := func(i int) *ruledGrid {
		r := find(i)
		g, ok := groups[r]
		if !ok {
			g = &ruledGrid{}
			groups[r] = g
			order = append(order, r)
		}
		return g
	}
	for i, h := range hs {
		g := get(i)
		g.hs = append(g.hs, h)
		g.box = g.box.Union(Box{h.lo, h.pos, h.hi, h.pos + 0.01})
	}
	for j, v := range vs {
		g := get(len(hs) + j)
		g.vs = append(g.vs, v)
		g.box = g.box.Union(Box{v.pos, v.lo, v.pos + 0.01, v.hi})
	}
	var out []ruledGrid
	for _, r := range order {
		g := groups[r]
		if len(g.vs) < 2 || len(g.hs) < 1 || g.box.Width() < ps.MinGridWidth || g.box.Height() < ps.MinGridHeight {
			continue
		}
		out = append(out, *g)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].box.Y0 < out[j].box.Y0 })
	return out
}

// positions returns the distinct snapped positions of rules plus the extra
// values, merged within SnapTol, sorted.
func (ps *Params) positions(rs []rule, extra ...float64) []float64 {
	var at []float64
	for _, r := range rs {
		at = append(at, r.pos)
	}
	at = append(at, extra...)
	sort.Float64s(at)
	var out []float64
	for _, p := range at {
		if n := len(out); n > 0 && p-out[n-1] <= ps.SnapTol {
			continue
		}
		out = append(out, p)
	}
	return out
}

// covered reports whether the rules at position pos cover most of [lo, hi].
func (ps *Params) covered(rs []rule, pos, lo, hi float64) bool {
	need := (hi - lo) * ps.RuleCover
	got := 0.0
	for _, r := range rs {
		if abs(r.pos-pos) > ps.SnapTol {
			continue
		}
		a, b := max(r.lo, lo), min(r.hi, hi)
		if b > a {
			got += b - a
		}
	}
	return got >= need
}

// cellsOf turns a ruled grid and the glyphs inside it into a grid of cells:
// grid positions not separated by a rule are merged into one spanning cell,
// and each glyph goes to the cell holding its centre. Body rows printed
// without rules between them are split at their text lines.
func (ps *Params) cellsOf(g ruledGrid, glyphs []extract.Glyph, page int) *grid {
	sc := cellScratches.Get().(*cellScratch)
	defer cellScratches.Put(sc)
	xs := ps.positions(g.vs, g.box.X0, g.box.X1)
	in := func(gl *extract.Glyph) bool { return g.box.Contains((gl.X0+gl.X1)/2, (gl.Y0+gl.Y1)/2) }
	n := 0
	for i := range glyphs {
		if in(&glyphs[i]) {
			n++
		}
	}
	inside := grow(sc.inside, n)[:0] // indexes into glyphs
	for i := range glyphs {
		if in(&glyphs[i]) {
			inside = append(inside, int32(i))
		}
	}
	sc.inside = inside
	hs := append([]rule(nil), g.hs...)
	ys := ps.positions(hs, g.box.Y0, g.box.Y1)
	hs = append(hs, ps.unruledRowBreaks(hs, ys, g.box, glyphs, inside)...)
	ys = ps.positions(hs, g.box.Y0, g.box.Y1)
	nr, nc := len(ys)-1, len(xs)-1
	if nr < 1 || nc < 1 {
		return nil
	}
	// Union the grid positions that lack a rule between them.
	id := func(r, c int) int { return r*nc + c }
	parent := grow(sc.parent, nr*nc)
	sc.parent = parent
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			if c+1 < nc && !ps.covered(g.vs, xs[c+1], ys[r], ys[r+1]) {
				parent[find(id(r, c+1))] = find(id(r, c))
			}
			if r+1 < nr && !ps.covered(hs, ys[r+1], xs[c], xs[c+1]) {
				parent[find(id(r+1, c))] = find(id(r, c))
			}
		}
	}
	// Each group becomes the cell over its bounding rectangle.
	spans := grow(sc.spans, nr*nc) // by root; r0 < 0 until the root is seen
	sc.spans = spans
	for i := range spans {
		spans[i].r0 = -1
	}
	groups := 0
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			s := &spans[find(id(r, c))]
			if s.r0 < 0 {
				*s = gridSpan{r, c, r, c}
				groups++
				continue
			}
			s.r0, s.c0 = min(s.r0, r), min(s.c0, c)
			s.r1, s.c1 = max(s.r1, r), max(s.c1, c)
		}
	}
	owner := grow(sc.owner, nr*nc) // grid position → index into gr.cells
	sc.owner = owner
	for i := range owner {
		owner[i] = -1
	}
	gr := &grid{nrows: nr, ncols: nc, colX: xs, cells: make([]gcell, 0, groups)}
	for r := 0; r < nr; r++ {
		for c := 0; c < nc; c++ {
			s := &spans[find(id(r, c))]
			if s.r0 != r || s.c0 != c || owner[id(r, c)] >= 0 {
				continue
			}
			k := len(gr.cells)
			for rr := s.r0; rr <= s.r1; rr++ {
				for cc := s.c0; cc <= s.c1; cc++ {
					if owner[id(rr, cc)] < 0 {
						owner[id(rr, cc)] = k
					}
				}
			}
			gr.cells = append(gr.cells, gcell{Cell: Cell{
				Row: r, Col: c, RowSpan: s.r1 - r + 1, ColSpan: s.c1 - c + 1,
				Box:  Box{xs[s.c0], ys[s.r0], xs[s.c1+1], ys[s.r1+1]},
				Page: page,
			}})
		}
	}
	// Each glyph goes to its cell: a counting sort of inside by cell, in
	// print order within a cell, so the cells' glyphs are pieces of one
	// buffer.
	cellOf := grow(sc.cellOf, len(inside))
	sc.cellOf = cellOf
	starts := grow(sc.starts, len(gr.cells)+1)
	sc.starts = starts
	clear(starts)
	for i, gi := range inside {
		gl := &glyphs[gi]
		c := sort.SearchFloat64s(xs, (gl.X0+gl.X1)/2) - 1
		r := sort.SearchFloat64s(ys, (gl.Y0+gl.Y1)/2) - 1
		cellOf[i] = -1
		if r < 0 || c < 0 || r >= nr || c >= nc {
			continue
		}
		if k := owner[id(r, c)]; k >= 0 {
			cellOf[i] = int32(k)
			starts[k+1]++
		}
	}
	for k := range gr.cells {
		starts[k+1] += starts[k]
	}
	buf := scratchGlyphs(starts[len(gr.cells)])
	defer buf.release()
	byCell := buf.gs
	next := append(sc.next[:0], starts[:len(gr.cells)]...)
	sc.next = next
	for i, k := range cellOf {
		if k >= 0 {
			byCell[next[k]] = glyphs[inside[i]]
			next[k]++
		}
	}
	for k := range gr.cells {
		gr.cells[k].Text = ps.cellText(byCell[starts[k]:starts[k+1]:starts[k+1]])
	}
	return gr
}

// cellText is the text of the glyphs of one cell: its lines joined. The
// glyphs are sorted and adjusted in place.
func (ps *Params) cellText(glyphs []extract.Glyph) string {
	if len(glyphs) == 0 {
		return ""
	}
	buf := ps.tempLines(glyphs)
	defer buf.release()
	lines := buf.ls
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.Text
	}
	return joinLines(texts)
}

// byMiddle sorts glyph indexes by their glyphs' doubled middles (mid2),
// keys and indexes swapped together. sort.Sort runs the algorithm
// sort.Slice runs (the same pdqsort, the same comparisons and swaps), so
// glyphs of equal middles come out in the order sort.Slice gave them, and
// without its reflection swapper and the sums computed again at each
// comparison (TestByMiddle).
type byMiddle struct {
	idx  []int32
	mid2 []float64
}

func (b byMiddle) Len() int           { return len(b.idx) }
func (b byMiddle) Less(i, j int) bool { return b.mid2[i] < b.mid2[j] }
func (b byMiddle) Swap(i, j int) {
	b.idx[i], b.idx[j] = b.idx[j], b.idx[i]
	b.mid2[i], b.mid2[j] = b.mid2[j], b.mid2[i]
}

// unruledRowBreaks returns horizontal rules to add inside grid rows that
// hold several data rows printed without rules between them (spreadsheets
// that draw only column lines): a break goes above every text line of the
// row that holds data, except the first. Text lines without data (a wrapped
// name) stay with the line above. Only the text between the parts of the
// row's top and bottom rules that lie over each other counts: text of
// merged cells the rules do not cross (a project's name and amount printed
// at the middle of its indicator rows) is not a row of its own. The grid's
// glyphs are those of page that inside indexes.
func (ps *Params) unruledRowBreaks(hs []rule, ys []float64, box Box, page []extract.Glyph, inside []int32) []rule {
	if len(inside) == 0 {
		return nil
	}
	// Only a row at least two text lines high can hold two rows.
	heights := make([]float64, len(inside))
	for i, gi := range inside {
		heights[i] = page[gi].Y1 - page[gi].Y0
	}
	sort.Float64s(heights)
	lineH := heights[len(heights)/2]
	byY := byMiddle{idx: slices.Clone(inside), mid2: make([]float64, len(inside))} // indexes into page, by the glyphs' middles
	for i, gi := range byY.idx {
		byY.mid2[i] = page[gi].Y0 + page[gi].Y1
	}
	sort.Sort(byY)
	mid2 := func(i int) float64 { return byY.mid2[i] }
	var out []rule
	buf := scratchGlyphs(len(inside)) // every row's glyphs in turn
	defer buf.release()
	for r := 0; r+1 < len(ys); r++ {
		if ys[r+1]-ys[r] < ps.StackedRows*lineH {
			continue
		}
		lo := sort.Search(len(byY.idx), func(i int) bool { return mid2(i)/2 > ys[r] })
		hi := sort.Search(len(byY.idx), func(i int) bool { return mid2(i)/2 >= ys[r+1] })
		if hi-lo < 2 || page[byY.idx[hi-1]].Y0-page[byY.idx[lo]].Y0 < lineH {
			continue // one line of text
		}
		row := buf.gs[:0]
		for _, gi := range byY.idx[lo:hi] {
			g := &page[gi]
			cx := (g.X0 + g.X1) / 2
			if ps.ruledAt(hs, ys[r], cx) && ps.ruledAt(hs, ys[r+1], cx) {
				row = append(row, *g)
			}
		}
		lines := ps.tempLines(row)
		out = stackedBreaks(out, lines.ls, box)
		lines.release()
	}
	return out
}

// stackedBreaks appends to out the breaks between the data rows stacked in
// one grid row, given its text lines (unruledRowBreaks).
func stackedBreaks(out []rule, lines []Line, box Box) []rule {
	if len(lines) < 2 {
		return out
	}
	data := 0
	for _, l := range lines {
		if lineHasData(l) {
			data++
		}
	}
	if data < 2 {
		return out
	}
	// A data line is a row of its own only where it prints data in a
	// column the data line before it prints data in too: stacked rows
	// share their columns, while the lines of one row whose cells wrap
	// do not (深圳's 项目支出总表: 435,216.1 | 7 in the 总计 cell, the
	// other amounts on the line between, centred in their cells).
	prev := -1
	for i := range lines {
		if !lineHasData(lines[i]) {
			continue
		}
		if prev >= 0 && i > 0 && sharesDataColumn(lines[prev], lines[i]) {
			y := (lines[i-1].Box.Y1 + lines[i].Box.Y0) / 2
			out = append(out, rule{y, box.X0, box.X1})
		}
		prev = i
	}
	return out
}

// sharesDataColumn reports whether an amount or code of line b lies under
// one of line a (their boxes overlap across).
func sharesDataColumn(a, b Line) bool {
	for _, wa := range a.Words {
		if !isDataWord(wa.Text) {
			continue
		}
		for _, wb := range b.Words {
			if isDataWord(wb.Text) && wb.Box.X0 < wa.Box.X1 && wa.Box.X0 < wb.Box.X1 {
				return true
			}
		}
	}
	return false
}

func isDataWord(t string) bool {
	t = textutil.Squeeze(t)
	return textutil.IsSubjectCode(t) || textutil.IsAmountShape(t) && !isYear(t)
}

// ruledAt reports whether the horizontal rules at y pass over x. Where no
// rule runs at y at all (the frame's edge of a grid that draws only column
// lines), every x is.
func (ps *Params) ruledAt(hs []rule, y, x float64) bool {
	any := false
	for _, h := range hs {
		if abs(h.pos-y) > ps.SnapTol {
			continue
		}
		if x >= h.lo-ps.SnapTol && x <= h.hi+ps.SnapTol {
			return true
		}
		any = true
	}
	return !any
}

// lineHasData reports whether a text line holds an amount or a subject code
// as one of its words.
func lineHasData(l Line) bool {
	texts := make([]string, len(l.Words))
	for i, w := range l.Words {
		texts[i] = w.Text
	}
	return isDataRow(texts)
}

// gridSpan is the rectangle of grid positions a group of them covers.
type gridSpan struct{ r0, c0, r1, c1 int }

// cellScratch is cellsOf's working memory, reused from grid to grid (a
// national page's grids took some 45 MB of it per 5,000 pages).
type cellScratch struct {
	inside, cellOf []int32
	parent, owner  []int
	starts, next   []int
	spans          []gridSpan
}

var cellScratches = sync.Pool{New: func() any { return new(cellScratch) }}

// grow is s with length n, its backing array reused when it holds n; the
// elements are whatever they were: the caller sets every one.
func grow[E any](s []E, n int) []E {
	if cap(s) < n {
		return make([]E, n)
	}
	return s[:n]
}
