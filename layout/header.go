package layout

import "sort"

// hblock is one label of a header printed without rules, its wrapped lines
// joined.
type hblock struct {
	text string
	box  Box
	col  int // the column holding its centre
	tier int // tierUpper, tierFull or tierLower
	span [2]int
}

const (
	tierUpper = iota // over the labels of several columns (2023年预算数)
	tierFull         // the height of the header (科目名称, 合计 beside a group)
	tierLower        // under an upper label (基本支出)
)

// blockHeader rebuilds a two-tier header printed without rules from the
// pieces of its lines, which line grouping cannot: a label wrapped over two
// lines, labels centred vertically beside a group, a group label centred
// over its columns. Labels are sorted by the height of their centre in the
// header: the upper third are group labels, the lower third their columns,
// the rest span both rows. It returns nil when the header is not two such
// tiers, for the line-by-line header to be used instead.
func (ps *Params) blockHeader(lines []Line, colX []float64, page int) [][]gcell {
	var bs []hblock
	for _, l := range lines {
		for _, c := range ps.chunks(l) {
			bs = append(bs, hblock{text: c.Text, box: c.Box, col: colAt(colX, c.Box.CX())})
		}
	}
	if len(bs) < 3 {
		return nil
	}
	bs = ps.joinWrapped(bs)
	top, bot := bs[0].box.Y0, bs[0].box.Y1
	for _, b := range bs {
		top, bot = min(top, b.box.Y0), max(bot, b.box.Y1)
	}
	third := (bot - top) / 3
	uppers, lowers := 0, 0
	for i := range bs {
		switch cy := bs[i].box.CY(); {
		case cy < top+third:
			bs[i].tier = tierUpper
			uppers++
		case cy > bot-third:
			bs[i].tier = tierLower
			lowers++
		default:
			bs[i].tier = tierFull
		}
		bs[i].span = [2]int{bs[i].col, bs[i].col}
	}
	if uppers == 0 || lowers == 0 {
		return nil
	}
	// Each group label spans the run of lower labels around it whose middle
	// is nearest its centre; every lower label must fall under one group.
	lowerAt := map[int]*hblock{}
	for i := range bs {
		if bs[i].tier == tierLower {
			if lowerAt[bs[i].col] != nil {
				return nil // two labels in one column of one tier
			}
			lowerAt[bs[i].col] = &bs[i]
		}
	}
	covered := map[int]bool{}
	for i := range bs {
		b := &bs[i]
		if b.tier != tierUpper {
			continue
		}
		best, bestD := [2]int{-1, -1}, 1e18
		for a := 0; a < len(colX)-1; a++ {
			for z := a; z < len(colX)-1 && lowerAt[z] != nil; z++ {
				if lowerAt[a] == nil || a > b.col || z < b.col {
					continue
				}
				mid := (lowerAt[a].box.CX() + lowerAt[z].box.CX()) / 2
				if d := abs(mid - b.box.CX()); d < bestD-ps.MidSlack || abs(d-bestD) <= ps.MidSlack && z-a > best[1]-best[0] {
					best, bestD = [2]int{a, z}, d
				}
			}
		}
		if best[0] < 0 {
			return nil
		}
		b.span = best
		for k := best[0]; k <= best[1]; k++ {
			if covered[k] {
				return nil
			}
			covered[k] = true
		}
	}
	for k := range lowerAt {
		if !covered[k] {
			return nil
		}
	}
	// Two rows: group and full-height labels, then the lower labels.
	rows := make([][]gcell, 2)
	for _, b := range bs {
		c := gcell{Cell: Cell{Text: b.text, Col: b.span[0], RowSpan: 1, ColSpan: b.span[1] - b.span[0] + 1, Page: page}, textBox: b.box}
		c.Box = Box{colX[b.span[0]], b.box.Y0, colX[b.span[1]+1], b.box.Y1}
		switch b.tier {
		case tierUpper:
			rows[0] = append(rows[0], c)
		case tierFull:
			if covered[b.col] {
				return nil // a full-height label inside a group
			}
			c.RowSpan = 2
			rows[0] = append(rows[0], c)
		case tierLower:
			c.Row = 1
			rows[1] = append(rows[1], c)
		}
	}
	for r := range rows {
		sort.Slice(rows[r], func(i, j int) bool { return rows[r][i].Col < rows[r][j].Col })
		for i := range rows[r] {
			rows[r][i].Row = r
			if i > 0 && rows[r][i].Col == rows[r][i-1].Col {
				return nil // two labels in one cell
			}
		}
	}
	return rows
}

// joinWrapped joins the pieces of a label wrapped over several lines: a
// piece right under another in the same column, no wider than it, with less
// than WrapGap between them.
func (ps *Params) joinWrapped(bs []hblock) []hblock {
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].box.Y0 < bs[j].box.Y0 })
	var out []hblock
	for _, b := range bs {
		joined := false
		for i := range out {
			a := &out[i]
			gap := b.box.Y0 - a.box.Y1
			h := b.box.Height()
			if a.col == b.col && gap > -ps.WrapGap*h && gap < ps.WrapGap*h && b.box.Width() <= a.box.Width()+ps.WidthSlack {
				a.text = joinLines([]string{a.text, b.text})
				a.box = a.box.Union(b.box)
				joined = true
				break
			}
		}
		if !joined {
			out = append(out, b)
		}
	}
	return out
}

// colAt returns the column whose boundaries hold x, or the nearest.
func colAt(colX []float64, x float64) int {
	n := len(colX) - 1
	for k := 0; k < n; k++ {
		if x < colX[k+1] {
			return k
		}
	}
	return max(n-1, 0)
}
