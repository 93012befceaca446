package layout

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/textutil"
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
func (ps *Params) wordsOf(glyphs []extract.Glyph) []Word { return ps.wordsInto(glyphs, nil) }

// wordsInto is wordsOf made in buf's array where it holds them (a new
// array when buf is nil): the words are the caller's until it gives the
// array up.
func (ps *Params) wordsInto(glyphs []extract.Glyph, buf []Word) []Word {
	gb := scratchGlyphs(len(glyphs))
	defer gb.release()
	copy(gb.gs, glyphs)
	return ps.ownWordsInto(gb.gs, buf)
}

// glyphBuf is a scratch copy of glyphs for one step of a page's layout
// (sorting them into words, sharing them out among cells): buffers are
// reused across pages through a pool, so a page's glyphs are not copied
// into fresh memory at every step. Nothing a step returns may point into
// gs (words and cells keep strings and boxes only).
type glyphBuf struct{ gs []extract.Glyph }

var glyphPool = sync.Pool{New: func() any { return new(glyphBuf) }}

// scratchGlyphs is a buffer of n glyphs from the pool.
func scratchGlyphs(n int) *glyphBuf {
	b := glyphPool.Get().(*glyphBuf)
	if cap(b.gs) < n {
		b.gs = make([]extract.Glyph, n)
	}
	b.gs = b.gs[:n]
	return b
}

// release gives the buffer back, cleared so it holds no page's strings.
func (b *glyphBuf) release() {
	clear(b.gs)
	b.gs = b.gs[:0]
	glyphPool.Put(b)
}

// wordArrays are the arrays of words of pages laid out by
// LayoutPageCompact, reused from page to page: nothing of such a page
// keeps a word once it is compacted (5,000 national pages: 60 MB).
var wordArrays = sync.Pool{New: func() any { return new([]Word) }}

// ownWordsOf is wordsOf on glyphs the caller gives up: they are sorted and
// adjusted in place.
func (ps *Params) ownWordsOf(gs []extract.Glyph) []Word { return ps.ownWordsInto(gs, nil) }

// ownWordsInto is ownWordsOf made in buf's array (see wordsInto).
func (ps *Params) ownWordsInto(gs []extract.Glyph, buf []Word) []Word {
	if len(gs) == 0 {
		return nil
	}
	if buf == nil {
		buf = make([]Word, 0, len(gs)/4+1) // a word of four glyphs on average
	}
	words, _ := ps.appendWordsOf(buf[:0], nil, gs)
	if len(words) == 0 {
		return nil // white space only: no words, as before
	}
	return words
}

// appendWordsOf appends the words of gs (given up, as to ownWordsOf) to
// words.
// bands is room for the glyph bands, returned for reuse.
func (ps *Params) appendWordsOf(words []Word, bands [][]extract.Glyph, gs []extract.Glyph) ([]Word, [][]extract.Glyph) {
	bands = ps.glyphBands(bands[:0], gs)
	for _, band := range bands {
		words = ps.appendBandWords(words, band)
	}
	return words, bands
}

// tempLines reads the lines of gs (given up, as to ownWordsOf) for a step
// that keeps only their texts and boxes: the lines (ls) and their words
// live in a buffer from a pool, valid until its release.
func (ps *Params) tempLines(gs []extract.Glyph) *wordBuf {
	b := wordPool.Get().(*wordBuf)
	b.ws, b.bands = ps.appendWordsOf(b.ws[:0], b.bands, gs)
	b.ls = ps.appendLines(b.ls[:0], b.ws)
	return b
}

// release gives the buffer back to the pool, cleared.
func (b *wordBuf) release() {
	clear(b.ws)
	clear(b.ls)
	clear(b.bands)
	b.ws, b.ls, b.bands = b.ws[:0], b.ls[:0], b.bands[:0]
	wordPool.Put(b)
}

// wordBuf is a reusable slice of words and one of lines (tempLines).
type wordBuf struct {
	ws    []Word
	ls    []Line
	bands [][]extract.Glyph
}

var wordPool = sync.Pool{New: func() any { return new(wordBuf) }}

// glyphBands sorts glyphs, in place, into bands of vertically overlapping
// glyphs, top to bottom, each band sorted left to right; the bands are
// pieces of gs, appended to bands.
func (ps *Params) glyphBands(bands [][]extract.Glyph, gs []extract.Glyph) [][]extract.Glyph {
	for i := range gs {
		g := &gs[i]
		if g.X1 < g.X0 {
			g.X0, g.X1 = g.X1, g.X0
		}
		if g.Y1 < g.Y0 {
			g.Y0, g.Y1 = g.Y1, g.Y0
		}
	}
	sc := sortPool.Get().(*sortScratch)
	defer sc.release()
	sc.sort(gs, func(g *extract.Glyph) float64 { return g.Y0 + g.Y1 })
	start := 0
	var top, bot float64
	sized := false // the band's extent comes from a glyph of plausible height
	closeBand := func(end int) {
		band := gs[start:end:end]
		if sized {
			for k := range band {
				if ps.tallGlyph(band[k]) {
					band[k].Y0, band[k].Y1 = top, bot
				}
			}
		}
		bands = append(bands, band)
	}
	for i := range gs {
		t0, t1 := ps.bandExtent(gs[i])
		tall := t0 != gs[i].Y0 || t1 != gs[i].Y1
		if i > start && ps.sameBand(top, bot, t0, t1) {
			switch {
			case !tall && !sized:
				top, bot, sized = t0, t1, true
			case !tall || !sized:
				top, bot = min(top, t0), max(bot, t1)
			}
			continue
		}
		if i > start {
			closeBand(i)
		}
		start, top, bot, sized = i, t0, t1, !tall
	}
	if start < len(gs) {
		closeBand(len(gs))
	}
	for i := range gs {
		if ps.tallGlyph(gs[i]) { // alone in a band of tall glyphs
			gs[i].Y0, gs[i].Y1 = ps.bandExtent(gs[i])
		}
	}
	for _, b := range bands {
		sc.sort(b, func(g *extract.Glyph) float64 { return g.X0 })
	}
	return bands
}

// sortScratch is room for sorting glyphs by a key: the keys with their
// indexes, and a copy of the glyphs to move them from.
type sortScratch struct {
	keys []glyphKey
	tmp  []extract.Glyph
}

type glyphKey struct {
	k float64
	i int32
}

var sortPool = sync.Pool{New: func() any { return new(sortScratch) }}

// sort sorts gs stably by key: what slices.SortStableFunc with cmp.Compare
// of the keys gives (a stable sort has one result), but the sort moves
// 16-byte keys and each 72-byte glyph then moves once; glyphs already in
// order are left as they are.
func (sc *sortScratch) sort(gs []extract.Glyph, key func(*extract.Glyph) float64) {
	sc.keys = sc.keys[:0]
	sorted := true
	for i := range gs {
		k := key(&gs[i])
		if i > 0 && cmp.Less(k, sc.keys[i-1].k) {
			sorted = false
		}
		sc.keys = append(sc.keys, glyphKey{k, int32(i)})
	}
	if sorted {
		return
	}
	slices.SortStableFunc(sc.keys, func(a, b glyphKey) int { return cmp.Compare(a.k, b.k) })
	sc.tmp = append(sc.tmp[:0], gs...)
	for j, kv := range sc.keys {
		gs[j] = sc.tmp[kv.i]
	}
}

// release gives the scratch back, holding no glyphs.
func (sc *sortScratch) release() {
	clear(sc.tmp)
	sc.tmp, sc.keys = sc.tmp[:0], sc.keys[:0]
	sortPool.Put(sc)
}

// tallGlyph reports whether a glyph's box is implausibly tall for its size
// (TallGlyph).
func (ps *Params) tallGlyph(g extract.Glyph) bool {
	return g.Size > 0 && g.Y1-g.Y0 > ps.TallGlyph*g.Size
}

// bandExtent is the vertical extent a glyph is banded by: its box, or for a
// tall glyph a box GlyphBand high around its middle.
func (ps *Params) bandExtent(g extract.Glyph) (float64, float64) {
	if !ps.tallGlyph(g) {
		return g.Y0, g.Y1
	}
	c, h := (g.Y0+g.Y1)/2, ps.GlyphBand*g.Size
	return c - h/2, c + h/2
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
	var cur Word
	open := false // cur holds a word
	// A word of one glyph keeps the glyph's text (first); the builder
	// starts at the second glyph.
	var b strings.Builder
	first, n := "", 0
	text := func() string {
		if n == 1 {
			return first
		}
		return b.String()
	}
	var last *extract.Glyph
	space := false
	inGap := 0.0 // the widest gap between the current word's glyphs
	flush := func() {
		if open {
			cur.Text = text()
			words = append(words, cur)
			open = false
			b.Reset()
			first, n = "", 0
		}
	}
	for i := range band {
		g := &band[i]
		if textutil.IsBlank(g.Text) {
			flush()
			space = true
			continue
		}
		size := ps.glyphSize(*g)
		if open {
			gap := g.X0 - last.X1
			if g.Text == last.Text && abs(g.X0-last.X0) < ps.DuplicateGlyph*size && abs(g.Y0-last.Y0) < ps.DuplicateGlyph*size {
				continue // the same glyph drawn twice (fake bold, shadow)
			}
			if gap > ps.WordGap*max(size, cur.Size) || ps.figureEnds(text(), g.Text, gap, inGap, size) {
				flush()
			} else {
				inGap = max(inGap, gap)
			}
		}
		if !open {
			inGap = 0
			cur, open = Word{Box: Box{g.X0, g.Y0, g.X1, g.Y1}, Size: size, spaceBefore: space}, true
		} else {
			cur.Box = cur.Box.Union(Box{g.X0, g.Y0, g.X1, g.Y1})
			cur.Size = max(cur.Size, size)
		}
		switch n++; n {
		case 1:
			first = g.Text
		case 2:
			b.Grow(len(first) + wordRoom(band[i:]))
			b.WriteString(first)
			b.WriteString(g.Text)
		default:
			b.WriteString(g.Text)
		}
		last = g
		space = false
	}
	flush()
	return words
}

// wordRoom is the bytes to reserve for the rest of a word from band[0] on:
// the text of the glyphs up to the next white space, at most 8 of them, so
// that most words are built in one allocation.
func wordRoom(band []extract.Glyph) int {
	n := 0
	for i := 0; i < len(band) && i < 8; i++ {
		if band[i].Text == " " {
			break
		}
		n += len(band[i].Text)
	}
	return n
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

// figureEnds reports whether a word that so far is a figure (1,210.00) ends
// before the next glyph although the gap is narrower than a word gap: the
// glyph is a letter or CJK character, not the figure's unit, and the gap is
// visible and wider than any inside the figure (an amount right-aligned
// against the next column's text, 0.00示、技术交流…, 0.8pt apart; a letter-spaced
// line keeps its figures and units together).
func (ps *Params) figureEnds(word, next string, gap, inGap, size float64) bool {
	if gap <= ps.FigureGap*size || gap <= inGap+ps.FigureGap*size || !isFigure(word) {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next)
	return !unicode.IsDigit(r) && !strings.ContainsRune(".,%万元亿）)", r)
}
