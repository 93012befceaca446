package layout

import (
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

func TestDrawPage(t *testing.T) {
	p1 := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1.00", "1.00", ""}})
	p2 := ruledPage(2, "", false, [][]string{{"住房公积金", "152.03", "152.03", ""}})
	d := FromPages([]*extract.Page{p1, p2})
	d.Readings = []Reading{{Output: 1, Kind: "expenditure_summary", Keys: []string{"subject_name", "total", "basic", "project"}}}
	tests := []struct {
		page int
		want []string // in the tables layer
		not  []string
	}{
		{1, []string{`<g id="tables">`, "2×1", "1×3", "ruled, table 2, expenditure_summary: 2023年预算支出总表", ">subject_name<", ">project<"}, []string{"continued"}},
		{2, []string{"ruled, table 2, expenditure_summary, continued from page 1: 2023年预算支出总表", ">total<"}, []string{"2×1"}},
	}
	for _, tc := range tests {
		s := extract.NewSVG(595, 842)
		DrawPage(s, d, d.Page(tc.page))
		var b strings.Builder
		if _, err := s.WriteTo(&b); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		for _, w := range tc.want {
			if !strings.Contains(out, w) {
				t.Errorf("page %d: svg lacks %q:\n%s", tc.page, w, out[:min(len(out), 600)])
			}
		}
		for _, w := range tc.not {
			if strings.Contains(out, w) {
				t.Errorf("page %d: svg has %q", tc.page, w)
			}
		}
	}
}

func TestDrawPageLabelSize(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1.00", "1.00", ""}})
	d := FromPages([]*extract.Page{p})
	s := extract.NewSVG(595, 842)
	DrawPage(s, d, d.Page(1))
	var b strings.Builder
	s.WriteTo(&b)
	// Most glyphs of ruledPage are 10 pt: the title label is drawn at 10.
	if !strings.Contains(b.String(), `font-size="10"`) {
		t.Errorf("no label at the page's 10-pt font size:\n%s", b.String()[:min(b.Len(), 600)])
	}
}
