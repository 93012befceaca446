package batch

import (
	"archive/zip"
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The workbook is written by hand (an .xlsx file is a zip of a few XML
// parts) rather than with excelize, whose package-level tables and regexps
// cost every budgetpdf process about 2 ms at start-up. The cells are
// written as excelize's stream writer wrote them: text as inline strings,
// numbers and booleans as values, so the content reads back the same.

// Excel's limits: rows per sheet, characters (UTF-16 units) per sheet name
// and per cell.
const (
	xlsxMaxRows      = 1 << 20
	xlsxMaxSheetName = 31
	xlsxMaxCellChars = 32767
)

// workbook writes an .xlsx file one sheet at a time: newSheet opens a
// sheet (its first row the header, frozen), row adds rows to it, close
// writes the workbook part that lists the sheets.
type workbook struct {
	z      *zip.Writer
	w      *bufio.Writer // the open sheet's part; nil before the first
	names  []string
	rows   int // rows written to the open sheet
	cell   []byte
	closed bool
}

const (
	xlsxMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
	xlsxRel  = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
	xlsxHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n"
)

// The parts that do not depend on the sheets. The worksheets take their
// content type from the xml extension's default, so this list is written
// before the number of sheets is known.
var xlsxFixedParts = []struct{ name, body string }{
	{"[Content_Types].xml", `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
		`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
		`<Default Extension="xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
		`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
		`<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>` +
		`</Types>`},
	{"_rels/.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
		`<Relationship Id="rId1" Type="` + xlsxRel + `/officeDocument" Target="xl/workbook.xml"/>` +
		`</Relationships>`},
	{"xl/styles.xml", `<styleSheet xmlns="` + xlsxMain + `">` +
		`<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>` +
		`<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
		`<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>` +
		`<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
		`<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
		`<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>` +
		`</styleSheet>`},
}

func newWorkbook(w io.Writer) (*workbook, error) {
	wb := &workbook{z: zip.NewWriter(w)}
	for _, p := range xlsxFixedParts {
		if err := wb.part(p.name, p.body); err != nil {
			return nil, err
		}
	}
	return wb, nil
}

func (wb *workbook) part(name, body string) error {
	w, err := wb.z.Create(name)
	if err != nil {
		return err
	}
	_, err = io.WriteString(w, xlsxHead+body)
	return err
}

// newSheet ends the open sheet and opens the next, named name (already a
// valid, unique sheet name), with header as its first row, frozen.
func (wb *workbook) newSheet(name string, header []any) error {
	if err := wb.endSheet(); err != nil {
		return err
	}
	wb.names = append(wb.names, name)
	part, err := wb.z.Create(fmt.Sprintf("xl/worksheets/sheet%d.xml", len(wb.names)))
	if err != nil {
		return err
	}
	wb.w = bufio.NewWriter(part)
	selected := ""
	if len(wb.names) == 1 {
		selected = ` tabSelected="1"`
	}
	wb.w.WriteString(xlsxHead + `<worksheet xmlns="` + xlsxMain + `" xmlns:r="` + xlsxRel + `"><sheetViews><sheetView` + selected +
		` workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
		`<sheetFormatPr defaultRowHeight="15"/><sheetData>`)
	wb.rows = 0
	return wb.row(header)
}

// full reports whether the open sheet has Excel's maximum of rows.
func (wb *workbook) full() bool { return wb.rows >= xlsxMaxRows }

// row adds a row to the open sheet; a nil value leaves its cell empty.
func (wb *workbook) row(values []any) error {
	if wb.full() {
		return fmt.Errorf("sheet %s: more than %d rows", wb.names[len(wb.names)-1], xlsxMaxRows)
	}
	wb.rows++
	b := append(wb.cell[:0], `<row r="`...)
	b = strconv.AppendInt(b, int64(wb.rows), 10)
	b = append(b, `">`...)
	for i, v := range values {
		if v == nil {
			continue
		}
		b = appendCell(b, i, wb.rows, v)
	}
	b = append(b, `</row>`...)
	wb.cell = b
	_, err := wb.w.Write(b)
	return err
}

func (wb *workbook) endSheet() error {
	if wb.w == nil {
		return nil
	}
	wb.w.WriteString(`</sheetData></worksheet>`)
	err := wb.w.Flush()
	wb.w = nil
	return err
}

// close ends the open sheet and writes the workbook part and its
// relationships (the sheets in the order they were opened).
func (wb *workbook) close() error {
	if wb.closed {
		return nil
	}
	wb.closed = true
	if err := wb.endSheet(); err != nil {
		return err
	}
	var sheets, rels strings.Builder
	for i, name := range wb.names {
		n := strconv.Itoa(i + 1)
		sheets.WriteString(`<sheet name="`)
		xml.EscapeText(&sheets, []byte(name))
		sheets.WriteString(`" sheetId="` + n + `" r:id="rId` + n + `"/>`)
		rels.WriteString(`<Relationship Id="rId` + n + `" Type="` + xlsxRel + `/worksheet" Target="worksheets/sheet` + n + `.xml"/>`)
	}
	styles := strconv.Itoa(len(wb.names) + 1)
	rels.WriteString(`<Relationship Id="rId` + styles + `" Type="` + xlsxRel + `/styles" Target="styles.xml"/>`)
	if err := wb.part("xl/workbook.xml", `<workbook xmlns="`+xlsxMain+`" xmlns:r="`+xlsxRel+`"><bookViews><workbookView/></bookViews><sheets>`+
		sheets.String()+`</sheets></workbook>`); err != nil {
		return err
	}
	if err := wb.part("xl/_rels/workbook.xml.rels", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`+
		rels.String()+`</Relationships>`); err != nil {
		return err
	}
	return wb.z.Close()
}

// appendCell appends the cell of value v at column col (from 0) of row:
// integers and finite reals as numbers (reals with at most 15 significant
// digits, Excel's precision), booleans as booleans, anything else as an
// inline string.
func appendCell(b []byte, col, row int, v any) []byte {
	b = append(b, `<c r="`...)
	b = appendColumnName(b, col)
	b = strconv.AppendInt(b, int64(row), 10)
	b = append(b, '"')
	if n, ok := v.(int); ok {
		v = int64(n)
	}
	switch v := v.(type) {
	case int64:
		b = append(b, `><v>`...)
		b = strconv.AppendInt(b, v, 10)
		return append(b, `</v></c>`...)
	case float64:
		if !math.IsNaN(v) && !math.IsInf(v, 0) {
			b = append(b, `><v>`...)
			b = append(b, xlsxFloat(v)...)
			return append(b, `</v></c>`...)
		}
		return appendInline(b, fmt.Sprint(v))
	case bool:
		b = append(b, ` t="b"><v>`...)
		if v {
			b = append(b, '1')
		} else {
			b = append(b, '0')
		}
		return append(b, `</v></c>`...)
	case string:
		return appendInline(b, v)
	}
	return appendInline(b, fmt.Sprint(v))
}

// appendInline ends a cell's start tag and appends s as its inline string:
// cut to Excel's 32,767 characters, spaces kept where it begins or ends
// with one, XML-escaped (a line break as itself), and a text that reads as
// an escaped character (_x0041_) escaped in turn.
func appendInline(b []byte, s string) []byte {
	s = truncateUTF16(s, xlsxMaxCellChars)
	b = append(b, ` t="inlineStr"><is><t`...)
	if s != "" && (isXMLSpace(s[0]) || isXMLSpace(s[len(s)-1])) {
		b = append(b, ` xml:space="preserve"`...)
	}
	b = append(b, '>')
	var esc strings.Builder
	xml.EscapeText(&esc, []byte(s))
	b = appendEscapedUnderscores(b, strings.ReplaceAll(esc.String(), "&#xA;", "\n"))
	return append(b, `</t></is></c>`...)
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// appendEscapedUnderscores appends s, writing each _ that begins a text of
// the form _xHHHH_ (which a reader takes for the character U+HHHH) as
// _x005F_, the escaped underscore.
func appendEscapedUnderscores(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] == '_' && escapesChar(s[i:]) {
			b = append(b, "_x005F_"...)
			continue
		}
		b = append(b, s[i])
	}
	return b
}

// escapesChar reports whether s begins with _xHHHH_ (four hex digits).
func escapesChar(s string) bool {
	if len(s) < 7 || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}

// truncateUTF16 cuts s to at most n UTF-16 code units, at a character.
func truncateUTF16(s string, n int) string {
	if len(s) <= n {
		return s
	}
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return s[:i]
		}
	}
	return s
}

// appendColumnName appends the letters of column col (from 0): A … Z, AA ….
func appendColumnName(b []byte, col int) []byte {
	var name [8]byte
	i := len(name)
	for n := col + 1; n > 0; n = (n - 1) / 26 {
		i--
		name[i] = byte('A' + (n-1)%26)
	}
	return append(b, name[i:]...)
}

// xlsxFloat is v in decimal notation, its shortest form that reads back as
// v, with the digits past the 15th significant one cut (to zeros before
// the point).
func xlsxFloat(v float64) string {
	s := strconv.FormatFloat(v, 'f', -1, 64)
	if math.Abs(v) == math.MaxFloat64 {
		return s
	}
	point := strings.IndexByte(s, '.')
	significant := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < '0' || c > '9' || significant == 0 && c == '0' {
			continue
		}
		if significant++; significant <= 15 {
			continue
		}
		if point >= 0 && i > point {
			return strings.TrimSuffix(s[:i], ".")
		}
		if point < 0 {
			point = len(s)
		}
		cut := []byte(s[:point])
		for ; i < len(cut); i++ {
			cut[i] = '0'
		}
		return string(cut)
	}
	return s
}
