package textutil

import (
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// inertRanges are the runes, in ranges, that NFC and NFKC leave alone in
// any context: each is its own decomposition, a starter, and never
// composes with the rune before it, so no two of them compose. They are ASCII, the CJK unified ideographs
// and the CJK punctuation the disclosures print; TestInertRanges proves
// every rune of them against the normalizer's own properties. Fullwidth
// forms (（ ２ ：), the ideographic space and … are not inert: NFKC maps them.
var inertRanges = [...][2]rune{
	{0x0000, 0x007F}, // ASCII
	{0x2014, 0x2014}, // —
	{0x2018, 0x201D}, // ‘ ’ ‚ ‛ “ ”
	{0x3001, 0x3003}, // 、。〃
	{0x3008, 0x3011}, // 〈〉《》「」『』【】
	{0x3400, 0x4DBF}, // CJK extension A
	{0x4E00, 0x9FFF}, // CJK unified ideographs
}

// inert reports whether r is in inertRanges.
func inert(r rune) bool {
	if r >= 0x4E00 && r <= 0x9FFF { // the common case first: an ideograph
		return true
	}
	for _, rg := range inertRanges {
		if r < rg[0] {
			return false
		}
		if r <= rg[1] {
			return true
		}
	}
	return false
}

// Inert reports whether normalization (NFC or NFKC) leaves s as it is
// because every rune of s is inert: the normalizer need not run.
func Inert(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 0x80 {
			continue
		}
		for _, r := range s[i:] {
			if !inert(r) {
				return false
			}
		}
		return true
	}
	return true
}

// NFKC is norm.NFKC.String(s), returning s itself without running the
// normalizer when s is Inert (plain ASCII and CJK text, the common case).
// Text whose other runes are only fullwidth ASCII (（ ： ２) and the
// ideographic space is mapped rune by rune, as NFKC maps them.
func NFKC(s string) string {
	if Inert(s) {
		return s
	}
	for _, r := range s {
		if _, ok := fullwidth(r); !ok && !inert(r) {
			return norm.NFKC.String(s)
		}
	}
	b := make([]byte, 0, len(s))
	for _, r := range s {
		if a, ok := fullwidth(r); ok {
			r = a
		}
		b = utf8.AppendRune(b, r)
	}
	return string(b)
}

// RuneWise reports whether NFKC maps r to one rune whatever surrounds it:
// r is inert (kept) or fullwidth ASCII or the ideographic space (mapped to
// ASCII). Text of such runes normalizes rune for rune, so a caller can
// judge its normalized form without building it.
func RuneWise(r rune) bool {
	_, ok := fullwidth(r)
	return ok || inert(r)
}

// fullwidth is the ASCII rune NFKC maps a fullwidth form (U+FF01..U+FF5E)
// or the ideographic space to; TestFullwidth proves the mapping.
func fullwidth(r rune) (rune, bool) {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFF01 + '!', true
	case r == 0x3000:
		return ' ', true
	}
	return r, false
}

// NFC is norm.NFC.String(s), returning s itself when s is Inert.
func NFC(s string) string {
	if Inert(s) {
		return s
	}
	return norm.NFC.String(s)
}
