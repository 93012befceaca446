package layout

import "sort"

// colGap is the gap, in ems, that separates two cells printed on one line
// of a table without rules.
const colGap = 1.0

// chunks splits a line at its wide gaps: the pieces that would be separate
// cells in a table printed without rules.
func chunks(l Line) []Line {
	var out []Line
	start := 0
	for i := 1; i <= len(l.Words); i++ {
		if i < len(l.Words) {
			a, b := l.Words[i-1], l.Words[i]
			if b.Box.X0-a.Box.X1 <= colGap*max(a.Size, b.Size) {
				continue
			}
		}
		out = append(out, newLine(l.Words[start:i]))
		start = i
	}
	return out
}

// unruled is a table found from text alignment.
type unruled struct {
	g   *grid
	box Box
}

// findUnruled finds tables printed without rules among lines: runs of lines
// with several aligned pieces, at least one of them holding data (an amount,
// a subject code, a total label). Columns are the x ranges that the pieces of
// the data lines cover, separated by gaps that (nearly) no line crosses.
func findUnruled(lines []Line, page int) []unruled {
	type row struct {
		l      Line
		cs     []Line
		data   bool
		tabbed bool
	}
	rows := make([]row, len(lines))
	for i, l := range lines {
		cs := chunks(l)
		r := row{l: l, cs: cs}
		r.tabbed = len(cs) >= 2 && !allMeta(cs)
		texts := make([]string, len(cs))
		for k, c := range cs {
			texts[k] = c.Text
		}
		r.data = r.tabbed && isDataRow(texts)
		rows[i] = r
	}
	var out []unruled
	for i := 0; i < len(rows); {
		if !rows[i].tabbed {
			i++
			continue
		}
		j := i + 1
		for j < len(rows) {
			r := rows[j]
			h := max(rows[j-1].l.Box.Height(), 6)
			if r.l.Box.Y0-rows[j-1].l.Box.Y1 > 2.5*h {
				break
			}
			if !r.tabbed {
				// A wrapped piece between two tabular lines stays in.
				if j+1 < len(rows) && rows[j+1].tabbed && !isTitleLine(r.l.Text) && !isNoteLine(r.l.Text) &&
					r.l.Box.Width() < 0.5*(rows[i].l.Box.Width()) {
					j++
					continue
				}
				break
			}
			j++
		}
		run := rows[i:j]
		ndata := 0
		for _, r := range run {
			if r.data {
				ndata++
			}
		}
		if ndata == 0 || j-i < 2 {
			i = j
			continue
		}
		// Columns from the data lines.
		var spans [][2]float64
		var dataLines []Line
		for _, r := range run {
			if r.data {
				dataLines = append(dataLines, r.l)
				for _, c := range r.cs {
					spans = append(spans, [2]float64{c.Box.X0, c.Box.X1})
				}
			}
		}
		cols := columnsOf(spans, len(dataLines)/7)
		for _, r := range run {
			if r.data {
				continue
			}
			for _, c := range r.cs {
				if overlapCols(cols, c.Box) == 0 {
					cols = append(cols, [2]float64{c.Box.X0, c.Box.X1})
				}
			}
		}
		sort.Slice(cols, func(a, b int) bool { return cols[a][0] < cols[b][0] })
		var ls []Line
		var dflags []bool
		for _, r := range run {
			ls = append(ls, r.l)
			dflags = append(dflags, r.data)
		}
		g, box := alignedGrid(ls, dflags, cols, page)
		if g != nil && g.ncols >= 2 {
			out = append(out, unruled{g, box})
		}
		i = j
	}
	return out
}

func allMeta(cs []Line) bool {
	var m meta
	for _, c := range cs {
		if !m.take(c.Text) || m.title != "" {
			return false
		}
	}
	return true
}

// columnsOf merges x ranges into column ranges: ranges that overlap join,
// except where at most maxCross ranges bridge an otherwise empty gap.
func columnsOf(spans [][2]float64, maxCross int) [][2]float64 {
	if len(spans) == 0 {
		return nil
	}
	lo, hi := spans[0][0], spans[0][1]
	for _, s := range spans {
		lo, hi = min(lo, s[0]), max(hi, s[1])
	}
	n := int(hi-lo) + 2
	cover := make([]int, n)
	for _, s := range spans {
		for x := int(s[0] - lo); x <= int(s[1]-lo) && x < n; x++ {
			cover[x]++
		}
	}
	var cols [][2]float64
	in := false
	for x := 0; x < n; x++ {
		full := cover[x] > maxCross
		if full && !in {
			cols = append(cols, [2]float64{lo + float64(x), lo + float64(x)})
			in = true
		}
		if full {
			cols[len(cols)-1][1] = lo + float64(x) + 1
		}
		if !full {
			in = false
		}
	}
	return cols
}

// overlapCols returns how many columns the box overlaps by more than 1pt.
func overlapCols(cols [][2]float64, b Box) int {
	n := 0
	for _, c := range cols {
		if min(c[1], b.X1)-max(c[0], b.X0) > 1 {
			n++
		}
	}
	return n
}

// alignedGrid places the pieces of the lines into the columns. A line
// without data printed close under a data line is the wrapped rest of that
// line's cells.
func alignedGrid(lines []Line, data []bool, cols [][2]float64, page int) (*grid, Box) {
	nc := len(cols)
	g := &grid{ncols: nc}
	g.colX = make([]float64, nc+1)
	g.colX[0] = cols[0][0]
	for k := 1; k < nc; k++ {
		g.colX[k] = (cols[k-1][1] + cols[k][0]) / 2
	}
	g.colX[nc] = cols[nc-1][1]
	var box Box
	pitch := medianPitch(lines, data)
	seenData := false
	var prev []gcell
	var prevLine Line
	for i, l := range lines {
		box = box.Union(l.Box)
		row := make([]gcell, nc)
		for k := range row {
			row[k].Col, row[k].RowSpan, row[k].ColSpan, row[k].Page = k, 1, 1, page
			row[k].Box = Box{g.colX[k], l.Box.Y0, g.colX[k+1], l.Box.Y1}
		}
		for _, c := range chunks(l) {
			first, last := -1, -1
			for k, col := range cols {
				if min(col[1], c.Box.X1)-max(col[0], c.Box.X0) > 1 {
					if first < 0 {
						first = k
					}
					last = k
				}
			}
			if first < 0 {
				first = nearestCol(cols, c.Box.CX())
				last = first
			}
			row[first].Text = joinLines([]string{row[first].Text, c.Text})
			row[first].textBox = row[first].textBox.Union(c.Box)
			if last > first && row[first].ColSpan < last-first+1 {
				row[first].ColSpan = last - first + 1
				row[first].Box.X1 = g.colX[last+1]
			}
		}
		wrapped := seenData && !data[i] && prev != nil && pitch > 0 &&
			l.Box.CY()-prevLine.Box.CY() < 0.75*pitch
		if wrapped {
			for k := range row {
				if row[k].Text != "" {
					prev[k].Text = joinLines([]string{prev[k].Text, row[k].Text})
					prev[k].Box = prev[k].Box.Union(row[k].Box)
				}
			}
			prevLine = l
			continue
		}
		if prev != nil {
			g.addRow(prev)
		}
		prev, prevLine = fixSpans(row), l
		seenData = seenData || data[i]
	}
	if prev != nil {
		g.addRow(prev)
	}
	inferHeaderSpans(g, g.headerRows(), true)
	return g, Box{min(box.X0, g.colX[0]), box.Y0, max(box.X1, g.colX[nc]), box.Y1}
}

// fixSpans removes the cells covered by a spanning cell of the same row.
func fixSpans(row []gcell) []gcell {
	out := row[:0:0]
	skip := 0
	for _, c := range row {
		if skip > 0 {
			skip--
			if c.Text != "" && len(out) > 0 {
				out[len(out)-1].Text = joinLines([]string{out[len(out)-1].Text, c.Text})
			}
			continue
		}
		out = append(out, c)
		skip = c.ColSpan - 1
	}
	return out
}

func (g *grid) addRow(row []gcell) {
	for _, c := range row {
		c.Row = g.nrows
		g.cells = append(g.cells, c)
	}
	g.nrows++
}

func nearestCol(cols [][2]float64, x float64) int {
	best, d := 0, 1e18
	for k, c := range cols {
		dd := min(abs(c[0]-x), abs(c[1]-x))
		if x >= c[0] && x <= c[1] {
			dd = 0
		}
		if dd < d {
			best, d = k, dd
		}
	}
	return best
}

// medianPitch is the median vertical distance between consecutive data lines.
func medianPitch(lines []Line, data []bool) float64 {
	var ds []float64
	last := -1
	for i := range lines {
		if !data[i] {
			continue
		}
		if last >= 0 && i == last+1 {
			ds = append(ds, lines[i].Box.CY()-lines[last].Box.CY())
		}
		last = i
	}
	if len(ds) == 0 {
		return 0
	}
	sort.Float64s(ds)
	return ds[len(ds)/2]
}

// inferHeaderSpans gives header cells the spans a grid without rules does
// not show: a label over empty cells to its side spans them when a lower
// header row has text there (2023年预算数 over 合计/基本支出/项目支出), and a
// label over empty cells below it spans the rows down. With centred, empty
// cells between two labels go to the nearer label (labels printed centred
// over their span); otherwise a label spans to its right (text dumps, where
// a merged label sits in the first cell).
func inferHeaderSpans(g *grid, h int, centred bool) {
	if h < 2 {
		return
	}
	g.sortCells()
	at := func(r, c int) *gcell {
		for i := range g.cells {
			if g.cells[i].Row == r && g.cells[i].Col == c {
				return &g.cells[i]
			}
		}
		return nil
	}
	below := func(r, c int) bool {
		for rr := r + 1; rr < h; rr++ {
			if x := at(rr, c); x != nil && x.Text != "" && !isIndexRowAt(g, rr) {
				return true
			}
		}
		return false
	}
	covered := map[[2]int]bool{}
	for r := 0; r < h-1; r++ {
		for c := 0; c < g.ncols; c++ {
			cell := at(r, c)
			if cell == nil || cell.Text == "" || cell.ColSpan > 1 {
				continue
			}
			right := c + 1
			for right < g.ncols {
				x := at(r, right)
				if x == nil || x.Text != "" || x.ColSpan > 1 || !below(r, right) {
					break
				}
				if centred && owner(g, r, right, at) != c {
					break
				}
				right++
			}
			left := c
			if centred {
				for left > 0 {
					x := at(r, left-1)
					if x == nil || x.Text != "" || covered[[2]int{r, left - 1}] || !below(r, left-1) || owner(g, r, left-1, at) != c {
						break
					}
					left--
				}
			}
			if left == c && right == c+1 {
				continue
			}
			for k := left; k < right; k++ {
				covered[[2]int{r, k}] = true
			}
			cell.ColSpan = right - left
			cell.Box = cell.Box.Union(at(r, right-1).Box)
			if left < c {
				cell.Box = cell.Box.Union(at(r, left).Box)
				cell.Col = left
			}
		}
	}
	// Drop the cells now covered, then extend labels down over empty cells.
	out := g.cells[:0]
	for _, c := range g.cells {
		if c.Text == "" && covered[[2]int{c.Row, c.Col}] && !(c.ColSpan > 1) {
			continue
		}
		out = append(out, c)
	}
	g.cells = out
	g.sortCells()
	for r := 0; r < h-1; r++ {
		for c := 0; c < g.ncols; c++ {
			cell := at(r, c)
			if cell == nil || cell.Text == "" || cell.ColSpan != 1 || cell.RowSpan != 1 {
				continue
			}
			down := r + 1
			for down < h {
				x := at(down, c)
				if x == nil || x.Text != "" || x.ColSpan != 1 || isIndexRowAt(g, down) {
					break
				}
				down++
			}
			if down == r+1 {
				continue
			}
			cell.RowSpan = down - r
			for rr := r + 1; rr < down; rr++ {
				cell.Box = cell.Box.Union(at(rr, c).Box)
				g.removeAt(rr, c)
			}
		}
	}
	g.sortCells()
}

// owner returns the column of the non-empty cell of row r nearest to
// column c, measured between the cell's text centre and the column's centre.
func owner(g *grid, r, c int, at func(int, int) *gcell) int {
	x := at(r, c)
	if x == nil {
		return -1
	}
	cx := x.Box.CX()
	best, d := -1, 1e18
	for k := 0; k < g.ncols; k++ {
		y := at(r, k)
		if y == nil || y.Text == "" {
			continue
		}
		dd := abs(textCX(y) - cx)
		if dd < d {
			best, d = k, dd
		}
	}
	return best
}

// textCX is the centre of a cell's printed text, or of the cell.
func textCX(c *gcell) float64 {
	if c.textBox != (Box{}) {
		return c.textBox.CX()
	}
	return c.Box.CX()
}

func isIndexRowAt(g *grid, r int) bool {
	texts := make([]string, 0, g.ncols)
	for _, c := range g.cells {
		if c.Row == r {
			texts = append(texts, c.Text)
		}
	}
	return isIndexRow(texts)
}

func (g *grid) removeAt(r, c int) {
	for i := range g.cells {
		if g.cells[i].Row == r && g.cells[i].Col == c {
			g.cells = append(g.cells[:i], g.cells[i+1:]...)
			return
		}
	}
}
