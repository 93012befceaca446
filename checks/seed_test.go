package checks

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
	"gopkg.in/yaml.v3"
)

// loadDoc reads a contract-shape document.
func loadDoc(t *testing.T, path string) *schema.Document {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var d schema.Document
	if err := yaml.Unmarshal(b, &d); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return &d
}

// loadNarrative reads "page<TAB>text" lines.
func loadNarrative(t *testing.T, path string) []Text {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []Text
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		p, s, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			continue
		}
		n, err := strconv.Atoi(p)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		out = append(out, Text{Page: n, Text: s})
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestSeedPasses(t *testing.T) {
	doc := loadDoc(t, "testdata/luliang.yaml")
	cs := Run(doc, loadNarrative(t, "testdata/luliang-narrative.txt"))
	for _, c := range cs {
		t.Logf("%-8s %-13s %-34s %s %v", c.Status, c.Rule, c.Table, c.Message, c.Pages)
		if c.Status == schema.StatusFail {
			t.Errorf("unexpected failure: %s %s: %s", c.Rule, c.Table, c.Message)
		}
	}
}
