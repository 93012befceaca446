package batch

import (
	"bytes"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestWorkbookCells writes a workbook by hand and reads it back with
// excelize (an independent reader): the sheets in order, the header row,
// each cell's raw value and type, and the frozen header.
func TestWorkbookCells(t *testing.T) {
	long := strings.Repeat("预", xlsxMaxCellChars+5)
	cells := []struct {
		in   any
		want string
		typ  excelize.CellType
	}{
		{int64(2024), "2024", excelize.CellTypeUnset},
		{int64(-7), "-7", excelize.CellTypeUnset},
		{3, "3", excelize.CellTypeUnset},
		{8000.5, "8000.5", excelize.CellTypeUnset},
		{0.1 + 0.2, "0.3", excelize.CellTypeUnset},                                    // 15 significant digits
		{123456789012345678.0, "123456789012345000", excelize.CellTypeUnset},          // cut to zeros before the point
		{math.Inf(1), "+Inf", excelize.CellTypeInlineString},                          // no number: its text
		{true, "1", excelize.CellTypeBool},                                            // a boolean
		{"财政局", "财政局", excelize.CellTypeInlineString},                                 // text
		{"a & b < c > d \"e\"", "a & b < c > d \"e\"", excelize.CellTypeInlineString}, // escaped
		{" 合计 ", " 合计 ", excelize.CellTypeInlineString},                               // spaces kept
		{"line\nbreak", "line\nbreak", excelize.CellTypeInlineString},                 // a line break
		{"_x0041_", "_x0041_", excelize.CellTypeInlineString},                         // not the letter A
		{"_x005F_x0041_x0042_", "_x005F_x0041_x0042_", excelize.CellTypeInlineString}, // escapes in a row
		{long, strings.Repeat("预", xlsxMaxCellChars), excelize.CellTypeInlineString},  // Excel's limit
	}
	header := []any{"name"}
	row := []any{nil}
	for i, c := range cells {
		header = append(header, string(rune('a'+i)))
		row = append(row, c.in)
	}
	var buf bytes.Buffer
	wb, err := newWorkbook(&buf)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"documents", "three_public"} {
		if err := wb.newSheet(name, header); err != nil {
			t.Fatal(err)
		}
		if err := wb.row(row); err != nil {
			t.Fatal(err)
		}
	}
	if err := wb.close(); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"documents", "three_public"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil || len(rows) != 2 {
			t.Fatalf("%s: %d rows, %v", sheet, len(rows), err)
		}
		if got := strings.Join(rows[0], ","); got != "name,a,b,c,d,e,f,g,h,i,j,k,l,m,n,o" {
			t.Errorf("%s header %q", sheet, got)
		}
		if v, _ := f.GetCellValue(sheet, "A2"); v != "" {
			t.Errorf("%s A2 = %q, want an empty cell", sheet, v)
		}
		for i, c := range cells {
			name, _ := excelize.CoordinatesToCellName(i+2, 2)
			v, _ := f.GetCellValue(sheet, name, excelize.Options{RawCellValue: true})
			typ, _ := f.GetCellType(sheet, name)
			if v != c.want || typ != c.typ {
				t.Errorf("%s %s (%v): %.40q type %v, want %.40q type %v", sheet, name, c.in, v, typ, c.want, c.typ)
			}
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s panes %+v, %v: want the header frozen", sheet, panes, err)
		}
	}
}

func TestColumnName(t *testing.T) {
	for _, c := range []struct {
		col  int
		want string
	}{{0, "A"}, {25, "Z"}, {26, "AA"}, {51, "AZ"}, {52, "BA"}, {701, "ZZ"}, {702, "AAA"}, {16383, "XFD"}} {
		if got := string(appendColumnName(nil, c.col)); got != c.want {
			t.Errorf("column %d = %q, want %q", c.col, got, c.want)
		}
	}
}

// TestWorkbookFull: a sheet takes Excel's maximum of rows and no more.
func TestWorkbookFull(t *testing.T) {
	var buf bytes.Buffer
	wb, err := newWorkbook(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if err := wb.newSheet("s", []any{"h"}); err != nil {
		t.Fatal(err)
	}
	wb.rows = xlsxMaxRows - 1
	if wb.full() {
		t.Fatal("full one row early")
	}
	if err := wb.row([]any{int64(1)}); err != nil {
		t.Fatal(err)
	}
	if !wb.full() {
		t.Fatal("not full at the maximum")
	}
	if err := wb.row([]any{int64(2)}); err == nil {
		t.Error("a row past the maximum was written")
	}
}
