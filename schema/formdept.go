package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/textutil"
)

func isDeptTargetTitle(title string) bool {
	t := squeezeLabel(title)
	for _, l := range deptTargetTitles {
		if strings.Contains(t, l) {
			return !strings.Contains(t, "自评")
		}
	}
	return false
}

// DepartmentTargets reads every department-level target table of the
// document: its department (部门名称), the first amount printed above the
// indicators as the total (预算支出总额), the goals text and the indicator
// rows under the first indicator header.
func DepartmentTargets(ld *layout.Document) []DepartmentTarget {
	var out []DepartmentTarget
	for ti := range ld.Tables {
		t := &ld.Tables[ti]
		if !isDeptTargetTitle(t.Title) {
			continue
		}
		dt := DepartmentTarget{Title: t.Title, Indicators: []Indicator{}, Pages: append([]int{}, t.Pages...)}
		if t.Unit != "" {
			dt.Unit = Str(t.Unit)
		}
		if t.Department != "" {
			dt.Department = Str(t.Department)
		}
		var head gridHeader
		expectGoal := false
		for _, r := range cleanRows(tableFormRows(t, ti, 0)) {
			texts := rowTexts(r)
			if len(texts) == 0 {
				continue
			}
			if head == nil && (isIndicatorHeader(r) || isFlatGridHeader(r) || deptGridHeader(r)) {
				head.addRow(r)
				for i := range head {
					if head[i].role == "packed" { // 绩效指标: the indicator's name, levels joined
						head[i].role = "level3"
					}
				}
				continue
			}
			if head != nil {
				cells := map[string]string{}
				for _, c := range r.Cells {
					if role := head.roleOf(c); c.Text != "" && role != "" {
						cells[role] += c.Text
					}
				}
				if pv := cells["period_value"]; pv != "" {
					pc := map[string]string{"level1": cells["level1"], "level2": cells["level2"], "level3": cells["level3"], "value": pv}
					if ind, ok := gridIndicator(pc, dt.Indicators); ok {
						ind.Scope = ScopePeriod
						dt.Indicators = append(dt.Indicators, ind)
					}
				}
				if ind, ok := gridIndicator(cells, dt.Indicators); ok {
					ind.Scope = ScopeAnnual
					dt.Indicators = append(dt.Indicators, ind)
				}
				continue
			}
			lead := squeezeLabel(texts[0])
			switch {
			case strings.HasPrefix(lead, "部门名称") || strings.HasPrefix(lead, "单位名称"):
				if len(texts) > 1 {
					dt.Department = Str(texts[1])
				}
				continue
			case isDeptGoalLabel(lead):
				if len(texts) > 1 && len([]rune(texts[len(texts)-1])) > 10 {
					dt.Goals = Str(texts[len(texts)-1])
				} else {
					expectGoal = true
				}
				if u := fundsUnit.FindStringSubmatch(lead); u != nil {
					dt.Unit = Str(u[1])
				}
				continue
			case expectGoal:
				dt.Goals, expectGoal = Str(strings.Join(texts, "")), false
				continue
			}
			if u := fundsUnit.FindStringSubmatch(lead); u != nil {
				dt.Unit = Str(u[1])
			}
			if dt.Total == nil {
				for _, x := range texts {
					if v, ok := textutil.Amount(x); ok && v != nil && textutil.IsAmount(x) {
						dt.Total = v
						break
					}
				}
			}
		}
		out = append(out, dt)
	}
	return out
}

func isDeptGoalLabel(l string) bool {
	if len([]rune(l)) > 12 {
		return false
	}
	for _, g := range deptGoalLabels {
		if strings.Contains(l, g) {
			return true
		}
	}
	return false
}

// deptGridHeader reports whether a row heads a department table's grid
// printed without levels: a value column with an op or unit column.
func deptGridHeader(r FormRow) bool {
	value, other := false, 0
	for _, c := range r.Cells {
		switch gridRole(c.Text) {
		case "value":
			value = true
		case "op", "unit", "packed", "level3":
			other++
		}
	}
	return value && other >= 2
}
