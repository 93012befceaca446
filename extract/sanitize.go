package extract

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxMessage is the most bytes a one-line message may take.
const MaxMessage = 300

// Sanitize makes s safe to print as one line of at most max bytes (max <= 0
// means MaxMessage): runs of white space become one space; control
// characters (C0, DEL, C1), line and paragraph separators and bidi
// controls are written as \xNN or \uNNNN; bytes that are not UTF-8 as \xNN;
// and a longer result is cut at a character boundary, ending in "…".
// Errors that quote a PDF's bytes go through it before they are printed.
func Sanitize(s string, max int) string {
	if max <= 0 {
		max = MaxMessage
	}
	const ellipsis = "…"
	var b strings.Builder
	b.Grow(min(len(s), max) + 8)
	space := false
	for i := 0; i < len(s) && b.Len() <= max; {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		if isSpaceRune(r) {
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i-1])
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\x%02x`, r)
		case unsafeRune(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteRune(r)
		}
	}
	out := b.String()
	if len(out) <= max {
		return out
	}
	cut := max - len(ellipsis)
	for cut > 0 && !utf8.RuneStart(out[cut]) {
		cut--
	}
	return strings.TrimRight(out[:cut], " ") + ellipsis
}

func isSpaceRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f'
}

// unsafeRune reports runes that move the cursor or reorder text: C1
// controls, line and paragraph separators, bidi embeddings, overrides and
// isolates, and other format characters.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r < 0xa0:
		return true
	case r == 0x2028 || r == 0x2029:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e || r == 0x200f || r == 0x061c:
		return true
	case r == 0xfeff:
		return true
	}
	return unicode.Is(unicode.Cc, r)
}
