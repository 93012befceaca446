package layout

import "testing"

// TestParams: Default is a copy (changing it changes nothing else), and
// each tolerance tried here changes what its step finds the way its
// comment says.
func TestParams(t *testing.T) {
	d := Default()
	d.WordGap = 99
	if defaults.WordGap != 0.2 || Default().WordGap != 0.2 {
		t.Fatal("Default shares its value")
	}
	// Two words 3 pt apart at 10 pt: a gap of 0.3 em.
	gs := cat(text("ab", 50, 100, 10), text("cd", 63, 100, 10))
	p := page(1, gs, nil)
	tests := []struct {
		name  string
		set   func(*Params)
		words int
	}{
		{"default: 0.3 em > WordGap 0.2", func(*Params) {}, 2},
		{"WordGap 0.5", func(p *Params) { p.WordGap = 0.5 }, 1},
		{"WordGap 0.25", func(p *Params) { p.WordGap = 0.25 }, 2},
	}
	for _, tc := range tests {
		ps := Default()
		tc.set(ps)
		if got := len(ps.Words(p)); got != tc.words {
			t.Errorf("%s: %d words, want %d", tc.name, got, tc.words)
		}
	}
	// MetaGap: the title 100 pt above the grid is the table's own only
	// within MetaGap.
	tp := ruledPage(1, "", true, [][]string{{"合计", "1.00", "1.00", ""}})
	tp.Glyphs = append(tp.Glyphs, text("2023年预算支出总表", 170, 0, 14)...)
	for _, tc := range []struct {
		gap   float64
		title string
	}{{160, "2023年预算支出总表"}, {50, ""}} {
		ps := Default()
		ps.MetaGap = tc.gap
		ts := ps.FindTables(tp, ps.Lines(ps.Words(tp)))
		if len(ts) != 1 || ts[0].Title != tc.title {
			t.Errorf("MetaGap %g: tables %d, title %q, want %q", tc.gap, len(ts), ts[0].Title, tc.title)
		}
	}
}
