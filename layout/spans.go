package layout

// inferHeaderSpans gives header cells the spans a grid without rules does
// not show. A label over empty cells to its side spans them when a lower
// header row has text there (2023年预算数 over 合计/基本支出/项目支出), and a
// label over empty cells below it spans the rows down.
//
// With centred (tables printed without rules), a label spans the widest run
// of columns around it that it is printed centred over. Otherwise (text
// dumps, where a merged label sits in its first cell) it spans to its right
// up to the next label.
func (ps *Params) inferHeaderSpans(g *grid, h int, centred bool) {
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
	free := func(r, c int) bool {
		x := at(r, c)
		return x != nil && x.Text == "" && x.ColSpan == 1 && below(r, c)
	}
	covered := map[[2]int]bool{}
	for r := 0; r < h-1; r++ {
		for c := 0; c < g.ncols; c++ {
			cell := at(r, c)
			if cell == nil || cell.Text == "" || cell.ColSpan > 1 || covered[[2]int{r, c}] {
				continue
			}
			a, b := c, c
			if centred && len(g.colX) == g.ncols+1 {
				a, b = ps.centredRun(g, r, c, textCX(cell), free)
			} else {
				for b+1 < g.ncols && free(r, b+1) {
					b++
				}
			}
			if a == b {
				continue
			}
			for k := a; k <= b; k++ {
				covered[[2]int{r, k}] = true
				if k != c {
					cell.Box = cell.Box.Union(at(r, k).Box)
				}
			}
			cell.Col, cell.ColSpan = a, b-a+1
		}
	}
	// Drop the empty cells now covered, then extend labels down over empty
	// cells.
	out := g.cells[:0]
	for _, c := range g.cells {
		if c.Text == "" && covered[[2]int{c.Row, c.Col}] {
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

// centredRun returns the widest run of columns a..b around column c, all
// free except c, whose middle is within CentreSlack of its width of x.
func (ps *Params) centredRun(g *grid, r, c int, x float64, free func(r, c int) bool) (int, int) {
	ba, bb := c, c
	for a := c; a >= 0; a-- {
		if a < c && !free(r, a) {
			break
		}
		for b := c; b < g.ncols; b++ {
			if b > c && !free(r, b) {
				break
			}
			mid, w := (g.colX[a]+g.colX[b+1])/2, g.colX[b+1]-g.colX[a]
			if abs(mid-x) <= ps.CentreSlack*w && b-a > bb-ba {
				ba, bb = a, b
			}
		}
	}
	return ba, bb
}

// textCX is the centre of a cell's printed text, or of the cell.
func textCX(c *gcell) float64 {
	if c.textBox != (Box{}) {
		return c.textBox.CX()
	}
	return c.Box.CX()
}
