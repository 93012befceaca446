package main

import (
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/review"
	"github.com/budgetpdf/budgetpdf/schema"
)

// runReview is `budgetpdf review`: converts each FILE and writes the report
// into DIR (DIR/index.html, one folder per document). A file that cannot be
// converted is listed in the index with its code; with one FILE its exit
// code is returned, with several 1 when any failed.
func runReview(args []string, stdout, stderr io.Writer) int {
	var files []string
	var out, password, pagesArg string
	dpi := 72
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func() (string, bool) {
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		ok := true
		var err error
		switch {
		case a == "-h" || a == "--help" || a == "-help":
			fmt.Fprintln(stdout, "usage: budgetpdf review FILE... -o DIR [--pages 1-3,7] [--dpi N] [--password P]")
			return 0
		case a == "-o" || a == "--out" || a == "-out":
			out, ok = val()
		case a == "--pages" || a == "-pages":
			pagesArg, ok = val()
		case a == "--dpi" || a == "-dpi":
			var s string
			if s, ok = val(); ok {
				if dpi, err = strconv.Atoi(s); err != nil || dpi < 10 || dpi > 600 {
					return fail(stderr, "", usageErrorf("review: --dpi %q: a number from 10 to 600", s))
				}
			}
		case a == "--password" || a == "-password":
			password, ok = val()
		case strings.HasPrefix(a, "-") && a != "-":
			return fail(stderr, "", usageErrorf("review: unknown flag %s", a))
		default:
			files = append(files, a)
		}
		if !ok {
			return fail(stderr, "", usageErrorf("review: %s needs a value", a))
		}
	}
	if len(files) == 0 || out == "" {
		return fail(stderr, "", usageErrorf("review FILE... -o DIR [--pages LIST] [--dpi N] [--password P]"))
	}
	pages, err := parsePages(pagesArg)
	if err != nil {
		return fail(stderr, "", err)
	}
	raster, rerr := review.FindRasterizer()
	if rerr != nil {
		fmt.Fprintf(stderr, "budgetpdf: review: %v; the report is drawn without page images\n", rerr)
	}
	opts := pipeline.Options{Password: password}
	var inputs []review.Input
	exit := 0
	for _, f := range files {
		in := review.Input{Path: f, Password: password}
		doc, geom, err := reviewRead(f, opts)
		if err != nil {
			in.Code, in.Err = pipeline.Code(err), err.Error()
			if len(files) == 1 {
				exit = fail(stderr, f, err)
			} else {
				fail(stderr, f, err)
				exit = 1
			}
		} else {
			in.Doc, in.Geometry = doc, geom
		}
		inputs = append(inputs, in)
	}
	index, err := review.Write(out, inputs, review.Options{DPI: dpi, Pages: pages, Raster: raster})
	if err != nil {
		return fail(stderr, files[0], fmt.Errorf("writing the report: %w", err))
	}
	fmt.Fprintf(stdout, "wrote %q\n", index)
	return exit
}

// parsePages reads "1-3,7" into a page filter; "" keeps every page.
func parsePages(s string) (func(int) bool, error) {
	if s == "" {
		return nil, nil
	}
	type span struct{ a, b int }
	var spans []span
	for _, part := range strings.Split(s, ",") {
		lo, hi, isRange := strings.Cut(strings.TrimSpace(part), "-")
		a, err1 := strconv.Atoi(lo)
		b := a
		var err2 error
		if isRange {
			b, err2 = strconv.Atoi(hi)
		}
		if err1 != nil || err2 != nil || a < 1 || b < a {
			return nil, usageErrorf("review: --pages %q: pages like 1-3,7", s)
		}
		spans = append(spans, span{a, b})
	}
	return func(n int) bool {
		for _, sp := range spans {
			if n >= sp.a && n <= sp.b {
				return true
			}
		}
		return false
	}, nil
}

// reviewRead converts one file as extract does and keeps the layout
// document's geometry for the report.
func reviewRead(path string, opts pipeline.Options) (*schema.Document, review.Geometry, error) {
	f, err := pipeline.ReadFile(path)
	if err != nil {
		return nil, review.Geometry{}, err
	}
	doc, in, err := pipeline.ConvertRead(f, opts)
	if err != nil {
		return nil, review.Geometry{}, err
	}
	return doc, review.FromLayout(in.Layout, doc), nil
}
