package checks

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// A finder returns the table figures a narrative label may stand for; the
// narrative figure must equal one of them.
type finder func(doc *schema.Document, label string) []ref

// target says where the table figure for a narrative label is printed.
type target struct {
	re   *textutil.Regexp
	find finder
}

// one turns a single lookup into a finder.
func one(f func(doc *schema.Document) (ref, bool)) finder {
	return func(doc *schema.Document, _ string) []ref {
		if r, ok := f(doc); ok {
			return []ref{r}
		}
		return nil
	}
}

// either tries several finders.
func either(fs ...finder) finder {
	return func(doc *schema.Document, l string) []ref {
		var out []ref
		for _, f := range fs {
			out = append(out, f(doc, l)...)
		}
		return out
	}
}

// row finds a side's total row: this year's (本年收入合计) or the grand
// total (收入总计).
func row(kind string, side string, grand bool, name, key string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		t := lookup(doc, kind)
		k := key
		if k == "" { // the side's main amount
			k = newView0(t).sideAmount(side)
		}
		if grand {
			return grandTotal(t, side, name, k)
		}
		return yearTotal(t, side, name, k)
	})
}

func total(kind, key string) finder {
	return one(func(doc *schema.Document) (ref, bool) { return totalOf(lookup(doc, kind), key) })
}

// threePublicRow finds a 三公 part: the row so labelled (parts as rows),
// else the 合计 row's cell of the part's column (parts as columns). The
// whole is the “三公”经费/小计 column where the table prints one beside a
// 合计 that also covers 会议费 and 培训费.
func threePublicRow(part string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		t := lookup(doc, schema.TableThreePublic)
		k, cols := threePublicColumns[part], newView0(t)
		if part == tpTotal && cols.amount[k] {
			return totalOf(t, k)
		}
		if r, ok := sideRow(t, sideNone, func(l string) bool { return threePublicPart(l) == part }, part, schema.KeyTotal); ok {
			return r, ok
		}
		if part != tpTotal && cols.amount[k] {
			return totalOf(t, k)
		}
		return ref{}, false
	})
}

// threePublicColumns are the column keys of the 三公 parts.
var threePublicColumns = map[string]string{
	tpTotal: schema.KeyThreePublicTotal, tpAbroad: schema.KeyOverseasTravel, tpReception: schema.KeyOfficialReception,
	tpCar: schema.KeyVehicleTotal, tpCarBuy: schema.KeyVehiclePurchase, tpCarRun: schema.KeyVehicleOperation,
}

func economicTotal(key string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		et, levels := economicTable(doc)
		for i, l := range levels {
			if l == schema.LevelTotal {
				v := newView(et)
				if !v.amount[key] {
					return ref{}, false
				}
				return ref{et, et.Kind + " 合计 " + key, figure{amount(et.Rows[i].Get(key)), et.Unit, v.scale()}, 0}, true
			}
		}
		return ref{}, false
	})
}

// between finds the carried-over row (上年结转) between a side's 本年收入合计
// and 收入总计, by its label.
func between(kind, side, name string) finder {
	return one(func(doc *schema.Document) (ref, bool) {
		t := lookup(doc, kind)
		return cell(t, func(v *view) int {
			y, g := v.totals(side)
			for i := y + 1; y >= 0 && i < g; i++ {
				if strings.Contains(label(v.t.Rows[i], side), "结转") {
					return i
				}
			}
			return -1
		}, newView0(t).sideAmount(side), name)
	})
}

// subjectRow finds a 类 row by name: the 3-digit row of the 一般公共预算支出表
// and the 支出总表, and the listed item of the 财政拨款收支总表 and 收支总表
// ("十四、交通运输支出").
func subjectRow(doc *schema.Document, name string) []ref {
	var out []ref
	for _, kind := range []string{schema.TableGeneralPublicBudgetExpenditure, schema.TableExpenditureSummary} {
		r, ok := cell(lookup(doc, kind), func(v *view) int {
			for i, r := range v.t.Rows {
				if len(code(r, sideNone)) == 3 && label(r, sideNone) == name {
					return i
				}
			}
			return -1
		}, schema.KeyTotal, name)
		if ok {
			out = append(out, r)
		}
	}
	for _, kind := range []string{schema.TableFiscalAppropriationSummary, schema.TableIncomeExpenditureSummary} {
		t := lookup(doc, kind)
		match := func(l string) bool { return numbered.ReplaceAllString(l, "") == name }
		if r, ok := sideRow(t, sideExpenditure, match, name, newView0(t).sideAmount(sideExpenditure)); ok {
			out = append(out, r)
		}
	}
	return out
}

// selectionWords, in the clause before a 涉及… figure, make the figure a
// selection of projects' rather than all projects' (see qualify).
var selectionWords = []string{"评价"}

// targets map narrative labels to table figures; a label matching none is
// not checked. Patterns are anchored: "涉及一般公共预算当年拨款" in the
// performance section is not the 一般公共预算 total. Where funds are carried
// over, the narrative may state a figure with or without them, so those
// labels accept either table figure.
var targets = []target{
	{textutil.NewRegexp(`机关运行经费`), total(schema.TableAgencyOperating, schema.KeyTotal)},
	{textutil.NewRegexp(`三公.?经费`), threePublicRow(tpTotal)},
	{textutil.NewRegexp(`^因公出国[(（]境[)）]费$`), threePublicRow(tpAbroad)},
	{textutil.NewRegexp(`^公务接待费$`), threePublicRow(tpReception)},
	{textutil.NewRegexp(`^公务用车购置及运行费$`), threePublicRow(tpCar)},
	{textutil.NewRegexp(`^公务用车购置费$`), threePublicRow(tpCarBuy)},
	{textutil.NewRegexp(`^公务用车运行维护费$`), threePublicRow(tpCarRun)},
	{textutil.NewRegexp(`^一般公共预算基本支出$`), total(schema.TableGeneralPublicBudgetExpenditure, schema.KeyBasic)},
	// 基本支出 / 项目支出 unqualified: the department's (支出总表), or, in the
	// paragraph on the 一般公共预算 (Chongqing: 一般公共预算支出…其中：基本支出),
	// the 一般公共预算支出表's.
	{textutil.NewRegexp(`^基本支出$`), either(total(schema.TableExpenditureSummary, schema.KeyBasic), total(schema.TableGeneralPublicBudgetExpenditure, schema.KeyBasic))},
	{textutil.NewRegexp(`^项目支出$`), either(total(schema.TableExpenditureSummary, schema.KeyProject), total(schema.TableGeneralPublicBudgetExpenditure, schema.KeyProject))},
	{textutil.NewRegexp(`^人员经费$`), economicTotal(schema.KeyPersonnel)},
	{textutil.NewRegexp(`^公用经费$`), economicTotal(schema.KeyPublic)},
	{textutil.NewRegexp(`^一般公共预算当年拨款$`), total(schema.TableGeneralPublicBudgetExpenditure, schema.KeyTotal)},
	{textutil.NewRegexp(`^一般公共预算(拨款)?(收入)?$`), either(total(schema.TableIncomeSummary, schema.KeyGeneralPublicBudget),
		row(schema.TableFiscalAppropriationSummary, sideExpenditure, true, "支出总计", sideExpenditure+schema.KeyGeneralPublicBudget))},
	{textutil.NewRegexp(`^政府性基金预算(拨款)?(收入)?$`), either(total(schema.TableIncomeSummary, schema.KeyGovernmentFund),
		row(schema.TableFiscalAppropriationSummary, sideExpenditure, true, "支出总计", sideExpenditure+schema.KeyGovernmentFund))},
	{textutil.NewRegexp(`^国有资本经营预算(拨款)?(收入)?$`), either(total(schema.TableIncomeSummary, schema.KeyStateCapital),
		row(schema.TableFiscalAppropriationSummary, sideExpenditure, true, "支出总计", sideExpenditure+schema.KeyStateCapital))},
	{textutil.NewRegexp(`^财政专户管理资金(收入)?$`), total(schema.TableIncomeSummary, schema.KeyFiscalSpecialAccount)},
	{textutil.NewRegexp(`^单位资金(收入)?$`), total(schema.TableIncomeSummary, schema.KeyUnitFunds)},
	{textutil.NewRegexp(`^(本年)?(部门)?(预算)?收入总计$`), row(schema.TableIncomeExpenditureSummary, sideIncome, true, "收入总计", "")},
	{textutil.NewRegexp(`^(本年)?(部门)?(预算)?支出总计$`), row(schema.TableIncomeExpenditureSummary, sideExpenditure, true, "支出总计", "")},
	{textutil.NewRegexp(`^本年收入$`), row(schema.TableIncomeExpenditureSummary, sideIncome, false, "本年收入合计", "")},
	{textutil.NewRegexp(`^(部门)?(预算收入|收入预算)$`), either(total(schema.TableIncomeSummary, schema.KeyTotal),
		row(schema.TableIncomeExpenditureSummary, sideIncome, true, "收入总计", ""))},
	{textutil.NewRegexp(`^(部门)?(支出预算|预算支出)$`), either(total(schema.TableExpenditureSummary, schema.KeyTotal),
		row(schema.TableIncomeExpenditureSummary, sideExpenditure, true, "支出总计", ""))},
	{textutil.NewRegexp(`^财政拨款收支总预算$`), row(schema.TableFiscalAppropriationSummary, sideIncome, true, "收入总计", "")},
	{textutil.NewRegexp(`^当年拨款收入$`), row(schema.TableFiscalAppropriationSummary, sideIncome, false, "本年收入合计", "")},
	{textutil.NewRegexp(`^上年结转(收入)?$`), either(total(schema.TableIncomeSummary, schema.KeyCarryover),
		between(schema.TableIncomeExpenditureSummary, sideIncome, "上年结转"),
		between(schema.TableFiscalAppropriationSummary, sideIncome, "上年财政拨款结转"),
		row(schema.TableIncomeExpenditureSummary, sideExpenditure, false, "本年支出合计", sideExpenditure+schema.KeyCarryover))},
	{textutil.NewRegexp(`^本年预算安排$`), row(schema.TableIncomeExpenditureSummary, sideExpenditure, false, "本年支出合计", sideExpenditure+schema.KeyCurrentYear)},
	{textutil.NewRegexp(`^涉及(一般公共预算)?(当年)?(拨款|预算资金)$`), either(one(func(doc *schema.Document) (ref, bool) { return projectSum(doc, false) }),
		one(func(doc *schema.Document) (ref, bool) { return groupedProjectSum(doc, false) }),
		one(func(doc *schema.Document) (ref, bool) { return nestedProjectSum(doc, false) }),
		total(schema.TableExpenditureSummary, schema.KeyProject))},
	{textutil.NewRegexp(`^.+支出$`), subjectRow},
}
