package pipeline

import (
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
)

// merge converts several files as one disclosure (see ConvertFiles).
func merge(files []File, opts Options) (*schema.Document, error) {
	var all layout.Document
	var warnings []schema.Warning
	var src schema.Source
	offset := 0
	for i, f := range files {
		in, err := readFile(f, opts)
		if err != nil {
			return nil, fail(f.Path, err)
		}
		s := in.Source
		if i == 0 {
			src = s
		}
		src.Parts = append(src.Parts, schema.Part{File: s.File, SHA256: s.SHA256, Pages: s.Pages, Producer: s.Producer, Creator: s.Creator})
		shiftLayout(in.Layout, offset)
		for _, w := range in.Warnings {
			warnings = append(warnings, shiftWarning(w, offset))
		}
		all.Pages = append(all.Pages, in.Layout.Pages...)
		all.Tables = append(all.Tables, in.Layout.Tables...)
		offset += max(s.Pages, len(in.Layout.Pages))
	}
	return build(&all, src, warnings, true, opts.workers()), nil
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
		t.Unpack() // its cells name their pages
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
