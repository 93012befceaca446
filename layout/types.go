// Package layout turns the extractor's pages of positioned glyphs and ruling
// segments into words, text lines and tables, and stitches tables that run
// across pages. Every step is exported so it can be inspected on its own:
//
//	Words(page)              glyphs → words
//	Lines(words)             words → text lines (CJK-aware joining)
//	FindTables(page, lines)  lines + ruling segments → tables on one page
//	FromPages(pages)         the whole stage, tables joined across pages
//	FromText(r)              the same Document from a text dump
//	Document.Record          per page what the steps found (PageRecord)
//	DrawPage                 one page's record as an SVG layer
//
// The tolerances of every step are named in Params (params.go); the
// functions above use Default, the methods of the same names on Params
// take others.
//
// Coordinates are the extractor's: PDF points, top-left origin, Y downwards.
// FromPages first turns a page whose text runs sideways (a /Rotate that the
// content does not undo) upright; FindTables takes the page as it is.
package layout

import "github.com/budgetpdf/budgetpdf/textutil"

// Box is an axis-aligned rectangle: X0 < X1, Y0 (top) < Y1 (bottom).
type Box struct {
	X0, Y0, X1, Y1 float64
}

// Width returns the box's width.
func (b Box) Width() float64 { return b.X1 - b.X0 }

// Height returns the box's height.
func (b Box) Height() float64 { return b.Y1 - b.Y0 }

// CX returns the horizontal centre.
func (b Box) CX() float64 { return (b.X0 + b.X1) / 2 }

// CY returns the vertical centre.
func (b Box) CY() float64 { return (b.Y0 + b.Y1) / 2 }

// Union returns the smallest box holding b and c. The zero Box is the
// identity.
func (b Box) Union(c Box) Box {
	if b == (Box{}) {
		return c
	}
	if c == (Box{}) {
		return b
	}
	return Box{min(b.X0, c.X0), min(b.Y0, c.Y0), max(b.X1, c.X1), max(b.Y1, c.Y1)}
}

// Contains reports whether the point (x, y) lies inside b.
func (b Box) Contains(x, y float64) bool {
	return x >= b.X0 && x <= b.X1 && y >= b.Y0 && y <= b.Y1
}

// Word is a run of glyphs printed without a visible gap.
type Word struct {
	Text string
	Box  Box
	Size float64 // font size in points

	spaceBefore bool // a white-space glyph was printed just before the word
}

// Line is the words sharing one baseline, left to right, and their text
// joined the way a reader would copy it: no space between CJK characters,
// one space where a non-CJK token is followed by a visible gap.
type Line struct {
	Words []Word
	Box   Box
	Text  string
}

// Cell is one cell of a table grid. A merged cell appears once, in the row
// and column where it starts, with its spans; the grid positions it covers
// have no Cell of their own.
type Cell struct {
	Text    string
	Row     int // 0-based row in the table: header rows first, then body rows
	Col     int // 0-based column
	RowSpan int // ≥ 1
	ColSpan int // ≥ 1
	Box     Box
	Page    int // 1-based page the cell is printed on (0 for text dumps)
}

// Table is one table with the lines printed around it.
type Table struct {
	Title      string // e.g. 2023年预算支出总表
	Label      string // e.g. 预算公开表3, 公开02表
	Department string // the value of 部门名称：…
	Unit       string // the value of 单位：… (万元, 元)
	Note       string // the line under the table starting 注, e.g. 注：本表无数据
	Pages      []int  // 1-based pages the table is printed on (empty for text dumps)
	NCols      int
	Header     [][]Cell // header rows, merged cells keep their spans
	Rows       [][]Cell // body rows
	Ruled      bool     // true when the grid came from ruling lines
	Box        Box      // the grid on its first page

	colX   []float64    // column boundaries on the last page, for continuations
	packed *packedCells // Header and Rows while packed (Compact, Unpack)
}

// PageText is one page's lines that are not part of any table: the
// narrative text.
type PageText struct {
	Number int
	Width  float64
	Height float64
	Lines  []Line
}

// Document is the layout of one input: narrative lines per page and the
// tables in printed order.
type Document struct {
	Pages    []PageText
	Tables   []Table
	Warnings []Warning

	// Record is what the steps found on each page (FromPages; nil for a
	// text dump), for the tools that show it.
	Record []PageRecord
	// Readings is what the schema stage made of each of Tables, recorded
	// by it (schema.Build); nil before.
	Readings []Reading
}

// Reading is what the schema stage made of one layout table, as plain
// data for the tools that show it.
type Reading struct {
	Output int      // index of the output table it became (part of), -1 when none
	Form   bool     // it was read as (part of) a performance form
	Kind   string   // the output table's kind
	Keys   []string // per printed column: the key of the output column it fills, "" when none
}

// Warning is a page the layout could not read cleanly.
type Warning struct {
	Page    int
	Code    string // layout_error
	Message string
}

// RowTexts spreads a row's cells over ncols columns: each cell's text at the
// column where it starts, "" elsewhere.
func RowTexts(row []Cell, ncols int) []string {
	out := make([]string, ncols)
	for _, c := range row {
		if c.Col >= 0 && c.Col < ncols {
			out[c.Col] = c.Text
		}
	}
	return out
}

// HeaderLabels returns one label per column: the texts of the header cells
// covering that column, top to bottom, joined with "/", repeated texts and
// blanks and index rows (1 2 3 …) left out.
func (t *Table) HeaderLabels() []string {
	labels := make([]string, t.NCols)
	for _, row := range t.Header {
		texts := make([]string, len(row))
		for i, c := range row {
			texts[i] = c.Text
		}
		if textutil.IsIndexRow(texts) {
			continue
		}
		for _, c := range row {
			if c.Text == "" {
				continue
			}
			for col := c.Col; col < c.Col+max(c.ColSpan, 1) && col < t.NCols; col++ {
				if labels[col] == "" {
					labels[col] = c.Text
				} else if !hasSuffixPart(labels[col], c.Text) {
					labels[col] += "/" + c.Text
				}
			}
		}
	}
	return labels
}

func hasSuffixPart(label, part string) bool {
	n := len(label) - len(part)
	return n >= 0 && label[n:] == part && (n == 0 || label[n-1] == '/')
}
