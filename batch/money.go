package batch

import (
	"math"
	"strings"

	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// fenPerYuan: amounts go into the analytics outputs as whole 分 (fen), so
// that sums in SQLite stay exact integers.
var fenPerYuan = decimal.NewFromInt(100)

// maxFen is the largest 分 figure an INTEGER column holds.
var maxFen = decimal.NewFromInt(math.MaxInt64)

// fen is a printed amount in its unit as an exact integer number of 分 of
// 元 (万元 ×1 000 000, 元 ×100), computed in decimal arithmetic. It is nil
// (NULL) for a blank cell, text that is not a number, an unknown unit, or a
// figure finer than a 分 (万元 with seven decimals): no disclosure prints
// one, so it is a misread cell (Xi'an's 3677.2330215 is 3677.23 run into
// the economic code 30215), never rounded into a plausible amount.
func fen(value, unit *string) any {
	if value == nil {
		return nil
	}
	v, err := decimal.NewFromString(strings.TrimSpace(*value))
	if err != nil {
		return nil
	}
	f := checks.UnitFactor(unit)
	if f.IsZero() {
		return nil
	}
	v = v.Mul(f).Mul(fenPerYuan)
	if !v.IsInteger() || v.Abs().GreaterThan(maxFen) {
		return nil
	}
	return v.IntPart()
}

// amountKey reports whether cells of column key hold amounts: the
// registry's amount keys (schema.IsAmountKey), with their side, right_ and
// prior_year_ prefixes. Codes, names, items, line numbers and unnamed
// columns (col_N) are not: nothing says what an unnamed column holds.
func amountKey(key string) bool {
	return schema.IsAmountKey(key)
}

// moneyUnit reports whether an indicator's unit is a sum of money (元,
// 千元, 万元, 亿元; not 元/人), so that its number also gets a 分 figure.
func moneyUnit(unit *string) bool {
	if unit == nil {
		return false
	}
	switch strings.TrimSpace(*unit) {
	case "元", "千元", "万元", "亿元":
		return true
	}
	return false
}
