package layout

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// Lines groups words into text lines, top to bottom, words left to right.
// Letter-spaced CJK labels (合   计) become one word.
func Lines(words []Word) []Line { return defaults.Lines(words) }

// Lines is the package's Lines with the tolerances ps.
func (ps *Params) Lines(words []Word) []Line {
	return ps.ownLines(slices.Clone(words))
}

// ownLines is Lines on words the caller gives up: they are sorted and
// merged in place, and each line's Words is a piece of ws.
func (ps *Params) ownLines(ws []Word) []Line { return ps.appendLines(nil, ws) }

// floatOrder is the three-way form of a < b that sort.SliceStable's less was:
// slices.SortStableFunc runs the same insertion sort and merge, so the
// order is the same as that of sort.SliceStable, without its reflection.
func floatOrder(a, b float64) int {
	switch {
	case a < b:
		return -1
	case b < a:
		return 1
	}
	return 0
}

// appendLines appends the lines of ws (given up, as to ownLines) to lines.
func (ps *Params) appendLines(lines []Line, ws []Word) []Line {
	slices.SortStableFunc(ws, func(a, b Word) int { return floatOrder(a.Box.CY(), b.Box.CY()) })
	// A line is a run of ws: each word joins the line before it or starts one.
	var room [16]int
	ends := room[:0]
	var top, bot float64
	for i, w := range ws {
		if i > 0 && ps.sameBand(top, bot, w.Box.Y0, w.Box.Y1) {
			top, bot = min(top, w.Box.Y0), max(bot, w.Box.Y1)
			continue
		}
		if i > 0 {
			ends = append(ends, i)
		}
		top, bot = w.Box.Y0, w.Box.Y1
	}
	if len(ws) > 0 {
		ends = append(ends, len(ws))
	}
	if lines == nil {
		lines = make([]Line, 0, len(ends))
	}
	start := 0
	for _, end := range ends {
		g := ws[start:end:end]
		start = end
		slices.SortStableFunc(g, func(a, b Word) int { return floatOrder(a.Box.X0, b.Box.X0) })
		g = ps.mergeLetterSpaced(g)
		lines = append(lines, ps.newLine(g))
	}
	return lines
}

// newLine makes a line of words sorted left to right.
func (ps *Params) newLine(ws []Word) Line {
	l := Line{Words: ws}
	for _, w := range ws {
		l.Box = l.Box.Union(w.Box)
	}
	l.Text = ps.joinWords(ws)
	return l
}

// joinWords joins words of one line: no space between CJK characters
// (unless they stand a column gap apart), none inside an amount, one space
// elsewhere where there is a visible gap.
func (ps *Params) joinWords(ws []Word) string {
	if len(ws) == 1 {
		return ws[0].Text
	}
	var b strings.Builder
	for i, w := range ws {
		if i > 0 && ps.needSpace(ws[i-1], w) {
			b.WriteByte(' ')
		}
		b.WriteString(w.Text)
	}
	return b.String()
}

func (ps *Params) needSpace(a, w Word) bool {
	l, r := lastRune(a.Text), firstRune(w.Text)
	size := max(a.Size, w.Size)
	gap := w.Box.X0 - a.Box.X1
	if textutil.IsCJK(l) && textutil.IsCJK(r) {
		return gap > ps.ColGap*size // pieces far apart, as cells of one row
	}
	if isNumPart(l) && isNumPart(r) && !w.spaceBefore && gap < ps.NumberGap*size {
		return false
	}
	if textutil.IsCJK(l) != textutil.IsCJK(r) && !w.spaceBefore && gap < ps.AutoSpace*size {
		return false
	}
	return w.spaceBefore || gap >= ps.WordGap*size
}

// mergeLetterSpaced joins runs of single CJK characters printed with equal
// wide gaps (合   计, 项   目) into one word.
func (ps *Params) mergeLetterSpaced(ws []Word) []Word {
	out := ws[:0] // written behind the reading: in place
	for i := 0; i < len(ws); {
		j := i + 1
		if single(ws[i]) {
			for j < len(ws) && single(ws[j]) && ps.letterGap(ws[j-1], ws[j]) && ps.evenGaps(ws[i:j+1]) {
				j++
			}
		}
		if j-i < 2 {
			out = append(out, ws[i])
			i++
			continue
		}
		m := ws[i]
		var b strings.Builder
		for _, w := range ws[i:j] {
			b.WriteString(w.Text)
			m.Box = m.Box.Union(w.Box)
			m.Size = max(m.Size, w.Size)
		}
		m.Text = b.String()
		out = append(out, m)
		i = j
	}
	return out
}

func single(w Word) bool {
	return utf8.RuneCountInString(w.Text) == 1 && textutil.IsCJK(firstRune(w.Text))
}

func (ps *Params) letterGap(a, b Word) bool {
	gap := b.Box.X0 - a.Box.X1
	return gap > 0 && gap <= ps.LetterSpacing*max(a.Size, b.Size)
}

// evenGaps reports whether the gaps between consecutive words are about
// equal, as letter spacing is.
func (ps *Params) evenGaps(ws []Word) bool {
	lo, hi := 1e9, -1e9
	for i := 1; i < len(ws); i++ {
		g := ws[i].Box.X0 - ws[i-1].Box.X1
		lo, hi = min(lo, g), max(hi, g)
	}
	return hi-lo <= max(ps.EvenGapsMin, ps.EvenGapsShare*hi)
}

// joinLines joins the lines of one wrapped cell: no break, no space between
// CJK, one space between non-CJK pieces.
func joinLines(texts []string) string {
	if len(texts) == 1 {
		return strings.TrimSpace(texts[0])
	}
	var b strings.Builder
	for _, t := range texts {
		t = strings.TrimSpace(t)
		if t == "" {
			continue
		}
		if b.Len() > 0 {
			l, r := lastRune(b.String()), firstRune(t)
			if !textutil.IsCJK(l) && !textutil.IsCJK(r) && !isNumPart(l) && l != '-' && l != '/' {
				b.WriteByte(' ')
			}
		}
		b.WriteString(t)
	}
	return b.String()
}
