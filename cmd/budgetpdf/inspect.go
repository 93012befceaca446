package main

import (
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
)

// runInspect prints what the extractor saw: a line for the document, then
// per page its size, rotation, glyph, segment and image counts, its fonts
// (kind, encoding, ToUnicode, embedding; glyphs and sizes drawn with each)
// and the warnings. --svg draws one page.
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
		fonts, _ := doc.PageFonts(p.Number) // best effort: glyph font names stand in
		printPage(stdout, p, fonts)
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
	fonts, _ := doc.PageFonts(n)
	printPage(stdout, p, fonts)
	f, err := os.Create(out)
	if err != nil {
		return fail(stderr, file, fmt.Errorf("--svg: %w", err))
	}
	svg := extract.PageSVG(p)
	layout.DrawGrids(svg, p) // the tables the layout stage found: frames, cells, header cells, spans
	_, err = svg.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, file, fmt.Errorf("writing %s: %w", out, err))
	}
	fmt.Fprintf(stdout, "wrote %s\n", out)
	return 0
}

// printPage writes a page's summary: a header line, its fonts (with their
// kind and encoding when the resources name them), its warnings.
func printPage(w io.Writer, p *extract.Page, fonts []extract.FontInfo) {
	fmt.Fprintf(w, "page %d: %gx%g pt, rotate %d, %d glyphs, %d segments, %d images\n",
		p.Number, round2(p.Width), round2(p.Height), p.Rotate, len(p.Glyphs), len(p.Segments), p.Images)
	type use struct {
		count int
		sizes map[float64]bool
	}
	byFont := map[string]*use{}
	for _, g := range p.Glyphs {
		u := byFont[g.Font]
		if u == nil {
			u = &use{sizes: map[float64]bool{}}
			byFont[g.Font] = u
		}
		u.count++
		u.sizes[round2(g.Size)] = true
	}
	line := func(name, kind string) {
		u := byFont[name]
		if u == nil {
			fmt.Fprintf(w, "  font %q%s: no glyphs\n", name, kind)
			return
		}
		var sizes []string
		for _, s := range slices.Sorted(maps.Keys(u.sizes)) {
			sizes = append(sizes, fmt.Sprintf("%g", s))
		}
		fmt.Fprintf(w, "  font %q%s: %d glyphs, size %s pt\n", name, kind, u.count, strings.Join(sizes, "/"))
	}
	described := map[string]bool{}
	for _, f := range fonts {
		line(f.Name, fontKind(f))
		described[f.Name] = true
	}
	var rest []string
	for name := range byFont {
		if !described[name] {
			rest = append(rest, name)
		}
	}
	slices.SortFunc(rest, func(a, b string) int {
		return cmp.Or(cmp.Compare(byFont[b].count, byFont[a].count), strings.Compare(a, b))
	})
	for _, name := range rest {
		line(name, "")
	}
	for _, wn := range p.Warnings {
		fmt.Fprintf(w, "  warning page %d: %s: %s\n", wn.Page, wn.Code, wn.Message)
	}
}

// fontKind describes a font resource: " (Type0 CIDFontType2 Identity,
// Identity-H, ToUnicode, embedded)".
func fontKind(f extract.FontInfo) string {
	parts := []string{strings.TrimSpace(f.Subtype + " " + f.CID)}
	enc := f.Encoding
	if enc == "" {
		enc = "built-in encoding"
	}
	parts = append(parts, enc)
	if f.ToUnicode {
		parts = append(parts, "ToUnicode")
	} else {
		parts = append(parts, "no ToUnicode")
	}
	if f.Embedded {
		parts = append(parts, "embedded")
	} else {
		parts = append(parts, "not embedded")
	}
	return " (" + strings.Join(parts, ", ") + ")"
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

func round2(f float64) float64 { return float64(int64(f*100+0.5)) / 100 }

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}
