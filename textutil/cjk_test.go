package textutil

import (
	"strings"
	"testing"
	"unicode"
)

// TestIsCJK: the union of what layout (joining words) and schema (dropping
// letter-spacing) each treated as written without spaces.
func TestIsCJK(t *testing.T) {
	for r, want := range map[rune]bool{
		'合': true, '计': true, '、': true, '。': true, '（': true, '：': true, '１': true,
		'①': true, '⑩': true, '“': true, '”': true, '‘': true, '’': true, '—': true, '…': true, '·': true,
		'a': false, '1': false, ' ': false, '(': false, '%': false, '-': false, '.': false, ',': false,
	} {
		if got := IsCJK(r); got != want {
			t.Errorf("IsCJK(%q) = %v, want %v", r, got, want)
		}
	}
}

func TestSqueeze(t *testing.T) {
	for in, want := range map[string]string{
		"合   计": "合计", "项目\t支出\n": "项目支出", "本年\u3000收入": "本年收入", "合计": "合计", "": "",
	} {
		if got := Squeeze(in); got != want {
			t.Errorf("Squeeze(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestSpaceScan: HasSpace and IsBlank are strings.ContainsFunc and
// strings.TrimFunc(…) == "" with unicode.IsSpace, on every rune alone and
// between other text, on invalid and cut UTF-8, and on texts of a
// disclosure.
func TestSpaceScan(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := HasSpace(s), strings.ContainsFunc(s, unicode.IsSpace); got != want {
			t.Errorf("HasSpace(%q) = %v, want %v", s, got, want)
		}
		if got, want := IsBlank(s), strings.TrimFunc(s, unicode.IsSpace) == ""; got != want {
			t.Errorf("IsBlank(%q) = %v, want %v", s, got, want)
		}
	}
	for r := rune(0); r <= unicode.MaxRune; r++ {
		s := string(r)
		check(s)
		if unicode.IsSpace(r) || r < 0x80 || r%97 == 0 {
			check("合" + s + "计")
			check(s + " ")
			check(" " + s)
		}
	}
	for _, s := range []string{"", " ", "\u3000\u00a0\u2028", "\xc2", "\xe2\x80", "\xe3\x80", "\xff ", " \x85", "2050803 其他普通教育支出", "（万元）", "\t\n\v\f\r"} {
		check(s)
	}
}

// TestContainsAny: ContainsAny is strings.ContainsAny for sets without
// U+FFFD, on every rune alone and in CJK text, and on invalid text.
func TestContainsAny(t *testing.T) {
	sets := []string{"。，；：:", "：:", ".…·", "()（）", "0123456789Xx-~至—", "", "a"}
	for r := rune(0); r <= unicode.MaxRune; r += 1 + rune(r>>12) {
		for _, s := range []string{string(r), "合" + string(r) + "计", "\xff" + string(r)} {
			for _, set := range sets {
				if got, want := ContainsAny(s, set), strings.ContainsAny(s, set); got != want {
					t.Fatalf("ContainsAny(%q, %q) = %v, strings.ContainsAny %v", s, set, got, want)
				}
			}
		}
	}
	for _, set := range sets {
		for _, r := range set {
			if !ContainsAny("合计"+string(r), set) {
				t.Errorf("ContainsAny misses %q of %q", r, set)
			}
		}
	}
}
