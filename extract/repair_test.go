package extract

import (
	"bytes"
	"strings"
	"testing"
)

func TestBlankObjects(t *testing.T) {
	tests := []struct {
		in, want string
		n        int
	}{
		{"1 0 obj\n<<>>\nendobj", "1 0 obj\n<<>>\nendobj", 0},
		{"2147483648 0 obj\n<< /Junk 1 >>\nendobj", strings.Repeat(" ", 16) + "\n<< /Junk 1 >>\nendobj", 1},
		{"x\n99999999999999999999999 0 obj <<>>", "x\n" + strings.Repeat(" ", 29) + " <<>>", 1},
		{"8388607 0 obj 8388608 0 obj", "8388607 0 obj              ", 1},
		{"/objective 9999999999 0 objx", "/objective 9999999999 0 objx", 0}, // not a header
		{"12 0 R endobj", "12 0 R endobj", 0},
	}
	for _, tt := range tests {
		in := []byte(tt.in)
		got, n := blankObjects(in, DefaultLimits.Objects)
		if string(got) != tt.want || n != tt.n {
			t.Errorf("blankObjects(%q) = %q, %d; want %q, %d", tt.in, got, n, tt.want, tt.n)
		}
		if !bytes.Equal(in, []byte(tt.in)) {
			t.Errorf("input changed: %q", in)
		}
	}
}
