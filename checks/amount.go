package checks

import (
	"fmt"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

// amount reads a cell with the parser that wrote it (textutil.AmountValue);
// unparsable text counts as zero. Callers use it only on cells of columns
// known to be amounts.
func amount(s *string) decimal.Decimal {
	d, _ := textutil.AmountValue(s)
	return d
}

// blank reports whether a cell is empty.
func blank(s *string) bool {
	return s == nil || strings.TrimSpace(*s) == ""
}

// scaleOf is the number of decimals printed in s ("1738.50" → 2).
func scaleOf(s *string) int32 {
	if s == nil {
		return 0
	}
	t := strings.TrimSpace(*s)
	if i := strings.LastIndexByte(t, '.'); i >= 0 {
		return int32(len(t) - i - 1)
	}
	return 0
}

// show prints d with scale decimals.
func show(d decimal.Decimal, scale int32) string {
	if scale < 0 {
		scale = 0
	}
	return d.StringFixed(scale)
}

// unitFactor is how many 元 one unit is: 元 1, 万元 10000, 亿元 1e8, and 0
// for an unknown unit.
func unitFactor(unit *string) decimal.Decimal {
	if unit == nil {
		return decimal.Zero
	}
	u := strings.TrimSpace(*unit)
	switch {
	case strings.Contains(u, "亿元"):
		return decimal.New(1, 8)
	case strings.Contains(u, "万元"):
		return decimal.New(1, 4)
	case strings.Contains(u, "千元"):
		return decimal.New(1, 3)
	case strings.Contains(u, "元"):
		return decimal.New(1, 0)
	}
	return decimal.Zero
}

// UnitFactor is how many 元 one unit is (元 1, 千元 1000, 万元 10000, 亿元
// 1e8), and zero for an unknown or missing unit.
func UnitFactor(unit *string) decimal.Decimal { return unitFactor(unit) }

// figure is an amount with its unit and printed scale.
type figure struct {
	v     decimal.Decimal
	unit  *string
	scale int32
}

// sameFigure compares two amounts that may be printed in different units:
// both are converted to the coarser unit and the finer one is rounded
// (half up) to the coarser one's printed scale. Unknown units are taken as
// equal. It returns the finer value as converted, for messages.
func sameFigure(a, b figure) (equal bool, aConv, bConv decimal.Decimal) {
	fa, fb := unitFactor(a.unit), unitFactor(b.unit)
	if fa.IsZero() || fb.IsZero() || fa.Equal(fb) {
		return a.v.Equal(b.v), a.v, b.v
	}
	if fa.GreaterThan(fb) { // a is coarser: bring b to a's unit
		bc := b.v.Mul(fb).Div(fa).Round(a.scale)
		return a.v.Equal(bc), a.v, bc
	}
	ac := a.v.Mul(fa).Div(fb).Round(b.scale)
	return ac.Equal(b.v), ac, b.v
}

// roundingScale is the coarsest printing a rounding difference is accepted
// on: cents (0.01 of the table's unit). Figures printed without cents carry
// no accepted rounding difference.
const roundingScale = 2

// sumStatus compares a printed total with the sum of n printed (non-blank)
// addends, all printed with scale decimals: pass when equal; warn when the
// difference is one rounding can make (尾差: each figure rounded on its
// own to the last printed place, so at most half a unit of that place per
// figure, the total's included: (n+1)/2 units, which is never more than
// 0.01 × n in the table's unit when figures print cents); fail otherwise.
// diff is got − sum.
func sumStatus(got, sum decimal.Decimal, n int, scale int32) (status string, diff decimal.Decimal) {
	diff = got.Sub(sum)
	if diff.IsZero() {
		return schema.StatusPass, diff
	}
	if scale >= roundingScale && n > 0 && diff.Abs().Mul(decimal.NewFromInt(2)).LessThanOrEqual(decimal.New(int64(n+1), -scale)) {
		return schema.StatusWarn, diff
	}
	return schema.StatusFail, diff
}

// worse is the more severe of two statuses: fail, then warn, then pass.
func worse(a, b string) string {
	rank := func(s string) int {
		switch s {
		case schema.StatusFail:
			return 3
		case schema.StatusWarn:
			return 2
		case schema.StatusPass:
			return 1
		}
		return 0
	}
	if rank(b) > rank(a) {
		return b
	}
	return a
}

// roundingNote appends the difference of a warned sum to its message.
func roundingNote(msg string, diff decimal.Decimal, scale int32, n int) string {
	return fmt.Sprintf("%s: rounding difference %s over %d printed addends", msg, show(diff, scale), n)
}
