package schema

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// columnSynonyms maps header words to column keys; the first entry whose
// word the header part contains wins, so specific words come first.
var columnSynonyms = []struct{ word, key string }{
	// 三公 columns and the two that Jiangsu prints beside them.
	{"因公出国", "overseas_travel"}, {"公务接待", "official_reception"},
	{"购置经费", "vehicle_purchase"}, {"运行维护费", "vehicle_operation"}, {"运行费", "vehicle_operation"}, {"购置费", "vehicle_purchase"},
	{"会议费", "meeting"}, {"培训费", "training"},
	{"机关运行经费", "agency_operating"},
	{"机动经费", "reserve_fund"},
	// 政府采购预算表.
	{"采购品目", "procurement_category"}, {"采购物品", "procurement_item"}, {"采购组织形", "procurement_method"},
	{"专项名称", "program_name"},
	// Income sources and expenditure uses of 收入(决算)总表 / 支出(决算)总表.
	{"财政拨款收入", "fiscal_appropriation"}, {"上级补助收入", "superior_subsidy"},
	{"附属单位上缴", "subordinate_remittance"}, {"事业单位经营收入", "operating_income"},
	{"经营收入", "operating_income"}, {"事业收入", "business_income"},
	{"上缴上级", "remittance_to_superior"}, {"经营支出", "operating_expenditure"},
	{"对附属单位补助", "subsidy_to_subordinate"},
	// Final-account balances and budget figures.
	{"年初结转和结余", "opening_balance"}, {"年末结转和结余", "closing_balance"},
	{"本年收入合计", "total"}, {"本年支出合计", "total"}, {"本年收入", "current_income"},
	{"年初预算数", "initial_budget"}, {"调整预算数", "adjusted_budget"}, {"全年预算数", "adjusted_budget"},
	{"部门预算支出经济科目", "dept_subject"},
	{"政府预算支出经济科目", "gov_subject"},
	{"编码", "subject_code"}, {"代码", "subject_code"}, {"类款项", "subject_code"},
	{"科目名称", "subject_name"},
	{"单位名称", "unit_name"}, {"预算单位", "unit_name"},
	{"项目名称", "item"},
	{"上年结转", "carryover"}, {"结转", "carryover"},
	{"当年预算安排", "current_year"}, {"当年", "current_year"}, {"本年预算安排", "current_year"},
	// Line and column numbers are never amounts.
	{"行次", "line_number"}, {"栏次", "line_number"}, {"序号", "serial_number"},
	// 人员支出 / 日常公用支出 under 基本支出 (Yantai), 专项业务经费 (Xi'an's 项目支出).
	{"人员支出", "personnel"}, {"公用支出", "public"}, {"专项业务经费", "project"},
	// The three name columns of Beijing's 支出总表 and economic table.
	{"部门支出经济分类", "dept_subject"}, {"政府支出经济分类", "gov_subject"},
	{"基本支出", "basic"},
	{"项目支出", "project"},
	{"人员经费", "personnel"},
	{"公用经费", "public"},
	{"一般公共预算", "general_public_budget"},
	{"政府性基金", "government_fund"},
	{"国有资本经营", "state_capital"},
	{"财政专户", "fiscal_special_account"},
	{"单位资金", "unit_funds"}, {"其他收入", "unit_funds"},
	{"合计", "total"}, {"小计", "total"}, {"总计", "total"}, {"金额", "total"}, {"预算数", "total"}, {"决算数", "total"},
	{"项目", "item"}, {"科目", "subject_name"},
}

// isSubtotal reports whether header parts end in a 小计 / 合计 under one of
// the subtotalParents.
func isSubtotal(parts []string) bool {
	n := len(parts)
	if n < 2 || (parts[n-1] != "小计" && parts[n-1] != "合计") {
		return false
	}
	_, ok := subtotalParents[parts[n-2]]
	return ok
}

// lastWords name a column only when they are the whole of its last header
// part: a lone 预算 (Guangzhou 预算 | 收入/预算), where 预算单位 is a unit.
var lastWords = map[string]string{"预算": "total"}

// subtotalParents are the headings whose 小计 / 合计 is the heading's own
// figure (基本支出/小计 is 基本支出, 本年收入/小计 is 本年收入), not the
// table's total (一般公共预算基本支出/合计 is the total of a 基本支出 table).
var subtotalParents = map[string]string{
	"基本支出": "basic", "本年收入": "current_income",
	"上年结转": "carryover", "上年结转结余": "carryover", "上年结转和结余": "carryover",
}

var yearWord = regexp.MustCompile(`^\d{4}年(度)?`)

// amountKeys are keys whose cells hold money.
var amountKeys = map[string]bool{
	"total": true, "basic": true, "project": true, "personnel": true, "public": true,
	"general_public_budget": true, "government_fund": true, "state_capital": true,
	"fiscal_special_account": true, "unit_funds": true, "carryover": true, "current_year": true, "amount": true,
	"overseas_travel": true, "official_reception": true, "vehicle_total": true, "vehicle_purchase": true,
	"vehicle_operation": true, "three_public_total": true, "meeting": true, "training": true,
	"agency_operating": true, "reserve_fund": true, "fiscal_appropriation": true, "superior_subsidy": true,
	"subordinate_remittance": true, "operating_income": true, "business_income": true,
	"remittance_to_superior": true, "operating_expenditure": true, "subsidy_to_subordinate": true,
	"opening_balance": true, "closing_balance": true, "current_income": true,
	"initial_budget": true, "adjusted_budget": true,
}

// PriorYearPrefix marks the columns of the year before the budget's, printed
// beside it (2025年预算数 | 2026年预算数, 上年 | 当年): prior_year_total, ….
const PriorYearPrefix = "prior_year_"

// priorYear matches a top heading naming the previous year without a number.
var priorYear = regexp.MustCompile(`^上年(预算数?|数|执行数)?$`)

// priorYearColumns marks the columns whose top heading is a year earlier
// than another top heading's (or 上年 beside 当年).
func priorYearColumns(split [][]string) []bool {
	out := make([]bool, len(split))
	years := make([]int, len(split))
	maxYear, current := 0, false
	for i, parts := range split {
		if m := yearWord.FindString(parts[0]); m != "" {
			y, _ := strconv.Atoi(m[:4])
			years[i] = y
			maxYear = max(maxYear, y)
		}
		current = current || strings.HasPrefix(parts[0], "当年") || strings.HasPrefix(parts[0], "本年")
	}
	for i, parts := range split {
		switch {
		case years[i] > 0 && years[i] < maxYear:
			out[i] = true
		case len(parts) > 1 && current && priorYear.MatchString(parts[0]):
			out[i] = true
		}
	}
	return out
}

// IsAmountKey reports whether a column key holds money: an amount key with
// or without a side, right_ or prior_year_ prefix, or a _budget / _final
// suffix.
func IsAmountKey(key string) bool {
	key = strings.TrimPrefix(strings.TrimPrefix(key, "income_"), "expenditure_")
	key = strings.TrimPrefix(strings.TrimPrefix(key, "right_"), PriorYearPrefix)
	if amountKeys[key] {
		return true
	}
	base, ok := strings.CutSuffix(key, "_budget")
	if !ok {
		base, ok = strings.CutSuffix(key, "_final")
	}
	return ok && amountKeys[base]
}

// TwoSided reports whether a table kind prints income and expenditure side by side.
func TwoSided(kind string) bool {
	switch strings.TrimSuffix(kind, FinalSuffix) {
	case TableIncomeExpenditureSummary, TableFiscalAppropriationSummary, TableStateCapital:
		return true
	}
	return false
}

// ColumnKeys names the columns of a table of the given kind from their
// labels (header rows joined with "/"). Unknown columns get col_N (1-based);
// a key never repeats.
func ColumnKeys(kind string, labels []string) []string {
	split := make([][]string, len(labels))
	for i, label := range labels {
		parts := strings.Split(headerLabel(label), "/")
		for j := range parts {
			parts[j] = strings.ReplaceAll(CleanText(parts[j]), " ", "")
		}
		split[i] = parts
	}
	two := TwoSided(kind) && hasSides(split)
	compared := comparedGroups(split)
	prior := priorYearColumns(split)
	keys := make([]string, len(labels))
	side := ""
	amountCols := 0
	for i, parts := range split {
		if two {
			switch s := parts[0]; {
			case strings.Contains(s, "收入"):
				side = "income_"
			case strings.Contains(s, "支出"):
				side = "expenditure_"
			}
		}
		key := ""
		if n := len(parts); n > 1 && compared[strings.Join(parts[:n-1], "/")] {
			// 预算数 | 决算数 under one heading: the heading's key with a suffix.
			if parent := partsKey(parts[:n-1]); parent != "" {
				key = parent + "_budget"
				if strings.Contains(parts[n-1], "决算") {
					key = parent + "_final"
				}
			}
		}
		if key == "" {
			key = partsKey(parts)
		}
		if key == "" && i > 0 && keys[i-1] == "item" && (parts[len(parts)-1] == "" || strings.Contains(parts[len(parts)-1], "项目")) {
			key = "sub_item" // 项目名称 printed over two columns (Jiangsu 收入预算总表)
		}
		if key == "" {
			keys[i] = fmt.Sprintf("col_%d", i+1)
			continue
		}
		if two && side == "income_" && amountKeys[key] {
			key = "amount"
		}
		if prior[i] && amountKeys[key] {
			key = PriorYearPrefix + key // 2025年预算数 beside 2026年预算数
		}
		if amountKeys[key] {
			amountCols++
		}
		keys[i] = side + key
	}
	// A heading's 小计 (基本支出/小计) is that heading's figure only beside a
	// total of the table's own; alone, it is the total (本年收入/合计 with
	// no 总计 column).
	for i, parts := range split {
		if !isSubtotal(parts) {
			continue
		}
		side, ok := strings.CutSuffix(keys[i], subtotalParents[parts[len(parts)-2]])
		if ok && !slices.Contains(keys, side+"total") {
			keys[i] = side + "total"
		}
	}
	// A one-sided table with a single amount column: that column is the total
	// (政府性基金收入预算 in the government fund income table).
	if !two && amountCols == 1 {
		for i, k := range keys {
			if amountKeys[k] {
				keys[i] = "total"
			}
		}
	}
	seen := map[string]bool{}
	for i, k := range keys {
		switch {
		case k == "item" && seen[k] && !seen["sub_item"]:
			keys[i] = "sub_item"
		case k == "expenditure_total" && seen[k] && !seen["expenditure_amount"]:
			// Jiangsu's third side, 支出/支出用途/金额 after 支出/功能分类/金额.
			keys[i] = "expenditure_amount"
		case seen[k] && !strings.HasPrefix(k, "col_") && !seen["right_"+k]:
			// The same columns printed again to the right (Shanghai's
			// 基本支出决算表: 人员经费 on the left, 公用经费 on the right).
			keys[i] = "right_" + k
		case seen[k]:
			keys[i] = fmt.Sprintf("col_%d", i+1)
		}
		seen[keys[i]] = true
	}
	return keys
}

// partsKey names a column from its header parts: the last part, or where it
// says too little (a label wrapped over two header rows: 财政专户管理 / 资金),
// the parts above it joined to it. A 小计 under a heading is that heading's
// subtotal.
func partsKey(parts []string) string {
	last := yearWord.ReplaceAllString(parts[len(parts)-1], "")
	if last == "" && len(parts) > 1 { // "收入/2023年": the year alone is the amount
		return "total"
	}
	if (last == "小计" || last == "合计") && len(parts) > 1 {
		parent := parts[len(parts)-2]
		switch {
		case strings.Contains(parent, "公务用车"):
			return "vehicle_total"
		case strings.Contains(parent, "三公") && last == "小计":
			return "three_public_total"
		}
		if k, ok := subtotalParents[parent]; ok {
			return k
		}
	}
	if key, ok := lastWords[last]; ok {
		return key
	}
	for k := len(parts) - 1; k >= 0; k-- {
		name := last
		if k < len(parts)-1 {
			name = yearWord.ReplaceAllString(strings.Join(parts[k:], ""), "")
		}
		for _, syn := range columnSynonyms {
			if strings.Contains(name, syn.word) {
				return syn.key
			}
		}
	}
	return ""
}

// hasSides reports whether the top header parts name both an income and an
// expenditure side, each with a column of items or subjects under it:
// Shanghai prints a 国有资本经营预算支出 table alone, and a final account's
// 本年收入 | 本年支出 columns share one subject column.
func hasSides(split [][]string) bool {
	in, ex := false, false
	for _, parts := range split {
		if len(parts) < 2 || !isTextKey(partsKey(parts)) {
			continue
		}
		in = in || strings.Contains(parts[0], "收入")
		ex = ex || strings.Contains(parts[0], "支出")
	}
	return in && ex
}

// isTextKey reports whether a key names a text column (items, codes, names).
func isTextKey(key string) bool {
	switch key {
	case "item", "subject_code", "subject_name", "unit_name", "unit_code", "dept_subject", "gov_subject":
		return true
	}
	return false
}

// swallowedTotal matches a header label that took in the 合计 row below it
// (an empty final-account table prints 合计 level with its last header row).
var swallowedTotal = regexp.MustCompile(`((?:编码|代码|名称)[^/]*)/(?:合计|总计)$`)

// headerLabel drops a total row's label from a code or name column's header.
func headerLabel(label string) string {
	return swallowedTotal.ReplaceAllString(label, "$1")
}

// comparedGroups are the headings printed with both a 预算数 and a 决算数
// column under them (a final account's budget-against-outturn tables).
func comparedGroups(split [][]string) map[string]bool {
	budget, final := map[string]bool{}, map[string]bool{}
	for _, parts := range split {
		n := len(parts)
		if n < 2 {
			continue
		}
		parent := strings.Join(parts[:n-1], "/")
		switch {
		case strings.Contains(parts[n-1], "决算数"):
			final[parent] = true
		case strings.Contains(parts[n-1], "预算数"):
			budget[parent] = true
		}
	}
	out := map[string]bool{}
	for p := range final {
		if budget[p] {
			out[p] = true
		}
	}
	return out
}
