package layout

import (
	"sort"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// FindTables finds the tables of one page: ruled grids first, then tables
// of aligned text among the lines outside them, each with the title, label,
// department, unit and note lines printed around it.
func FindTables(p *extract.Page, lines []Line) []Table { return defaults.FindTables(p, lines) }

// FindTables is the package's FindTables with the tolerances ps.
func (ps *Params) FindTables(p *extract.Page, lines []Line) []Table {
	ts, _ := ps.findTables(p, lines)
	return ts
}

// findTables returns the page's tables and the lines that belong to none of
// them (the narrative).
func (ps *Params) findTables(p *extract.Page, lines []Line) ([]Table, []Line) {
	if p == nil {
		return nil, lines
	}
	type found struct {
		g     *grid
		box   Box
		ruled bool
	}
	var fs []found
	hs, vs := ps.rulings(p.Segments)
	for _, rg := range ps.ruledGrids(hs, vs) {
		g := ps.cellsOf(rg, p.Glyphs, p.Number)
		if g == nil {
			continue
		}
		g.compact(ps.SliverWidth)
		if g.nrows == 0 || g.ncols < 2 || textCells(g) < 2 {
			continue // a frame around text, or rules between rows only: not a grid
		}
		fs = append(fs, found{g, rg.box, true})
	}
	var rest []Line
	for _, l := range lines {
		in := false
		for _, f := range fs {
			if f.box.Contains(l.Box.CX(), l.Box.CY()) {
				in = true
				break
			}
		}
		if !in {
			rest = append(rest, l)
		}
	}
	for _, u := range ps.findUnruled(rest, p.Number) {
		fs = append(fs, found{u.g, u.box, false})
		rest = without(rest, u.box)
	}
	sort.SliceStable(fs, func(i, j int) bool { return fs[i].box.Y0 < fs[j].box.Y0 })

	used := make([]bool, len(rest))
	var tables []Table
	prevBottom := -1.0
	for i, f := range fs {
		var m meta
		f.g.peelMeta(&m)
		// Lines above, nearest first.
		titled := false
		var titleLine Line // the title's (first) line, once taken
		for k := len(rest) - 1; k >= 0; k-- {
			l := rest[k]
			if used[k] || l.Box.CY() >= f.box.Y0 || l.Box.CY() <= prevBottom {
				continue
			}
			if f.box.Y0-l.Box.Y1 > ps.MetaGap {
				break
			}
			if overlapX(l.Box, f.box) <= 0 {
				continue
			}
			if titled && wrappedTitle(l, titleLine, m.title) {
				// The first line of a title wrapped over two lines
				// (…全国民航反 / 电诈中心建设项目绩效目标表).
				m.title = textutil.Squeeze(l.Text) + m.title
				titleLine = l
				used[k] = true
				continue
			}
			trial := m
			if !ps.takeLine(&trial, l) || trial.note != m.note {
				if d := ps.deptAbove(rest, k); d >= 0 && !used[d] && m.dept == "" {
					// The wrapped end of a long department name.
					if dept, ok := department(rest[d].Text); ok {
						m.dept = dept + textutil.Squeeze(l.Text)
						used[k] = true
						continue
					}
				}
				break
			}
			if titled && trial.label == m.label {
				break // above the title only a label may follow
			}
			if trial.title != m.title {
				titled, titleLine = true, l
			}
			m = trial
			used[k] = true
		}
		// A note under the table.
		next := 1e9
		if i+1 < len(fs) {
			next = fs[i+1].box.Y0
		}
		for k, l := range rest {
			if used[k] || l.Box.CY() <= f.box.Y1 || l.Box.CY() >= next {
				continue
			}
			if l.Box.Y0-f.box.Y1 > ps.NoteGap*max(l.Box.Height(), ps.MinNoteHeight) {
				break
			}
			if isNoteLine(l.Text) && m.note == "" {
				m.note = l.Text
				used[k] = true
				// The note's wrapped lines: right under it, not left of it.
				last := l
				for j := k + 1; j < len(rest); j++ {
					n := rest[j]
					if used[j] || n.Box.CY() >= next || n.Box.Y0-last.Box.Y1 > ps.WrapLineGap*n.Box.Height() ||
						n.Box.X0 < l.Box.X0-ps.IndentSlack || isNoteLine(n.Text) || ps.takeLine(&meta{}, n) {
						break
					}
					m.note = joinLines([]string{m.note, n.Text})
					used[j] = true
					last = n
				}
			}
			break
		}
		if f.g.nrows == 0 {
			continue
		}
		tables = append(tables, f.g.table(m, f.ruled, f.box, p.Number))
		prevBottom = f.box.Y1
	}
	var narrative []Line
	for k, l := range rest {
		if !used[k] {
			narrative = append(narrative, l)
		}
	}
	return tables, narrative
}

// takeLine reads a line around a table as metadata: every chunk of it (the
// pieces between wide gaps) must be a title, label, department, unit or note.
func (ps *Params) takeLine(m *meta, l Line) bool {
	if m.take(l.Text) {
		return true
	}
	trial := *m
	for _, c := range ps.chunks(l) {
		if !trial.take(c.Text) {
			return false
		}
	}
	*m = trial
	return true
}

// wrappedTitle reports whether l, just above the title line t, is the first
// line of the title wrapped: printed in the same size right above it, with
// no title words of its own (表, 预算), the two together a title.
func wrappedTitle(l, t Line, title string) bool {
	h := t.Box.Height()
	if h <= 0 || t.Box.Y0-l.Box.Y1 > 0.6*h || abs(l.Box.Height()-h) > 0.15*h || isTitleLine(l.Text) {
		return false
	}
	return isTitleLine(textutil.Squeeze(l.Text) + title)
}

// deptAbove returns the index of the department line that lines[k]
// continues: a 部门名称 line just above it, starting at the same x.
func (ps *Params) deptAbove(lines []Line, k int) int {
	l := lines[k]
	for d := k - 1; d >= 0 && d >= k-ps.DeptLines; d-- {
		a := lines[d]
		if abs(a.Box.X0-l.Box.X0) > ps.IndentSlack || a.Box.CY() >= l.Box.CY() || l.Box.Y0-a.Box.Y1 > ps.WrapLineGap*l.Box.Height() {
			continue
		}
		if _, ok := department(a.Text); ok {
			return d
		}
		return -1
	}
	return -1
}

func textCells(g *grid) int {
	n := 0
	for _, c := range g.cells {
		if c.Text != "" {
			n++
		}
	}
	return n
}

func overlapX(a, b Box) float64 {
	return min(a.X1, b.X1) - max(a.X0, b.X0)
}

// without returns the lines whose centre is outside box.
func without(lines []Line, box Box) []Line {
	var out []Line
	for _, l := range lines {
		if !box.Contains(l.Box.CX(), l.Box.CY()) {
			out = append(out, l)
		}
	}
	return out
}
