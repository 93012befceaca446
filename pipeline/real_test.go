package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
	"gopkg.in/yaml.v3"
)

// realDir holds real published disclosures (see its MANIFEST.tsv), beside
// the repository: /work/shared/corpus/real for /work/main.
const realDir = "../../shared/corpus/real"

// realMaxUnnamed is, per file, the most col_N columns allowed on recognized
// (not unknown) tables; files not listed allow none.
var realMaxUnnamed = map[string]int{}

// realDocs is what each file says about itself, read off its cover (or, for
// a tables-only file without one, its tables' 部门 line and titles) with
// pdftotext. A tables-only file has no title.
var realDocs = map[string]schema.DocumentInfo{
	"js-rdbgt-2018.pdf":           {Title: "江苏省人大常委会办公厅2018年度部门预算公开", Department: "江苏省人大常委会办公厅", Year: 2018, Kind: schema.KindBudget},
	"js-swbgt-2017-narrative.pdf": {Title: "江苏省委办公厅2017年度部门预算", Department: "江苏省委办公厅", Year: 2017, Kind: schema.KindBudget},
	"js-swbgt-2017-tables.pdf":    {Department: "中国共产党江苏省委员会办公厅", Year: 2017, Kind: schema.KindBudget},
	"js-swbgt-2018-narrative.pdf": {Title: "江苏省委办公厅2018年度部门预算公开", Department: "江苏省委办公厅", Year: 2018, Kind: schema.KindBudget},
	"js-swbgt-2018-tables.pdf":    {Title: "江苏省2018年度省级部门预算公开报表", Department: "中共江苏省委办公厅", Year: 2018, Kind: schema.KindBudget},
	"js-swbgt-2019-narrative.pdf": {Title: "江苏省委办公厅2019年度部门预算公开", Department: "江苏省委办公厅", Year: 2019, Kind: schema.KindBudget},
	"js-swbgt-2019-tables.pdf":    {Department: "中共江苏省委办公厅", Year: 2019, Kind: schema.KindBudget},
	"js-zxbgt-2017-narrative.pdf": {Title: "江苏省政协办公厅2017年度部门预算", Department: "江苏省政协办公厅", Year: 2017, Kind: schema.KindBudget},
	"js-zxbgt-2017-tables.pdf":    {Department: "江苏省政协办公厅", Year: 2017, Kind: schema.KindBudget},
	"sh-czj-2025-unit-budget.pdf": {Title: "上海市2025年市级单位预算", Department: "上海市财政局", Year: 2025, Kind: schema.KindBudget},
	"sh-pt-sfj-2026-budget.pdf":   {Title: "上海市普陀区2026年区级部门预算", Department: "上海市普陀区司法局", Year: 2026, Kind: schema.KindBudget},
	"sh-pt-shgzb-2024-final.pdf":  {Title: "中共上海市普陀区委社会工作部2024年度部门决算", Department: "中共上海市普陀区委社会工作部", Year: 2024, Kind: schema.KindFinalAccount},
	"sh-pt-wanli-2024-budget.pdf": {Title: "上海市普陀区2024年区级部门预算", Department: "上海市普陀区人民政府万里街道办事处", Year: 2024, Kind: schema.KindBudget},
}

// realException is a reconciliation check that fails because the published
// figures really disagree (testdata/real-exceptions.yaml).
type realException struct {
	File    string `yaml:"file"`
	Rule    string `yaml:"rule"`
	Message string `yaml:"message"` // a substring of the check's message
	Proof   string `yaml:"proof"`
}

// realExceptions is testdata/real-exceptions.yaml: the inconsistencies of
// the published files.
type realExceptions struct {
	Inconsistencies []realException `yaml:"inconsistencies"`
}

// TestRealCorpus converts every real disclosure and asserts what holds for
// any well-read file: no error, no U+FFFD or private-use character, a table
// on every page that prints a table title, no unnamed column on recognized
// tables, and every reconciliation check passing but for the listed
// inconsistencies of the published files. It logs one summary line per file
// (the README's "Real disclosures" table).
func TestRealCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(realDir, "*.pdf"))
	if len(files) == 0 {
		t.Skipf("no real corpus at %s", realDir)
	}
	ex := loadExceptions(t)
	exceptions := ex.Inconsistencies
	used := make([]bool, len(exceptions))
	var summary []string
	for _, path := range files {
		name := filepath.Base(path)
		t.Run(strings.TrimSuffix(name, ".pdf"), func(t *testing.T) {
			start := time.Now()
			doc, err := Convert([]string{path}, Options{})
			secs := time.Since(start).Seconds()
			if err != nil {
				t.Fatalf("convert: %v", err)
			}
			if want, ok := realDocs[name]; !ok {
				t.Errorf("no document truth for %s in realDocs", name)
			} else if doc.Document != want {
				t.Errorf("document %+v, want %+v", doc.Document, want)
			}
			checkRunes(t, doc)
			pages := realPages(t, path)
			checkTitlePages(t, pages, doc)
			unnamed := 0
			for _, tb := range doc.Tables {
				for _, c := range tb.Columns {
					if strings.HasPrefix(c.Key, "col_") && tb.Kind != schema.TableUnknown {
						unnamed++
						if unnamed > realMaxUnnamed[name] {
							t.Errorf("%s (pages %v): unnamed column %s = %q", tb.Kind, tb.Pages, c.Key, c.Label)
						}
					}
				}
			}
			pass, fail := 0, 0
			for _, c := range doc.Checks {
				switch c.Status {
				case schema.StatusPass:
					pass++
				case schema.StatusFail:
					fail++
					if i := matchException(exceptions, name, c); i >= 0 {
						used[i] = true
					} else {
						t.Errorf("check fails: %s %s: %s", c.Rule, c.Table, c.Message)
					}
				}
			}
			cov, tokens := coverage(pages, doc)
			summary = append(summary, fmt.Sprintf("| %s | %s | %d | %d | %d | %s of %d | %d / %d | %.2f |",
				name, producer(doc.Source), doc.Source.Pages, len(doc.Tables), unnamed, cov, tokens, pass, fail, secs))
		})
	}
	for i, e := range exceptions {
		if !used[i] {
			t.Errorf("exception not seen (fixed? remove it): %s %s %q", e.File, e.Rule, e.Message)
		}
	}
	t.Log("\n| file | producer | pages | tables | col_N | coverage | checks pass / fail | seconds |\n|---|---|---|---|---|---|---|---|\n" +
		strings.Join(summary, "\n"))
}

func loadExceptions(t *testing.T) realExceptions {
	data, err := os.ReadFile("testdata/real-exceptions.yaml")
	if err != nil {
		t.Fatal(err)
	}
	var out realExceptions
	if err := yaml.Unmarshal(data, &out); err != nil {
		t.Fatalf("real-exceptions.yaml: %v", err)
	}
	for _, e := range out.Inconsistencies {
		if e.File == "" || e.Rule == "" || e.Message == "" || strings.TrimSpace(e.Proof) == "" {
			t.Fatalf("real-exceptions.yaml: incomplete entry %+v", e)
		}
	}
	return out
}

func matchException(es []realException, file string, c schema.Check) int {
	for i, e := range es {
		if e.File == file && e.Rule == c.Rule && strings.Contains(c.Message, e.Message) {
			return i
		}
	}
	return -1
}

func producer(s schema.Source) string {
	if s.Producer != "" {
		return s.Producer
	}
	return s.Creator + " (creator)"
}

// checkRunes fails on U+FFFD or a private-use character anywhere in the output.
func checkRunes(t *testing.T, doc *schema.Document) {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(doc); err != nil {
		t.Fatal(err)
	}
	s := buf.String()
	bad := 0
	for i, r := range s {
		if r == unicode.ReplacementChar || unicode.Is(unicode.Co, r) {
			if bad++; bad <= 5 {
				t.Errorf("%U in output: …%s…", r, s[max(0, i-40):min(len(s), i+40)])
			}
		}
	}
	if strings.Contains(s, `\ufffd`) {
		t.Errorf("escaped U+FFFD in output")
	}
}

// dotLeader marks a table-of-contents line; sentence marks narrative text.
var (
	dotLeader = regexp.MustCompile(`…|\.{3,}|·{3,}|-{4,}`)
	sentence  = regexp.MustCompile(`[。，；,;：:]`)
)

// realPages reads a file's pages again for the per-page assertions.
func realPages(t *testing.T, path string) []*extract.Page {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := extract.NewReader(bytes.NewReader(data), int64(len(data)), extract.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages, err := r.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return pages
}

// checkTitlePages asserts that every page printing a table title (not a
// contents line, not a sentence) yields a table.
func checkTitlePages(t *testing.T, pages []*extract.Page, doc *schema.Document) {
	t.Helper()
	tablePages := map[int]bool{}
	for _, tb := range doc.Tables {
		for _, p := range tb.Pages {
			tablePages[p] = true
		}
	}
	for _, p := range pages {
		lines := layout.PageLines(p)
		if contentsPage(lines) {
			continue
		}
		for _, l := range lines {
			s := schema.CleanText(l.Text)
			if dotLeader.MatchString(s) || sentence.MatchString(s) || len([]rune(s)) > 60 {
				continue
			}
			if schema.TableKind(s) != schema.TableUnknown && !tablePages[p.Number] {
				t.Errorf("page %d prints the title %q but yields no table", p.Number, s)
				break
			}
		}
	}
}

// contentsPage reports a table of contents: a 目录 heading, or the part
// headings (第一部分 …) of its second page.
func contentsPage(lines []layout.Line) bool {
	parts := 0
	for _, l := range lines {
		s := strings.ReplaceAll(schema.CleanText(l.Text), " ", "")
		if s == "目录" {
			return true
		}
		if partHeading.MatchString(s) {
			parts++
		}
	}
	return parts >= 2
}

var partHeading = regexp.MustCompile(`^第[一二三四五六七八九十]+部分`)

// amountToken is what reads as money on a page: two decimals, or thousands
// separators.
var amountToken = regexp.MustCompile(`^-?(\d{1,3}(,\d{3})+(\.\d+)?|\d+\.\d{2})$`)

// coverage is the share of amount tokens on table pages that land in some
// table cell, as a percentage, and the number of tokens.
func coverage(pages []*extract.Page, doc *schema.Document) (string, int) {
	found, tokens := coverageCount(pages, doc)
	if tokens == 0 {
		return "–", 0
	}
	return fmt.Sprintf("%.1f%%", 100*float64(found)/float64(tokens)), tokens
}

// coverageCount counts the amount tokens on table pages and those that land
// in some table cell.
func coverageCount(pages []*extract.Page, doc *schema.Document) (found, tokens int) {
	cells := map[string]int{}
	tablePages := map[int]bool{}
	for _, tb := range doc.Tables {
		for _, p := range tb.Pages {
			tablePages[p] = true
		}
		for _, r := range tb.Rows {
			for _, c := range r {
				if c.Value != nil {
					for _, f := range strings.Fields(*c.Value) {
						cells[strings.ReplaceAll(f, ",", "")]++
					}
				}
			}
		}
	}
	for _, p := range pages {
		if !tablePages[p.Number] {
			continue
		}
		for _, l := range layout.PageLines(p) {
			for _, w := range l.Words {
				for _, f := range strings.Fields(w.Text) {
					if !amountToken.MatchString(f) {
						continue
					}
					tokens++
					if k := strings.ReplaceAll(f, ",", ""); cells[k] > 0 {
						cells[k]--
						found++
					}
				}
			}
		}
	}
	return found, tokens
}

// TestRealMerged merges each Jiangsu narrative PDF with its tables PDF:
// the 12 tables, the narrative's title, and every check passing but for the
// listed inconsistencies (an entry for the narrative file applies to the
// merged document, whose first pages are the narrative's).
func TestRealMerged(t *testing.T) {
	pairs, _ := filepath.Glob(filepath.Join(realDir, "js-*-narrative.pdf"))
	if len(pairs) == 0 {
		t.Skipf("no real corpus at %s", realDir)
	}
	ex := loadExceptions(t)
	for _, narr := range pairs {
		tabs := strings.TrimSuffix(narr, "-narrative.pdf") + "-tables.pdf"
		name := filepath.Base(narr)
		t.Run(strings.TrimSuffix(name, "-narrative.pdf"), func(t *testing.T) {
			doc, err := Convert([]string{narr, tabs}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			parts := doc.Source.Parts
			if len(parts) != 2 || len(doc.Tables) != 12 || doc.Document.Title != realDocs[name].Title {
				t.Errorf("%d parts, %d tables, title %q", len(parts), len(doc.Tables), doc.Document.Title)
			}
			checkRunes(t, doc)
			pass, narrative := 0, 0
			for _, c := range doc.Checks {
				switch {
				case c.Status == schema.StatusPass:
					pass++
					if c.Rule == "narrative" {
						narrative++
					}
				case c.Status != schema.StatusFail:
				case matchException(ex.Inconsistencies, name, c) >= 0:
				default:
					t.Errorf("check fails: %s %s: %s", c.Rule, c.Table, c.Message)
				}
			}
			if narrative == 0 {
				t.Errorf("no narrative figure checked against the tables")
			}
			t.Logf("%s + %s: %d tables, %d checks pass (%d narrative)", name, filepath.Base(tabs), len(doc.Tables), pass, narrative)
		})
	}
}

// realFigures are cells read off the published pages with pdftotext
// -layout, independently of budgetpdf: file, table kind, the row (a key and
// its printed text, "" for the table's only row), the column key, the
// normalized amount.
var realFigures = []struct{ file, kind, rowKey, rowText, key, want string }{
	// Jiangsu 三公 with 会议费 and 培训费, one row.
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "total", "1467.70"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "three_public_total", "509.20"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "overseas_travel", "70.00"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "vehicle_total", "411.20"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "vehicle_operation", "411.20"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "vehicle_purchase", ""}, // printed blank
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "official_reception", "28.00"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "meeting", "933.50"},
	{"js-swbgt-2017-tables.pdf", "three_public", "", "", "training", "25.00"},
	// Jiangsu 支出预算总表, a single horizontal row; 收入预算总表 with sub-items.
	{"js-swbgt-2019-tables.pdf", "expenditure_summary", "", "", "reserve_fund", "2938.21"},
	{"js-swbgt-2019-tables.pdf", "expenditure_summary", "", "", "project", "13025.38"},
	{"js-swbgt-2017-tables.pdf", "income_summary", "sub_item", "公共财政拨款(补助)资金", "total", "20702.25"},
	{"js-swbgt-2017-tables.pdf", "income_summary", "sub_item", "公共财政拨款(补助)资金", "item", "一般公共预算资金"},
	// Shanghai: 元 in the tables, 万元 in the 三公 table; split codes joined and padded.
	{"sh-pt-sfj-2026-budget.pdf", "income_expenditure_summary", "income_item", "收入总计", "income_amount", "96282213.44"},
	{"sh-pt-sfj-2026-budget.pdf", "three_public", "", "", "vehicle_operation", "9.98"},
	{"sh-pt-sfj-2026-budget.pdf", "three_public", "", "", "agency_operating", "217.83"},
	{"sh-pt-wanli-2024-budget.pdf", "basic_expenditure_economic", "subject_code", "30102", "total", "16623810"},
	{"sh-czj-2025-unit-budget.pdf", "basic_expenditure_economic", "subject_code", "302", "total", "24840779"},
	// The Putuo final account: two panels stacked, 决算数 as total.
	{"sh-pt-shgzb-2024-final.pdf", "income_expenditure_summary_final", "income_item", "总计", "income_amount", "307.82"},
	{"sh-pt-shgzb-2024-final.pdf", "basic_expenditure_economic_final", "subject_code", "302", "total", "10.23"},
	{"sh-pt-shgzb-2024-final.pdf", "basic_expenditure_economic_final", "subject_code", "30201", "total", "3.78"},
	{"sh-pt-shgzb-2024-final.pdf", "basic_expenditure_economic_final", "subject_code", "30101", "total", "14.12"},
}

func TestRealFigures(t *testing.T) {
	docs := map[string]*schema.Document{}
	for _, f := range realFigures {
		doc, ok := docs[f.file]
		if !ok {
			path := filepath.Join(realDir, f.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("no real corpus at %s", realDir)
			}
			var err error
			if doc, err = Convert([]string{path}, Options{}); err != nil {
				t.Fatalf("%s: %v", f.file, err)
			}
			docs[f.file] = doc
		}
		got, found := "", false
		for _, tb := range doc.Tables {
			if tb.Kind != f.kind {
				continue
			}
			for _, r := range tb.Rows {
				if v := r.Get(f.rowKey); f.rowKey != "" && (v == nil || *v != f.rowText) {
					continue
				}
				if v := r.Get(f.key); v != nil {
					got = *v
				}
				found = true
				break
			}
		}
		if !found || got != f.want {
			t.Errorf("%s %s [%s=%s] %s = %q (row found: %v), want %q", f.file, f.kind, f.rowKey, f.rowText, f.key, got, found, f.want)
		}
	}
}
