package layout

import (
	"cmp"
	"slices"
	"strings"
	"unicode"

	"github.com/budgetpdf/budgetpdf/extract"
)

// Words groups a page's glyphs into words, in reading order: top to bottom,
// then left to right. White-space glyphs separate words and are dropped.
func Words(p *extract.Page) []Word { return defaults.Words(p) }

// Words is the package's Words with the tolerances ps.
func (ps *Params) Words(p *extract.Page) []Word {
	if p == nil {
		return nil
	}
	return ps.wordsOf(p.Glyphs)
}

// wordsOf groups glyphs into words.
func (ps *Params) wordsOf(glyphs []extract.Glyph) []Word {
	var words []Word
	for _, band := range ps.glyphBands(glyphs) {
		words = ps.appendBandWords(words, band)
	}
	return words
}

// glyphBands sorts glyphs into bands of vertically overlapping glyphs, top to
// bottom, each band sorted left to right. The bands share one sorted copy
// of the glyphs.
func (ps *Params) glyphBands(glyphs []extract.Glyph) [][]extract.Glyph {
	gs := make([]extract.Glyph, len(glyphs))
	copy(gs, glyphs)
	for i := range gs {
		g := &gs[i]
		if g.X1 < g.X0 {
			g.X0, g.X1 = g.X1, g.X0
		}
		if g.Y1 < g.Y0 {
			g.Y0, g.Y1 = g.Y1, g.Y0
		}
	}
	slices.SortStableFunc(gs, func(a, b extract.Glyph) int {
		return cmp.Compare(a.Y0+a.Y1, b.Y0+b.Y1)
	})
	var bands [][]extract.Glyph
	start := 0
	var top, bot float64
	for i, g := range gs {
		if i > start && ps.sameBand(top, bot, g.Y0, g.Y1) {
			top, bot = min(top, g.Y0), max(bot, g.Y1)
			continue
		}
		if i > start {
			bands = append(bands, gs[start:i:i])
		}
		start, top, bot = i, g.Y0, g.Y1
	}
	if start < len(gs) {
		bands = append(bands, gs[start:])
	}
	for _, b := range bands {
		slices.SortStableFunc(b, func(a, b extract.Glyph) int { return cmp.Compare(a.X0, b.X0) })
	}
	return bands
}

// sameBand reports whether the vertical extent [t, b] overlaps a band's
// extent [top, bot] by at least LineOverlap of the smaller height.
func (ps *Params) sameBand(top, bot, t, b float64) bool {
	ov := min(bot, b) - max(top, t)
	h := min(bot-top, b-t)
	if h <= 0 {
		c := (t + b) / 2
		return c >= top && c <= bot
	}
	return ov >= ps.LineOverlap*h
}

// appendBandWords splits one band of glyphs (sorted by X) into words.
func (ps *Params) appendBandWords(words []Word, band []extract.Glyph) []Word {
	var cur *Word
	var b strings.Builder
	var last extract.Glyph
	space := false
	flush := func() {
		if cur != nil {
			cur.Text = b.String()
			words = append(words, *cur)
			cur = nil
			b.Reset()
		}
	}
	for _, g := range band {
		if strings.TrimFunc(g.Text, unicode.IsSpace) == "" {
			flush()
			space = true
			continue
		}
		size := ps.glyphSize(g)
		if cur != nil {
			gap := g.X0 - last.X1
			if g.Text == last.Text && abs(g.X0-last.X0) < ps.DuplicateGlyph*size && abs(g.Y0-last.Y0) < ps.DuplicateGlyph*size {
				continue // the same glyph drawn twice (fake bold, shadow)
			}
			if gap > ps.WordGap*max(size, cur.Size) {
				flush()
			}
		}
		if cur == nil {
			cur = &Word{Box: Box{g.X0, g.Y0, g.X1, g.Y1}, Size: size, spaceBefore: space}
		} else {
			cur.Box = cur.Box.Union(Box{g.X0, g.Y0, g.X1, g.Y1})
			cur.Size = max(cur.Size, size)
		}
		b.WriteString(g.Text)
		last = g
		space = false
	}
	flush()
	return words
}

// glyphSize is the glyph's font size, or its height when the size is unknown.
func (ps *Params) glyphSize(g extract.Glyph) float64 {
	if g.Size > 0 {
		return g.Size
	}
	if h := g.Y1 - g.Y0; h > 0 {
		return h
	}
	return ps.DefaultSize
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
