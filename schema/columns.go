package schema

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// isSubtotal reports whether header parts end in a 小计 / 合计 under one of
// the subtotalParents.
func isSubtotal(parts []string) bool {
	_, ok := subtotalKey(parts)
	return ok
}

// subtotalKey is the key of a 小计 / 合计 that is its heading's own figure:
// a heading in subtotalParents, or one that names an amount other than the
// total (部门预算/一般公共预算拨款/小计 is 一般公共预算).
func subtotalKey(parts []string) (string, bool) {
	n := len(parts)
	if n < 2 || (parts[n-1] != "小计" && parts[n-1] != "合计") {
		return "", false
	}
	if k, ok := subtotalParents[parts[n-2]]; ok {
		return k, true
	}
	if k := partsKey(parts[:n-1]); k != KeyTotal && isAmountBase(k) {
		return k, true
	}
	return "", false
}

var yearWord = textutil.NewRegexp(`^\d{4}年(度)?`)

// priorYear matches a top heading naming the previous year without a number.
var priorYear = textutil.NewRegexp(`^上年(预算数?|数|执行数)?$`)

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

// changeWords name a top heading whose columns print the change from last
// year (增减变化情况, 比上年增减, 增减额).
var changeWords = []string{"增减", "变化情况", "变动"}

func isChangeHeading(top string) bool {
	for _, w := range changeWords {
		if strings.Contains(top, w) {
			return true
		}
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
				side = SideIncome
			case strings.Contains(s, "支出"):
				side = SideExpenditure
			}
		}
		key := ""
		if n := len(parts); n > 1 && compared[strings.Join(parts[:n-1], "/")] {
			// 预算数 | 决算数 under one heading: the heading's key with a suffix.
			if parent := partsKey(parts[:n-1]); parent != "" {
				key = parent + SuffixBudget
				if strings.Contains(parts[n-1], "决算") {
					key = parent + SuffixFinal
				}
			}
		}
		if key == "" {
			key = partsKey(parts)
		}
		if strings.HasPrefix(parts[len(parts)-1], "其中") && !isAmountBase(key) && i > 0 && isAmountBase(strings.TrimPrefix(keys[i-1], side)) {
			key = KeyOfWhich // 其中：专项资金列入部门预算的项目, after the amount it is part of
		}
		if key == "" && i > 0 && keys[i-1] == KeyItem && (parts[len(parts)-1] == "" || strings.Contains(parts[len(parts)-1], "项目")) {
			key = KeySubItem // 项目名称 printed over two columns (Jiangsu 收入预算总表)
		}
		if key == "" {
			keys[i] = fmt.Sprintf(ColPrefix+"%d", i+1)
			continue
		}
		if two && side == SideIncome && isAmountBase(key) {
			key = KeyAmount
		}
		if prior[i] && isAmountBase(key) {
			key = PriorYearPrefix + key // 2025年预算数 beside 2026年预算数
		}
		if len(parts) > 1 && isChangeHeading(parts[0]) && isAmountBase(key) {
			key = ChangePrefix + key // 增减变化情况/合计 beside 2021年/合计 and 2022年/合计
		}
		if isAmountBase(key) {
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
		own, _ := subtotalKey(parts)
		side, ok := strings.CutSuffix(keys[i], own)
		if ok && !slices.Contains(keys, side+KeyTotal) {
			keys[i] = side + KeyTotal
		}
	}
	// A one-sided table with a single amount column: that column is the total
	// (政府性基金收入预算 in the government fund income table).
	if !two && amountCols == 1 {
		for i, k := range keys {
			if isAmountBase(k) {
				keys[i] = KeyTotal
			}
		}
	}
	seen := map[string]bool{}
	for i, k := range keys {
		switch {
		case k == KeyItem && seen[k] && !seen[KeySubItem]:
			keys[i] = KeySubItem
		case k == SideExpenditure+KeyTotal && seen[k] && !seen[SideExpenditure+KeyAmount]:
			// Jiangsu's third side, 支出/支出用途/金额 after 支出/功能分类/金额.
			keys[i] = SideExpenditure + KeyAmount
		case seen[k] && !strings.HasPrefix(k, ColPrefix) && !seen[RightPrefix+k]:
			// The same columns printed again to the right (Shanghai's
			// 基本支出决算表: 人员经费 on the left, 公用经费 on the right).
			keys[i] = RightPrefix + k
		case seen[k]:
			keys[i] = fmt.Sprintf(ColPrefix+"%d", i+1)
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
		return KeyTotal
	}
	if (last == "小计" || last == "合计") && len(parts) > 1 {
		parent := parts[len(parts)-2]
		switch {
		case strings.Contains(parent, "公务用车") || strings.Contains(parent, "用车购置"): // 务用车购置及运行维护 (公 printed apart)
			return KeyVehicleTotal
		case strings.Contains(parent, "三公") && last == "小计":
			return KeyThreePublicTotal
		}
		if k, ok := subtotalKey(parts); ok {
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
		if len(parts) < 2 || !IsLabelKey(partsKey(parts)) {
			continue
		}
		in = in || strings.Contains(parts[0], "收入")
		ex = ex || strings.Contains(parts[0], "支出")
	}
	return in && ex
}

// swallowedTotal matches a header label that took in the 合计 row below it
// (an empty final-account table prints 合计 level with its last header row).
var swallowedTotal = textutil.NewRegexp(`((?:编码|代码|名称)[^/]*)/(?:合计|总计)$`)

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
