package pipeline

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/golden")

// TestGolden compares the whole output (YAML) of every fixture PDF and of the
// seed's text dump with the committed golden file. The goldens are made by
// this code (go test ./pipeline -update) and reviewed by eye in the diff
// before committing; the truth they are held against is TestFixtureScores's.
// They catch every change of output, checks and warnings included.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob("../fixtures/pdf/*.pdf")
	inputs = append(inputs, "../seeds/luliang-swbgs-2023-budget.txt")
	for _, in := range inputs {
		name := strings.TrimSuffix(filepath.Base(in), filepath.Ext(in))
		t.Run(name, func(t *testing.T) {
			doc, err := Convert([]string{in}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			var got bytes.Buffer
			if err := schema.WriteYAML(&got, doc); err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", "golden", name+".yaml")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, got.Bytes(), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test ./pipeline -update)", err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("output differs from %s:\n%s", golden, firstLines(lineDiff(got.String(), string(want)), 6))
			}
		})
	}
}

// firstLines keeps the first n lines of s.
func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}
