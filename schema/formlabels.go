package schema

import (
	"strings"
	"sync"

	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// Form families: the printed layouts a performance form is read from. Every
// family gives the same PerformanceForm record; Family names which one.
const (
	// FormFamilyHeader is one form per project with a header block
	// (项目名称, 主管部门, 项目资金 …) above its indicator grid.
	FormFamilyHeader = "header_form"
	// FormFamilyLongTable is one long table, one row per indicator, the
	// project (and its funds and goals) in merged cells on the left, the
	// column header repeated on every page.
	FormFamilyLongTable = "long_table"
	// FormFamilyGrid is a header form whose indicators are a flat grid
	// (指标名称 | 指标性质 | 指标值 | 计量单位 | 指标权重 | 是否核心).
	FormFamilyGrid = "flat_grid"
	// FormFamilyPacked is one row per project with all its indicators
	// packed into one text cell (1－产出指标，11－数量指标，…；年度指标值：…).
	FormFamilyPacked = "packed"
	// FormFamilyGoalOnly is a table of projects with a 绩效目标 text and no
	// indicators.
	FormFamilyGoalOnly = "goal_only"
	// FormFamilySelfEvaluation is a 绩效自评表: targets with their actual
	// values and scores.
	FormFamilySelfEvaluation = "self_evaluation"
)

// gridRole returns the role of an indicator-table header cell, or "".
func gridRole(text string) string {
	if !maybeGridLabel(text) {
		return ""
	}
	return squeezedRole(squeezeLabel(text))
}

// squeezedRole is gridRole of a squeezed text.
func squeezedRole(l string) string {
	if l == "" || len([]rune(l)) > 14 {
		return ""
	}
	if r, ok := gridExactLabels[l]; ok {
		return r
	}
	have := runeSet(l)
	for i, e := range gridColumnLabels {
		if gridLabelRunes()[i]&^have == 0 && strings.Contains(l, e.label) {
			return e.role
		}
	}
	return ""
}

// runeSet is a 64-bit summary of the runes of s: a bit per rune modulo 64.
// A text holds every rune of a label only if its set has every bit of the
// label's, so a label whose set has a bit the text's lacks is not in it,
// and squeezedRole skips the search for it (most cells hold few of the
// vocabulary's characters).
func runeSet(s string) uint64 {
	var m uint64
	for _, r := range s {
		m |= 1 << (uint32(r) % 64)
	}
	return m
}

// gridLabelRunes is runeSet of each label of gridColumnLabels, in order.
var gridLabelRunes = sync.OnceValue(func() []uint64 {
	sets := make([]uint64, len(gridColumnLabels))
	for i, e := range gridColumnLabels {
		sets[i] = runeSet(e.label)
	}
	return sets
})

// maybeGridLabel is false for a text gridRole would give no role without
// normalizing it: one whose squeezed form (squeezeLabel) runs past 14 runes
// or holds no ideograph, when every rune of it normalizes rune for rune
// (textutil.RuneWise): every label of the vocabulary has an ideograph, and
// NFKC makes none of such text. Other text is left to the full test. Most
// cells are figures or long names, and gridRole reads every cell of every
// table.
func maybeGridLabel(text string) bool {
	n, ideograph := 0, false
	for _, r := range text {
		if !textutil.RuneWise(r) {
			return true
		}
		switch r {
		case ' ', ':', '：', '\t', '\u3000': // what squeezeLabel drops, after NFKC
			continue
		}
		if n++; n > 14 {
			return false
		}
		ideograph = ideograph || (r >= 0x3400 && r <= 0x9FFF)
	}
	return ideograph
}

// isTargetTableHeader reports whether a row heads a table of targets read
// by longForms: a long table's header, a goal-only table's (项目名称 |
// 绩效目标), or the indicator columns of a table whose title names its one
// project.
func isTargetTableHeader(r FormRow) bool {
	return headerRoles(r).target(r.Title) // each cell's role read once for the three readings
}

// target: the roles of a target table's header row (isTargetTableHeader)
// in a table of the given title.
func (h rowRoles) target(title string) bool {
	return h.long() || h.goalOnly() || (h.indicators >= 2 && titleProject(title) != "")
}

// hasTargetHeader reports whether a row of layout table t, its cells'
// texts cleaned as cleanRows cleans them, is a target table's header row
// (isTargetTableHeader of the row as tableFormRows makes it), without
// making the rows.
func hasTargetHeader(t *layout.Table) bool {
	for _, part := range [2][][]layout.Cell{t.Header, t.Rows} {
		for _, lr := range part {
			var h rowRoles
			for _, c := range lr {
				h.add(CleanText(c.Text))
			}
			if h.target(t.Title) {
				return true
			}
		}
	}
	return false
}

// rowRoles is what a row's cells say as column headers (gridRole).
type rowRoles struct {
	project, goals bool
	indicators     int // indicator header cells, a packed cell counting two
}

// headerRoles reads the roles of a row's cells.
func headerRoles(r FormRow) rowRoles {
	var h rowRoles
	for _, c := range r.Cells {
		h.add(c.Text)
	}
	return h
}

// add counts the role of a cell of the given text.
func (h *rowRoles) add(text string) {
	switch gridRole(text) {
	case "project":
		h.project = true
	case "goals", "period_goals":
		h.goals = true
	case "level1", "level2", "level3", "value":
		h.indicators++
	case "packed":
		h.indicators += 2
	}
}

// long: a project column and indicator columns (isLongTableHeader).
func (h rowRoles) long() bool { return h.project && h.indicators >= 2 }

// goalOnly: a project column and a goals column, no indicator columns
// (isGoalOnlyHeader).
func (h rowRoles) goalOnly() bool { return h.project && h.goals && h.indicators == 0 }

// isGoalOnlyHeader reports whether a row heads a goal-only table: a project
// column and a goals column, no indicator columns.
func isGoalOnlyHeader(r FormRow) bool { return headerRoles(r).goalOnly() }

// indicatorColumns counts a row's indicator header cells (a packed cell
// counting two).
func indicatorColumns(r FormRow) int { return headerRoles(r).indicators }

// titleProject returns the project a table's title names (projectTitleEnds),
// or "".
func titleProject(title string) string {
	t := squeezeLabel(title)
	for _, w := range notProjectTitles {
		if strings.Contains(t, w) {
			return ""
		}
	}
	for _, end := range projectTitleEnds {
		if name, ok := strings.CutSuffix(t, end); ok {
			name = yearPrefix.ReplaceAllString(name, "")
			if strings.HasSuffix(name, "项目") && len([]rune(name)) > 2 {
				return name
			}
		}
	}
	return ""
}

// yearPrefix is the year a title starts with (2026年, 2026年度).
var yearPrefix = textutil.NewRegexp(`^\d{4}年度?`)

// isLongTableHeader reports whether a row is the column header of a long
// table: a project column and indicator columns on the same row.
func isLongTableHeader(r FormRow) bool { return headerRoles(r).long() }

// isFlatGridHeader reports whether a row heads a flat indicator grid: a
// 指标名称 column and a 指标值 column, no 一级/二级指标.
func isFlatGridHeader(r FormRow) bool {
	l3, value := false, false
	for _, c := range r.Cells {
		switch gridRole(c.Text) {
		case "level1", "level2":
			return false
		case "level3":
			l3 = true
		case "value":
			value = true
		}
	}
	return l3 && value
}

// gridLabelCut splits a header cell that starts with a label from the text
// printed after it: ("绩效目标监督检查办法》等") gives goals and 监督检查办法》等.
func gridLabelCut(text string) (role, rest string) {
	l := squeezeLabel(text)
	for _, e := range gridColumnLabels {
		if strings.HasPrefix(l, e.label) {
			return e.role, strings.TrimPrefix(l, e.label)
		}
	}
	return "", ""
}
