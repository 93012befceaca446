package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/layout"
)

// formSection returns the index range [from, to) of the layout tables that
// make the performance-form section: from the first table that reads as a
// form (a 项目名称 row together with 主管部门, 项目资金 or indicator headers)
// up to the next recognized budget table. from == to when there is none.
func formSection(ld *layout.Document) (from, to int) {
	from = len(ld.Tables)
	for i := range ld.Tables {
		if isFormTable(ld.Tables[i].WithCells()) {
			from = i
			break
		}
	}
	to = from
	for to < len(ld.Tables) && (to == from || TableKind(ld.Tables[to].Title) == TableUnknown) {
		to++
	}
	return from, to
}

// FormRows collects the rows of the performance-form section. Each page (or,
// for a text dump, each table) is its own block.
func FormRows(ld *layout.Document) []FormRow {
	from, to := formSection(ld)
	return formRows(ld, from, to)
}

// formRows is FormRows of the section [from, to).
func formRows(ld *layout.Document, from, to int) []FormRow {
	var rows []FormRow
	for ti := from; ti < to; ti++ {
		rows = append(rows, tableFormRows(ld.Tables[ti].WithCells(), ti, from)...)
	}
	return rows
}

// tableFormRows returns one layout table's rows as form rows.
func tableFormRows(t *layout.Table, ti, from int) []FormRow {
	n := 0 // the rows' cells are pieces of one slice
	for _, lr := range t.Header {
		n += len(lr)
	}
	for _, lr := range t.Rows {
		n += len(lr)
	}
	cells := make([]FormCell, 0, n)
	rows := make([]FormRow, 0, len(t.Header)+len(t.Rows))
	for _, part := range [][][]layout.Cell{t.Header, t.Rows} {
		for _, lr := range part {
			r := FormRow{Block: ti + 1, Table: ti - from + 1, Unit: t.Unit, Title: t.Title}
			start := len(cells)
			for _, c := range lr {
				if r.Page == 0 && c.Page > 0 {
					r.Page = c.Page
				}
				cells = append(cells, FormCell{Text: c.Text, Col: c.Col, X0: c.Box.X0, X1: c.Box.X1, Row: c.Row, RowSpan: c.RowSpan})
			}
			if len(cells) > start {
				r.Cells = cells[start:len(cells):len(cells)]
			}
			if r.Page > 0 {
				r.Block = r.Page
			}
			rows = append(rows, r)
		}
	}
	if len(rows) == 0 {
		return nil
	}
	return rows
}

func isFormTable(t *layout.Table) bool {
	project, other := false, false
	for _, lr := range append(append([][]layout.Cell{}, t.Header...), t.Rows...) {
		for _, c := range lr {
			switch l := squeezeLabel(c.Text); {
			case l == "项目名称" && c.Col == 0:
				project = true
			case strings.HasPrefix(l, "主管部门"), strings.HasPrefix(l, "项目资金"), l == "一级指标", strings.Contains(l, "绩效目标"):
				other = true
			}
		}
	}
	return project && other
}

// OutsideForms reads the forms of tables outside the form section whose
// column header puts the project beside its targets (a packed 绩效指标 cell
// or indicator columns): such a table is also a budget table of its own
// (project_performance_target) and stays in the document's tables.
func OutsideForms(ld *layout.Document) ([]PerformanceForm, []Warning) {
	from, to := formSection(ld)
	var forms []PerformanceForm
	var warns []Warning
	for ti := range ld.Tables {
		if ti >= from && ti < to {
			continue
		}
		f, w := outsideForm(ld.Tables[ti].WithCells(), ti)
		forms, warns = append(forms, f...), append(warns, w...)
	}
	return forms, warns
}

// outsideForm is what OutsideForms finds in layout table t, the document's
// table ti (outside the forms' section): the forms of a target table, none
// of another.
func outsideForm(t *layout.Table, ti int) ([]PerformanceForm, []Warning) {
	if !hasTargetHeader(t) {
		return nil, nil // most tables: their rows are not made
	}
	rows := cleanRows(tableFormRows(t, ti, 0))
	long := false
	for _, r := range rows {
		long = long || isTargetTableHeader(r)
	}
	if !long {
		return nil, nil
	}
	return longForms(rows)
}
