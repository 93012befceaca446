package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// fixtureVariant is an entry of fixtures/variants.yaml: a file derived from a
// fixture PDF with a real tool (qpdf, ghostscript, truncation...) and the
// outcome the contract expects for it.
type fixtureVariant struct {
	File     string  `yaml:"file"`
	Kind     string  `yaml:"kind"`
	Outcome  string  `yaml:"outcome"`
	Password *string `yaml:"password"`
	Pages    []int   `yaml:"pages"`
}

// TestInspectVariants runs inspect on every fixture variant and checks the
// exit code and failure code against the outcome written with the fixtures.
func TestInspectVariants(t *testing.T) {
	root := moduleRoot(t)
	b, err := os.ReadFile(filepath.Join(root, "fixtures", "variants.yaml"))
	if err != nil {
		t.Skipf("no fixture variants yet: %v", err)
	}
	var set struct {
		Variants []fixtureVariant `yaml:"variants"`
	}
	if err := yaml.Unmarshal(b, &set); err != nil {
		t.Fatalf("fixtures/variants.yaml: %v", err)
	}
	exits := map[string]int{"ok": 0, "not_pdf": 3, "corrupt": 4, "needs_password": 5, "no_text_layer": 6}
	for _, v := range set.Variants {
		t.Run(v.Kind+"/"+filepath.Base(v.File), func(t *testing.T) {
			want, ok := exits[v.Outcome]
			if !ok {
				t.Fatalf("unknown outcome %q", v.Outcome)
			}
			path := filepath.Join(root, "fixtures", v.File)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("variant not built: %v", err)
			}
			var stdout, stderr bytes.Buffer
			exit := run([]string{"inspect", path}, &stdout, &stderr)
			if exit != want {
				t.Fatalf("exit %d, want %d (%s); stderr %q", exit, want, v.Outcome, stderr.String())
			}
			if want != 0 {
				if line := stderr.String(); !strings.HasPrefix(line, "budgetpdf: "+path+": "+v.Outcome+": ") || strings.Count(line, "\n") != 1 {
					t.Errorf("stderr %q, want one line with code %s", line, v.Outcome)
				}
			}
			if v.Outcome == "needs_password" && v.Password != nil {
				stdout.Reset()
				stderr.Reset()
				if exit := run([]string{"inspect", "--password", *v.Password, path}, &stdout, &stderr); exit != 0 {
					t.Errorf("with the password: exit %d, stderr %q", exit, stderr.String())
				}
			}
		})
	}
}
