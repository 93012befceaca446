package checks

import (
	"strings"

	"github.com/shopspring/decimal"
)

// separators are dropped from amounts.
var separators = strings.NewReplacer(",", "", "，", "", " ", "", "\u3000", "")

// parseAmount reads an amount as the contract writes it ("1738.50"), also
// tolerating separators and the dashes some offices print for zero. A nil or
// blank cell is zero with ok true; text that is not a number gives ok false.
func parseAmount(s *string) (d decimal.Decimal, ok bool) {
	if s == nil {
		return decimal.Zero, true
	}
	t := separators.Replace(strings.TrimSpace(*s))
	switch t {
	case "", "-", "—", "－", "--", "——":
		return decimal.Zero, true
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, false
	}
	return d, true
}

// amount is parseAmount without the ok: unparsable text counts as zero.
// Callers use it only on cells of columns known to be amounts.
func amount(s *string) decimal.Decimal {
	d, _ := parseAmount(s)
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
