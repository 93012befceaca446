package extract

import (
	"bytes"
	"fmt"
	"html"
	"math"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"testing"
	"unicode/utf8"
)

// popWord is one word of pdftotext -bbox: a box in points, top-left origin.
type popWord struct {
	text                   string
	xMin, yMin, xMax, yMax float64
}

type popPage struct {
	width, height float64
	words         []popWord
}

var (
	popPageRE = regexp.MustCompile(`<page width="([\d.]+)" height="([\d.]+)">`)
	popWordRE = regexp.MustCompile(`<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">([^<]*)</word>`)
)

// popplerBBox runs pdftotext -bbox on pages first..last of path.
func popplerBBox(t *testing.T, path string, first, last int) []popPage {
	t.Helper()
	out, err := exec.Command("pdftotext", "-bbox", "-f", strconv.Itoa(first), "-l", strconv.Itoa(last), path, "-").Output()
	if err != nil {
		t.Fatalf("pdftotext -bbox %s: %v", path, err)
	}
	var pages []popPage
	for _, chunk := range bytes.Split(out, []byte("<page "))[1:] {
		chunk = append([]byte("<page "), chunk...)
		m := popPageRE.FindSubmatch(chunk)
		if m == nil {
			t.Fatalf("pdftotext -bbox: no page size in %.80q", chunk)
		}
		p := popPage{width: popFloat(m[1]), height: popFloat(m[2])}
		for _, w := range popWordRE.FindAllSubmatch(chunk, -1) {
			p.words = append(p.words, popWord{
				text: html.UnescapeString(string(w[5])),
				xMin: popFloat(w[1]), yMin: popFloat(w[2]), xMax: popFloat(w[3]), yMax: popFloat(w[4]),
			})
		}
		pages = append(pages, p)
	}
	return pages
}

func popFloat(b []byte) float64 {
	f, _ := strconv.ParseFloat(string(b), 64)
	return f
}

// popAgreement counts, over a page's words, how many agree with our glyphs
// within tol points: the first glyph's X0 with xMin, the last glyph's X1 with
// xMax, and the first glyph's Y0/Y1 with yMin/yMax (y). Poppler's yMin/yMax
// are the baseline minus the font's ascent and descent, which it takes from
// the font descriptor or, when that says 0, as 0.95 and -0.35 em; so yLine
// also counts a box that lies within poppler's (give or take tol) and covers
// at least half its height: the same baseline under smaller ascent/descent.
type popAgreement struct {
	words, found, x0, x1, y, yLine int
	worst                          []string // a few disagreeing words, for the log
}

func (a *popAgreement) add(b popAgreement) {
	a.words += b.words
	a.found += b.found
	a.x0 += b.x0
	a.x1 += b.x1
	a.y += b.y
	a.yLine += b.yLine
	if len(a.worst) < 6 {
		a.worst = append(a.worst, b.worst[:min(len(b.worst), 6-len(a.worst))]...)
	}
}

func ratio(n, d int) float64 {
	if d == 0 {
		return 1
	}
	return float64(n) / float64(d)
}

// popBox is a box in a reading frame: text runs along +x.
type popBox struct {
	text           string
	x0, y0, x1, y1 float64
}

// turn maps a box of top-to-bottom text (a page shown with /Rotate 90 over
// upright content) into a frame where that text runs left to right.
func (b popBox) turn() popBox {
	return popBox{b.text, b.y0, -b.x1, b.y1, -b.x0}
}

// nearest returns the box whose text starts (first) or ends (!first) with r
// and whose anchor (x0 or x1, vertical centre) is nearest to (x, y); nil
// when none is within 20 points.
func nearest(gs []popBox, r rune, first bool, x, y float64) *popBox {
	var best *popBox
	bestD := 20.0
	for i := range gs {
		g := &gs[i]
		var gr rune
		var gx float64
		if first {
			gr, _ = utf8.DecodeRuneInString(g.text)
			gx = g.x0
		} else {
			gr, _ = utf8.DecodeLastRuneInString(g.text)
			gx = g.x1
		}
		if gr != r {
			continue
		}
		if d := math.Abs(gx-x) + math.Abs((g.y0+g.y1)/2-y); d < bestD {
			best, bestD = g, d
		}
	}
	return best
}

// popMatch is how one poppler word compares with our glyphs in one frame.
type popMatch struct {
	found, x0, x1, y, yLine bool
	detail                  string
}

func (m popMatch) score() int {
	n := 0
	for _, b := range []bool{m.found, m.x0, m.x1, m.yLine} {
		if b {
			n++
		}
	}
	return n
}

// matchWord compares word box wb with the glyph boxes gs, both in the same
// reading frame.
func matchWord(wb popBox, gs []popBox, tol float64) popMatch {
	first, _ := utf8.DecodeRuneInString(wb.text)
	last, _ := utf8.DecodeLastRuneInString(wb.text)
	ym := (wb.y0 + wb.y1) / 2
	g0 := nearest(gs, first, true, wb.x0, ym)
	g1 := nearest(gs, last, false, wb.x1, ym)
	if g0 == nil || g1 == nil {
		return popMatch{detail: fmt.Sprintf("%q not found", wb.text)}
	}
	dTop, dBottom := math.Abs(g0.y0-wb.y0), math.Abs(g0.y1-wb.y1)
	m := popMatch{
		found: true,
		x0:    math.Abs(g0.x0-wb.x0) <= tol,
		x1:    math.Abs(g1.x1-wb.x1) <= tol,
		y:     dTop <= tol && dBottom <= tol,
	}
	inside := g0.y0 >= wb.y0-tol && g0.y1 <= wb.y1+tol && g0.y1-g0.y0 >= (wb.y1-wb.y0)/2
	m.yLine = m.y || inside
	m.detail = fmt.Sprintf("%q poppler [%.1f %.1f %.1f %.1f] ours [%.1f %.1f %.1f %.1f]-[%.1f %.1f %.1f %.1f]",
		wb.text, wb.x0, wb.y0, wb.x1, wb.y1, g0.x0, g0.y0, g0.x1, g0.y1, g1.x0, g1.y0, g1.x1, g1.y1)
	return m
}

// comparePage matches every poppler word of a page with our glyphs, as text
// running left to right or, on pages turned by /Rotate over upright content,
// top to bottom: whichever frame matches better.
func comparePage(p *Page, pp popPage, tol float64) popAgreement {
	upright := make([]popBox, len(p.Glyphs))
	turned := make([]popBox, len(p.Glyphs))
	for i, g := range p.Glyphs {
		upright[i] = popBox{g.Text, g.X0, g.Y0, g.X1, g.Y1}
		turned[i] = upright[i].turn()
	}
	var a popAgreement
	for _, w := range pp.words {
		a.words++
		wb := popBox{w.text, w.xMin, w.yMin, w.xMax, w.yMax}
		m := matchWord(wb, upright, tol)
		if m.score() < 4 {
			if v := matchWord(wb.turn(), turned, tol); v.score() > m.score() {
				m = v
			}
		}
		if !m.found {
			a.worst = append(a.worst, fmt.Sprintf("p%d %s", p.Number, m.detail))
			continue
		}
		a.found++
		for _, c := range []struct {
			ok bool
			n  *int
		}{{m.x0, &a.x0}, {m.x1, &a.x1}, {m.y, &a.y}, {m.yLine, &a.yLine}} {
			if c.ok {
				*c.n++
			}
		}
		if m.score() < 4 {
			a.worst = append(a.worst, fmt.Sprintf("p%d %s", p.Number, m.detail))
		}
	}
	return a
}

// samplePages picks the first, a middle and the last page.
func samplePages(n int) []int {
	s := map[int]bool{1: true, (n + 1) / 2: true, n: true}
	var out []int
	for p := range s {
		out = append(out, p)
	}
	sort.Ints(out)
	return out
}

// TestPopplerBBox checks our glyph boxes against poppler's word boxes on
// sample pages of every real and fixture PDF, grouped by producer.
func TestPopplerBBox(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) not installed: glyph positions not cross-checked")
	}
	const tol = 1.0
	byProducer := map[string]*popAgreement{}
	// The fixture variants add producers (Ghostscript) and /Rotate; the
	// broken ones, which do not open, are other tests' business.
	variants, _ := filepath.Glob(filepath.Join(testModuleRoot(t), "fixtures", "pdf", "variants", "*.pdf"))
	isVariant := map[string]bool{}
	for _, v := range variants {
		isVariant[v] = true
	}
	for _, path := range append(corpusPDFs(t), variants...) {
		doc, err := Open(path, Options{})
		if err != nil {
			if !isVariant[path] {
				t.Errorf("%s: %v", path, err)
			}
			continue
		}
		info := doc.Info()
		producer := info.Producer
		if producer == "" {
			producer = info.Creator
		}
		agg := byProducer[producer]
		if agg == nil {
			agg = &popAgreement{}
			byProducer[producer] = agg
		}
		var file popAgreement
		for _, n := range samplePages(doc.NumPages()) {
			p, err := doc.Page(n)
			if err != nil {
				t.Errorf("%s page %d: %v", path, n, err)
				continue
			}
			if isVariant[path] && len(p.Glyphs) == 0 {
				continue // the scanned variant
			}
			pp := popplerBBox(t, path, n, n)
			if len(pp) != 1 {
				t.Fatalf("%s page %d: poppler gave %d pages", path, n, len(pp))
			}
			// pdftotext -bbox gives the page size before /Rotate, and the
			// word boxes after it.
			w, h := p.Width, p.Height
			if p.Rotate%180 == 90 {
				w, h = h, w
			}
			if math.Abs(pp[0].width-w) > tol || math.Abs(pp[0].height-h) > tol {
				t.Errorf("%s page %d: unrotated size %gx%g, poppler %gx%g", filepath.Base(path), n, w, h, pp[0].width, pp[0].height)
			}
			file.add(comparePage(p, pp[0], tol))
		}
		t.Logf("%-28s %-34q words %4d found %.3f x0 %.3f xMax %.3f y %.3f yLine %.3f",
			filepath.Base(path), producer, file.words, ratio(file.found, file.words),
			ratio(file.x0, file.found), ratio(file.x1, file.found), ratio(file.y, file.found), ratio(file.yLine, file.found))
		for _, w := range file.worst {
			t.Logf("    %s", w)
		}
		agg.add(file)
	}
	var names []string
	for name := range byProducer {
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		a := byProducer[name]
		if a.words == 0 {
			continue // only image pages (the scanned variant)
		}
		found, x0, x1, y := ratio(a.found, a.words), ratio(a.x0, a.found), ratio(a.x1, a.found), ratio(a.yLine, a.found)
		t.Logf("producer %-34q words %5d found %.3f x0 %.3f xMax %.3f y %.3f yLine %.3f", name, a.words, found, x0, x1, ratio(a.y, a.found), y)
		if found < popMinFound || x0 < popMinX || x1 < popMinXMax || y < popMinYLine {
			t.Errorf("producer %q: agreement with pdftotext -bbox below threshold (found %.3f, x0 %.3f, xMax %.3f, yLine %.3f; want %.2f/%.2f/%.2f/%.2f)",
				name, found, x0, x1, y, popMinFound, popMinX, popMinXMax, popMinYLine)
		}
	}
}

// Agreement thresholds with poppler, per producer. Measured over the real
// corpus, the fixtures and their variants: found >= 0.996 (LibreOffice hides
// overflowing cell text behind clip rectangles; poppler ignores clips), x0,
// xMax and yLine 1.000. Exact y is 0.986-1.000 except LibreOffice (0.000: its
// descriptors say Ascent 0 Descent 0, where poppler uses 0.95/-0.35 em).
const (
	popMinFound = 0.98
	popMinX     = 0.98
	popMinXMax  = 0.98
	popMinYLine = 0.98
)
