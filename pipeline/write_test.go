package pipeline

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// TestWriteFileAtomic: the file appears whole, replaces an older one, is an
// ordinary 0644 file, and no temporary file stays beside it.
func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "sub", "out.json")
	for _, body := range []string{"first\n", "second, longer\n"} {
		if err := WriteFileAtomic(path, []byte(body)); err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(path)
		if err != nil || string(got) != body {
			t.Errorf("read %q, %v; want %q", got, err, body)
		}
	}
	st, err := os.Stat(path)
	if err != nil || st.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, %v; want 0644", st.Mode(), err)
	}
	entries, _ := os.ReadDir(filepath.Dir(path))
	if len(entries) != 1 {
		t.Errorf("%d files beside the output, want none", len(entries)-1)
	}
	// A folder in the way: an error, nothing left.
	if err := os.Mkdir(filepath.Join(dir, "taken"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "taken", "x"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "taken"), []byte("x")); err == nil {
		t.Error("writing over a folder: no error")
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".taken.*")); len(m) != 0 {
		t.Errorf("temporary files left: %v", m)
	}
}

// TestWriteAtomicFailing: a write that fails part-way leaves neither the
// output nor a temporary file, and an older output stays as it was.
func TestWriteAtomicFailing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.json")
	if err := os.WriteFile(path, []byte("old\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name  string
		write func(io.Writer) error
	}{
		{"fails at once", func(io.Writer) error { return errors.New("encode") }},
		{"fails after writing", func(w io.Writer) error {
			if _, err := w.Write([]byte("{\"half\": ")); err != nil {
				return err
			}
			return errors.New("encode")
		}},
	}
	for _, c := range cases {
		if err := WriteAtomic(path, c.write); err == nil {
			t.Errorf("%s: no error", c.name)
		}
		got, _ := os.ReadFile(path)
		if string(got) != "old\n" {
			t.Errorf("%s: output %q, want the old one", c.name, got)
		}
		if m, _ := filepath.Glob(filepath.Join(dir, ".out.json.*")); len(m) != 0 {
			t.Errorf("%s: temporary files left: %v", c.name, m)
		}
	}
}
