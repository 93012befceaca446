package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"gopkg.in/yaml.v3"
)

// TestVariants runs the command over every fixture variant (re-distilled,
// object streams, encrypted, rotated, scanned, truncated, not a PDF): the
// readable ones must give their base's truth exactly, the others their own
// failure code, exit number and a single stderr line naming the file.
func TestVariants(t *testing.T) {
	data, err := os.ReadFile("../../fixtures/variants.yaml")
	if err != nil {
		t.Skip("no fixtures/variants.yaml")
	}
	var vs struct {
		Variants []struct {
			File, Kind, Outcome, Password string
			Base                          *string
		}
	}
	if err := yaml.Unmarshal(data, &vs); err != nil {
		t.Fatal(err)
	}
	exits := map[string]int{"not_pdf": 3, "corrupt": 4, "needs_password": 5, "no_text_layer": 6}
	for _, v := range vs.Variants {
		path := filepath.Join("../../fixtures", v.File)
		t.Run(v.Kind+"/"+filepath.Base(v.File), func(t *testing.T) {
			if v.Outcome != "ok" {
				var stdout, stderr bytes.Buffer
				code := run([]string{"extract", path}, &stdout, &stderr)
				lines := strings.Split(strings.TrimSpace(stderr.String()), "\n")
				if code != exits[v.Outcome] || len(lines) != 1 || !strings.HasPrefix(lines[0], "budgetpdf: "+path+": "+v.Outcome+": ") || stdout.Len() != 0 {
					t.Errorf("exit %d, stderr %q, stdout %d bytes; want exit %d and one line with %s", code, stderr.String(), stdout.Len(), exits[v.Outcome], v.Outcome)
				}
				if v.Password == "" {
					return
				}
			}
			got, err := convert(path, extract.Options{Password: v.Password})
			if err != nil {
				t.Fatal(err)
			}
			s := compareDocs(got, loadTruth(t, filepath.Join("../../fixtures", *v.Base)))
			if len(s.diffs) > 0 || s.cells != s.cellsWant || s.triples != s.triplesWant || len(got.PerformanceForms) != s.formsWant {
				t.Errorf("tables %d/%d cells %d/%d forms %d/%d triples %d/%d; first: %v",
					s.tables, s.tablesWant, s.cells, s.cellsWant, s.forms, s.formsWant, s.triples, s.triplesWant, first(s.diffs))
			}
		})
	}
}

func first(diffs []string) string {
	if len(diffs) == 0 {
		return ""
	}
	return diffs[0]
}
