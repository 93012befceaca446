package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/schema"
	"gopkg.in/yaml.v3"
)

// mergedOut is what a test reads back from `budgetpdf merge`.
type mergedOut struct {
	Source struct {
		File  string        `json:"file" yaml:"file"`
		Pages int           `json:"pages" yaml:"pages"`
		Parts []schema.Part `json:"parts" yaml:"parts"`
	} `json:"source" yaml:"source"`
	Document schema.DocumentInfo `json:"document" yaml:"document"`
	Tables   []struct {
		Kind  string `json:"kind" yaml:"kind"`
		Pages []int  `json:"pages" yaml:"pages"`
	} `json:"tables" yaml:"tables"`
	Checks []schema.Check `json:"checks" yaml:"checks"`
}

func fileSHA(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// A Jiangsu disclosure published as a narrative PDF and a tables PDF: one
// document with the narrative's cover, the tables after the narrative's 13
// pages, checks across both, and both files in source.parts.
func TestMergeNarrativeAndTables(t *testing.T) {
	narr := realPDF(t, "js-swbgt-2017-narrative.pdf")
	tabs := realPDF(t, "js-swbgt-2017-tables.pdf")
	doc, err := Convert([]string{narr, tabs}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range Formats {
		format := f.Name
		out, err := f.Encode(doc)
		if err != nil {
			t.Fatal(err)
		}
		var got mergedOut
		if format == "json" {
			err = json.Unmarshal(out, &got)
		} else {
			err = yaml.Unmarshal(out, &got)
		}
		if err != nil {
			t.Fatalf("%s: %v", format, err)
		}
		if got.Source.File != "js-swbgt-2017-narrative.pdf" || got.Source.Pages != 13 {
			t.Errorf("%s: source %s, %d pages; want the narrative's, 13", format, got.Source.File, got.Source.Pages)
		}
		want := []schema.Part{{File: "js-swbgt-2017-narrative.pdf", Pages: 13}, {File: "js-swbgt-2017-tables.pdf", Pages: 14}}
		if len(got.Source.Parts) != 2 {
			t.Fatalf("%s: parts %+v", format, got.Source.Parts)
		}
		for i, p := range got.Source.Parts {
			if p.File != want[i].File || p.Pages != want[i].Pages || p.SHA256 != fileSHA(t, []string{narr, tabs}[i]) {
				t.Errorf("%s: part %d = %+v, want %s, %d pages, its sha256", format, i, p, want[i].File, want[i].Pages)
			}
		}
		if got.Document.Title != "江苏省委办公厅2017年度部门预算" || got.Document.Year != 2017 {
			t.Errorf("%s: document %+v", format, got.Document)
		}
		// The tables PDF prints 收支预算总表 on its page 1 and 政府采购预算表 on
		// its pages 12-14.
		if len(got.Tables) != 12 || got.Tables[0].Kind != schema.TableIncomeExpenditureSummary || got.Tables[0].Pages[0] != 14 {
			t.Fatalf("%s: %d tables, first %+v", format, len(got.Tables), got.Tables[0])
		}
		if last := got.Tables[11]; last.Kind != schema.TableGovernmentProcurement || fmt.Sprint(last.Pages) != "[25 26 27]" {
			t.Errorf("%s: last table %+v, want government_procurement on pages 25-27", format, last)
		}
		// The narrative's figures are now checked against the tables.
		narrative := 0
		for _, c := range got.Checks {
			if c.Rule == "narrative" && c.Status == schema.StatusPass {
				narrative++
			}
		}
		alone, err := Convert([]string{narr}, Options{})
		if err != nil {
			t.Fatal(err)
		}
		before := 0
		for _, c := range alone.Checks {
			if c.Rule == "narrative" && c.Status == schema.StatusPass {
				before++
			}
		}
		if narrative <= before {
			t.Errorf("%s: %d narrative checks pass merged, %d on the narrative alone", format, narrative, before)
		}
	}
}

// A file that cannot be read is named with its own error code.
func TestMergeBadPart(t *testing.T) {
	tabs := realPDF(t, "js-zxbgt-2017-tables.pdf")
	junk := filepath.Join(t.TempDir(), "junk.pdf")
	if err := os.WriteFile(junk, []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	doc, err := Convert([]string{tabs, junk}, Options{})
	f, ok := errors.AsType[*Failure](err)
	if doc != nil || !ok || f.File != junk || Code(err) != CodeNotPDF || Exit(err) != 3 || !errors.Is(err, extract.ErrNotPDF) {
		t.Errorf("doc %v, error %#v; want a not_pdf failure naming %s", doc != nil, err, junk)
	}
}

// realPDF returns a file of the real corpus, skipping the test when it is
// absent.
func realPDF(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(realDir, name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("real corpus: %v", err)
	}
	return path
}
