package extract

import (
	"bytes"
	"errors"
	"os"
	"strings"
	"testing"
	"time"
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

// TestRepairHugeSize: a 695-byte file (found by FuzzPipeline) whose damaged
// tail makes pdfcpu's repair see object 100,000,000 and a /Size past it.
// pdfcpu's writer looped over every number (62 s); the repair now stops
// at once, and the file is corrupt.
func TestRepairHugeSize(t *testing.T) {
	data, err := os.ReadFile("testdata/repair_size_1e8.pdf")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	_, err = NewReaderBytes(data, Options{})
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("took %v, want under 5 s", took)
	}
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "more objects than") {
		t.Errorf("err = %v, want corrupt: more objects than …", err)
	}
}
