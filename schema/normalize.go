package schema

import (
	"strings"
	"unicode"

	"github.com/shopspring/decimal"
	"golang.org/x/text/unicode/norm"
)

// cellBreaks removes line breaks inside a cell and U+FFFD, and turns
// no-break and ideographic spaces into plain ones.
var cellBreaks = strings.NewReplacer("\r\n", "", "\n", "", "\r", "", "\u00a0", " ", "\u3000", " ", "\ufffd", "")

// CleanText is the contract's text normalization: NFC, line breaks inside a
// cell removed, leading and trailing spaces trimmed. Spaces between two CJK
// characters are letter-spacing and go; other inner spaces are kept.
func CleanText(s string) string {
	s = norm.NFC.String(s)
	s = cellBreaks.Replace(s)
	s = strings.TrimSpace(s)
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	var b strings.Builder
	for i := 0; i < len(rs); i++ {
		if rs[i] == ' ' {
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if i > 0 && j < len(rs) && isCJK(rs[i-1]) && isCJK(rs[j]) {
				i = j - 1
				continue
			}
			b.WriteByte(' ')
			i = j - 1
			continue
		}
		b.WriteRune(rs[i])
	}
	return b.String()
}

func isCJK(r rune) bool {
	return unicode.Is(unicode.Han, r) || (r >= 0x3000 && r <= 0x303f) || (r >= 0xff00 && r <= 0xffef)
}

// Amount normalizes a printed amount to the contract's string: the exact
// decimal as printed, thousands separators removed, scale kept
// ("1,738.50" → "1738.50", "(12.00)" → "-12.00", "２４" → "24"). Blank cells
// and lone dashes give ok=true with a nil result; text that is not an amount
// gives ok=false.
func Amount(s string) (v *string, ok bool) {
	s = strings.TrimSpace(norm.NFKC.String(s))
	s = strings.ReplaceAll(s, " ", "")
	switch s {
	case "", "-", "--", "—", "——", "－", "/", "\\":
		return nil, true
	}
	neg := false
	if n := len(s); n >= 2 && s[0] == '(' && s[n-1] == ')' {
		neg, s = true, s[1:n-1]
	}
	if strings.HasPrefix(s, "-") || strings.HasPrefix(s, "−") {
		neg, s = !neg, strings.TrimLeft(strings.TrimPrefix(s, "-"), "−")
	}
	if s == "" || !validAmount(s) {
		return nil, false
	}
	s = strings.ReplaceAll(s, ",", "")
	d, err := decimal.NewFromString(s)
	if err != nil {
		return nil, false
	}
	if neg {
		d = d.Neg()
	}
	scale := int32(0)
	if i := strings.IndexByte(s, '.'); i >= 0 {
		scale = int32(len(s) - i - 1)
	}
	out := d.StringFixed(scale)
	if neg && d.IsZero() {
		out = "-" + out
	}
	return &out, true
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
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if strings.Trim(g, "0123456789") != "" || g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			return false
		}
	}
	return true
}

// IsAmount reports whether s reads as a non-blank amount.
func IsAmount(s string) bool {
	v, ok := Amount(s)
	return ok && v != nil
}

// IsSubjectCode reports whether s is a functional or economic subject code
// (3, 5 or 7 digits; economic codes also come as 3 digits).
func IsSubjectCode(s string) bool {
	s = strings.TrimSpace(s)
	switch len(s) {
	case 3, 5, 7:
	default:
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}
