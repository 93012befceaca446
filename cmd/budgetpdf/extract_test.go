package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/schema"
)

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
	if code != 3 || !strings.HasPrefix(stderr.String(), "budgetpdf: "+strconv.Quote(junk)+": not_pdf: ") || stdout.Len() != 0 {
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

// extract -j N writes the bytes of extract -j 1; -j takes positive numbers.
func TestExtractJobs(t *testing.T) {
	file := realPDF(t, "js-swbgt-2018-tables.pdf")
	var serial, errs bytes.Buffer
	if code := run([]string{"extract", file, "-j", "1"}, &serial, &errs); code != 0 {
		t.Fatalf("extract -j 1: exit %d: %s", code, errs.String())
	}
	for _, j := range []string{"2", "3"} {
		var out bytes.Buffer
		if code := run([]string{"extract", "-j", j, file}, &out, &errs); code != 0 {
			t.Fatalf("extract -j %s: exit %d: %s", j, code, errs.String())
		}
		if !bytes.Equal(out.Bytes(), serial.Bytes()) {
			t.Errorf("extract -j %s differs from -j 1", j)
		}
	}
	for _, bad := range []string{"0", "-2", "x"} {
		var out, errb bytes.Buffer
		if code := run([]string{"extract", file, "-j", bad}, &out, &errb); code != 2 || !strings.Contains(errb.String(), "-j") {
			t.Errorf("-j %s: exit %d, %q", bad, code, errb.String())
		}
	}
}

// extract - reads standard input: the document of the same bytes, named
// stdin; an empty input is not_pdf naming stdin.
func TestExtractStdin(t *testing.T) {
	path := realPDF(t, "js-zxbgt-2017-tables.pdf")
	withStdin := func(name string, fn func()) {
		f, err := os.Open(name)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		old := os.Stdin
		os.Stdin = f
		defer func() { os.Stdin = old }()
		fn()
	}
	var want, got, errs bytes.Buffer
	if code := run([]string{"extract", path}, &want, &errs); code != 0 {
		t.Fatalf("extract FILE: exit %d: %s", code, errs.String())
	}
	withStdin(path, func() {
		if code := run([]string{"extract", "-"}, &got, &errs); code != 0 {
			t.Fatalf("extract -: exit %d: %s", code, errs.String())
		}
	})
	base := path[strings.LastIndex(path, "/")+1:]
	if w := strings.Replace(want.String(), `"file": "`+base+`"`, `"file": "stdin"`, 1); got.String() != w {
		t.Errorf("extract - differs from extract FILE beyond source.file (%d vs %d bytes)", got.Len(), len(w))
	}
	empty := t.TempDir() + "/empty"
	if err := os.WriteFile(empty, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	var out, stderr bytes.Buffer
	withStdin(empty, func() {
		if code := run([]string{"extract", "-"}, &out, &stderr); code != 3 || !strings.HasPrefix(stderr.String(), `budgetpdf: "stdin": not_pdf: `) || out.Len() != 0 {
			t.Errorf("empty stdin: exit %d, stderr %q; want 3, not_pdf naming stdin", code, stderr.String())
		}
	})
}

// TestExtractPages converts a real Chongqing disclosure whole and with
// --pages: the tables that come out are exactly those of the full run that
// lie on the chosen pages, figure for figure; source.pages_read lists the
// pages; --pages all (and 1-end) writes the full run's bytes; a bad list is
// one usage line.
func TestExtractPages(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join(nationalDir, "004_重庆", "宣传部_*.pdf"))
	if len(matches) == 0 {
		t.Skipf("no Chongqing 宣传部 file in %s", nationalDir)
	}
	file := matches[0]
	extractDoc := func(args ...string) ([]byte, *schema.Document) {
		t.Helper()
		var out, errs bytes.Buffer
		if code := run(append([]string{"extract", file}, args...), &out, &errs); code != 0 {
			t.Fatalf("extract %v: exit %d: %s", args, code, errs.String())
		}
		var doc schema.Document
		if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
			t.Fatal(err)
		}
		return out.Bytes(), &doc
	}
	fullBytes, full := extractDoc()
	if full.Source.PagesRead != "" {
		t.Errorf("full run: pages_read %q, want none", full.Source.PagesRead)
	}
	for _, list := range []string{"all", "1-end", "ALL"} {
		if b, _ := extractDoc("--pages", list); !bytes.Equal(b, fullBytes) {
			t.Errorf("--pages %s differs from the full run", list)
		}
	}
	for _, list := range []string{"8,15,23", "8-11,15,23-end", "end"} {
		ps, err := extract.ParsePageSet(list)
		if err != nil {
			t.Fatal(err)
		}
		chosen := map[int]bool{}
		for _, p := range ps.Pages(full.Source.Pages) {
			chosen[p] = true
		}
		var want []schema.Table
		for _, tb := range full.Tables {
			all := len(tb.Pages) > 0
			for _, p := range tb.Pages {
				all = all && chosen[p]
			}
			if all {
				want = append(want, tb)
			}
		}
		if len(want) == 0 {
			t.Fatalf("--pages %s: no table of the full run lies on those pages", list)
		}
		_, doc := extractDoc("--pages", list)
		if got, w := doc.Source.PagesRead, extract.Ranges(ps.Pages(full.Source.Pages)); got != w {
			t.Errorf("--pages %s: pages_read %q, want %q", list, got, w)
		}
		if doc.Source.Pages != full.Source.Pages || doc.Source.SHA256 != full.Source.SHA256 {
			t.Errorf("--pages %s: source %+v, full run's %+v", list, doc.Source, full.Source)
		}
		var kinds []string
		for _, tb := range doc.Tables {
			kinds = append(kinds, fmt.Sprintf("%s%v", tb.Kind, tb.Pages))
			for _, p := range tb.Pages {
				if !chosen[p] {
					t.Errorf("--pages %s: table %s on page %d, not chosen", list, tb.Kind, p)
				}
			}
		}
		if !reflect.DeepEqual(doc.Tables, want) {
			var wk []string
			for _, tb := range want {
				wk = append(wk, fmt.Sprintf("%s%v", tb.Kind, tb.Pages))
			}
			t.Errorf("--pages %s: tables %v, want the full run's %v with the same figures", list, kinds, wk)
		}
	}
	for _, c := range []struct{ args []string }{
		{[]string{"extract", file, "--pages", "5-3"}},
		{[]string{"extract", file, "--pages", "0"}},
		{[]string{"extract", file, "--pages", ""}},
		{[]string{"extract", file, "--pages", "x"}},
		{[]string{"extract", file, "--pages", "40-end"}}, // past the 24 pages
		{[]string{"extract", file, file, "--pages", "1"}},
		{[]string{"extract", file, "--pages"}},
	} {
		var out, errs bytes.Buffer
		code := run(c.args, &out, &errs)
		msg := errs.String()
		if code != 2 || out.Len() != 0 || strings.Count(msg, "\n") != 1 || !strings.Contains(msg, "usage: ") || strings.Contains(msg, "usage: usage") {
			t.Errorf("%v: exit %d, stderr %q; want one usage line (exit 2)", c.args[2:], code, msg)
		}
	}
}
