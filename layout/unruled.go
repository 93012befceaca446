package layout

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// chunks splits a line at its wide gaps: the pieces that would be separate
// cells in a table printed without rules.
func (ps *Params) chunks(l Line) []Line {
	var out []Line
	start := 0
	for i := 1; i <= len(l.Words); i++ {
		if i < len(l.Words) {
			a, b := l.Words[i-1], l.Words[i]
			if b.Box.X0-a.Box.X1 <= ps.ColGap*max(a.Size, b.Size) && !ps.figureBreak(a, b) {
				continue
			}
		}
		out = append(out, ps.newLine(l.Words[start:i]))
		start = i
	}
	return out
}

// figureBreak reports whether two words printed with a visible gap between
// them are two cells although the gap is narrower than a column gap: the
// first is a figure (decimals or thousands separators) and the second does
// not start with its unit. A wide amount right-aligned in its column comes close to the next
// column's text (225,431.78 一、一般公共服务支出, 92,835.98 302), but no cell
// prints a figure and a word apart.
func (ps *Params) figureBreak(a, b Word) bool {
	if b.Box.X0-a.Box.X1 < ps.FigureGap*max(a.Size, b.Size) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(b.Text)
	return isFigure(a.Text) && !strings.ContainsRune("%万元亿", r)
}

// isFigure reports whether s is an amount printed with decimals or
// thousands separators (never a code, a year or a count).
func isFigure(s string) bool {
	return textutil.IsAmountShape(s) && strings.ContainsAny(s, ".,") && !strings.HasSuffix(s, "%")
}

// unruled is a table found from text alignment.
type unruled struct {
	g   *grid
	box Box
}

// uline is a line with what table finding needs to know about it.
type uline struct {
	l      Line
	cs     []Line // chunks
	data   bool   // several chunks, one of them data
	tabbed bool   // several chunks, not all metadata
	meta   bool   // a title, label, department, unit or note line
}

// findUnruled finds tables printed without rules among lines. A table
// grows from lines with several aligned pieces holding data (an amount, a
// subject code, a total label): down over further data lines, lines with
// several pieces, and short lines inside the first column (a row left
// blank); up over its header lines; never across a wide gap or a title,
// label, department, unit or note line. Columns are the x ranges that the
// pieces of the data lines cover, separated by gaps that (nearly) no line
// crosses, plus the pieces of header lines with several pieces that fall
// in no column (columns left blank in every row).
func (ps *Params) findUnruled(lines []Line, page int) []unruled {
	rows := make([]uline, len(lines))
	for i, l := range lines {
		cs := ps.chunks(l)
		r := uline{l: l, cs: cs}
		var m meta
		// A line of three or more pieces is metadata only piece by piece: a
		// header label may name its unit (项目 | 预算数（单位：万元） | 绩效目标).
		r.meta = len(cs) >= 3 && metaPieces(cs) || len(cs) < 3 && ps.takeLine(&m, l)
		r.tabbed = len(cs) >= 2 && !allMeta(cs) && !textutil.ContainsAny(l.Text[:len(l.Text)-len(cs[len(cs)-1].Text)], "。，；")
		if r.tabbed {
			texts := make([]string, len(cs))
			for k, c := range cs {
				texts[k] = c.Text
			}
			r.data = isDataRow(texts)
		}
		rows[i] = r
	}
	near := func(a, b uline) bool {
		h := max(min(a.l.Box.Height(), b.l.Box.Height()), ps.MinLineHeight)
		return b.l.Box.Y0-a.l.Box.Y1 <= ps.RowGap*h
	}
	var out []unruled
	prevEnd := 0
	for i := 0; i < len(rows); i++ {
		// A table grows from a data line, or from its index row (1 2 3 …)
		// when it has no data.
		if !rows[i].data && !(rows[i].tabbed && ps.indexLine(rows[i].l)) {
			continue
		}
		// Down.
		firstCol := rows[i].cs[1].Box.X0
		left, span := rows[i].l.Box.X0, rows[i].l.Box.Width()
		j, last := i+1, i
		for ; j < len(rows); j++ {
			r := rows[j]
			if !near(rows[j-1], r) || r.meta && !r.tabbed {
				break
			}
			if r.data {
				firstCol = min(firstCol, r.cs[1].Box.X0)
				left, span = min(left, r.l.Box.X0), max(span, r.l.Box.Width())
				last = j
				continue
			}
			if r.tabbed || r.l.Box.X1 < firstCol || ps.wrappedPiece(r, left, firstCol, span) {
				continue
			}
			break
		}
		end := j
		for end > last+1 && !rows[end-1].tabbed && !ps.wrappedPiece(rows[end-1], left, firstCol, span) {
			end--
		}
		// Up over the header.
		width := 0.0
		for _, r := range rows[i:end] {
			width = max(width, r.l.Box.Width())
		}
		s := i
		for s > prevEnd {
			r := rows[s-1]
			if !near(r, rows[s]) || r.meta || len(r.cs) == 1 && r.l.Box.Width() > ps.BannerWidth*width && r.l.Box.X1 >= firstCol {
				break
			}
			s--
		}
		if u, ok := ps.unruledTable(rows[s:end], page); ok {
			out = append(out, u)
		}
		prevEnd = end
		i = end - 1
	}
	return out
}

// wrappedPiece reports whether a line of one piece is part of a cell wrapped
// over several lines (机关事业单位基本养老保险缴 / 费支出 above and below the
// row's code and amounts, a 绩效目标 of six lines): a piece starting right of
// the table's first column, or one starting inside the table, narrower than
// half its widest data line, without sentence punctuation.
func (ps *Params) wrappedPiece(r uline, left, firstCol, span float64) bool {
	return len(r.cs) == 1 && (r.l.Box.X0 > firstCol ||
		r.l.Box.X0 >= left && r.l.Box.Width() < ps.WrapWidth*span && !textutil.ContainsAny(r.l.Text, "。，；：:"))
}

// proseLike reports whether a cell's text reads as prose, the lines of a
// text cell wrapped over many lines (a 绩效目标, 项目简介): punctuation or a
// long run of words.
func proseLike(s string) bool {
	return textutil.ContainsAny(s, "。，；、") || utf8.RuneCountInString(s) >= 12 && !textutil.IsAmountShape(textutil.Squeeze(s))
}

// sentencePiece reports whether a line is one piece holding sentence
// punctuation: a text cell's wrapped line (or narrative).
func (ps *Params) sentencePiece(l Line) bool {
	return len(ps.chunks(l)) == 1 && textutil.ContainsAny(l.Text, "。，；")
}

// unruledTable builds the grid of one run of lines: at least two data
// lines, or one under a header of two lines with several pieces, or a
// header line with several pieces over an index row. (Lines with sentence
// punctuation, 。，；, are narrative and never reach here as table rows.)
func (ps *Params) unruledTable(run []uline, page int) (unruled, bool) {
	var spans, figures [][2]float64
	ndata := 0
	for _, r := range run {
		if r.data {
			ndata++
			for _, c := range r.cs {
				// A point in from each side: columnsOf works in whole
				// points, and pieces 0.8pt apart (an amount right-aligned
				// against a text column) are two columns.
				spans = append(spans, [2]float64{c.Box.X0 + ps.SpanInset, c.Box.X1 - ps.SpanInset})
				if isFigure(textutil.Squeeze(c.Text)) {
					figures = append(figures, spans[len(spans)-1])
				}
			}
		}
	}
	tabbed, index := 0, false
	for _, r := range run {
		if r.tabbed {
			tabbed++
			index = index || ps.indexLine(r.l)
		}
	}
	if ndata < 2 && tabbed < 3 && !(index && tabbed == 2) || ndata == 0 && !index {
		return unruled{}, false // one line with a number is not a table
	}
	cols := ps.orphanColumns(columnsOf(spans, ndata/ps.CrossingShare), figures)
	for k := range cols {
		cols[k] = [2]float64{cols[k][0] - ps.SpanInset, cols[k][1] + ps.SpanInset}
	}
	cols = ps.joinBridged(cols, run)
	// Header lines with several pieces add the columns no data line uses,
	// the line nearest the data first.
	firstData := 0
	for firstData < len(run) && !run[firstData].data {
		firstData++
	}
	for k := firstData - 1; k >= 0; k-- {
		// The wrapped ends of labels (一般公共预/算) say nothing of columns.
		if run[k].tabbed && !(k > 0 && ps.wrapsUnder(run[k].l, run[k-1].l)) {
			cols = ps.addHeaderColumns(cols, run[k].cs)
		}
	}
	if len(cols) < 2 {
		return unruled{}, false
	}
	ls := make([]Line, len(run))
	dflags := make([]bool, len(run))
	for k, r := range run {
		ls[k], dflags[k] = r.l, r.data
	}
	g, box := ps.alignedGrid(ls, dflags, cols, page)
	if g == nil || g.ncols < 2 {
		return unruled{}, false
	}
	return unruled{g, box}, true
}

// orphanColumns adds the columns of two or more figures (spans) that
// overlap no column: a
// column filled in few rows (a two-sided table's three income amounts beside
// twenty expenditure rows) is covered by no more pieces than columnsOf lets
// bridge a gap, but it bridges none. (A lone piece sticking out is no column.)
func (ps *Params) orphanColumns(cols, spans [][2]float64) [][2]float64 {
	var orphans [][2]float64
	for _, s := range spans {
		if ps.overlapCols(cols, Box{X0: s[0], X1: s[1]}) == 0 {
			orphans = append(orphans, s)
		}
	}
	if len(orphans) == 0 {
		return cols
	}
	for _, c := range columnsOf(orphans, 0) {
		n := 0
		for _, o := range orphans {
			if o[0] <= c[1] && o[1] >= c[0] {
				n++
			}
		}
		if n >= 2 && ps.overlapCols(cols, Box{X0: c[0], X1: c[1]}) == 0 {
			cols = append(cols, c)
		}
	}
	sort.Slice(cols, func(a, b int) bool { return cols[a][0] < cols[b][0] })
	return cols
}

// joinBridged joins two neighbouring columns that are one column with
// cells printed at different indents (上年结转结余 flush left, 本年收入合计 and
// 收入总计 indented under it): closer than a column gap, crossed by a data
// line's piece, and never both holding a piece of the same line. The sparse
// cover of a short table (a bridge of one piece may be ignored in nine data
// lines) otherwise cuts such a column in two.
func (ps *Params) joinBridged(cols [][2]float64, run []uline) [][2]float64 {
	overlaps := func(b Box, c [2]float64) bool { return min(c[1], b.X1)-max(c[0], b.X0) > ps.ColOverlap }
	for k := 0; k+1 < len(cols); {
		a, b := cols[k], cols[k+1]
		bridged, apart := false, false
		for _, r := range run {
			if !r.data {
				continue
			}
			inA, inB := -1, -1
			for i, c := range r.cs {
				gap := ps.ColGap * c.Words[0].Size
				if b[0]-a[1] >= gap {
					continue
				}
				if overlaps(c.Box, a) && overlaps(c.Box, b) {
					bridged = true
				}
				if overlaps(c.Box, a) {
					inA = i
				}
				if overlaps(c.Box, b) && inB < 0 {
					inB = i
				}
			}
			if inA >= 0 && inB >= 0 && inA != inB {
				apart = true
			}
		}
		if bridged && !apart {
			cols[k] = [2]float64{a[0], max(a[1], b[1])}
			cols = append(cols[:k+1], cols[k+2:]...)
			continue
		}
		k++
	}
	return cols
}

// addHeaderColumns matches the pieces of a header line to the columns: a
// piece and a column that are each other's nearest widen the column to the
// piece when that overlaps no other column; a piece over no column and
// matched to none is a column of its own (a column left blank in every row).
func (ps *Params) addHeaderColumns(cols [][2]float64, pieces []Line) [][2]float64 {
	dist := func(c [2]float64, b Box) float64 {
		return max(0, c[0]-b.X1, b.X0-c[1])
	}
	nearestPiece := func(c [2]float64) int {
		best, d := -1, 1e18
		for i, p := range pieces {
			if dd := dist(c, p.Box); dd < d {
				best, d = i, dd
			}
		}
		return best
	}
	var added [][2]float64
	for i, p := range pieces {
		k := nearestColumn(cols, p.Box, dist)
		if k >= 0 && nearestPiece(cols[k]) == i {
			w := [2]float64{min(cols[k][0], p.Box.X0), max(cols[k][1], p.Box.X1)}
			if overlapOthers(cols, k, w) {
				continue
			}
			cols[k] = w
			continue
		}
		if ps.overlapCols(cols, p.Box) == 0 {
			added = append(added, [2]float64{p.Box.X0, p.Box.X1})
		}
	}
	cols = append(cols, added...)
	sort.Slice(cols, func(a, b int) bool { return cols[a][0] < cols[b][0] })
	return cols
}

func nearestColumn(cols [][2]float64, b Box, dist func([2]float64, Box) float64) int {
	best, d := -1, 1e18
	for k, c := range cols {
		if dd := dist(c, b); dd < d {
			best, d = k, dd
		}
	}
	return best
}

// overlapOthers reports whether the range w overlaps a column other than k.
func overlapOthers(cols [][2]float64, k int, w [2]float64) bool {
	for j, c := range cols {
		if j != k && min(c[1], w[1]) > max(c[0], w[0]) {
			return true
		}
	}
	return false
}

// metaPieces reports whether every piece is a title, label, department,
// unit or note.
func metaPieces(cs []Line) bool {
	var m meta
	for _, c := range cs {
		if !m.take(c.Text) {
			return false
		}
	}
	return true
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
	lo := spans[0][0]
	for _, s := range spans {
		lo = min(lo, s[0])
	}
	// Each span covers the whole points int(s[0]-lo) .. int(s[1]-lo); a
	// sweep over where the cover count changes finds the runs covered by
	// more than maxCross spans, in time and memory proportional to the
	// spans, not to the coordinates (a text matrix scaled by 1e9 spreads
	// a page over 1e12 points).
	type event struct {
		x int64
		d int
	}
	ev := make([]event, 0, 2*len(spans))
	for _, s := range spans {
		a, b := int64(s[0]-lo), int64(s[1]-lo)
		if b < a {
			continue
		}
		ev = append(ev, event{a, 1}, event{b + 1, -1})
	}
	sort.Slice(ev, func(i, j int) bool { return ev[i].x < ev[j].x })
	var cols [][2]float64
	cover, in := 0, false
	for i := 0; i < len(ev); {
		x := ev[i].x
		for ; i < len(ev) && ev[i].x == x; i++ {
			cover += ev[i].d
		}
		full := cover > maxCross
		if full && !in {
			cols = append(cols, [2]float64{lo + float64(x), lo + float64(x)})
		}
		if !full && in {
			cols[len(cols)-1][1] = lo + float64(x)
		}
		in = full
	}
	return cols
}

// overlapCols returns how many columns the box overlaps by more than
// ColOverlap.
func (ps *Params) overlapCols(cols [][2]float64, b Box) int {
	n := 0
	for _, c := range cols {
		if min(c[1], b.X1)-max(c[0], b.X0) > ps.ColOverlap {
			n++
		}
	}
	return n
}

// alignedGrid places the pieces of the lines into the columns, one row per
// line except for wrapped cells.
func (ps *Params) alignedGrid(lines []Line, data []bool, cols [][2]float64, page int) (*grid, Box) {
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
	// A header of two tiers is rebuilt from its labels; then the loop
	// below starts at the index row or the body.
	start := ps.headerLines(lines, data, pitch)
	if rows := ps.blockHeader(lines[:start], g.colX, page); start >= 2 && rows != nil {
		for _, row := range rows {
			g.addRow(row)
		}
		for _, l := range lines[:start] {
			box = box.Union(l.Box)
		}
	} else {
		start = 0
	}
	placed := make([][]gcell, len(lines))
	for i := start; i < len(lines); i++ {
		placed[i] = ps.placeLine(lines[i], cols, g.colX, page)
	}
	joinTo := ps.tallRows(lines, data, placed, start)
	for i := start; i < len(lines); i++ {
		l := lines[i]
		box = box.Union(l.Box)
		row := placed[i]
		// A line of a tall row (a cell's text wrapped over lines above and
		// below the line of its amounts) joins that row.
		if a := joinTo[i]; a >= 0 {
			if prev != nil && i > start && joinTo[i-1] == a {
				mergeRow(prev, row)
			} else {
				if prev != nil {
					g.addRow(prev)
				}
				prev = fixSpans(row)
			}
			prevLine = l
			seenData = seenData || data[i]
			continue
		}
		// Lines closer together than rows are one row: a wrapped name with
		// its amounts printed centred between its lines. Above the data, a
		// line right under another and inside its pieces is a wrapped label.
		body := pitch > 0 && (seenData || data[i]) && l.Box.CY()-prevLine.Box.CY() < ps.RowPitch*pitch
		if prev != nil && (body || !seenData && !data[i] && ps.wrapsUnder(l, prevLine)) {
			mergeRow(prev, row)
			prevLine = l
			seenData = seenData || data[i]
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
	if start == 0 {
		ps.inferHeaderSpans(g, g.headerRows(), true)
	}
	return g, Box{min(box.X0, g.colX[0]), box.Y0, max(box.X1, g.colX[nc]), box.Y1}
}

// placeLine places the pieces of one line into the columns: a piece goes
// to the first column it overlaps and spans those it covers.
func (ps *Params) placeLine(l Line, cols [][2]float64, colX []float64, page int) []gcell {
	row := make([]gcell, len(cols))
	for k := range row {
		row[k].Col, row[k].RowSpan, row[k].ColSpan, row[k].Page = k, 1, 1, page
		row[k].Box = Box{colX[k], l.Box.Y0, colX[k+1], l.Box.Y1}
	}
	for _, c := range ps.chunks(l) {
		first, last := -1, -1
		for k, col := range cols {
			if min(col[1], c.Box.X1)-max(col[0], c.Box.X0) > ps.ColOverlap {
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
			row[first].Box.X1 = colX[last+1]
		}
	}
	return row
}

// mergeRow adds the texts of a line's cells to the row above, column by
// column.
func mergeRow(prev, row []gcell) {
	for _, c := range row {
		if c.Text == "" {
			continue
		}
		for k := range prev {
			p := &prev[k]
			if c.Col >= p.Col && c.Col < p.Col+p.ColSpan {
				p.Text = joinLines([]string{p.Text, c.Text})
				p.Box = p.Box.Union(c.Box)
				p.textBox = p.textBox.Union(c.textBox)
				break
			}
		}
	}
}

// tallRows finds the rows of a table without rules whose cells wrap over
// lines above and below the line of their amounts, printed centred on it
// (a project's 绩效目标 of six lines, a name of two): joinTo[i] is the data
// line that line i belongs to, or -1. A text line belongs to a data line
// when each of its pieces is in a column that data line leaves blank; the
// lines above a data line belong to it when as many lines below it do (all
// but one), and the lines below it then up to where its block, centred on
// it, ends (the last data line takes all text lines below it that fit). A
// data line whose lines above were taken by no one keeps
// joinTo -1 for them: they stay rows of their own as before.
func (ps *Params) tallRows(lines []Line, data []bool, placed [][]gcell, start int) []int {
	joinTo := make([]int, len(lines))
	for i := range joinTo {
		joinTo[i] = -1
	}
	blankFor := func(i, d int) bool { // line i's pieces all in columns blank on data line d
		n := 0
		for _, c := range placed[i] {
			if c.Text == "" {
				continue
			}
			n++
			for _, dc := range placed[d] {
				if dc.Text != "" && c.Col < dc.Col+dc.ColSpan && dc.Col < c.Col+c.ColSpan &&
					!(proseLike(c.Text) && proseLike(dc.Text)) {
					return false
				}
			}
		}
		return n > 0
	}
	var anchors []int
	for i := start; i < len(lines); i++ {
		if data[i] {
			anchors = append(anchors, i)
		}
	}
	free := start // first line not yet given to a row
	for n, d := range anchors {
		next := len(lines)
		if n+1 < len(anchors) {
			next = anchors[n+1]
		}
		// Lines above: the text lines right above d, each blank where d prints.
		a := d
		for a > free && !data[a-1] && blankFor(a-1, d) {
			a--
		}
		// Lines below: text lines blank where d prints, inside the block
		// centred on d.
		top := lines[a].Box.CY()
		ext := 2*lines[d].Box.CY() - top + ps.TallRowSlack*lines[d].Box.Height()
		b := d
		for b+1 < next && !data[b+1] && (lines[b+1].Box.CY() <= ext || next == len(lines)) && blankFor(b+1, d) {
			b++
		}
		above, below := d-a, b-d
		if above == 0 || below < above-1 || above+below < 2 {
			// Not a tall row (a single wrapped line right above is the
			// close-line rule's).
			free = d + 1
			continue
		}
		for i := a; i <= b; i++ {
			joinTo[i] = d
		}
		free = b + 1
	}
	return joinTo
}

// fixSpans removes the cells covered by a spanning cell of the same row.
// headerLines returns how many leading lines are the header's labels: the
// lines above the first data line, less the lines of the first body row (a
// wrapped name printed above its amounts) and the index row (1 2 3 …).
func (ps *Params) headerLines(lines []Line, data []bool, pitch float64) int {
	fd := 0
	for fd < len(lines) && !data[fd] {
		fd++
	}
	start := fd
	for start > 0 && start < len(lines) && pitch > 0 && lines[start].Box.CY()-lines[start-1].Box.CY() < ps.RowPitch*pitch && !ps.indexLine(lines[start-1]) {
		start--
	}
	// Sentences right above the first data line are its cell's text
	// wrapped above it (a 绩效目标), never header labels.
	for start > 0 && ps.sentencePiece(lines[start-1]) {
		start--
	}
	for start > 0 && ps.indexLine(lines[start-1]) {
		start--
	}
	return start
}

func (ps *Params) indexLine(l Line) bool {
	var texts []string
	for _, c := range ps.chunks(l) {
		texts = append(texts, c.Text)
	}
	return textutil.IsIndexRow(texts)
}

// wrapsUnder reports whether l is printed right under above with each of
// its pieces under a piece of above: the wrapped rest of header labels.
func (ps *Params) wrapsUnder(l, above Line) bool {
	if l.Box.Y0-above.Box.Y1 > ps.WrapGap*l.Box.Height() {
		return false
	}
	ac := ps.chunks(above)
	for _, c := range ps.chunks(l) {
		ok := false
		for _, a := range ac {
			if overlapX(a.Box, c.Box) > 0 {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}

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

func isIndexRowAt(g *grid, r int) bool {
	texts := make([]string, 0, g.ncols)
	for _, c := range g.cells {
		if c.Row == r {
			texts = append(texts, c.Text)
		}
	}
	return textutil.IsIndexRow(texts)
}

func (g *grid) removeAt(r, c int) {
	for i := range g.cells {
		if g.cells[i].Row == r && g.cells[i].Col == c {
			g.cells = append(g.cells[:i], g.cells[i+1:]...)
			return
		}
	}
}
