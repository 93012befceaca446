package extract

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestSanitize(t *testing.T) {
	tests := []struct {
		in, want string
		max      int
	}{
		{"plain text", "plain text", 0},
		{"two\nlines\r\n  and\ttabs ", "two lines and tabs", 0},
		{"\x1b]0;PWNED\a\x1b[2J", `\x1b]0;PWNED\x07\x1b[2J`, 0},
		{"bad \xff\xfe utf8", `bad \xff\xfe utf8`, 0},
		{"c1 \u0085 nel, rlo \u202e x, ls \u2028", `c1 \u0085 nel, rlo \u202e x, ls \u2028`, 0},
		{"预算表 中文", "预算表 中文", 0},
		{"abcdefghij", "abcdefghij", 10},
		{"abcdefghijk", "abcdefg…", 10},
		{"预算表预算表", "预…", 7}, // 3-byte runes are not split
	}
	for _, tt := range tests {
		if got := Sanitize(tt.in, tt.max); got != tt.want {
			t.Errorf("Sanitize(%q, %d) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// TestSanitizeBounds: whatever the input, the output is one valid UTF-8
// line of at most MaxMessage bytes without control characters.
func TestSanitizeBounds(t *testing.T) {
	inputs := []string{
		strings.Repeat("A", 1<<20),
		strings.Repeat("\x1b[31m", 100000),
		strings.Repeat("\xff", 5000),
		strings.Repeat("表", 1000),
		strings.Repeat("\n", 1000) + "x",
	}
	for _, in := range inputs {
		checkLine(t, Sanitize(in, 0))
	}
}

func checkLine(t *testing.T, s string) {
	t.Helper()
	if len(s) > MaxMessage {
		t.Errorf("%d bytes: %.40q…", len(s), s)
	}
	if !utf8.ValidString(s) {
		t.Errorf("invalid UTF-8: %.40q", s)
	}
	for _, r := range s {
		if r < 0x20 || r == 0x7f || unsafeRune(r) {
			t.Errorf("control %U in %.40q", r, s)
			return
		}
	}
}
