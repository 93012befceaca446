// Package textutil holds the text helpers every stage shares: the CJK
// test, white-space squeezing, the shape and value of printed amounts,
// subject codes, index rows and Chinese numerals. It imports no package of
// the module, so layout, schema and checks all read text the same way.
package textutil

import (
	"strings"
	"unicode"
	"unicode/utf8"
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
	if !HasSpace(s) {
		return s
	}
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// spaceLead reports whether a UTF-8 sequence led by b may encode a white
// space rune (unicode.IsSpace): ASCII spaces, U+0085 and U+00A0 (0xC2),
// U+1680 (0xE1), U+2000–U+205F (0xE2), U+3000 (0xE3). No other lead byte
// does, so a text of CJK characters is never decoded. TestSpaceScan holds
// HasSpace and IsBlank to unicode.IsSpace over every rune.
func spaceLead(b byte) bool { return b == 0xC2 || b == 0xE1 || b == 0xE2 || b == 0xE3 }

// asciiSpace is unicode.IsSpace of an ASCII byte.
func asciiSpace(b byte) bool { return b == ' ' || b >= '\t' && b <= '\r' }

// HasSpace reports whether s holds a white space rune: strings.ContainsFunc(s,
// unicode.IsSpace), decoding only the runes that may be one.
func HasSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		b := s[i]
		if b < utf8.RuneSelf {
			if asciiSpace(b) {
				return true
			}
		} else if spaceLead(b) {
			if r, _ := utf8.DecodeRuneInString(s[i:]); unicode.IsSpace(r) {
				return true
			}
		}
	}
	return false
}

// IsBlank reports whether s is empty or only white space:
// strings.TrimFunc(s, unicode.IsSpace) == "", without decoding CJK text.
func IsBlank(s string) bool {
	for i := 0; i < len(s); {
		b := s[i]
		if b < utf8.RuneSelf {
			if !asciiSpace(b) {
				return false
			}
			i++
			continue
		}
		if !spaceLead(b) {
			return false
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsSpace(r) {
			return false
		}
		i += size
	}
	return true
}

// ContainsAny is strings.ContainsAny(s, chars) for a set of characters
// without U+FFFD: one search of s for each character (a byte search for an
// ASCII one), where strings.ContainsAny decodes every rune of s and looks
// it up in chars — slow on CJK text against a set of CJK punctuation.
// (strings.ContainsAny reads an invalid byte of s as U+FFFD; with no U+FFFD
// in chars, neither matches it.)
func ContainsAny(s, chars string) bool {
	for i := 0; i < len(chars); {
		if c := chars[i]; c < utf8.RuneSelf {
			if strings.IndexByte(s, c) >= 0 {
				return true
			}
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(chars[i:])
		if strings.Contains(s, chars[i:i+size]) {
			return true
		}
		i += size
	}
	return false
}
