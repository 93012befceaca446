package textutil

import (
	"strings"

	"github.com/shopspring/decimal"
)

// IsAmountShape reports whether s (squeezed) looks like a printed figure:
// the layout's test for a numeric cell, percentages included. The shape is
// ^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$ (ASCII digits), scanned by hand:
// it runs for every cell of every table.
func IsAmountShape(s string) bool {
	if strings.HasPrefix(s, "-") {
		s = s[1:]
	} else if strings.HasPrefix(s, "−") {
		s = s[len("−"):]
	}
	i := digitRun(s)
	if i == 0 {
		return false
	}
	if i < len(s) && s[i] == ',' {
		if i > 3 {
			return false
		}
		for i < len(s) && s[i] == ',' {
			if digitRun(s[i+1:]) < 3 {
				return false
			}
			i += 4
		}
	}
	if i < len(s) && s[i] == '.' {
		n := digitRun(s[i+1:])
		if n == 0 {
			return false
		}
		i += 1 + n
	}
	if i < len(s) && s[i] == '%' {
		i++
	}
	return i == len(s)
}

// digitRun is the number of ASCII digits s begins with.
func digitRun(s string) int {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i
}

// Amount normalizes a printed amount to the contract's string: the exact
// decimal as printed, thousands separators removed, scale kept
// ("1,738.50" → "1738.50", "(12.00)" → "-12.00", "２４" → "24"). Blank cells
// and lone dashes give ok=true with a nil result; text that is not an amount
// gives ok=false.
func Amount(s string) (v *string, ok bool) {
	t, neg, blank, ok := amountText(s)
	if !ok || blank {
		return nil, ok
	}
	if canonical(t) { // what the round trip below gives, without it
		if neg {
			t = "-" + t
		}
		return &t, true
	}
	d, err := decimalOf(t)
	if err != nil {
		return nil, false
	}
	if neg {
		d = d.Neg()
	}
	scale := int32(0)
	if i := strings.IndexByte(t, '.'); i >= 0 {
		scale = int32(len(t) - i - 1)
	}
	out := d.StringFixed(scale)
	if neg && d.IsZero() {
		out = "-" + out
	}
	return &out, true
}

// amountText is Amount's reading of s up to the decimal: the digits with
// separators removed, the sign, and whether s is blank (or a dash); ok is
// false when s is not an amount.
func amountText(s string) (t string, neg, blank, ok bool) {
	s = strings.TrimSpace(NFKC(s))
	if strings.IndexByte(s, ' ') >= 0 {
		s = strings.ReplaceAll(s, " ", "")
	}
	switch s {
	case "", "-", "--", "—", "——", "－", "/", "\\":
		return "", false, true, true
	}
	if n := len(s); n >= 2 && s[0] == '(' && s[n-1] == ')' {
		neg, s = true, s[1:n-1]
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		neg, s = !neg, strings.TrimLeft(strings.TrimPrefix(s, "-"), "−")
	}
	if s == "" || !validAmount(s) {
		return "", false, false, false
	}
	if strings.IndexByte(s, ',') >= 0 {
		s = strings.ReplaceAll(s, ",", "")
	}
	return s, neg, false, true
}

// validAmount accepts digits with optional well-placed thousands separators
// and one decimal point.
func validAmount(s string) bool {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return false
	}
	if intPart == "" {
		return hasDot
	}
	if !strings.Contains(intPart, ",") {
		return strings.Trim(intPart, "0123456789") == ""
	}
	// Groups of digits between commas: the first of 1 to 3, then of 3.
	first := strings.IndexByte(intPart, ',')
	if first == 0 || first > 3 || digitRun(intPart[:first]) != first {
		return false
	}
	for rest := intPart[first:]; rest != ""; rest = rest[4:] {
		if len(rest) < 4 || rest[0] != ',' || digitRun(rest[1:4]) != 3 {
			return false
		}
	}
	return true
}

// IsAmount reports whether s reads as a non-blank amount.
func IsAmount(s string) bool {
	_, _, blank, ok := amountText(s)
	return ok && !blank
}

// AmountValue reads a cell as Amount does, as a decimal: a nil, blank or
// dash cell is zero with ok true; text that is not an amount is zero with
// ok false.
func AmountValue(s *string) (decimal.Decimal, bool) {
	if s == nil {
		return decimal.Zero, true
	}
	t, neg, blank, ok := amountText(*s)
	if !ok {
		return decimal.Zero, false
	}
	if blank {
		return decimal.Zero, true
	}
	// The decimal of Amount's string: the same digits at the same scale.
	d, err := decimalOf(t)
	if err != nil {
		return decimal.Zero, false
	}
	if neg {
		d = d.Neg()
	}
	return d, true
}

// canonical reports whether the digits t of amountText print as their own
// decimal at their own scale: an integer part of one digit or without a
// leading zero (not ".5", "007").
func canonical(t string) bool {
	intPart, _, _ := strings.Cut(t, ".")
	return intPart != "" && (len(intPart) == 1 || intPart[0] != '0')
}

// decimalOf is decimal.NewFromString(t) for the digits t of amountText
// (ASCII digits and at most one point), built without parsing through
// big.Int when they fit an int64: NewFromString's coefficient is the
// digits without the point and its exponent minus the count after it.
// TestDecimalOf holds it to NewFromString.
func decimalOf(t string) (decimal.Decimal, error) {
	intPart, frac, _ := strings.Cut(t, ".")
	if n := len(intPart) + len(frac); n == 0 || n > 18 {
		return decimal.NewFromString(t)
	}
	var v int64
	for _, part := range [2]string{intPart, frac} {
		for i := 0; i < len(part); i++ {
			c := part[i]
			if c < '0' || c > '9' {
				return decimal.NewFromString(t)
			}
			v = v*10 + int64(c-'0')
		}
	}
	return decimal.New(v, -int32(len(frac))), nil
}

// AmountValid reports whether AmountValue reads the cell (ok true) without
// computing the decimal.
func AmountValid(s *string) bool {
	if s == nil {
		return true
	}
	_, _, _, ok := amountText(*s)
	return ok
}
