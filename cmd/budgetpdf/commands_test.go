package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestHelp: budgetpdf help lists every command once, in the table's order
// (extract first), and help for one command, -h and --help print that
// command's usage to stdout and exit 0, whatever else is on the line.
func TestHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"help"}, &stdout, &stderr); code != 0 || stderr.Len() != 0 {
		t.Fatalf("help: exit %d, stderr %q", code, stderr.String())
	}
	list := stdout.String()
	last := -1
	for _, c := range commands {
		line := "  budgetpdf " + c.name
		i := strings.Index(list, line+" ")
		if i < 0 {
			i = strings.Index(list, line+"\n")
		}
		if i < 0 || strings.Count(list, line+" ")+strings.Count(list, line+"\n") != 1 {
			t.Errorf("help lists %s %d times", c.name, strings.Count(list, line))
		}
		if i < last {
			t.Errorf("help lists %s out of the table's order", c.name)
		}
		last = i
	}
	if !strings.HasPrefix(list[strings.Index(list, "\n  ")+1:], "  budgetpdf extract ") {
		t.Errorf("help does not start with extract:\n%s", list)
	}

	for _, c := range commands {
		for _, args := range [][]string{
			{c.name, "-h"}, {c.name, "--h"}, {c.name, "--help"}, {c.name, "-help"}, {"help", c.name},
			{c.name, "some.pdf", "--bogus", "--help"},
		} {
			var stdout, stderr bytes.Buffer
			code := run(args, &stdout, &stderr)
			want := "usage: budgetpdf " + strings.TrimSpace(c.name+" "+c.args) + "\n\n" + c.help + "\n"
			if code != 0 || stderr.Len() != 0 || stdout.String() != want {
				t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 0 and the usage", args, code, stdout.String(), stderr.String())
			}
		}
	}
	// After "--", -h is an argument (a file of that name).
	if code := run([]string{"extract", "--", "-h"}, &stdout, &stderr); code != exitUsage {
		t.Errorf("extract -- -h: exit %d, want %d (no such file)", code, exitUsage)
	}
}

// TestUsageErrors: every command's bad usage exits 2 with one stderr line
// that says "usage" once, never "usage: usage:".
func TestUsageErrors(t *testing.T) {
	dir := t.TempDir()
	tests := [][]string{
		nil,
		{"frobnicate"},
		{"help", "frobnicate"},
		{"extract"},
		{"extract", "a.pdf", "--bogus"},
		{"extract", "a.pdf", "--format", "xml"},
		{"extract", "a.pdf", "-o"},
		{"merge", "a.pdf"},
		{"check"},
		{"check", "a.pdf", "--bogus"},
		{"batch"},
		{"batch", "a.pdf"},
		{"batch", dir, "--out", dir, "--format", "xml"},
		{"batch", dir, "--out", dir, "--shard", "3/2"},
		{"batch", dir, "--out", dir, "-j", "0"},
		{"batch", dir, "--out", dir, "--timeout", "soon"},
		{"batch", dir, "--out", dir, "--force=1"},
		{"batch", dir + "/nope", "--out", dir},
		{"review", "a.pdf"},
		{"review", "a.pdf", "-o", dir, "--dpi", "0"},
		{"inspect"},
		{"inspect", "a.pdf", "--bogus"},
		{"version", "extra"},
	}
	for _, args := range tests {
		var stdout, stderr bytes.Buffer
		code := run(args, &stdout, &stderr)
		s := stderr.String()
		if code != exitUsage || strings.Count(s, "\n") != 1 || strings.Count(s, "usage") != 1 || !strings.HasPrefix(s, "budgetpdf: usage: ") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line saying usage once", args, code, s)
		}
	}
}
