package pipeline

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

// TestVariants runs the command over every fixture variant (re-distilled,
// object streams, encrypted, rotated, scanned, truncated, not a PDF): the
// readable ones must give their base's truth exactly, the others their own
// failure code, exit number and a single stderr line naming the file.
func TestVariants(t *testing.T) {
	data, err := os.ReadFile("../fixtures/variants.yaml")
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
		path := filepath.Join("../fixtures", v.File)
		t.Run(v.Kind+"/"+filepath.Base(v.File), func(t *testing.T) {
			if v.Outcome != "ok" {
				doc, err := Convert([]string{path}, Options{})
				f, ok := errors.AsType[*Failure](err)
				if doc != nil || !ok || f.File != path || Code(err) != v.Outcome || Exit(err) != exits[v.Outcome] || strings.Contains(f.Message, "\n") {
					t.Errorf("doc %v, error %#v (code %s, exit %d); want a one-line %s failure naming %s, exit %d", doc != nil, err, Code(err), Exit(err), v.Outcome, path, exits[v.Outcome])
				}
				if v.Password == "" {
					return
				}
			}
			got, err := Convert([]string{path}, Options{Password: v.Password})
			if err != nil {
				t.Fatal(err)
			}
			s := compareDocs(got, loadTruth(t, filepath.Join("../fixtures", *v.Base)))
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
