package batch

import (
	"context"
	"database/sql"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSpreadsheetText(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"", ""},
		{"办公厅", "办公厅"},
		{`=HYPERLINK("http://evil.example/?x","click")`, `'=HYPERLINK("http://evil.example/?x","click")`},
		{"=1+2", "'=1+2"},
		{"=", "="},
		{"==", "'=="},
		{"@SUM(A1:A9)", "'@SUM(A1:A9)"},
		{"+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0"},
		{"-2+3", "'-2+3"},
		{"-A1", "'-A1"},
		{"+", "'+"},
		{"-", "'-"},
		{"-.5", "'-.5"},
		{"1.", "1."},
		{"-1.", "'-1."},
		{"\tx", "'\tx"},
		{"\rx", "'\rx"},
		{"-12.50", "-12.50"},
		{"+3", "+3"},
		{"-1,234.00", "-1,234.00"},
		{"-1.2.3", "'-1.2.3"},
		{" =1", " =1"},
		{"a=1", "a=1"},
	} {
		if got := SpreadsheetText(c.in); got != c.want {
			t.Errorf("SpreadsheetText(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// injectTexts are the cell texts of ../shared/corpus/hostile/inject.pdf
// that a spreadsheet would run, read off the page with pdftotext.
var injectTexts = []string{
	`=HYPERLINK("http://evil.example/?x","click")`,
	"=1+2",
	"@SUM(A1:A9)",
	"+cmd|' /C calc'!A0",
}

// TestInjectCells converts the hostile inject.pdf with the real pipeline:
// the CSV files hold its formula cells behind a ', and no CSV cell starts
// a formula; the JSON document and the SQLite database hold them exactly.
func TestInjectCells(t *testing.T) {
	in := filepath.Join("..", "..", "shared", "corpus", "hostile", "inject.pdf")
	if _, err := os.Stat(in); err != nil {
		t.Skipf("no hostile corpus: %v", err)
	}
	out := t.TempDir()
	opts := Options{Inputs: []string{in}, Out: out, Workers: 1, CSVDir: filepath.Join(out, "csv"), SQLite: filepath.Join(out, "db.sqlite")}
	if _, err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	doc, err := os.ReadFile(filepath.Join(out, "inject.json"))
	if err != nil {
		t.Fatal(err)
	}
	csvs, _ := filepath.Glob(filepath.Join(out, "csv", "*.csv"))
	if len(csvs) == 0 {
		t.Fatal("no CSV files")
	}
	inCSV := map[string]bool{}
	for _, p := range csvs {
		f, err := os.Open(p)
		if err != nil {
			t.Fatal(err)
		}
		recs, err := csv.NewReader(f).ReadAll()
		f.Close()
		if err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		for _, rec := range recs {
			for _, cell := range rec {
				inCSV[cell] = true
				if SpreadsheetText(cell) != cell {
					t.Errorf("%s: cell %q starts a formula", filepath.Base(p), cell)
				}
			}
		}
	}
	db, err := sql.Open("sqlite", opts.SQLite)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	inDB := dbTexts(t, db)
	for _, s := range injectTexts {
		if !strings.Contains(string(doc), jsonString(s)) {
			t.Errorf("JSON lacks %q exactly", s)
		}
		if !inCSV["'"+s] {
			t.Errorf("CSV lacks the neutralized cell %q", "'"+s)
		}
		if inCSV[s] {
			t.Errorf("CSV holds %q as it is", s)
		}
		if !inDB[s] || inDB["'"+s] {
			t.Errorf("SQLite: %q exact %v, neutralized %v; want exact only", s, inDB[s], inDB["'"+s])
		}
	}
}

// jsonString is s as encoding/json writes it (HTML characters unescaped,
// as schema.WriteJSON does).
func jsonString(s string) string {
	return `"` + strings.ReplaceAll(s, `"`, `\"`) + `"`
}

// dbTexts is every text value in every table of db.
func dbTexts(t *testing.T, db *sql.DB) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	for _, tb := range queryRows(t, db, `SELECT name FROM sqlite_master WHERE type = 'table'`) {
		for _, vals := range queryRows(t, db, `SELECT * FROM "`+tb[0].(string)+`"`) {
			for _, v := range vals {
				if s, ok := v.(string); ok {
					out[s] = true
				}
			}
		}
	}
	return out
}

func TestXLSXValueNeutralized(t *testing.T) {
	for _, c := range []struct {
		in   any
		want any
	}{
		{"=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"},
		{[]byte("@SUM(A1)"), "'@SUM(A1)"},
		{"办公厅", "办公厅"},
		{int64(12345), int64(12345)},
	} {
		if got := xlsxValue(c.in, false); got != c.want {
			t.Errorf("xlsxValue(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
