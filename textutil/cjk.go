// Package textutil holds the text helpers every stage shares: the CJK
// test, white-space squeezing, the shape and value of printed amounts,
// subject codes, index rows and Chinese numerals. It imports no package of
// the module, so layout, schema and checks all read text the same way.
package textutil

import (
	"strings"
	"unicode"
)

// IsCJK reports whether r is written without spaces around it in Chinese
// text: a Han character, CJK symbols and punctuation (、。「」), full-width
// forms (，：（）０-９), enclosed numbers (①), and the punctuation Chinese
// text shares with Western text but sets full-width (“” ‘’ — … ·).
func IsCJK(r rune) bool {
	switch {
	case unicode.Is(unicode.Han, r):
		return true
	case r >= 0x3000 && r <= 0x303F: // CJK symbols and punctuation
		return true
	case r >= 0xFF00 && r <= 0xFFEF: // full-width forms
		return true
	case r >= 0x2460 && r <= 0x24FF: // enclosed numbers ①
		return true
	case r == '“' || r == '”' || r == '‘' || r == '’' || r == '—' || r == '…' || r == '·':
		return true
	}
	return false
}

// Squeeze removes all white space from s.
func Squeeze(s string) string {
	if !strings.ContainsFunc(s, unicode.IsSpace) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
