package layout

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// TestRowBreaksSkipMergedCells: a project's merged name and amount cells
// print their text at the middle of the indicator rows they cover, here
// inside the second row beside its own indicator line. That line of the
// merged cells is no data row of its own: no break may cut the merged cells
// or the second row. A grid that draws only column lines still gets its
// rows split at its data lines.
func TestRowBreaksSkipMergedCells(t *testing.T) {
	xs := []float64{50, 150, 230, 330, 400, 450}
	var segs []extract.Segment
	for _, x := range xs {
		segs = append(segs, vline(x, 100, 170))
	}
	segs = append(segs, hline(100, 50, 450), hline(120, 50, 450), hline(145, 230, 450), hline(170, 50, 450))
	gs := cat(
		text("项目名称", 55, 105, 10), text("项目总额", 155, 105, 10), text("三级指标", 235, 105, 10),
		text("指标值", 335, 105, 10), text("单位", 405, 105, 10),
		text("数量指标", 235, 127, 10), right("5", 395, 127, 10), text("个", 405, 127, 10),
		// the merged cells' text, centred over 120-170 but printed low, at 146-156
		text("项目甲", 55, 146, 10), right("40.70", 225, 146, 10),
		text("质量指标", 235, 157, 10), right("95", 395, 157, 10), text("%", 405, 157, 10),
	)
	p := page(1, cat(text("项目支出绩效目标表", 150, 60, 14), gs), segs)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	rows := append(append([][]Cell(nil), tb.Header...), tb.Rows...)
	if len(rows) != 3 {
		t.Fatalf("%d rows %q, want the header and 2", len(rows), cellTexts(&tb, rows))
	}
	var merged []Cell
	for _, c := range rows[1] {
		if c.RowSpan == 2 {
			merged = append(merged, c)
		}
	}
	if len(merged) != 2 || merged[0].Text != "项目甲" || merged[1].Text != "40.70" {
		t.Errorf("merged cells %+v, want 项目甲 and 40.70 over both rows", merged)
	}
	sameRows(t, cellTexts(&tb, rows), [][]string{
		{"项目名称", "项目总额", "三级指标", "指标值", "单位"},
		{"项目甲", "40.70", "数量指标", "5", "个"},
		{"", "", "质量指标", "95", "%"},
	})
}

// TestRowBreaksWrappedCells: a ruled row whose name and 总计 cells wrap onto
// a second line while the other amounts print once, centred between (深圳
// 人社局 项目支出总表 p151: 深圳市人力资源和社会保 / 障局, 435,216.1 / 7,
// 401,100.54 on the line between) is one row: its data lines print in no
// column in common. Two rows stacked in one ruled row (a spreadsheet that
// draws only column lines) print in the same columns and are split.
func TestRowBreaksWrappedCells(t *testing.T) {
	xs := []float64{50, 170, 230, 300}
	grid := func(body []extract.Glyph) *Table {
		var segs []extract.Segment
		for _, x := range xs {
			segs = append(segs, vline(x, 100, 160))
		}
		segs = append(segs, hline(100, 50, 300), hline(120, 50, 300), hline(160, 50, 300))
		head := cat(text("支出项目类别", 55, 105, 10), text("总计", 175, 105, 10), text("一般公共", 235, 105, 10))
		p := page(1, cat(text("项目支出总表", 120, 60, 14), head, body), segs)
		ts := FindTables(p, Lines(Words(p)))
		if len(ts) != 1 {
			t.Fatalf("%d tables", len(ts))
		}
		return &ts[0]
	}
	wrapped := grid(cat(
		text("深圳市人力资源和社会保", 52, 124, 10), right("435,216.1", 228, 124, 10),
		right("401,100.54", 298, 136, 10),
		text("障局", 52, 148, 10), text("7", 175, 148, 10),
	))
	sameRows(t, cellTexts(wrapped, wrapped.Rows), [][]string{{"深圳市人力资源和社会保障局", "435,216.17", "401,100.54"}})

	stacked := grid(cat(
		text("促进就业管理", 52, 124, 10), right("7.10", 228, 124, 10), right("7.10", 298, 124, 10),
		text("技工教育管理", 52, 142, 10), right("335.48", 228, 142, 10), right("335.48", 298, 142, 10),
	))
	sameRows(t, cellTexts(stacked, stacked.Rows), [][]string{{"促进就业管理", "7.10", "7.10"}, {"技工教育管理", "335.48", "335.48"}})
}

// TestByMiddle: sorting by byMiddle gives the order sort.Slice gave with
// the same comparison, ties included, on glyphs with many equal middles.
func TestByMiddle(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 5, 12, 13, 50, 200, 1000} {
		page := make([]extract.Glyph, n)
		for i := range page {
			y := float64(rng.IntN(8)) * 10 // few distinct lines: ties
			page[i] = extract.Glyph{Y0: y, Y1: y + float64(rng.IntN(2))}
		}
		inside := make([]int32, n)
		for i := range inside {
			inside[i] = int32(rng.IntN(max(n, 1)))
		}
		want := slices.Clone(inside)
		sort.Slice(want, func(i, j int) bool {
			return page[want[i]].Y0+page[want[i]].Y1 < page[want[j]].Y0+page[want[j]].Y1
		})
		b := byMiddle{idx: slices.Clone(inside), mid2: make([]float64, n)}
		for i, gi := range b.idx {
			b.mid2[i] = page[gi].Y0 + page[gi].Y1
		}
		sort.Sort(b)
		if !slices.Equal(b.idx, want) {
			t.Errorf("%d glyphs: byMiddle %v, sort.Slice %v", n, b.idx, want)
		}
	}
}
