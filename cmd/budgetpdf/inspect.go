package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
)

// runInspect prints what the extractor saw: a line for the document, then
// per page its size, rotation, glyph, segment and image counts, the fonts the
// glyphs use and the warnings. --svg draws one page.
func runInspect(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	page := fl.Int("page", 0, "inspect only page `N` (1-based)")
	password := fl.String("password", "", "user `password` of an encrypted file")
	svgOut := fl.String("svg", "", "draw the page (--page, default 1) as SVG to `OUT`")
	files, err := parseInterspersed(fl, args)
	if err == nil && len(files) != 1 {
		err = usageErrorf("inspect takes one FILE, got %d", len(files))
	}
	if err == nil && *page < 0 {
		err = usageErrorf("--page %d: pages count from 1", *page)
	}
	if err != nil {
		return fail(stderr, "", err)
	}
	file := files[0]
	doc, err := extract.Open(file, extract.Options{Password: *password})
	if err != nil {
		return fail(stderr, file, err)
	}
	info := doc.Info()
	if *page > info.Pages {
		return fail(stderr, file, usageErrorf("--page %d: the document has %d pages", *page, info.Pages))
	}
	fmt.Fprintf(stdout, "file %s: %d pages, producer %q, creator %q, encrypted %s\n",
		file, info.Pages, info.Producer, info.Creator, yesNo(info.Encrypted))

	if *svgOut != "" {
		return inspectSVG(doc, file, max(*page, 1), *svgOut, stdout, stderr)
	}
	var pages []*extract.Page
	if *page > 0 {
		p, err := doc.Page(*page)
		if err != nil {
			return fail(stderr, file, fmt.Errorf("%w: page %d: %w", extract.ErrCorrupt, *page, err))
		}
		pages = []*extract.Page{p}
	} else {
		pages, err = doc.ReadPages(progress(stderr))
	}
	for _, p := range pages {
		printPage(stdout, p)
	}
	if err != nil {
		return fail(stderr, file, err)
	}
	return 0
}

// inspectSVG draws page n of doc to the file out.
func inspectSVG(doc *extract.Doc, file string, n int, out string, stdout, stderr io.Writer) int {
	p, err := doc.Page(n)
	if err != nil {
		return fail(stderr, file, fmt.Errorf("%w: page %d: %w", extract.ErrCorrupt, n, err))
	}
	printPage(stdout, p)
	f, err := os.Create(out)
	if err != nil {
		return fail(stderr, file, fmt.Errorf("--svg: %w", err))
	}
	_, err = extract.PageSVG(p).WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, file, fmt.Errorf("writing %s: %w", out, err))
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	return 0
}

// printPage writes a page's summary: a header line, its fonts, its warnings.
func printPage(w io.Writer, p *extract.Page) {
	fmt.Fprintf(w, "page %d: %gx%g pt, rotate %d, %d glyphs, %d segments, %d images\n",
		p.Number, round2(p.Width), round2(p.Height), p.Rotate, len(p.Glyphs), len(p.Segments), p.Images)
	type use struct {
		font  string
		count int
		sizes map[float64]bool
	}
	byFont := map[string]*use{}
	for _, g := range p.Glyphs {
		u := byFont[g.Font]
		if u == nil {
			u = &use{font: g.Font, sizes: map[float64]bool{}}
			byFont[g.Font] = u
		}
		u.count++
		u.sizes[round2(g.Size)] = true
	}
	fonts := make([]*use, 0, len(byFont))
	for _, u := range byFont {
		fonts = append(fonts, u)
	}
	slices.SortFunc(fonts, func(a, b *use) int {
		return cmp.Or(cmp.Compare(b.count, a.count), strings.Compare(a.font, b.font))
	})
	for _, u := range fonts {
		sizes := make([]string, 0, len(u.sizes))
		for _, s := range slices.Sorted(mapKeys(u.sizes)) {
			sizes = append(sizes, fmt.Sprintf("%g", s))
		}
		fmt.Fprintf(w, "  font %q: %d glyphs, size %s pt\n", u.font, u.count, strings.Join(sizes, "/"))
	}
	for _, wn := range p.Warnings {
		fmt.Fprintf(w, "  warning page %d: %s: %s\n", wn.Page, wn.Code, wn.Message)
	}
}

// parseInterspersed parses flags that may come before or after the
// positional arguments and returns those.
func parseInterspersed(fl *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fl.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, usageErrorf("inspect FILE [--page N] [--password P] [--svg OUT]")
			}
			return nil, usageErrorf("%v", err)
		}
		if fl.NArg() == 0 {
			return pos, nil
		}
		pos = append(pos, fl.Arg(0))
		args = fl.Args()[1:]
	}
}

// progress reports pages done on stderr when it is a terminal.
func progress(stderr io.Writer) func(done, total int) {
	f, ok := stderr.(*os.File)
	if !ok {
		return nil
	}
	if fi, err := f.Stat(); err != nil || fi.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		fmt.Fprintf(f, "\rpage %d/%d", done, total)
		if done == total {
			fmt.Fprint(f, "\r\033[K")
		}
	}
}

func mapKeys[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
