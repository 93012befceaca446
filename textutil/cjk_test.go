package textutil

import "testing"

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
