package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
)

func init() {
	commands = append(commands,
		command{"merge", "FILE FILE... [-o OUT] [--format json|yaml] [--password P]",
			"convert a disclosure published as several files (a narrative PDF and its tables PDF) into one document (as extract FILE FILE...)", runMerge},
	)
}

// runMerge is `budgetpdf merge`: extract with two or more files.
func runMerge(args []string, stdout, stderr io.Writer) int {
	return runConvert("merge", 2, args, stdout, stderr)
}

// safeMerge is merge with any panic turned into an internal error; failed
// names the file that could not be read.
func safeMerge(paths []string, opts extract.Options) (doc *schema.Document, failed string, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, failed, err = nil, strings.Join(paths, " + "), fmt.Errorf("internal error: %v", r)
		}
	}()
	return merge(paths, opts)
}

// merge converts one or more files as one disclosure: each file is read
// and laid out on its own (a table never runs from one file into the next),
// the pages of each later file are numbered after those of the files before
// it, and the schema and the checks then see one document, narrative and
// tables together. The source is the first file's; with several files,
// source.parts lists them all.
func merge(paths []string, opts extract.Options) (*schema.Document, string, error) {
	if len(paths) == 1 {
		doc, err := convert(paths[0], opts)
		return doc, paths[0], err
	}
	var all layout.Document
	var warnings []schema.Warning
	var src schema.Source
	offset := 0
	for i, path := range paths {
		in, err := read(path, opts)
		if err != nil {
			return nil, path, err
		}
		s := in.source
		if i == 0 {
			src = s
		}
		src.Parts = append(src.Parts, schema.Part{File: s.File, SHA256: s.SHA256, Pages: s.Pages, Producer: s.Producer, Creator: s.Creator})
		shiftLayout(in.layout, offset)
		for _, w := range in.warnings {
			warnings = append(warnings, shiftWarning(w, offset))
		}
		all.Pages = append(all.Pages, in.layout.Pages...)
		all.Tables = append(all.Tables, in.layout.Tables...)
		offset += max(s.Pages, len(in.layout.Pages))
	}
	return build(&all, src, warnings), "", nil
}

// shiftLayout numbers a layout's pages after offset earlier pages.
func shiftLayout(ld *layout.Document, offset int) {
	if offset == 0 {
		return
	}
	for i := range ld.Pages {
		ld.Pages[i].Number += offset
	}
	for i := range ld.Tables {
		t := &ld.Tables[i]
		for j := range t.Pages {
			t.Pages[j] += offset
		}
		for _, rows := range [][][]layout.Cell{t.Header, t.Rows} {
			for _, r := range rows {
				for k := range r {
					if r[k].Page > 0 {
						r[k].Page += offset
					}
				}
			}
		}
	}
}

func shiftWarning(w schema.Warning, offset int) schema.Warning {
	if w.Page > 0 {
		w.Page += offset
	}
	return w
}
