package batch

import (
	"context"
	"path/filepath"
	"slices"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSX: a workbook with a documents sheet, the entity sheets and one
// sheet per table kind; amounts as numeric cells in 元 under a header that
// says so, years and counts as numbers, text as text. Without --sqlite the
// workbook is made from a temporary database.
func TestXLSX(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFiles(t, in, map[string]string{"a.txt": "ok 财政局 2023", "b.txt": "warn 教育局 2024", "c.pdf": "not_pdf"})
	var p fakePipeline
	o := options(in, out, &p)
	o.SQLite, o.CSVDir = "", ""
	o.XLSX = filepath.Join(out, "book", "all.xlsx")
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(o.XLSX)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"documents", "economic_rows", "projects", "indicators", "three_public_totals", "checks", "three_public"}; !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
	cell := func(sheet, header string, line int) (string, excelize.CellType) {
		t.Helper()
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) <= line {
			t.Fatalf("%s: %d rows, %v", sheet, len(rows), err)
		}
		col := slices.Index(rows[0], header)
		if col < 0 {
			t.Fatalf("%s: no column %q in %q", sheet, header, rows[0])
		}
		name, _ := excelize.CoordinatesToCellName(col+1, line+1)
		v, _ := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
		typ, _ := f.GetCellType(sheet, name)
		return v, typ
	}
	for _, c := range []struct {
		sheet, header string
		line          int
		want          string
		typ           excelize.CellType
	}{
		{"documents", "department", 1, "财政局", excelize.CellTypeInlineString},
		{"documents", "year", 2, "2024", excelize.CellTypeUnset}, // a number: no t attribute
		{"projects", "total (元)", 1, "8000", excelize.CellTypeUnset},
		{"projects", "unit", 1, "万元", excelize.CellTypeInlineString},
		{"three_public", "total (元)", 2, "175000", excelize.CellTypeUnset},
		{"three_public", "row_label", 2, "合计", excelize.CellTypeInlineString},
		{"indicators", "number", 1, "1", excelize.CellTypeUnset},
	} {
		v, typ := cell(c.sheet, c.header, c.line)
		if v != c.want || typ != c.typ {
			t.Errorf("%s %s line %d: %q type %v, want %q type %v", c.sheet, c.header, c.line, v, typ, c.want, c.typ)
		}
	}
	rows, _ := f.GetRows("projects")
	if slices.Contains(rows[0], "total") {
		t.Errorf("projects header keeps the printed amount beside its number: %q", rows[0])
	}
}

func TestSheetName(t *testing.T) {
	names := map[string]bool{}
	for _, c := range []struct{ in, want string }{
		{"three_public", "three_public"},
		{"project_expenditure_carryover_final", "project_expenditure_carryover_f"},
		{"project_expenditure_carryover_fx", "project_expenditure_carryover~2"},
		{"a/b:c", "a_b_c"},
		{"Three_Public", "Three_Public~2"},
	} {
		if got := sheetName(c.in, names); got != c.want {
			t.Errorf("sheetName(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
