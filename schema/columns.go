package schema

import (
	"fmt"
	"regexp"
	"strings"
)

// columnSynonyms maps header words to column keys; the first entry whose
// word the header part contains wins, so specific words come first.
var columnSynonyms = []struct{ word, key string }{
	{"部门预算支出经济科目", "dept_subject"},
	{"政府预算支出经济科目", "gov_subject"},
	{"编码", "subject_code"}, {"代码", "subject_code"}, {"类款项", "subject_code"},
	{"科目名称", "subject_name"},
	{"单位名称", "unit_name"},
	{"项目名称", "item"},
	{"上年结转", "carryover"}, {"结转", "carryover"},
	{"当年预算安排", "current_year"}, {"当年", "current_year"}, {"本年预算安排", "current_year"},
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

var yearWord = regexp.MustCompile(`^\d{4}年(度)?`)

// amountKeys are keys whose cells hold money.
var amountKeys = map[string]bool{
	"total": true, "basic": true, "project": true, "personnel": true, "public": true,
	"general_public_budget": true, "government_fund": true, "state_capital": true,
	"fiscal_special_account": true, "unit_funds": true, "carryover": true, "current_year": true, "amount": true,
}

// IsAmountKey reports whether a column key (with or without a side prefix) holds money.
func IsAmountKey(key string) bool {
	key = strings.TrimPrefix(strings.TrimPrefix(key, "income_"), "expenditure_")
	return amountKeys[key]
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
	keys := make([]string, len(labels))
	two := TwoSided(kind)
	side := ""
	amountCols := 0
	for i, label := range labels {
		parts := strings.Split(label, "/")
		for j := range parts {
			parts[j] = strings.ReplaceAll(CleanText(parts[j]), " ", "")
		}
		if two {
			switch s := parts[0]; {
			case strings.Contains(s, "收入"):
				side = "income_"
			case strings.Contains(s, "支出"):
				side = "expenditure_"
			}
		}
		key := ""
		last := yearWord.ReplaceAllString(parts[len(parts)-1], "")
		if last == "" && len(parts) > 1 { // "收入/2023年": the year alone is the amount
			key = "total"
		}
		// The last header part names the column; where it says too little
		// (a label wrapped over two header rows: 财政专户管理 / 资金), the
		// parts above it joined to it do.
		for k := len(parts) - 1; k >= 0 && key == ""; k-- {
			name := last
			if k < len(parts)-1 {
				name = yearWord.ReplaceAllString(strings.Join(parts[k:], ""), "")
			}
			for _, syn := range columnSynonyms {
				if key == "" && strings.Contains(name, syn.word) {
					key = syn.key
				}
			}
		}
		if key == "" {
			keys[i] = fmt.Sprintf("col_%d", i+1)
			continue
		}
		if two && side == "income_" && amountKeys[key] {
			key = "amount"
		}
		if amountKeys[key] {
			amountCols++
		}
		keys[i] = side + key
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
		if seen[k] {
			keys[i] = fmt.Sprintf("col_%d", i+1)
		}
		seen[keys[i]] = true
	}
	return keys
}
