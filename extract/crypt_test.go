package extract

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"testing"
)

// TestEncryptionAlgorithms encrypts a real disclosure with every algorithm
// qpdf writes (RC4-40, RC4-128, AES-128, AES-256 R5 and R6), owner-only and
// with a user password, and requires the pages of each copy, opened with no
// password, the user password and the owner password, to equal the plain
// file's glyph for glyph and rule for rule.
func TestEncryptionAlgorithms(t *testing.T) {
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed: encryption algorithms not tested")
	}
	src := filepath.Join("..", "..", "shared", "corpus", "real", "js-swbgt-2017-tables.pdf")
	if _, err := os.Stat(src); err != nil {
		t.Skipf("no %s", src)
	}
	plain := readAllPages(t, src, "")
	algs := []struct {
		name string
		args []string
	}{
		{"rc4-40", []string{"40"}},
		{"rc4-128", []string{"128", "--use-aes=n"}},
		{"aes-128", []string{"128", "--use-aes=y"}},
		{"aes-256-r6", []string{"256"}},
		{"aes-256-r5", []string{"256", "--force-R5"}},
	}
	dir := t.TempDir()
	for _, a := range algs {
		for _, user := range []string{"", "userpw"} {
			name := a.name + "-owner-only"
			if user != "" {
				name = a.name + "-user"
			}
			t.Run(name, func(t *testing.T) {
				out := filepath.Join(dir, name+".pdf")
				args := append([]string{"--allow-weak-crypto", "--encrypt", user, "ownerpw"}, a.args...)
				args = append(args, "--", src, out)
				if msg, err := exec.Command("qpdf", args...).CombinedOutput(); err != nil {
					t.Fatalf("qpdf: %v: %s", err, msg)
				}
				pws := []string{"ownerpw"}
				if user == "" {
					pws = append(pws, "")
				} else {
					pws = append(pws, user)
					if _, err := Open(out, Options{}); !errors.Is(err, ErrNeedsPassword) {
						t.Errorf("no password: %v, want ErrNeedsPassword", err)
					}
					if _, err := Open(out, Options{Password: "wrong"}); !errors.Is(err, ErrNeedsPassword) {
						t.Errorf("wrong password: %v, want ErrNeedsPassword", err)
					}
				}
				for _, pw := range pws {
					got := readAllPages(t, out, pw)
					if len(got) != len(plain) {
						t.Fatalf("password %q: %d pages, want %d", pw, len(got), len(plain))
					}
					for i := range plain {
						if !reflect.DeepEqual(got[i].Glyphs, plain[i].Glyphs) || !reflect.DeepEqual(got[i].Segments, plain[i].Segments) ||
							!reflect.DeepEqual(got[i].Warnings, plain[i].Warnings) {
							t.Fatalf("password %q: page %d differs from the plain file's (%d glyphs, want %d)", pw, i+1, len(got[i].Glyphs), len(plain[i].Glyphs))
						}
					}
				}
			})
		}
	}
}

func readAllPages(t *testing.T, path, pw string) []*Page {
	t.Helper()
	d, err := Open(path, Options{Password: pw})
	if err != nil {
		t.Fatalf("%s (password %q): %v", filepath.Base(path), pw, err)
	}
	pages, err := d.ReadAll()
	if err != nil {
		t.Fatalf("%s: %v", filepath.Base(path), err)
	}
	return pages
}
