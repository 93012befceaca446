package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// cellBreaks removes line breaks inside a cell and U+FFFD, and turns
// no-break and ideographic spaces into plain ones.
var cellBreaks = strings.NewReplacer("\r\n", "", "\n", "", "\r", "", "\u00a0", " ", "\u3000", " ", "\ufffd", "")

// CleanText is the contract's text normalization: NFC, line breaks inside a
// cell removed, leading and trailing spaces trimmed. Spaces between two CJK
// characters are letter-spacing and go; other inner spaces are kept.
func CleanText(s string) string {
	s = textutil.NFC(s)
	if hasCellBreak(s) { // Replace copies even when nothing matches
		s = cellBreaks.Replace(s)
	}
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
			if i > 0 && j < len(rs) && textutil.IsCJK(rs[i-1]) && textutil.IsCJK(rs[j]) {
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

// hasCellBreak reports whether s holds something cellBreaks replaces: a
// line break, U+00A0, U+3000 or U+FFFD, by a search for each
// (textutil.ContainsAny; U+FFFD on its own, as ContainsAny's set may not
// hold it); strings.ContainsAny decoded every rune of the cell against its
// set (4% of a long document's CPU).
func hasCellBreak(s string) bool {
	return textutil.ContainsAny(s, "\r\n\u00a0\u3000") || strings.Contains(s, "\ufffd")
}
