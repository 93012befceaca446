package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestFailQuotesName: a file name with ESC sequences, a newline and bytes
// that are not UTF-8 reaches stderr quoted, in the line's file field and
// where the system's error repeats it: one line, no control byte, valid
// UTF-8, the name recoverable with strconv.Unquote.
func TestFailQuotesName(t *testing.T) {
	dir := t.TempDir()
	name := "a\x1b[2J\x1b]0;title\a\nb\xff\xfe 预算.pdf"
	junk := filepath.Join(dir, name)
	if err := os.WriteFile(junk, []byte("<html>junk</html>"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name string
		args []string
		exit int
		code string
	}{
		{"not a PDF", []string{"extract", junk}, exitNotPDF, "not_pdf"},
		{"missing", []string{"extract", junk + ".missing"}, exitUsage, "usage"},
		{"inspect", []string{"inspect", junk}, exitNotPDF, "not_pdf"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			if code := run(tt.args, &stdout, &stderr); code != tt.exit {
				t.Errorf("exit %d, want %d", code, tt.exit)
			}
			line, ok := strings.CutSuffix(stderr.String(), "\n")
			if !ok || strings.Contains(line, "\n") || !utf8.ValidString(line) {
				t.Fatalf("stderr is not one UTF-8 line: %q", stderr.String())
			}
			for _, c := range line {
				if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) {
					t.Errorf("control character %U in %q", c, line)
				}
			}
			file := tt.args[1]
			quoted := strconv.Quote(file)
			if !strings.HasPrefix(line, "budgetpdf: "+quoted+": "+tt.code+": ") {
				t.Errorf("stderr %q, want it to start with the quoted name %s", line, quoted)
			}
			if back, err := strconv.Unquote(quoted); err != nil || back != file || !strings.Contains(quoted, "预算") {
				t.Errorf("%s does not unquote to the name (%v) or lost its Chinese", quoted, err)
			}
			if rest := strings.TrimPrefix(line, "budgetpdf: "+quoted); strings.Contains(rest, "b\\xff") && !strings.Contains(rest, quoted) {
				t.Errorf("the reason repeats the name unquoted: %q", rest)
			}
		})
	}
}
