package layout

import (
	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// text lays s out as glyphs from (x, top) at size pt: CJK characters one
// em wide, others half an em; spaces become space glyphs.
func text(s string, x, top, size float64) []extract.Glyph {
	var gs []extract.Glyph
	for _, r := range s {
		w := size / 2
		if textutil.IsCJK(r) {
			w = size
		}
		gs = append(gs, extract.Glyph{Text: string(r), X0: x, Y0: top, X1: x + w, Y1: top + size, Size: size})
		x += w
	}
	return gs
}

// right lays s out so that it ends at x.
func right(s string, x, top, size float64) []extract.Glyph {
	w := 0.0
	for _, r := range s {
		if textutil.IsCJK(r) {
			w += size
		} else {
			w += size / 2
		}
	}
	return text(s, x-w, top, size)
}

// spaced lays out the characters of s with gap points between them.
func spaced(s string, x, top, size, gap float64) []extract.Glyph {
	var gs []extract.Glyph
	for _, r := range s {
		gs = append(gs, text(string(r), x, top, size)...)
		x += size + gap
	}
	return gs
}

func hline(y, x0, x1 float64) extract.Segment {
	return extract.Segment{X0: x0, Y0: y, X1: x1, Y1: y, Width: 0.5, Paint: extract.Stroke}
}

func vline(x, y0, y1 float64) extract.Segment {
	return extract.Segment{X0: x, Y0: y0, X1: x, Y1: y1, Width: 0.5, Paint: extract.Stroke}
}

func page(n int, glyphs []extract.Glyph, segs []extract.Segment) *extract.Page {
	return &extract.Page{Number: n, Width: 595, Height: 842, Glyphs: glyphs, Segments: segs}
}

func cat(parts ...[]extract.Glyph) []extract.Glyph {
	var out []extract.Glyph
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}
