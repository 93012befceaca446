package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// fixtureVariant is an entry of fixtures/variants.yaml: a file derived from a
// fixture PDF with a real tool (qpdf, ghostscript, truncation...) and the
// outcome the contract expects for it.
type fixtureVariant struct {
	File     string  `yaml:"file"`
	Kind     string  `yaml:"kind"`
	Outcome  string  `yaml:"outcome"`
	Password *string `yaml:"password"`
	Pages    []int   `yaml:"pages"`
}

// TestInspectVariants runs inspect on every fixture variant and checks the
// exit code and failure code against the outcome written with the fixtures.
func TestInspectVariants(t *testing.T) {
	root := moduleRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "fixtures", "variants.yaml"))
	if err != nil {
		t.Skipf("no fixture variants yet: %v", err)
	}
	var set struct {
		Variants []fixtureVariant `yaml:"variants"`
	}
	if err := yaml.Unmarshal(b, &set); err != nil {
		t.Fatalf("fixtures/variants.yaml: %v", err)
	}
	exits := map[string]int{"ok": 0, "not_pdf": 3, "corrupt": 4, "needs_password": 5, "no_text_layer": 6}
	for _, v := range set.Variants {
		t.Run(v.Kind+"/"+filepath.Base(v.File), func(t *testing.T) {
			want, ok := exits[v.Outcome]
			if !ok {
				t.Fatalf("unknown outcome %q", v.Outcome)
			}
			path := filepath.Join(root, "fixtures", v.File)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("variant not built: %v", err)
			}
			var stdout, stderr bytes.Buffer
			exit := run([]string{"inspect", path}, &stdout, &stderr)
			if exit != want {
				t.Fatalf("exit %d, want %d (%s); stderr %q", exit, want, v.Outcome, stderr.String())
			}
			if want != 0 {
				if line := stderr.String(); !strings.HasPrefix(line, "budgetpdf: "+strconv.Quote(path)+": "+v.Outcome+": ") || strings.Count(line, "\n") != 1 {
					t.Errorf("stderr %q, want one line with code %s", line, v.Outcome)
				}
			}
			if v.Outcome == "needs_password" && v.Password != nil {
				stdout.Reset()
				stderr.Reset()
				if exit := run([]string{"inspect", "--password", *v.Password, path}, &stdout, &stderr); exit != 0 {
					t.Errorf("with the password: exit %d, stderr %q", exit, stderr.String())
				}
			}
		})
	}
}

// listedTable is one table as inspect lists it: the line of its first
// page, and the pages that print "continued from" lines for it.
type listedTable struct {
	kind, title, pages string
	rows               int
	continued          []int // pages with a continuation line
	pieceRows          map[int]int
}

var (
	tableLine = regexp.MustCompile(`^  table (\d+) "(.*)": kind (\S+), pages (.+?), \d+ columns, (\d+) rows`)
	contLine  = regexp.MustCompile(`^  table (\d+) continued from page (\d+): (\d+) rows on this page$`)
	pageLine  = regexp.MustCompile(`^page (\d+): `)
)

// listTables parses inspect's table lines, by table number.
func listTables(t *testing.T, out string) map[int]*listedTable {
	t.Helper()
	tables := map[int]*listedTable{}
	page := 0
	for _, line := range strings.Split(out, "\n") {
		if m := pageLine.FindStringSubmatch(line); m != nil {
			page, _ = strconv.Atoi(m[1])
		}
		if m := tableLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			rows, _ := strconv.Atoi(m[5])
			if tables[n] != nil {
				t.Errorf("table %d listed twice", n)
			}
			tables[n] = &listedTable{kind: m[3], title: m[2], pages: m[4], rows: rows, pieceRows: map[int]int{}}
		}
		if m := contLine.FindStringSubmatch(line); m != nil {
			n, _ := strconv.Atoi(m[1])
			first, _ := strconv.Atoi(m[2])
			rows, _ := strconv.Atoi(m[3])
			lt := tables[n]
			if lt == nil || !strings.HasPrefix(lt.pages, strconv.Itoa(first)) {
				t.Errorf("page %d: %q continues a table not begun on page %d", page, line, first)
				continue
			}
			lt.continued = append(lt.continued, page)
			lt.pieceRows[page] = rows
		}
	}
	return tables
}

// TestInspectTablesFixtures lists the tables of every fixture PDF and
// holds them against the fixture's truth file, written from the budget
// data (fixtures/truth): each table's kind, title, pages and row count,
// and a continuation line on each of its later pages.
func TestInspectTablesFixtures(t *testing.T) {
	root := moduleRoot(t)
	truths, _ := filepath.Glob(filepath.Join(root, "fixtures", "truth", "*.yaml"))
	if len(truths) == 0 {
		t.Skip("no fixture truth files")
	}
	for _, tf := range truths {
		name := strings.TrimSuffix(filepath.Base(tf), ".yaml")
		t.Run(name, func(t *testing.T) {
			pdf := filepath.Join(root, "fixtures", "pdf", name+".pdf")
			b, err := os.ReadFile(tf)
			if err != nil {
				t.Fatal(err)
			}
			var truth struct {
				Tables []struct {
					Kind  string     `yaml:"kind"`
					Title string     `yaml:"title"`
					Pages []int      `yaml:"pages"`
					Rows  []struct{} `yaml:"rows"`
				} `yaml:"tables"`
			}
			if err := yaml.Unmarshal(b, &truth); err != nil {
				t.Fatal(err)
			}
			var stdout, stderr bytes.Buffer
			if exit := run([]string{"inspect", pdf}, &stdout, &stderr); exit != 0 {
				t.Fatalf("exit %d: %s", exit, stderr.String())
			}
			got := listTables(t, stdout.String())
			if len(got) != len(truth.Tables) {
				t.Errorf("%d tables listed, truth has %d", len(got), len(truth.Tables))
			}
			for i, w := range truth.Tables {
				g := got[i+1]
				if g == nil {
					t.Errorf("table %d (%s) not listed", i+1, w.Kind)
					continue
				}
				if g.kind != w.Kind || g.title != w.Title || g.pages != pageList(w.Pages) || g.rows != len(w.Rows) {
					t.Errorf("table %d: %s %q pages %s, %d rows; truth %s %q pages %s, %d rows",
						i+1, g.kind, g.title, g.pages, g.rows, w.Kind, w.Title, pageList(w.Pages), len(w.Rows))
				}
				if len(w.Pages) > 0 && !slices.Equal(g.continued, w.Pages[1:]) {
					t.Errorf("table %d: continuation lines on pages %v, truth pages %v", i+1, g.continued, w.Pages)
				}
			}
		})
	}
}

// TestInspectTablesNational lists the tables of a Beijing 部门预算报表
// and checks a few against the rows counted by hand in pdftotext -layout
// output of their pages.
func TestInspectTablesNational(t *testing.T) {
	path := filepath.Join(moduleRoot(t), "..", "shared", "corpus", "national", "002_北京", "统计局_附件2：北京市统计局2026年度部门预算报表.pdf")
	if _, err := os.Stat(path); err != nil {
		t.Skipf("national corpus: %v", err)
	}
	var stdout, stderr bytes.Buffer
	if exit := run([]string{"inspect", path}, &stdout, &stderr); exit != 0 {
		t.Fatalf("exit %d: %s", exit, stderr.String())
	}
	got := listTables(t, stdout.String())
	tests := []struct {
		n                  int
		kind, title, pages string
		rows               int
		pieces             map[int]int // rows printed on a continuation page
	}{
		// p1: 一、…九、 income beside 一、…二十六、 expenditure (26 lines), then
		// 本年收入合计, 上年结转结余, 收入总计.
		{1, "income_expenditure_summary", "预算01表收支总表", "1", 29, nil},
		// p7, the last page of 预算03表: 2080505 ×2, 2080506 ×2, 2101101,
		// 2101102 ×4, 2101103, 2150299, 2210201 ×2, 2210202, 2210203 ×2, 合计.
		{3, "expenditure_summary", "预算03表支出总表", "3-7", 117, map[int]int{7: 17}},
		// p8: the 26 expenditure lines and 本年收入合计, 上年结转结余, its three
		// fund lines, 收入总计.
		{4, "fiscal_appropriation_summary", "预算04表财政拨款收支总表", "8", 32, nil},
		// p25: A-货物, C-服务, 合计.
		{10, "government_procurement", "预算10表政府采购预算明细表", "25", 3, nil},
	}
	for _, tc := range tests {
		g := got[tc.n]
		if g == nil {
			t.Errorf("table %d not listed", tc.n)
			continue
		}
		if g.kind != tc.kind || g.title != tc.title || g.pages != tc.pages || g.rows != tc.rows {
			t.Errorf("table %d: %s %q pages %s, %d rows; want %s %q pages %s, %d rows",
				tc.n, g.kind, g.title, g.pages, g.rows, tc.kind, tc.title, tc.pages, tc.rows)
		}
		for p, rows := range tc.pieces {
			if g.pieceRows[p] != rows {
				t.Errorf("table %d page %d: %d rows on the page, want %d", tc.n, p, g.pieceRows[p], rows)
			}
		}
	}
	// A performance-form grid is listed as such, with its page.
	if !regexp.MustCompile(`\npage 27: [^\n]*\n(  .*\n)*  grid "预算表12项目支出绩效目标表": performance forms`).MatchString(stdout.String()) {
		t.Errorf("no performance-form grid listed on page 27")
	}
}

// TestInspectSVGNeedsPage: --svg without --page is a usage error naming
// --page, not a silent drawing of page 1.
func TestInspectSVGNeedsPage(t *testing.T) {
	good := realPDF(t, "js-swbgt-2019-tables.pdf")
	out := filepath.Join(t.TempDir(), "p.svg")
	var stdout, stderr bytes.Buffer
	if exit := run([]string{"inspect", good, "--svg", out}, &stdout, &stderr); exit != 2 {
		t.Fatalf("exit %d, want 2", exit)
	}
	if !strings.Contains(stderr.String(), "--page") {
		t.Errorf("stderr %q does not name --page", stderr.String())
	}
	if _, err := os.Stat(out); err == nil {
		t.Errorf("%s written", out)
	}
}

func TestPageList(t *testing.T) {
	for _, tc := range []struct {
		pages []int
		want  string
	}{{nil, "none"}, {[]int{3}, "3"}, {[]int{3, 4, 5}, "3-5"}, {[]int{3, 4, 7}, "3-4, 7"}, {[]int{2, 5, 6, 9}, "2, 5-6, 9"}} {
		if got := pageList(tc.pages); got != tc.want {
			t.Errorf("pageList(%v) = %q, want %q", tc.pages, got, tc.want)
		}
	}
}
