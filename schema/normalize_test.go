package schema

import (
	"strings"
	"testing"
	"unicode"

	"github.com/budgetpdf/budgetpdf/textutil"
)

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"合   计", "合计"},
		{"1. 一般公共预算", "1. 一般公共预算"},
		{"市委直联县(市、区)委视频会议系统专线\n年租金", "市委直联县(市、区)委视频会议系统专线年租金"},
		{"  项目支出 ", "项目支出"},
		{"2023年 预算数", "2023年预算数"},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestHasCellBreak: hasCellBreak is strings.ContainsAny of cellBreaks'
// characters on valid text (every rune, alone and between CJK), and on
// invalid text (which ContainsAny, reading an invalid byte as U+FFFD, sent
// through cellBreaks) a text it finds no break in is one cellBreaks leaves
// as it is.
func TestHasCellBreak(t *testing.T) {
	const set = "\r\n\u00a0\u3000\ufffd"
	for r := rune(0); r <= unicode.MaxRune; r++ {
		for _, s := range []string{string(r), "合" + string(r) + "计"} {
			if got, want := hasCellBreak(s), strings.ContainsAny(s, set); got != want {
				t.Fatalf("hasCellBreak(%q) = %v, ContainsAny %v", s, got, want)
			}
		}
	}
	for _, s := range []string{"\xff", "合\xe4\xb8计", "a\xc2", "\xe3\x80", "\xef\xbf", "合 计\xff"} {
		if x := textutil.NFC(s); !hasCellBreak(x) && cellBreaks.Replace(x) != x {
			t.Errorf("%q: no break found, but cellBreaks makes it %q", x, cellBreaks.Replace(x))
		}
	}
}
