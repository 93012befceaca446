package layout

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// metric is a font's ascent and descent in ems, as its descriptor gives them.
type metric struct{ asc, desc float64 }

var (
	songti = metric{0.882, 0.242} // FZFSK: 1.1 em boxes
	bx     = metric{1.186, 0.332} // E-BX punctuation: 1.5 em
	bz     = metric{1.333, 1.033} // E-BZ figures: 2.4 em, reaching into the next line
)

// run lays s out on one baseline in font m, CJK one em wide, others half.
func run(s string, m metric, x, base, size float64) []extract.Glyph {
	var gs []extract.Glyph
	for _, r := range s {
		w := size / 2
		if textutil.IsCJK(r) {
			w = size
		}
		gs = append(gs, extract.Glyph{Text: string(r), X0: x, X1: x + w, Y0: base - m.asc*size, Y1: base + m.desc*size, Size: size})
		x += w
	}
	return gs
}

// runs lays out pieces one after another on one baseline.
func runs(x, base, size float64, pieces ...any) []extract.Glyph {
	var gs []extract.Glyph
	for i := 0; i+1 < len(pieces); i += 2 {
		p := run(pieces[i].(string), pieces[i+1].(metric), x, base, size)
		gs = append(gs, p...)
		x = p[len(p)-1].X1
	}
	return gs
}

func TestTallGlyphBands(t *testing.T) {
	tests := []struct {
		name   string
		glyphs []extract.Glyph
		lines  []string
	}{
		{"figures of a font with a huge descent stay on their line (Chongqing 项目概况)", cat(
			runs(100, 255.7, 8.83, "为深化落实精神", songti, ",", bx),
			run("2026", bz, 166.225, 256.85, 8.83), // the figures sit 1.2pt low, as printed
			run("年专项资金从四个方面", songti, 183.885, 255.7, 8.83),
			runs(100, 269.2, 8.83, "竞争新优势", songti, ",", bx, "推进服务贸易创新试点", songti),
			runs(100, 282.7, 8.83, "建设", songti, ",", bx, "加快建成国际购物", songti),
		), []string{"为深化落实精神,2026年专项资金从四个方面", "竞争新优势,推进服务贸易创新试点", "建设,加快建成国际购物"}},
		{"lines closer than their boxes are tall (Chongqing 当年绩效目标)", cat(
			runs(100, 266.4, 10.29, "数字化量不少于", songti, "1.8", bz, "万件", songti, ",", bz, "培训人次", songti),
			runs(100, 276.9, 10.29, "不少于", songti, "350", bz, "人次", songti, ",", bz, "保障局机关", songti),
			runs(100, 287.4, 10.29, "常有序运转。", songti),
		), []string{"数字化量不少于1.8万件,培训人次", "不少于350人次,保障局机关", "常有序运转。"}},
		{"a raised glyph below a line led by tall figures", cat(
			runs(110, 268.7, 10.29, "1.", bz, "全力做好", songti, "“", bz, "十五五", songti),
			runs(100, 277.8, 10.29, "扎", songti),
			runs(110.29, 279.2, 10.29, "实推进智慧气象", songti),
		), []string{"1.全力做好“十五五", "扎实推进智慧气象"}},
		{"a line of tall figures alone", runs(100, 200, 8.83, "46", bz, ",", bx, "794.00", bz),
			[]string{"46,794.00"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := Lines(defaults.wordsOf(tt.glyphs))
			var got []string
			for _, l := range ls {
				got = append(got, l.Text)
			}
			if len(got) != len(tt.lines) {
				t.Fatalf("lines %q, want %q", got, tt.lines)
			}
			for i := range got {
				if got[i] != tt.lines[i] {
					t.Errorf("line %d = %q, want %q", i, got[i], tt.lines[i])
				}
			}
			for i := 1; i < len(ls); i++ {
				if ls[i].Box.Y0 < ls[i-1].Box.Y0 || ls[i].Box.Height() > 1.8*ls[i].Words[0].Size {
					t.Errorf("line %d box %+v after %+v", i, ls[i].Box, ls[i-1].Box)
				}
			}
		})
	}
}

// TestSortScratch holds the keyed sort to slices.SortStableFunc: random
// glyphs with many equal keys (and NaNs) come out in the same order, and a
// band already in order is left as it is.
func TestSortScratch(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	sc := sortPool.Get().(*sortScratch)
	defer sc.release()
	for round := range 300 {
		n := rng.IntN(80)
		gs := make([]extract.Glyph, n)
		for i := range gs {
			gs[i] = extract.Glyph{Text: strconv.Itoa(i), X0: float64(rng.IntN(8)), Y0: float64(rng.IntN(5)), Y1: float64(rng.IntN(5))}
			if rng.IntN(40) == 0 {
				gs[i].X0 = math.NaN()
			}
		}
		if round%10 == 0 {
			slices.SortStableFunc(gs, func(a, b extract.Glyph) int { return cmp.Compare(a.X0, b.X0) })
		}
		for _, key := range []func(*extract.Glyph) float64{
			func(g *extract.Glyph) float64 { return g.X0 },
			func(g *extract.Glyph) float64 { return g.Y0 + g.Y1 },
		} {
			want := slices.Clone(gs)
			slices.SortStableFunc(want, func(a, b extract.Glyph) int { return cmp.Compare(key(&a), key(&b)) })
			got := slices.Clone(gs)
			sc.sort(got, key)
			for i := range want {
				if got[i].Text != want[i].Text {
					t.Fatalf("round %d: glyph %d is %q, want %q", round, i, got[i].Text, want[i].Text)
				}
			}
		}
	}
}
