package main

import (
	"bytes"
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
	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// runInspect prints what the extractor and the layout saw: a line for the
// document, then per page its size, rotation, glyph, segment and image
// counts, its fonts (kind, encoding, ToUnicode, embedding; glyphs and sizes
// drawn with each), its tables as the pipeline read them (kind, title,
// columns with their keys, rows, what a piece continues) and its warnings.
// --svg draws the page named by --page with the layout's record of it.
func runInspect(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("inspect", flag.ContinueOnError)
	fl.SetOutput(io.Discard)
	page := fl.Int("page", 0, "inspect only page `N` (1-based)")
	password := fl.String("password", "", "user `password` of an encrypted file")
	svgOut := fl.String("svg", "", "draw the page named by --page as SVG to `OUT`")
	files, err := parseInterspersed(fl, args)
	if err == nil && len(files) != 1 {
		err = usageErrorf("inspect takes one FILE, got %d", len(files))
	}
	if err == nil && *page < 0 {
		err = usageErrorf("--page %d: pages count from 1", *page)
	}
	if err == nil && *svgOut != "" && *page == 0 {
		err = usageErrorf("--svg draws one page: name it with --page N")
	}
	if err != nil {
		return fail(stderr, "", err)
	}
	file := files[0]
	data, err := os.ReadFile(file)
	if err != nil {
		return fail(stderr, file, err)
	}
	doc, err := extract.NewReader(bytes.NewReader(data), int64(len(data)), extract.Options{Password: *password})
	if err != nil {
		return fail(stderr, file, err)
	}
	info := doc.Info()
	if *page > info.Pages {
		return fail(stderr, file, usageErrorf("--page %d: the document has %d pages", *page, info.Pages))
	}
	fmt.Fprintf(stdout, "file %q: %d pages, producer %q, creator %q, encrypted %s\n",
		file, info.Pages, info.Producer, info.Creator, yesNo(info.Encrypted))

	// The whole pipeline, as extract runs it: the extractor's pages, the
	// layout's record of each and what the schema made of its tables.
	out, in, err := pipeline.ConvertRead(pipeline.File{Path: file, Data: data}, pipeline.Options{Password: *password})
	if err != nil {
		// Show what the extractor saw of the pages it could read.
		var pages []*extract.Page
		if *page > 0 {
			if p, perr := doc.Page(*page); perr == nil {
				pages = []*extract.Page{p}
			}
		} else {
			pages, _ = doc.ReadPages(progress(stderr))
		}
		for _, p := range pages {
			fonts, _ := doc.PageFonts(p.Number)
			printPage(stdout, p, fonts)
		}
		return fail(stderr, file, err)
	}
	var shown *extract.Page
	for _, p := range in.Pages {
		if p == nil || *page > 0 && p.Number != *page {
			continue
		}
		fonts, _ := doc.PageFonts(p.Number) // best effort: glyph font names stand in
		printPage(stdout, p, fonts)
		printTables(stdout, in.Layout, out, p)
		shown = p
	}
	if *page == 0 {
		for _, w := range out.Warnings {
			if w.Page == 0 {
				fmt.Fprintf(stdout, "warning: %s: %s\n", w.Code, w.Message)
			}
		}
	}
	if *svgOut != "" && shown != nil {
		return inspectSVG(shown, in.Layout, file, *svgOut, stdout, stderr)
	}
	return 0
}

// inspectSVG draws page p with the layout's record of it to the file out.
func inspectSVG(p *extract.Page, ld *layout.Document, file, out string, stdout, stderr io.Writer) int {
	f, err := os.Create(out)
	if err != nil {
		return fail(stderr, file, fmt.Errorf("--svg: %w", err))
	}
	svg := extract.PageSVG(p)
	if rec := ld.Page(p.Number); rec != nil {
		layout.DrawPage(svg, ld, rec) // the tables the layout stage found: frames, cells, header cells, spans, keys
	}
	_, err = svg.WriteTo(f)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fail(stderr, file, fmt.Errorf("writing %q: %w", out, err))
	}
	fmt.Fprintf(stdout, "wrote %q (page %d)\n", out, p.Number)
	return 0
}

// printTables writes the tables the layout found on page p, from its
// record, each as the schema read it: the output table's number (as in
// the output's tables), title, kind, pages, columns with their keys and
// rows; a piece of a table begun on an earlier page names that table and
// page. Then the page's warnings from the layout and the schema.
func printTables(w io.Writer, ld *layout.Document, out *schema.Document, p *extract.Page) {
	rec := ld.Page(p.Number)
	if rec == nil {
		return
	}
	first := map[int]int{} // output table → the layout table it begins with
	for i := len(ld.Readings) - 1; i >= 0; i-- {
		if o := ld.Readings[i].Output; o >= 0 {
			first[o] = i
		}
	}
	for _, g := range rec.Grids {
		rows := map[int]bool{}
		for _, c := range g.Cells {
			if !c.Header {
				rows[c.Row] = true
			}
		}
		r := ld.Reading(g.Table)
		switch {
		case r == nil || r.Output < 0 && !r.Form:
			fmt.Fprintf(w, "  grid %q: not read by the schema, %d rows\n", g.Title, len(rows))
		case r.Form:
			fmt.Fprintf(w, "  grid %q: performance forms, %d rows\n", g.Title, len(rows))
		case g.Continues || first[r.Output] != g.Table:
			t := &out.Tables[r.Output]
			fmt.Fprintf(w, "  table %d continued from page %d: %d rows on this page\n", r.Output+1, firstPage(t.Pages), len(rows))
		default:
			t := &out.Tables[r.Output]
			ruled := "ruled"
			if !g.Ruled {
				ruled = "unruled"
			}
			empty := ""
			if t.Empty {
				empty = ", empty"
			}
			fmt.Fprintf(w, "  table %d %q: kind %s, pages %s, %d columns, %d rows%s, %s\n",
				r.Output+1, t.Title, t.Kind, pageList(t.Pages), len(t.Columns), len(t.Rows), empty, ruled)
			cols := make([]string, len(t.Columns))
			for i, c := range t.Columns {
				cols[i] = c.Label + "=" + c.Key
			}
			fmt.Fprintf(w, "    columns: %s\n", strings.Join(cols, " | "))
		}
	}
	seen := map[extract.Warning]bool{}
	for _, x := range p.Warnings {
		seen[x] = true // printPage wrote it
	}
	for _, x := range out.Warnings {
		if x.Page == p.Number && !seen[extract.Warning{Page: x.Page, Code: x.Code, Message: x.Message}] {
			fmt.Fprintf(w, "  warning page %d: %s: %s\n", x.Page, x.Code, x.Message)
		}
	}
}

func firstPage(pages []int) int {
	if len(pages) == 0 {
		return 0
	}
	return pages[0]
}

// pageList writes pages as runs: 3-5, 7.
func pageList(pages []int) string {
	var parts []string
	for i := 0; i < len(pages); {
		j := i
		for j+1 < len(pages) && pages[j+1] == pages[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", pages[i], pages[j]))
		} else {
			parts = append(parts, fmt.Sprint(pages[i]))
		}
		i = j + 1
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, ", ")
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
				return nil, usageErrorf("inspect FILE [--page N [--svg OUT]] [--password P]")
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
