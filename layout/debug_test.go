package layout

import "testing"

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
