package layout

import (
	"math"
	"slices"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// TestTurnBack turns pages sideways (turn90, turn270: written from the
// PDF's /Rotate, not from upright), lets upright turn them back and
// checks that the record's TurnBack lands every glyph of the upright page
// on the glyph as printed.
func TestTurnBack(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1,738.50", "1,530.68", "207.82"}})
	tests := []struct {
		name string
		turn func(*extract.Page) *extract.Page
		want int
	}{
		{"rotate 90", turn90, 90},
		{"rotate 270", turn270, 270},
		{"upright", func(p *extract.Page) *extract.Page { return p }, 0},
	}
	near := func(a, b Box) bool {
		return math.Abs(a.X0-b.X0)+math.Abs(a.Y0-b.Y0)+math.Abs(a.X1-b.X1)+math.Abs(a.Y1-b.Y1) < 1e-9
	}
	for _, tc := range tests {
		printed := tc.turn(p)
		up, turn := defaults.upright(printed)
		if turn != tc.want {
			t.Fatalf("%s: upright turned by %d, want %d", tc.name, turn, tc.want)
		}
		rec := PageRecord{Width: printed.Width, Height: printed.Height, Turn: turn}
		if w, h := rec.UprightSize(); w != p.Width || h != p.Height {
			t.Errorf("%s: upright size %gx%g, want %gx%g", tc.name, w, h, p.Width, p.Height)
		}
		for i, g := range up.Glyphs {
			o := p.Glyphs[i]
			if got := (Box{g.X0, g.Y0, g.X1, g.Y1}); !near(got, Box{o.X0, o.Y0, o.X1, o.Y1}) {
				t.Fatalf("%s: glyph %d upright at %+v, drawn at %+v", tc.name, i, got, o)
			}
			pg := printed.Glyphs[i]
			if back := rec.TurnBack(Box{g.X0, g.Y0, g.X1, g.Y1}); !near(back, Box{pg.X0, pg.Y0, pg.X1, pg.Y1}) {
				t.Fatalf("%s: glyph %d turned back to %+v, printed at %+v", tc.name, i, back, pg)
			}
		}
	}
}

// TestRecord runs FromPages over a table that runs over three pages and a
// second table and checks the record of each page against the pages as
// drawn: the grids found, their cells, the table each became and whether
// it was joined to one begun earlier.
func TestRecord(t *testing.T) {
	pages := continuedPages()
	d := FromPages(pages)
	type grid struct {
		table     int
		continues bool
		header    int // header cells
		body      []string
	}
	want := []struct {
		page  int
		grids []grid
	}{
		{1, []grid{{0, false, 5, []string{"合计", "1,738.50", "1,530.68", "207.82", "一般公共服务支出", "1,346.54", "1,138.72", "207.82"}}}},
		{2, []grid{{0, true, 5, []string{"社会保障和就业支出", "239.93", "239.93", ""}}}},
		{3, []grid{{0, true, 0, []string{"住房公积金", "152.03", "152.03", ""}}}},
		{4, []grid{{1, false, 5, []string{"合计", "1.00", "1.00", ""}}}},
	}
	if len(d.Tables) != 2 || len(d.Record) != len(want) {
		t.Fatalf("%d tables, %d page records; want 2, %d", len(d.Tables), len(d.Record), len(want))
	}
	for i, w := range want {
		rec := d.Page(w.page)
		if rec == nil || rec.Number != w.page || &d.Record[i] != rec {
			t.Fatalf("no record of page %d", w.page)
		}
		if rec.FontSize != 10 || rec.Turn != 0 || rec.Width != 595 || rec.Height != 842 {
			t.Errorf("page %d: size %g, turn %d, %gx%g", w.page, rec.FontSize, rec.Turn, rec.Width, rec.Height)
		}
		if got := PageLines(pages[i]); !slices.EqualFunc(got, rec.Lines, func(a, b Line) bool { return a.Text == b.Text && a.Box == b.Box }) {
			t.Errorf("page %d: record lines differ from PageLines", w.page)
		}
		nw := 0
		for _, l := range rec.Lines {
			nw += len(l.Words)
		}
		if len(rec.Words) < nw || len(rec.Words) == 0 {
			t.Errorf("page %d: %d words for %d words in lines", w.page, len(rec.Words), nw)
		}
		if len(rec.Grids) != len(w.grids) {
			t.Fatalf("page %d: %d grids, want %d", w.page, len(rec.Grids), len(w.grids))
		}
		for k, wg := range w.grids {
			g := rec.Grids[k]
			header := 0
			var body []string
			for _, c := range g.Cells {
				if c.Header {
					header++
				} else {
					body = append(body, c.Text)
				}
			}
			if g.Table != wg.table || g.Continues != wg.continues || header != wg.header || !slices.Equal(body, wg.body) {
				t.Errorf("page %d grid %d: table %d continues %v, %d header cells, body %q; want %+v",
					w.page, k, g.Table, g.Continues, header, body, wg)
			}
			if len(g.ColX) != 5 || !g.Ruled || g.Box.Width() <= 0 {
				t.Errorf("page %d grid %d: %d column boundaries, ruled %v, box %+v", w.page, k, len(g.ColX), g.Ruled, g.Box)
			}
		}
	}
	// The stitched table holds the body cells of every grid that became it.
	var stitched []string
	for _, r := range d.Tables[0].Rows {
		for _, c := range r {
			stitched = append(stitched, c.Text)
		}
	}
	var fromGrids []string
	for _, w := range want[:3] {
		fromGrids = append(fromGrids, w.grids[0].body...)
	}
	if !slices.Equal(stitched, fromGrids) {
		t.Errorf("stitched table %q, grids %q", stitched, fromGrids)
	}
}

// TestRecordFailedPage: a page whose layout panics keeps its lines in the
// record and no grids.
func TestRecordFailedPage(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1.00", "1.00", ""}})
	bad := &Params{} // zero tolerances: no word breaks, no line overlap...
	*bad = defaults
	bad.CrossingShare = 0 // ndata/0 panics in a table without rules
	q := page(2, cat(text("科目", 50, 100, 10), text("合计", 200, 100, 10), text("1.00", 300, 100, 10),
		text("科目", 50, 120, 10), text("合计", 200, 120, 10), text("2.00", 300, 120, 10)), nil)
	d := bad.FromPages([]*extract.Page{p, q})
	if len(d.Warnings) != 1 || d.Warnings[0].Page != 2 || d.Warnings[0].Code != "layout_error" {
		t.Fatalf("warnings %+v", d.Warnings)
	}
	rec := d.Page(2)
	if rec == nil || len(rec.Grids) != 0 || len(rec.Lines) != 2 {
		t.Fatalf("record of the failed page: %+v", rec)
	}
	if r := d.Page(1); r == nil || len(r.Grids) != 1 {
		t.Errorf("record of the good page: %+v", r)
	}
}

// TestFontSize: the most common size to half a point; on a tie the size
// that reached the count first.
func TestFontSize(t *testing.T) {
	sized := func(sizes ...float64) []extract.Glyph {
		gs := make([]extract.Glyph, len(sizes))
		for i, s := range sizes {
			gs[i].Size = s
		}
		return gs
	}
	for _, tt := range []struct {
		glyphs []extract.Glyph
		want   float64
	}{
		{nil, 0},
		{sized(10.5), 10.5},
		{sized(9, 12, 12, 9.1, 9.2), 9}, // 9, 9.1 → 9, 9.2 → 9 (to half a point): three 9s
		{sized(12, 9, 9, 12), 9},        // a tie: 9 reached two first
		{sized(0, 0, 10), 0},            // unknown sizes count as 0
		{sized(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 18), 18}, // more sizes than the list's first room
	} {
		if got := fontSize(tt.glyphs); got != tt.want {
			t.Errorf("fontSize(%v) = %v, want %v", tt.glyphs, got, tt.want)
		}
	}
}
