package extract

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"unicode"
)

// FuzzContent runs arbitrary content streams through the walker on a page
// with a CID font, a simple font and a Form XObject: the page must come
// out (no recovered panic), with finite boxes and no replacement or
// private-use characters.
func FuzzContent(f *testing.F) {
	for _, s := range []string{
		"BT /F1 10 Tf 1 0 0 1 20 50 Tm <000100020003> Tj ET",
		"BT /F2 10 Tf 2 Tc 3 Tw 50 Tz 1 0 0 1 10 20 Tm [(A) -1000 (B A)] TJ ET",
		"q 0 0 100 50 re W n BT /F2 10 Tf 12 TL (A) ' 1 2 (B) \" T* ET Q Q Q",
		"q 2 0 0 2 10 10 cm 0.5 w 0 0 40 20 re S 0 0 m 10 10 l 5 5 5 5 5 5 c h B* Q /Fm1 Do",
		"BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI 1 0 0 rg 0 0 1 1 re f",
		"/P <</MCID 0>> BDC [(a) 1e5 <0001>] TJ EMC 3 Tr (A) Tj",
	} {
		f.Add(s)
	}
	for _, s := range contentSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, content string) {
		b := &pdfBuilder{}
		f1, f2 := cidFont(b), simpleFont(b)
		form := b.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 50 50] /Resources << /Font << /F2 %d 0 R >> >>", f2), content)
		res := fmt.Sprintf("/Font << /F1 %d 0 R /F2 %d 0 R >> /XObject << /Fm1 %d 0 R >>", f1, f2, form)
		p, err := testDoc(t, onePage(b, "/MediaBox [0 0 200 100]", res, content)).Page(1)
		if err != nil {
			// Nesting past the limit makes a page unreadable; nothing else may.
			if errors.Is(err, ErrCorrupt) && !strings.Contains(err.Error(), "(Limits.Nesting)") {
				t.Fatalf("Page: %v", err)
			}
			return
		}
		for _, w := range p.Warnings {
			if w.Code == "page_error" && !strings.Contains(w.Message, "draws itself") && !strings.Contains(w.Message, "(Limits.") {
				t.Fatalf("warning %v", w)
			}
		}
		for _, g := range p.Glyphs {
			if !(rect{g.X0, g.Y0, g.X1, g.Y1}).finite() || !finite(g.Size) || g.X0 > g.X1 || g.Y0 > g.Y1 {
				t.Fatalf("glyph %+v", g)
			}
			for _, r := range g.Text {
				if r == unicode.ReplacementChar || unicode.Is(unicode.Co, r) {
					t.Fatalf("glyph text %q", g.Text)
				}
			}
		}
		for _, s := range p.Segments {
			if !(rect{s.X0, s.Y0, s.X1, s.Y1}).finite() || s.X0 > s.X1 || s.Y0 > s.Y1 {
				t.Fatalf("segment %+v", s)
			}
		}
	})
}
