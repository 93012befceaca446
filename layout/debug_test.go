package layout

import (
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

func TestGrids(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1.00", "1.00", ""}})
	gs := Grids(p)
	if len(gs) != 1 {
		t.Fatalf("%d grids", len(gs))
	}
	g := gs[0]
	if !g.Ruled || len(g.ColX) != 5 || g.Title != "2023年预算支出总表" {
		t.Errorf("grid %+v", g)
	}
	headers, spans := 0, 0
	for _, c := range g.Cells {
		if c.Header {
			headers++
		}
		if c.ColSpan > 1 || c.RowSpan > 1 {
			spans++
			if c.Box.Width() <= 0 || c.Box.Height() <= 0 {
				t.Errorf("span cell without box %+v", c)
			}
		}
	}
	if headers != 5 || spans != 2 {
		t.Errorf("%d header cells, %d spanning cells; want 5, 2", headers, spans)
	}
}

func TestDrawGrids(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1.00", "1.00", ""}})
	s := extract.PageSVG(p)
	DrawGrids(s, p)
	var b strings.Builder
	if _, err := s.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, `<g id="tables">`) || !strings.Contains(out, "2×1") || !strings.Contains(out, "1×3") {
		t.Errorf("svg lacks the tables layer or spans:\n%s", out[:min(len(out), 400)])
	}
}

// TestTurnBack turns a sideways page upright with upright itself and maps
// a glyph's upright box back: it must land where the page printed it.
func TestTurnBack(t *testing.T) {
	const w, h = 842.0, 595.0
	b := Box{100, 200, 150, 212}
	for _, turn := range []int{90, 270} {
		p := &extract.Page{Width: w, Height: h}
		// A column of 12-point glyphs reading down (90) or up (270), so
		// that sideways sees the turn, and the glyph to follow.
		for i := range 20 {
			y := 100 + float64(i)*12
			if turn == 270 {
				y = 400 - float64(i)*12
			}
			p.Glyphs = append(p.Glyphs, extract.Glyph{Text: "字", X0: 500, Y0: y, X1: 512, Y1: y + 12, Size: 12})
		}
		p.Glyphs = append(p.Glyphs, extract.Glyph{Text: "X", X0: b.X0, Y0: b.Y0, X1: b.X1, Y1: b.Y1, Size: 12})
		q, got := upright(p)
		if got != turn {
			t.Fatalf("upright turned the page %d, want %d", got, turn)
		}
		g := q.Glyphs[len(q.Glyphs)-1]
		u := Box{g.X0, g.Y0, g.X1, g.Y1}
		if u == b {
			t.Fatalf("turn %d: upright left the box where it was", turn)
		}
		if back := turnBack(u, turn, w, h); back != b {
			t.Errorf("turn %d: upright %+v, turnBack = %+v, want %+v", turn, u, back, b)
		}
	}
}
