package layout

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// maxMetaLines is how many paragraph lines above a table of a text dump are
// searched for its title, label, department and unit.
const maxMetaLines = 6

var tagRe = textutil.NewRegexp(`</?[a-zA-Z][^>]*>`)

// FromText reads a text dump of a disclosure (markdown headings, paragraphs,
// tab-separated table rows, blank lines) into a Document with one page.
// A run of tab rows is a table, blank lines inside it allowed; it ends at a
// line without tabs. The lines above it give its title, label, department
// and unit, a 注 line under it its note. A table without a title of its own
// that follows a performance-form title (…绩效目标申报表) takes that title.
// Table of contents rows (dot leaders) are narrative.
func FromText(r io.Reader) (doc *Document, err error) {
	defer func() {
		if e := recover(); e != nil {
			doc, err = nil, fmt.Errorf("layout: text dump: %v", e)
		}
	}()
	d := &Document{}
	page := PageText{Number: 1}
	var cur *grid
	var curMeta meta
	var pending []string // paragraph lines since the last table
	formTitle := ""
	closeTable := func() {
		if cur == nil {
			return
		}
		cur.compact(0)
		defaults.inferHeaderSpans(cur, cur.headerCount(curMeta), false)
		if cur.nrows > 0 {
			d.Tables = append(d.Tables, cur.table(curMeta, false, Box{}, 0))
		}
		cur = nil
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		raw := strings.TrimRight(sc.Text(), "\r")
		raw = strings.ReplaceAll(tagRe.ReplaceAllString(raw, ""), "**", "")
		if strings.Contains(raw, "\t") && !dotLeader.MatchString(strings.TrimSpace(strings.SplitN(raw, "\t", 2)[0])) {
			cells := strings.Split(raw, "\t")
			if cur == nil {
				cur = &grid{}
				curMeta = textMeta(pending, formTitle)
				pending = nil
			}
			addTextRow(cur, cells)
			continue
		}
		s := strings.TrimSpace(strings.TrimLeft(strings.TrimSpace(raw), "#"))
		if s == "" {
			continue
		}
		if cur != nil && isNoteLine(s) {
			if curMeta.note == "" {
				curMeta.note = s
			}
			closeTable()
			continue
		}
		closeTable()
		if strings.Contains(raw, "\t") {
			s = strings.Join(strings.Fields(strings.ReplaceAll(s, "\t", " ")), " ")
		}
		page.Lines = append(page.Lines, Line{Text: s})
		pending = append(pending, s)
		if isTitleLine(s) && strings.Contains(s, "绩效目标") {
			formTitle = textutil.Squeeze(s)
		} else if isHeading(raw) && !strings.Contains(s, "绩效") {
			formTitle = ""
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("layout: reading text dump: %w", err)
	}
	closeTable()
	d.Pages = []PageText{page}
	return d, nil
}

func isHeading(raw string) bool { return strings.HasPrefix(strings.TrimSpace(raw), "#") }

// textMeta reads a table's metadata from the paragraph lines above it,
// nearest first: department, unit, title, and above the title only a label.
func textMeta(pending []string, formTitle string) meta {
	var m meta
	for i, n := len(pending)-1, 0; i >= 0 && n < maxMetaLines; i, n = i-1, n+1 {
		s := pending[i]
		if m.title != "" {
			if isLabelLine(s) && m.label == "" {
				m.label = textutil.Squeeze(s)
			}
			break
		}
		m.take(s)
	}
	m.note = ""
	if m.title == "" {
		m.title = formTitle
	}
	return m
}

// addTextRow appends a row of tab-separated cells, widening the grid as
// needed.
func addTextRow(g *grid, cells []string) {
	r := g.nrows
	g.nrows++
	if len(cells) > g.ncols {
		for rr := 0; rr < r; rr++ {
			for c := g.ncols; c < len(cells); c++ {
				g.cells = append(g.cells, gcell{Cell: Cell{Row: rr, Col: c, RowSpan: 1, ColSpan: 1}})
			}
		}
		g.ncols = len(cells)
	}
	for c := 0; c < g.ncols; c++ {
		text := ""
		if c < len(cells) {
			text = tidy(cells[c])
		}
		g.cells = append(g.cells, gcell{Cell: Cell{Text: text, Row: r, Col: c, RowSpan: 1, ColSpan: 1}})
	}
}

// tidy trims a cell's text and removes the spaces between CJK characters
// that stand for line breaks inside the cell.
func tidy(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, " ") {
		return s
	}
	f := strings.Fields(s)
	var b strings.Builder
	for i, w := range f {
		if i > 0 && !(textutil.IsCJK(lastRune(f[i-1])) && textutil.IsCJK(firstRune(w))) {
			b.WriteByte(' ')
		}
		b.WriteString(w)
	}
	return b.String()
}
