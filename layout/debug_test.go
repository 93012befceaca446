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

func TestTurnBack(t *testing.T) {
	const w, h = 842.0, 595.0
	b := Box{100, 200, 150, 212}
	for _, turn := range []int{90, 270} {
		// upright's mapping of the box, then back.
		var u Box
		if turn == 90 {
			u = Box{b.Y0, w - b.X1, b.Y1, w - b.X0}
		} else {
			u = Box{h - b.Y1, b.X0, h - b.Y0, b.X1}
		}
		if got := turnBack(u, turn, w, h); got != b {
			t.Errorf("turn %d: turnBack = %+v, want %+v", turn, got, b)
		}
	}
}
