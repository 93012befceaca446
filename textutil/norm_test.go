package textutil

import (
	"testing"

	"golang.org/x/text/unicode/norm"
)

// TestInertRanges proves the fast path against the normalizer: every rune
// of inertRanges is its own NFC and NFKC decomposition, a starter, and a
// boundary before (it never composes with the rune before it, so no two
// inert runes compose; a rune after it that would compose is not inert and
// sends the string to the normalizer), and the ranges are sorted, as inert's
// early return needs.
func TestInertRanges(t *testing.T) {
	for i, rg := range inertRanges {
		if rg[0] > rg[1] || (i > 0 && rg[0] <= inertRanges[i-1][1]) {
			t.Fatalf("inertRanges[%d] = %U..%U: not sorted", i, rg[0], rg[1])
		}
		for r := rg[0]; r <= rg[1]; r++ {
			s := string(r)
			for _, f := range []norm.Form{norm.NFC, norm.NFKC} {
				p := f.PropertiesString(s)
				if p.Decomposition() != nil || p.CCC() != 0 || !p.BoundaryBefore() || f.String(s) != s {
					t.Errorf("%U (%s) is not inert under form %v", r, s, f)
				}
			}
		}
	}
}

// TestFullwidth proves fullwidth against the normalizer: each mapped rune
// is a starter that composes with nothing before it, and NFKC maps it to
// the ASCII rune fullwidth gives.
func TestFullwidth(t *testing.T) {
	n := 0
	for r := rune(0); r <= 0x10FFFF; r++ {
		a, ok := fullwidth(r)
		if !ok {
			continue
		}
		n++
		p := norm.NFKC.PropertiesString(string(r))
		if got := norm.NFKC.String(string(r)); got != string(a) || !p.BoundaryBefore() || a >= 0x80 {
			t.Errorf("fullwidth(%U) = %q; NFKC gives %q", r, a, got)
		}
	}
	if n != 0xFF5E-0xFF01+1+1 {
		t.Errorf("fullwidth maps %d runes", n)
	}
}

func TestNormFastPath(t *testing.T) {
	for _, tt := range []struct {
		in, nfkc, nfc string
		inert         bool
	}{
		{"", "", "", true},
		{"1738.50", "1738.50", "1738.50", true},
		{"预算“三公”经费《表一》、合计。", "预算“三公”经费《表一》、合计。", "预算“三公”经费《表一》、合计。", true},
		{"２４", "24", "２４", false},
		{"（一）", "(一)", "（一）", false},
		{"ﬁ", "fi", "ﬁ", false},
		{"合\u3000计", "合 计", "合\u3000计", false},
		{"e\u0301", "é", "é", false}, // an ASCII letter composing with a mark after it
		{"⼈", "人", "⼈", false},       // a Kangxi radical, printed for 人 by some fonts
		{"…", "...", "…", false},
		{"项目名称：（一）２０２６年", "项目名称:(一)2026年", "项目名称：（一）２０２６年", false},
		{"（ｅ\u0301）", "(é)", "（ｅ\u0301）", false}, // a mapped letter composing with a mark
		{"：ﬁ", ":fi", "：ﬁ", false},
	} {
		if got := Inert(tt.in); got != tt.inert {
			t.Errorf("Inert(%q) = %v, want %v", tt.in, got, tt.inert)
		}
		if got := NFKC(tt.in); got != tt.nfkc || got != norm.NFKC.String(tt.in) {
			t.Errorf("NFKC(%q) = %q, want %q", tt.in, got, tt.nfkc)
		}
		if got := NFC(tt.in); got != tt.nfc || got != norm.NFC.String(tt.in) {
			t.Errorf("NFC(%q) = %q, want %q", tt.in, got, tt.nfc)
		}
	}
}
