package main

import (
	"archive/zip"
	"bytes"
	"database/sql"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/shopspring/decimal"
	"github.com/xuri/excelize/v2"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/schema"
)

// readmeQueries are the README's worked queries: a "<!-- query: NAME -->"
// line, then a ```sql block.
func readmeQueries(t *testing.T) map[string]string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(moduleRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	re := regexp.MustCompile("(?s)<!-- query: ([a-z_]+) -->\n```sql\n(.*?)```")
	out := map[string]string{}
	for _, m := range re.FindAllStringSubmatch(string(b), -1) {
		out[m[1]] = m[2]
	}
	return out
}

// yuanFactor is how many 元 one printed unit is, for the test's own
// reckoning from the JSON.
var yuanFactor = map[string]decimal.Decimal{"元": decimal.NewFromInt(1), "万元": decimal.NewFromInt(10000), "亿元": decimal.NewFromInt(100000000)}

// fenOf is a printed amount in 分, reckoned here; ok false when blank,
// not a number, in no known unit or finer than a 分 (a misread cell, as the
// README says).
func fenOf(v, unit *string) (decimal.Decimal, bool) {
	if v == nil || unit == nil {
		return decimal.Zero, false
	}
	f, ok := yuanFactor[*unit]
	d, err := decimal.NewFromString(*v)
	if !ok || err != nil {
		return decimal.Zero, false
	}
	fen := d.Mul(f).Mul(decimal.NewFromInt(100))
	return fen, fen.IsInteger()
}

// cliChild runs the test binary as budgetpdf in a child process, so that
// the batch's memory is the child's: the hostile test reads the peak RSS of
// its own children, which Linux starts from this process's peak.
func cliChild(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, args...)
	cmd.Env = append(os.Environ(), batchChildEnv+"=1")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	return cmd.ProcessState.ExitCode(), stdout.String(), stderr.String()
}

// xlsxCell is one cell of a workbook sheet: its text and whether it is
// stored as a number (no type, or t="n").
type xlsxCell struct {
	text    string
	numeric bool
}

// readWorkbook reads the sheets of an .xlsx file one at a time as rows of
// cells, straight from its XML (excelize would hold the whole workbook in
// this process's memory), and passes each to fn; it returns the names.
func readWorkbook(t *testing.T, path string, fn func(name string, rows [][]xlsxCell)) (names []string) {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatal(err)
	}
	defer z.Close()
	files := map[string]*zip.File{}
	for _, f := range z.File {
		files[f.Name] = f
	}
	decode := func(name string, v any) {
		f, ok := files[name]
		if !ok {
			t.Fatalf("%s: no %s", path, name)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		defer r.Close()
		if err := xml.NewDecoder(r).Decode(v); err != nil {
			t.Fatalf("%s: %s: %v", path, name, err)
		}
	}
	var wb struct {
		Sheets []struct {
			Name string `xml:"name,attr"`
			ID   string `xml:"http://schemas.openxmlformats.org/officeDocument/2006/relationships id,attr"`
		} `xml:"sheets>sheet"`
	}
	var rels struct {
		Rel []struct {
			ID     string `xml:"Id,attr"`
			Target string `xml:"Target,attr"`
		} `xml:"Relationship"`
	}
	decode("xl/workbook.xml", &wb)
	decode("xl/_rels/workbook.xml.rels", &rels)
	target := map[string]string{}
	for _, r := range rels.Rel {
		target[r.ID] = "xl/" + strings.TrimPrefix(r.Target, "/xl/")
	}
	for _, sh := range wb.Sheets {
		var ws struct {
			Rows []struct {
				Cells []struct {
					Ref    string `xml:"r,attr"`
					Type   string `xml:"t,attr"`
					Value  string `xml:"v"`
					Inline string `xml:"is>t"`
				} `xml:"c"`
			} `xml:"sheetData>row"`
		}
		decode(target[sh.ID], &ws)
		var rows [][]xlsxCell
		for _, r := range ws.Rows {
			var row []xlsxCell
			for _, c := range r.Cells {
				col, _, err := excelize.CellNameToCoordinates(c.Ref)
				if err != nil {
					t.Fatal(err)
				}
				for len(row) < col-1 {
					row = append(row, xlsxCell{})
				}
				text := c.Value
				if c.Type == "inlineStr" {
					text = c.Inline
				}
				row = append(row, xlsxCell{text, c.Type == "" || c.Type == "n"})
			}
			rows = append(rows, row)
		}
		names = append(names, sh.Name)
		fn(sh.Name, rows)
	}
	return names
}

func orNull(s string) string {
	if s == "" {
		return "<nil>"
	}
	return s
}

// TestAnalystQueries batches the national corpus into SQLite and a
// workbook once and checks: no numeric column holds text, in the database
// or the workbook; each README query answers what the JSON documents say
// (summed here with decimal) or what the PDF prints (pdftotext); a no-op
// rerun with --sqlite takes under 2 s.
func TestAnalystQueries(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(nationalDir, "*", "*.pdf"))
	if len(files) == 0 {
		t.Skipf("no national corpus at %s", nationalDir)
	}
	// Hand the memory back when done: the hostile test's children start
	// from this process's resident size (see cliChild).
	defer debug.FreeOSMemory()
	work := t.TempDir()
	out, dbPath, book := filepath.Join(work, "out"), filepath.Join(work, "nat.sqlite"), filepath.Join(work, "nat.xlsx")
	code, stdout, stderr := cliChild(t, "batch", nationalDir, "--out", out, "--sqlite", dbPath, "--xlsx", book)
	if code != 0 || !strings.Contains(stdout, fmt.Sprintf("%d inputs: %d converted, 0 failed, 0 duplicates, 0 resumed", len(files), len(files))) {
		t.Fatalf("batch: exit %d\n%s%s", code, stdout, stderr)
	}
	for _, phase := range []string{"batch: sqlite " + dbPath + ": ", "batch: xlsx " + book + ": "} {
		if !strings.Contains(stderr, phase) {
			t.Errorf("no progress line %q in:\n%s", phase, stderr)
		}
	}

	// The documents, read back and summed here.
	recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
	if err != nil {
		t.Fatal(err)
	}
	// eachDoc reads the distinct documents back one at a time (holding
	// them all would raise this process's peak RSS; see cliChild).
	var outputs []string
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Status == batch.StatusError || seen[r.SHA256] {
			continue
		}
		seen[r.SHA256] = true
		outputs = append(outputs, filepath.Join(out, filepath.FromSlash(r.Output)))
	}
	eachDoc := func(fn func(*schema.Document)) {
		for _, o := range outputs {
			d, err := batch.ReadDocument(o)
			if err != nil {
				t.Fatal(err)
			}
			fn(d)
		}
	}

	db, err := sql.Open("sqlite", dbPath)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()

	t.Run("typed", func(t *testing.T) {
		objects := strings.Fields(batchQuery(t, db, `SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%'`))
		numeric := 0
		for _, o := range objects {
			rows, err := db.Query(fmt.Sprintf(`SELECT name, type FROM pragma_table_info('%s')`, o))
			if err != nil {
				t.Fatal(err)
			}
			var cols []string
			for rows.Next() {
				var name, typ string
				rows.Scan(&name, &typ)
				if typ == "INTEGER" || typ == "REAL" || typ == "BOOLEAN" || strings.HasSuffix(name, "_fen") {
					cols = append(cols, name)
				}
			}
			rows.Close()
			if len(cols) == 0 {
				continue
			}
			var sel []string
			for _, c := range cols {
				sel = append(sel, fmt.Sprintf(`count(*) FILTER (WHERE typeof("%s") NOT IN ('integer', 'real', 'null')), count("%s")`, c, c))
			}
			vals := make([]int, 2*len(cols))
			ptrs := make([]any, len(vals))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			if err := db.QueryRow(fmt.Sprintf(`SELECT %s FROM "%s"`, strings.Join(sel, ", "), o)).Scan(ptrs...); err != nil {
				t.Fatal(err)
			}
			for i, c := range cols {
				numeric += vals[2*i+1]
				if vals[2*i] > 0 {
					t.Errorf("%s.%s: %d of %d values are text", o, c, vals[2*i], vals[2*i+1])
				}
			}
		}
		if numeric < 100000 {
			t.Errorf("only %d numeric values checked", numeric)
		}
		t.Logf("%d numeric values in %d tables and views, none text", numeric, len(objects))
	})

	t.Run("xlsx", func(t *testing.T) {
		cells := 0
		names := readWorkbook(t, book, func(sh string, rows [][]xlsxCell) {
			for ci, h := range rows[0] {
				if !strings.HasSuffix(h.text, " (元)") && h.text != "year" && h.text != "number" {
					continue
				}
				for ri := 1; ri < len(rows); ri++ {
					if ci >= len(rows[ri]) || rows[ri][ci].text == "" {
						continue
					}
					cells++
					if c := rows[ri][ci]; !c.numeric {
						name, _ := excelize.CoordinatesToCellName(ci+1, ri+1)
						t.Errorf("%s!%s (%s) = %q is not a number", sh, name, h.text, c.text)
					}
				}
			}
		})
		if names[0] != "documents" || !slices.Contains(names, "three_public") || !slices.Contains(names, "basic_expenditure_economic") {
			t.Errorf("sheets %q", names)
		}
		if cells < 10000 {
			t.Errorf("only %d numeric cells checked", cells)
		}
		t.Logf("%d numeric cells in %d sheets, none text", cells, len(names))
	})

	queries := readmeQueries(t)
	for _, name := range []string{"three_public", "big_projects", "economic_categories", "project_indicators"} {
		if queries[name] == "" {
			t.Fatalf("README has no query %s", name)
		}
	}

	t.Run("three_public", func(t *testing.T) {
		got := batchQuery(t, db, queries["three_public"])
		// Read off the PDFs with pdftotext -layout: the 三公 table's total,
		// or its 预算数/决算数 rows, in 元.
		for _, want := range []string{
			"广州市水务局|2026|2422900.00|<nil>\n",              // “三公”经费 242.29 万元
			"重庆市商务委员会|2026|8909700.00|<nil>\n",            // 合计 890.97 万元
			"西安市商务局|2022|343000.00|<nil>\n",               // 三公 343000.00 元 (合计 with meetings 582902.00)
			"西安市卫生健康委员会（汇总）|2022|5934600.00|5875500.00\n", // 预算数 593.46, 决算数 587.55 万元
			"上海市应急管理局执法总队|2026|435000.00|<nil>\n",         // 43.50 万元
		} {
			if !strings.Contains(got, want) {
				t.Errorf("三公 query lacks %q", want)
			}
		}
		if n := strings.Count(got, "\n"); n != 37 {
			t.Errorf("三公 query: %d departments, the README says 37:\n%s", n, got)
		}
	})

	t.Run("big_projects", func(t *testing.T) {
		million := decimal.NewFromInt(100000000) // 1,000,000 元 in 分
		type proj struct {
			dept, name string
			fen        decimal.Decimal
		}
		var want []proj
		eachDoc(func(d *schema.Document) {
			for _, p := range d.Projects {
				if f, ok := fenOf(p.Total, p.Unit); ok && f.GreaterThan(million) {
					want = append(want, proj{orNull(d.Document.Department), p.Name, f})
				}
			}
		})
		sort.SliceStable(want, func(i, j int) bool {
			if c := want[i].fen.Cmp(want[j].fen); c != 0 {
				return c > 0
			}
			if want[i].dept != want[j].dept {
				return want[i].dept < want[j].dept
			}
			return want[i].name < want[j].name
		})
		var lines []string
		sum := decimal.Zero
		for _, p := range want {
			lines = append(lines, p.dept+"|"+p.name+"|"+p.fen.String())
			sum = sum.Add(p.fen)
		}
		var gotLines []string
		for _, l := range strings.Split(strings.TrimSuffix(batchQuery(t, db, queries["big_projects"]), "\n"), "\n") {
			f := strings.Split(l, "|")
			gotLines = append(gotLines, f[0]+"|"+f[1]+"|"+f[4])
		}
		if !slices.Equal(gotLines, lines) {
			t.Errorf("projects over 1,000,000 元: %d rows, the JSON gives %d", len(gotLines), len(lines))
			for i := range min(len(gotLines), len(lines)) {
				if gotLines[i] != lines[i] {
					t.Errorf("first difference: got %s, want %s", gotLines[i], lines[i])
					break
				}
			}
		}
		var sqlSum int64
		if err := db.QueryRow(`SELECT sum(total_fen) FROM projects WHERE total_fen > 100000000`).Scan(&sqlSum); err != nil {
			t.Fatal(err)
		}
		if !decimal.NewFromInt(sqlSum).Equal(sum) {
			t.Errorf("sum of projects over 1,000,000 元: SQL %d 分, JSON %s 分", sqlSum, sum)
		}
		t.Logf("%d projects over 1,000,000 元, %s 元 in all", len(lines), sum.Shift(-2).StringFixed(2))
	})

	t.Run("economic_categories", func(t *testing.T) {
		sums := map[string]decimal.Decimal{}
		eachDoc(func(d *schema.Document) {
			var unit *string
			for _, tb := range d.Tables {
				if strings.TrimSuffix(tb.Kind, schema.FinalSuffix) == schema.TableBasicExpenditureEconomic && tb.Unit != nil {
					unit = tb.Unit
					break
				}
			}
			for _, e := range d.EconomicRows {
				if e.Level != schema.LevelCategory || e.Category == nil {
					continue
				}
				if f, ok := fenOf(e.Total, unit); ok {
					k := orNull(d.Document.Department) + "|" + *e.Category
					sums[k] = sums[k].Add(f)
				}
			}
		})
		var want []string
		for k, v := range sums {
			want = append(want, k+"|"+v.String())
		}
		sort.Strings(want)
		got := strings.Split(strings.TrimSuffix(batchQuery(t, db, queries["economic_categories"]), "\n"), "\n")
		sort.Strings(got)
		if !slices.Equal(got, want) {
			t.Errorf("economic categories: %d rows, the JSON gives %d", len(got), len(want))
			for i := range min(len(got), len(want)) {
				if got[i] != want[i] {
					t.Errorf("first difference: got %s, want %s", got[i], want[i])
					break
				}
			}
		}
		if len(want) < 50 {
			t.Errorf("only %d department × category totals", len(want))
		}
	})

	t.Run("project_indicators", func(t *testing.T) {
		var want []string
		eachDoc(func(d *schema.Document) {
			if d.Document.Department != "西安市商务局" {
				return
			}
			for _, f := range d.PerformanceForms {
				if f.Project != "网络信息化建设" {
					continue
				}
				for _, in := range f.Indicators {
					number, fen := "<nil>", "<nil>"
					if in.Number != nil {
						v, _ := strconv.ParseFloat(*in.Number, 64)
						number = fmt.Sprint(v)
						if x, ok := fenOf(in.Number, in.Unit); ok {
							fen = x.String()
						}
					}
					ptr := func(p *string) string {
						if p == nil {
							return "<nil>"
						}
						return *p
					}
					want = append(want, strings.Join([]string{in.Scope, in.Level1, in.Level2, in.Level3, ptr(in.Op), number, ptr(in.Unit), fen}, "|"))
				}
			}
		})
		got := strings.Split(strings.TrimSuffix(batchQuery(t, db, queries["project_indicators"]), "\n"), "\n")
		if len(want) != 8 || !slices.Equal(got, want) {
			t.Errorf("indicators of 网络信息化建设:\n got %q\nwant %q", got, want)
		}
		// The cost target reads 300万元 on the form: 3,000,000 元.
		if !slices.Contains(got, "annual|产出指标|成本指标|指标1：运维费用及软硬件升级维保费用|=|300|万元|300000000") {
			t.Errorf("no cost target of 300万元 in %q", got)
		}
	})

	// A no-op rerun with --sqlite: every input resumed, no document loaded.
	start := time.Now()
	code, stdout, stderr = cliChild(t, "batch", nationalDir, "--out", out, "--sqlite", dbPath)
	docs := outputs
	elapsed := time.Since(start)
	if code != 0 || !strings.Contains(stdout, fmt.Sprintf("0 converted, 0 failed, 0 duplicates, %d resumed", len(files))) ||
		!strings.Contains(stderr, fmt.Sprintf(": 0 documents loaded, %d unchanged, 0 removed", len(docs))) {
		t.Errorf("no-op rerun: exit %d\n%s%s", code, stdout, stderr)
	}
	if elapsed > 2*time.Second {
		t.Errorf("no-op rerun of %d files with --sqlite took %s, want under 2 s", len(files), elapsed)
	}
	t.Logf("no-op rerun of %d files with --sqlite: %s", len(files), elapsed.Round(time.Millisecond))
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) == nil {
		t.Logf("this test process's peak RSS so far: %d MB", ru.Maxrss>>10)
	}
}
