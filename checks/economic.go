package checks

import (
	"fmt"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
)

// economicCategories are the 类 of the departmental economic classification
// (部门预算支出经济分类), as printed.
var economicCategories = []string{
	"工资福利支出", "商品和服务支出", "对个人和家庭的补助", "债务利息及费用支出",
	"资本性支出（基本建设）", "资本性支出(基本建设)", "资本性支出",
	"对企业补助（基本建设）", "对企业补助(基本建设)", "对企业补助",
	"对社会保障基金补助", "其他支出",
}

// economicTable is the basic-expenditure-by-economic-classification table
// with each row's level: the printed table when there is one, else a table
// made from doc.EconomicRows.
func economicTable(doc *schema.Document) (*schema.Table, []string) {
	cats := map[string]bool{}
	for _, c := range economicCategories {
		cats[textutil.Squeeze(c)] = true
	}
	for _, e := range doc.EconomicRows {
		if e.Level == schema.LevelCategory {
			cats[textutil.Squeeze(e.DeptSubject)] = true
		}
	}
	if t := lookup(doc, schema.TableBasicExpenditureEconomic); t != nil {
		levels := make([]string, len(t.Rows))
		for i, r := range t.Rows {
			l := label(r, sideNone)
			if l == "" {
				l = anyLabel(r)
			}
			switch {
			case l == "人员经费合计" || l == "公用经费合计":
				levels[i] = "subtotal" // one panel's total: neither 合计 nor an item
			case isTotalLabel(l):
				levels[i] = schema.LevelTotal
			case cats[l]:
				levels[i] = schema.LevelCategory
			default:
				levels[i] = schema.LevelItem
			}
		}
		return t, levels
	}
	if len(doc.EconomicRows) == 0 {
		return nil, nil
	}
	t := &schema.Table{Kind: schema.TableBasicExpenditureEconomic, Columns: []schema.Column{
		{Key: schema.KeyDeptSubject}, {Key: schema.KeyTotal}, {Key: schema.KeyPersonnel}, {Key: schema.KeyPublic}}}
	for i := range doc.Tables {
		if tableKind(&doc.Tables[i]) == schema.TableBasicExpenditureEconomic {
			t.Pages, t.Unit = doc.Tables[i].Pages, doc.Tables[i].Unit
		}
	}
	var levels []string
	for _, e := range doc.EconomicRows {
		t.Rows = append(t.Rows, schema.Row{{Key: schema.KeyDeptSubject, Value: schema.Str(e.DeptSubject)},
			{Key: schema.KeyTotal, Value: e.Total}, {Key: schema.KeyPersonnel, Value: e.Personnel}, {Key: schema.KeyPublic, Value: e.Public}})
		levels = append(levels, e.Level)
	}
	return t, levels
}

// economic checks the economic table's hierarchy: 合计 = Σ 类, each 类 = Σ
// its items, per amount column. A printed table with codes is left to the
// subject tree; economic_rows without a printed table also get the row
// relation 合计 = 人员经费 + 公用经费.
func economic(doc *schema.Document) []schema.Check {
	t, levels := economicTable(doc)
	if t == nil {
		return nil
	}
	v := newView(t)
	if v.has(schema.KeySubjectCode) {
		return nil
	}
	var out []schema.Check
	if lookup(doc, schema.TableBasicExpenditureEconomic) == nil {
		for _, rel := range v.relations(sideNone) {
			out = append(out, v.across(rel)...)
		}
	}
	total := -1
	var cats []schema.Row
	flush := func(cat int, items []schema.Row) {
		if cat >= 0 && (len(items) > 0 || !zeroRow(t.Rows[cat], v.amountKeys(sideNone))) {
			out = append(out, v.sumCheck(sideNone, fmt.Sprintf("%s = Σ its %d items", rowName(t.Rows[cat], sideNone), len(items)), t.Rows[cat], items))
		}
	}
	cat := -1
	var items []schema.Row
	for i, r := range t.Rows {
		switch levels[i] {
		case schema.LevelTotal:
			if total < 0 {
				total = i
			}
		case "subtotal":
		case schema.LevelCategory:
			flush(cat, items)
			cat, items = i, nil
			cats = append(cats, r)
		default:
			if cat >= 0 {
				items = append(items, r)
			}
		}
	}
	flush(cat, items)
	switch {
	case total >= 0 && len(cats) > 0:
		out = append(out, v.sumCheck(sideNone, fmt.Sprintf("合计 = Σ %d 类", len(cats)), t.Rows[total], cats))
	case total < 0:
		out = append(out, newCheck(RuleRowTotal, t.Kind, schema.StatusFail, t.Pages, "%s has no 合计 row (%s)", t.Kind, pageNote(t.Pages)))
	}
	return out
}
