package textutil

import "testing"

func TestIsSubjectCode(t *testing.T) {
	for s, want := range map[string]bool{
		"201": true, "20131": true, "2013101": true, " 301 ": true, "30201": true,
		"20": false, "2013": false, "201310101": false, "２０１": false, "20a": false, "": false,
	} {
		if got := IsSubjectCode(s); got != want {
			t.Errorf("IsSubjectCode(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestIsIndexRow(t *testing.T) {
	tests := []struct {
		texts []string
		want  bool
	}{
		{[]string{"1", "2", "3"}, true},
		{[]string{"栏次", "1", "2", "3"}, true},
		{[]string{"", "4", " 5 ", "", "6"}, true},
		{[]string{"1"}, false},
		{[]string{"1", "3"}, false},
		{[]string{"合计", "1", "2"}, false},
		{[]string{"1.00", "2.00"}, false},
		{[]string{"-1", "0"}, false},
		{[]string{"10000", "10001"}, false},
	}
	for _, tt := range tests {
		if got := IsIndexRow(tt.texts); got != tt.want {
			t.Errorf("IsIndexRow(%q) = %v, want %v", tt.texts, got, tt.want)
		}
	}
}

func TestHanNumber(t *testing.T) {
	for s, want := range map[string]int{"一": 1, "九": 9, "十": 10, "十二": 12, "二十": 20, "二十一": 21, "": 0, "十十": 0, "一二": 0} {
		if got := HanNumber(s); got != want {
			t.Errorf("HanNumber(%q) = %d, want %d", s, got, want)
		}
	}
}
