package layout_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/fixtures"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// score is one comparison of layout tables against a truth file.
type score struct {
	tables, tablesWant int
	cells, cellsWant   int
	labels, labelsWant int // header labels joined with "/", as the contract's column labels
	misses             []string
}

func (s *score) add(o score) {
	s.tables += o.tables
	s.tablesWant += o.tablesWant
	s.cells += o.cells
	s.cellsWant += o.cellsWant
	s.labels += o.labels
	s.labelsWant += o.labelsWant
	s.misses = append(s.misses, o.misses...)
}

// TestFixtures runs the layout stage on every fixture PDF and compares its
// tables with the truth file: every truth table must be found with its
// title and pages, and every body cell must hold the truth's text in the
// same row and column (amounts compared without thousands separators).
// It reports per producer: tables found / expected, cells right / expected,
// and fails below 100% (LAYOUT_LENIENT=1 only reports). Files that cannot be
// opened (a corpus being rebuilt) are skipped.
func TestFixtures(t *testing.T) {
	dir := filepath.Join("..", "fixtures")
	if d := os.Getenv("LAYOUT_FIXTURES"); d != "" {
		dir = d // a corpus built elsewhere with cmd/fixturegen -out
	}
	pdfs, _ := filepath.Glob(filepath.Join(dir, "pdf", "*.pdf"))
	if len(pdfs) == 0 {
		t.Skip("no fixture PDFs yet")
	}
	byProducer := map[string]*score{}
	for _, pdf := range pdfs {
		stem := strings.TrimSuffix(filepath.Base(pdf), ".pdf")
		truthPath := filepath.Join(dir, "truth", stem+".yaml")
		truth, err := fixtures.ReadTruth(truthPath)
		if err != nil {
			t.Logf("%s: no truth: %v", stem, err)
			continue
		}
		doc, err := layoutPDF(pdf)
		if err != nil {
			t.Logf("%s: skipped: %v", stem, err) // being rebuilt, or not layout's failure
			continue
		}
		s := compareTruth(doc, truth)
		producer := stem[strings.LastIndex(stem, "-")+1:]
		if byProducer[producer] == nil {
			byProducer[producer] = &score{}
		}
		byProducer[producer].add(s)
		t.Logf("%s: tables %d/%d, cells %d/%d", stem, s.tables, s.tablesWant, s.cells, s.cellsWant)
		for i, m := range s.misses {
			if i == 10 {
				t.Logf("  … %d more", len(s.misses)-10)
				break
			}
			t.Logf("  %s", m)
		}
	}
	// Variants of the printed files (re-distilled, rotated, encrypted, …)
	// must give their base's tables.
	if set, err := fixtures.ReadVariants(filepath.Join(dir, "variants.yaml")); err == nil {
		for _, v := range set.Variants {
			if v.Base == nil || v.Outcome != "ok" && v.Password == nil {
				continue
			}
			truth, err := fixtures.ReadTruth(filepath.Join(dir, *v.Base))
			if err != nil {
				t.Logf("%s: no truth: %v", v.File, err)
				continue
			}
			opts := extract.Options{}
			if v.Password != nil {
				opts.Password = *v.Password
			}
			doc, err := layoutPDFWith(filepath.Join(dir, v.File), opts)
			if err != nil {
				t.Logf("%s: skipped: %v", v.File, err)
				continue
			}
			s := compareTruth(doc, truth)
			name := "variant:" + v.Kind
			if byProducer[name] == nil {
				byProducer[name] = &score{}
			}
			byProducer[name].add(s)
			t.Logf("%s: tables %d/%d, cells %d/%d", filepath.Base(v.File), s.tables, s.tablesWant, s.cells, s.cellsWant)
			for i, m := range s.misses {
				if i == 5 {
					break
				}
				t.Logf("  %s", m)
			}
		}
	}
	var names []string
	for p := range byProducer {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		s := byProducer[p]
		t.Logf("producer %-8s tables %d/%d  cells %d/%d  header labels %d/%d", p, s.tables, s.tablesWant, s.cells, s.cellsWant, s.labels, s.labelsWant)
		if os.Getenv("LAYOUT_LENIENT") == "" && (s.tables != s.tablesWant || s.cells != s.cellsWant || s.labels != s.labelsWant) {
			t.Errorf("producer %s below 100%%", p)
		}
	}
}

func layoutPDF(path string) (*layout.Document, error) {
	return layoutPDFWith(path, extract.Options{})
}

func layoutPDFWith(path string, opts extract.Options) (*layout.Document, error) {
	d, err := extract.Open(path, opts)
	if err != nil {
		return &layout.Document{}, err
	}
	pages, err := d.ReadAll()
	return layout.FromPages(pages), err
}

// compareTruth matches truth tables to layout tables by title, in order,
// and counts the body cells that agree.
func compareTruth(doc *layout.Document, truth *schema.Document) score {
	var s score
	next := 0
	for _, tt := range truth.Tables {
		s.tablesWant++
		s.cellsWant += len(tt.Rows) * len(tt.Columns)
		k := -1
		for i := next; i < len(doc.Tables); i++ {
			if textutil.Squeeze(doc.Tables[i].Title) == textutil.Squeeze(tt.Title) {
				k = i
				break
			}
		}
		if k < 0 {
			s.misses = append(s.misses, fmt.Sprintf("table %q not found", tt.Title))
			continue
		}
		next = k + 1
		got := &doc.Tables[k]
		if fmt.Sprint(got.Pages) != fmt.Sprint(tt.Pages) {
			s.misses = append(s.misses, fmt.Sprintf("table %q pages %v, want %v", tt.Title, got.Pages, tt.Pages))
		} else {
			s.tables++
		}
		labels := got.HeaderLabels()
		for c, col := range tt.Columns {
			s.labelsWant++
			if c < len(labels) && textutil.Squeeze(labels[c]) == textutil.Squeeze(col.Label) {
				s.labels++
			} else if c < len(labels) {
				s.misses = append(s.misses, fmt.Sprintf("%s label %d: got %q, want %q", tt.Title, c, labels[c], col.Label))
			}
		}
		for r, row := range tt.Rows {
			var have []string
			if r < len(got.Rows) {
				have = layout.RowTexts(got.Rows[r], got.NCols)
			}
			for c, col := range tt.Columns {
				want := ""
				if v := row.Get(col.Key); v != nil {
					want = *v
				}
				h := ""
				if c < len(have) {
					h = have[c]
				}
				if plain(h) == plain(want) {
					s.cells++
				} else {
					s.misses = append(s.misses, fmt.Sprintf("%s r%d c%d (%s): got %q, want %q", tt.Title, r, c, col.Key, h, want))
				}
			}
		}
		if len(got.Rows) != len(tt.Rows) {
			s.misses = append(s.misses, fmt.Sprintf("table %q: %d body rows, want %d", tt.Title, len(got.Rows), len(tt.Rows)))
		}
	}
	return s
}

var thousands = regexp.MustCompile(`^-?\d{1,3}(,\d{3})+(\.\d+)?$`)

// plain removes thousands separators from amounts and white space from
// text, for comparison.
func plain(s string) string {
	s = textutil.Squeeze(s)
	if thousands.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s
}
