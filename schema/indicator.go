package schema

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// ParseValue splits an indicator value into comparison, number and unit:
// "≥95%" → (">=", "95", "%"), "1条" → ("=", "1", "条"), "≤8,000元/年" →
// ("<=", "8000", "元/年"). A qualitative value (及时, 有效保障) gives three nils.
func ParseValue(v string) (op, number, unit *string) {
	s := strings.ReplaceAll(norm.NFKC.String(strings.TrimSpace(v)), " ", "")
	o := ""
	for _, p := range valueOps {
		if strings.HasPrefix(s, p.prefix) {
			o, s = p.op, s[len(p.prefix):]
			break
		}
	}
	i := 0
	for i < len(s) && (s[i] >= '0' && s[i] <= '9' || s[i] == '.' || s[i] == ',') {
		i++
	}
	num := strings.ReplaceAll(strings.TrimRight(s[:i], ".,"), ",", "")
	if num == "" || strings.Trim(num, ".") == "" {
		return nil, nil, nil
	}
	i = len(strings.TrimRight(s[:i], ".,"))
	if o == "" {
		o = "="
	}
	rest := s[i:]
	// A date or a range ("2022年XX月XX日-XX月XX日", "1-3天") is no single
	// figure: qualitative.
	if strings.ContainsAny(rest, "0123456789Xx-~至—") {
		return nil, nil, nil
	}
	var u *string
	if rest != "" {
		rest = printedSuffix(v, rest)
		u = &rest
	}
	return &o, &num, u
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
		if strings.ReplaceAll(norm.NFKC.String(suf), " ", "") == unit {
			return suf
		}
	}
	return unit
}

// valueOps are the comparison prefixes after NFKC (which already folds
// full-width ＞＜＝ to ASCII), longest first.
var valueOps = []struct{ prefix, op string }{
	{">=", ">="}, {"=>", ">="}, {"≥", ">="}, {"≧", ">="}, {"⩾", ">="}, {"大于等于", ">="}, {"不低于", ">="}, {"不少于", ">="}, {"不小于", ">="},
	{"<=", "<="}, {"=<", "<="}, {"≤", "<="}, {"≦", "<="}, {"⩽", "<="}, {"小于等于", "<="}, {"不高于", "<="}, {"不超过", "<="}, {"不多于", "<="}, {"不大于", "<="},
	{">", ">"}, {"大于", ">"}, {"高于", ">"}, {"超过", ">"}, {"<", "<"}, {"小于", "<"}, {"低于", "<"}, {"==", "="}, {"=", "="}, {"等于", "="},
}
