package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
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
// document: its department (部门名称), the total (the amount after a total
// label such as 预算支出总额; else 基本支出 + 项目支出 where the form prints
// the two; else the first amount printed above the indicators), the goals
// text and the indicator rows under the first indicator header, on the
// table's pages and an untitled table that goes on over the next page.
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
		// The form goes on over the next page as an untitled table of
		// its own where the page break changed its columns (Guangzhou's
		// 部门整体预算绩效目标申报表: its indicator grid on page 2).
		rows := tableFormRows(t.WithCells(), ti, 0)
		for tj := ti + 1; tj < len(ld.Tables); tj++ {
			next := &ld.Tables[tj]
			last := dt.Pages[len(dt.Pages)-1]
			if next.Title != "" || len(next.Pages) == 0 || next.Pages[0] != last+1 || isDeptTargetTitle(next.Title) {
				break
			}
			rows = append(rows, tableFormRows(next.WithCells(), tj, 0)...)
			dt.Pages = append(dt.Pages, next.Pages...)
		}
		var head gridHeader
		expectGoal := false
		var parts map[string]*string // 基本支出 and 项目支出 where no total is printed
		totalLabelled := false
		for _, r := range cleanRows(rows) {
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
			case expectGoal && dt.Goals == nil:
				dt.Goals = Str(strings.Join(texts, ""))
				continue
			case expectGoal && len(texts) == 1 && !textutil.IsAmount(texts[0]):
				// The goals paragraph read as one row per printed line
				// (Chongqing's 当年整体绩效目标 over five lines).
				dt.Goals = Str(*dt.Goals + texts[0])
				continue
			}
			expectGoal = false
			if u := fundsUnit.FindStringSubmatch(lead); u != nil {
				dt.Unit = Str(u[1])
			}
			// The total: the amount after a total label (预算支出总额,
			// 合计), else 基本支出 + 项目支出 where both are printed, else
			// the first amount.
			for i, x := range texts {
				v, ok := textutil.Amount(x)
				if !ok || v == nil || !textutil.IsAmount(x) {
					continue
				}
				label := ""
				if i > 0 {
					label = squeezeLabel(texts[i-1])
				}
				switch {
				case isDeptTotalLabel(label):
					if !totalLabelled {
						dt.Total, totalLabelled = v, true
					}
				case label == "基本支出" || label == "项目支出":
					if parts == nil {
						parts = map[string]*string{}
					}
					parts[label] = v
				}
				if dt.Total == nil {
					dt.Total = v
				}
			}
		}
		if b, p := parts["基本支出"], parts["项目支出"]; !totalLabelled && b != nil && p != nil {
			bv, _ := decimal.NewFromString(*b)
			pv, _ := decimal.NewFromString(*p)
			dt.Total = Str(bv.Add(pv).StringFixed(max(-bv.Exponent(), -pv.Exponent())))
		}
		out = append(out, dt)
	}
	return out
}

// deptTotalLabels print a department's total funds.
var deptTotalLabels = []string{"总额", "合计", "总计", "预算总金额"}

func isDeptTotalLabel(l string) bool {
	for _, w := range deptTotalLabels {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
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
