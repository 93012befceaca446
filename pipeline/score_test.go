package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
	"gopkg.in/yaml.v3"
)

// score compares a converted document with its truth, field by field.
type score struct {
	tables, tablesWant     int // tables matched by kind+title / in truth
	cells, cellsWant       int // body cells equal / in truth's matched... all truth tables
	econ, econWant         int
	projects, projectsWant int
	forms, formsWant       int
	triples, triplesWant   int
	diffs                  []string
}

func str(p *string) string {
	if p == nil {
		return "∅"
	}
	return *p
}

func compareDocs(got, want *schema.Document) score {
	var s score
	used := map[int]bool{}
	for _, wt := range want.Tables {
		s.tablesWant++
		for _, r := range wt.Rows {
			s.cellsWant += len(r)
		}
		gi := -1
		for i, gt := range got.Tables {
			if !used[i] && gt.Kind == wt.Kind && gt.Title == wt.Title {
				gi = i
				break
			}
		}
		if gi < 0 {
			s.diffs = append(s.diffs, fmt.Sprintf("table not found: %s %s", wt.Kind, wt.Title))
			continue
		}
		used[gi] = true
		gt := got.Tables[gi]
		if fmt.Sprint(gt.Pages) == fmt.Sprint(wt.Pages) {
			s.tables++
		} else {
			s.diffs = append(s.diffs, fmt.Sprintf("%s: pages %v, want %v", wt.Title, gt.Pages, wt.Pages))
		}
		for ri, wr := range wt.Rows {
			if ri >= len(gt.Rows) {
				s.diffs = append(s.diffs, fmt.Sprintf("%s: row %d missing", wt.Title, ri))
				continue
			}
			for _, c := range wr {
				if g := gt.Rows[ri].Get(c.Key); str(g) == str(c.Value) {
					s.cells++
				} else if len(s.diffs) < 400 {
					s.diffs = append(s.diffs, fmt.Sprintf("%s: row %d %s = %s, want %s", wt.Title, ri, c.Key, str(g), str(c.Value)))
				}
			}
		}
		if len(gt.Rows) > len(wt.Rows) {
			s.diffs = append(s.diffs, fmt.Sprintf("%s: %d extra rows", wt.Title, len(gt.Rows)-len(wt.Rows)))
		}
	}
	y := func(v any) string { b, _ := yaml.Marshal(v); return string(b) }
	for _, n := range []struct {
		what      string
		got, want int
	}{
		{"tables", len(got.Tables), len(want.Tables)},
		{"economic rows", len(got.EconomicRows), len(want.EconomicRows)},
		{"projects", len(got.Projects), len(want.Projects)},
		{"performance forms", len(got.PerformanceForms), len(want.PerformanceForms)},
	} {
		if n.got != n.want {
			s.diffs = append(s.diffs, fmt.Sprintf("%d %s, want %d", n.got, n.what, n.want))
		}
	}
	s.econWant = len(want.EconomicRows)
	for i, e := range want.EconomicRows {
		if i < len(got.EconomicRows) && y(got.EconomicRows[i]) == y(e) {
			s.econ++
		}
	}
	s.projectsWant = len(want.Projects)
	for i, p := range want.Projects {
		if i < len(got.Projects) && y(got.Projects[i]) == y(p) {
			s.projects++
		} else if i < len(got.Projects) {
			s.diffs = append(s.diffs, fmt.Sprintf("project %d: %s", i, strings.ReplaceAll(y(got.Projects[i]), "\n", " ")))
		}
	}
	s.formsWant = len(want.PerformanceForms)
	for i, f := range want.PerformanceForms {
		s.triplesWant += len(f.Indicators)
		if i >= len(got.PerformanceForms) {
			continue
		}
		g := got.PerformanceForms[i]
		gi, wi := g.Indicators, f.Indicators
		g.Indicators, f.Indicators = nil, nil
		if y(g) == y(f) {
			s.forms++
		} else {
			s.diffs = append(s.diffs, fmt.Sprintf("form %d %s differs:\n%s", i, f.Project, lineDiff(y(g), y(f))))
		}
		for j, ind := range wi {
			if j < len(gi) && y(gi[j]) == y(ind) {
				s.triples++
			} else if j < len(gi) {
				s.diffs = append(s.diffs, fmt.Sprintf("form %d %s indicator %d: %s want %s", i, f.Project, j, strings.ReplaceAll(y(gi[j]), "\n", " "), strings.ReplaceAll(y(ind), "\n", " ")))
			}
		}
	}
	return s
}

func lineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	var out []string
	for i := 0; i < max(len(g), len(w)); i++ {
		var a, b string
		if i < len(g) {
			a = g[i]
		}
		if i < len(w) {
			b = w[i]
		}
		if a != b {
			out = append(out, "   got: "+a+"\n  want: "+b)
		}
	}
	return strings.Join(out, "\n")
}

func loadTruth(t *testing.T, path string) *schema.Document {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d schema.Document
	if err := yaml.Unmarshal(data, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &d
}

// TestFixtureScores converts every fixture PDF and compares it with its truth.
func TestFixtureScores(t *testing.T) {
	pdfs, _ := filepath.Glob("../fixtures/pdf/*.pdf")
	sort.Strings(pdfs)
	if len(pdfs) == 0 {
		t.Skip("no fixture PDFs")
	}
	for _, pdf := range pdfs {
		name := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		truth := filepath.Join("../fixtures/truth", name+".yaml")
		if _, err := os.Stat(truth); err != nil {
			continue
		}
		t.Run(name, func(t *testing.T) {
			got, err := Convert([]string{pdf}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			s := compareDocs(got, loadTruth(t, truth))
			t.Logf("tables %d/%d cells %d/%d economic %d/%d projects %d/%d forms %d/%d(got %d) triples %d/%d",
				s.tables, s.tablesWant, s.cells, s.cellsWant, s.econ, s.econWant, s.projects, s.projectsWant, s.forms, s.formsWant, len(got.PerformanceForms), s.triples, s.triplesWant)
			if os.Getenv("SCORE_DIFFS") != "" {
				for _, d := range s.diffs {
					t.Log(d)
				}
			}
			// The fixture corpus is read exactly: every table on its pages
			// with every cell, every economic row, project, form and triple.
			if len(s.diffs) > 0 || s.tables != s.tablesWant || s.cells != s.cellsWant || s.econ != s.econWant ||
				s.projects != s.projectsWant || s.forms != s.formsWant || len(got.PerformanceForms) != s.formsWant || s.triples != s.triplesWant {
				for i, d := range s.diffs {
					if i == 10 {
						t.Errorf("... %d more differences (SCORE_DIFFS=1 lists them)", len(s.diffs)-10)
						break
					}
					t.Error(d)
				}
				if len(s.diffs) == 0 {
					t.Error("scores below 100%")
				}
			}
		})
	}
}
