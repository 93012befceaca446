package schema

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// ParseRange splits an indicator value into comparison, number, upper end
// (a range's only) and unit: "≥95%" → (">=", "95", "%"), "1条" → ("=", "1", "条"), "≤8,000元/年" →
// ("<=", "8000", "元/年"), "不低于90（%）" → (">=", "90", "%"). A qualitative
// value (及时, 有效保障) gives nils; a range gives op "between" and both
// ends: "90%-95%" and "90-95%" → ("between", "90", "95", "%"). Full-width digits,
// signs and brackets are read as their ASCII forms; a unit printed in
// brackets ("(平方米)") loses them; 以上 / 以下 after the figure read as
// >= / <=.
func ParseRange(v string) (op, number, upper, unit *string) {
	s := strings.ReplaceAll(textutil.NFKC(strings.TrimSpace(v)), " ", "")
	o := ""
	for _, p := range valueOps {
		if strings.HasPrefix(s, p.prefix) {
			o, s = p.op, s[len(p.prefix):]
			break
		}
	}
	num, i := leadingNumber(s)
	if num == "" {
		return nil, nil, nil, nil
	}
	rest := s[i:]
	for _, suf := range valueSuffixOps {
		if o == "" && strings.HasSuffix(rest, suf.suffix) {
			o, rest = suf.op, strings.TrimSuffix(rest, suf.suffix)
			break
		}
	}
	// A range: number [unit] - number [unit], the units equal or one missing.
	if k := strings.IndexAny(rest, "-~至—－"); k >= 0 && o == "" {
		u1, tail := rest[:k], rest[k:]
		_, sz := utf8.DecodeRuneInString(tail)
		tail = tail[sz:]
		if hi, j := leadingNumber(tail); hi != "" {
			u2 := tail[j:]
			if u1 == "" || u2 == "" || u1 == u2 {
				u := stripUnitBrackets(u1 + u2)
				if u1 != "" && u2 != "" {
					u = stripUnitBrackets(u1)
				}
				between := "between"
				var up *string = &hi
				if u == "" {
					return &between, &num, up, nil
				}
				if strings.ContainsAny(u, "0123456789") {
					return nil, nil, nil, nil
				}
				return &between, &num, up, &u
			}
		}
	}
	if o == "" {
		o = "="
	}
	// A date or a list ("2022年XX月XX日-XX月XX日", "1-3天") is no single
	// figure: qualitative.
	if strings.ContainsAny(rest, "0123456789Xx-~至—") {
		return nil, nil, nil, nil
	}
	var u *string
	if rest != "" {
		if rest != "%" && rest != "(%)" { // ％ and （％） read as %
			rest = printedSuffix(v, rest)
		}
		rest = stripUnitBrackets(rest)
		if rest != "" {
			u = &rest
		}
	}
	return &o, &num, nil, u
}

// leadingNumber returns the figure at the start of s (thousands commas
// dropped) and the byte length it took, or "" when s does not start with one.
func leadingNumber(s string) (string, int) {
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
		i++
	}
	num := strings.ReplaceAll(strings.TrimRight(s[:i], ".,"), ",", "")
	if num == "" || strings.Trim(num, ".") == "" {
		return "", 0
	}
	return num, len(strings.TrimRight(s[:i], ".,"))
}

// stripUnitBrackets drops the brackets a unit is printed in: "(平方米)" and
// "（%）" give 平方米 and %.
func stripUnitBrackets(u string) string {
	u = strings.TrimSpace(u)
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}, {"[", "]"}, {"【", "】"}} {
		if strings.HasPrefix(u, p[0]) && strings.HasSuffix(u, p[1]) && len(u) > len(p[0])+len(p[1]) {
			inner := u[len(p[0]) : len(u)-len(p[1])]
			if !strings.ContainsAny(inner, "()（）") {
				return strings.TrimSpace(inner)
			}
		}
	}
	return u
}

// valueSuffixOps are comparisons printed after the figure.
var valueSuffixOps = []struct{ suffix, op string }{
	{"及以上", ">="}, {"以上", ">="}, {"及以下", "<="}, {"以下", "<="},
}

// printedSuffix returns the end of the printed value whose NFKC form is
// unit, so the unit keeps its printed punctuation (台（套）, not 台(套)).
func printedSuffix(printed, unit string) string {
	printed = strings.TrimSpace(printed)
	for i := len(printed) - 1; i >= 0; i-- {
		if !utf8.RuneStart(printed[i]) {
			continue
		}
		suf := printed[i:]
		if strings.ReplaceAll(textutil.NFKC(suf), " ", "") == unit {
			return suf
		}
	}
	return unit
}

// valueOps are the comparison prefixes after NFKC (which already folds
// full-width ＞＜＝ to ASCII), longest first.
var valueOps = []struct{ prefix, op string }{
	{">=", ">="}, {"=>", ">="}, {"≥", ">="}, {"≧", ">="}, {"⩾", ">="}, {"大于等于", ">="}, {"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="},
	{"达到", ">="}, {"<=", "<="}, {"=<", "<="}, {"≤", "<="}, {"≦", "<="}, {"⩽", "<="}, {"小于等于", "<="}, {"不高于", "<="}, {"不超过", "<="}, {"不多于", "<="}, {"不大于", "<="},
	{">", ">"}, {"大于", ">"}, {"高于", ">"}, {"超过", ">"}, {"<", "<"}, {"小于", "<"}, {"低于", "<"}, {"==", "="}, {"=", "="}, {"等于", "="},
}
