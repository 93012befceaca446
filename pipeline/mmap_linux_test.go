//go:build linux

package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
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

// TestMappedFileCutShort: a file cut short after it was mapped (rewritten
// in place while a batch reads it) faults where its bytes are gone; the
// conversion is a corrupt-file failure naming the file, not a crash. Both
// one reader and parallel page workers are tried, and the file is cut
// short at its start and half-way.
func TestMappedFileCutShort(t *testing.T) {
	// 262 pages: enough for page workers.
	src, err := os.ReadFile(nationalDir + "/003_深圳/人力资源和社会保障局_2026年部门预算.pdf")
	if err != nil {
		t.Skip(err)
	}
	for _, tc := range []struct {
		keep    int64
		workers int
	}{{0, 1}, {0, 2}, {int64(len(src) / 2), 1}, {int64(len(src) / 2), 3}, {int64(len(src) - 4096), 2}} {
		path := filepath.Join(t.TempDir(), "cut.pdf")
		if err := os.WriteFile(path, src, 0o644); err != nil {
			t.Fatal(err)
		}
		m, ok := mapFile(path)
		if !ok {
			t.Fatal("not mapped")
		}
		if err := os.Truncate(path, tc.keep); err != nil {
			t.Fatal(err)
		}
		_, err := ConvertFiles([]File{{Path: path, Data: m.data}}, Options{Workers: tc.workers})
		m.unmap()
		if err == nil {
			t.Errorf("cut to %d bytes, %d workers: no error", tc.keep, tc.workers)
			continue
		}
		f, _ := err.(*Failure)
		if code := Code(err); code != CodeCorrupt || f == nil || f.File != path || !strings.Contains(f.Message, "changed while it was read") {
			t.Errorf("cut to %d bytes, %d workers: %s: %v; want a corrupt-file failure naming the file", tc.keep, tc.workers, code, err)
		}
	}
}
