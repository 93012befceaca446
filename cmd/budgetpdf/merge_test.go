package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"strings"
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
	for _, format := range []string{"json", "yaml"} {
		var stdout, stderr bytes.Buffer
		if code := run([]string{"merge", narr, tabs, "--format", format}, &stdout, &stderr); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, stderr.String())
		}
		var got mergedOut
		var err error
		if format == "json" {
			err = json.Unmarshal(stdout.Bytes(), &got)
		} else {
			err = yaml.Unmarshal(stdout.Bytes(), &got)
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
		alone, err := convert(narr, extract.Options{})
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

func TestMergeUsage(t *testing.T) {
	for _, args := range [][]string{{"merge"}, {"merge", "a.pdf"}, {"merge", "a.pdf", "b.pdf", "--format", "xml"}, {"merge", "a.pdf", "b.pdf", "--bogus"}} {
		var stdout, stderr bytes.Buffer
		if code := run(args, &stdout, &stderr); code == 0 || stderr.Len() == 0 {
			t.Errorf("%v: exit %d, stderr %q; want a usage error", args, code, stderr.String())
		}
	}
}

// A file that cannot be read is named with its own error code.
func TestMergeBadPart(t *testing.T) {
	tabs := realPDF(t, "js-zxbgt-2017-tables.pdf")
	junk := t.TempDir() + "/junk.pdf"
	if err := os.WriteFile(junk, []byte("junk"), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run([]string{"merge", tabs, junk}, &stdout, &stderr)
	if code != 3 || !strings.HasPrefix(stderr.String(), "budgetpdf: "+junk+": not_pdf: ") || stdout.Len() != 0 {
		t.Errorf("exit %d, stderr %q, %d bytes out; want 3, not_pdf naming %s", code, stderr.String(), stdout.Len(), junk)
	}
}

// extract with two files is merge.
func TestExtractTwoFilesMerges(t *testing.T) {
	narr := realPDF(t, "js-swbgt-2018-narrative.pdf")
	tabs := realPDF(t, "js-swbgt-2018-tables.pdf")
	var a, b, errs bytes.Buffer
	if code := run([]string{"extract", narr, tabs}, &a, &errs); code != 0 {
		t.Fatalf("extract: exit %d: %s", code, errs.String())
	}
	if code := run([]string{"merge", narr, tabs}, &b, &errs); code != 0 {
		t.Fatalf("merge: exit %d: %s", code, errs.String())
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) || !strings.Contains(a.String(), `"parts": [`) {
		t.Errorf("extract A B differs from merge A B, or has no source.parts")
	}
	var errb bytes.Buffer
	if code := run([]string{"merge", narr}, &a, &errb); code != 2 || !strings.Contains(errb.String(), "usage") {
		t.Errorf("merge with one file: exit %d, %q", code, errb.String())
	}
}
