//go:build linux

package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestMapFile: a regular file maps to its bytes, which stay readable after
// forget; an empty file, a folder and a missing file are read instead.
func TestMapFile(t *testing.T) {
	dir := t.TempDir()
	body := bytes.Repeat([]byte("%PDF-1.4 0123456789\n"), 1000) // past one memory page
	full := filepath.Join(dir, "a.pdf")
	empty := filepath.Join(dir, "empty.pdf")
	if err := os.WriteFile(full, body, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		path string
		ok   bool
	}{
		{full, true},
		{empty, false},
		{dir, false},
		{filepath.Join(dir, "missing.pdf"), false},
	}
	for _, c := range cases {
		m, ok := mapFile(c.path)
		if ok != c.ok {
			t.Errorf("%s: mapped %v, want %v", filepath.Base(c.path), ok, c.ok)
			continue
		}
		if !ok {
			continue
		}
		for range 2 {
			if !bytes.Equal(m.data, body) {
				t.Errorf("%s: mapped bytes differ from the file's", filepath.Base(c.path))
			}
			m.forget()
		}
		m.unmap()
	}
}
