package review

import (
	"cmp"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
)

// Input is one document of a report.
type Input struct {
	Path     string // the input file; its pages are rasterized when it is a PDF
	Password string // the user password of an encrypted PDF
	Doc      *schema.Document
	Geometry Geometry
	// Code and Err describe a file that could not be converted (Doc nil).
	Code, Err string
}

// Options tune a report.
type Options struct {
	DPI    int              // resolution of the page images (default 72)
	Pages  func(n int) bool // the pages to draw (nil: all); every table, form and check is listed either way
	Raster *Rasterizer      // nil: no page images, only the drawing
}

// Write writes the report into dir: index.html, and for each input a
// folder holding its page (index.html) and page images. It returns the
// index's path.
func Write(dir string, inputs []Input, opt Options) (string, error) {
	if opt.DPI <= 0 {
		opt.DPI = 72
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	var rows []indexRow
	used := map[string]int{}
	for _, in := range inputs {
		r := summarize(in)
		if in.Doc != nil {
			r.folder = folderName(in.Path, used)
			sub := filepath.Join(dir, r.folder)
			if err := os.MkdirAll(sub, 0o755); err != nil {
				return "", err
			}
			images, note := rasterize(in, opt, sub)
			page := documentPage(in, images, note, opt)
			if err := os.WriteFile(filepath.Join(sub, "index.html"), page, 0o644); err != nil {
				return "", err
			}
		}
		rows = append(rows, r)
	}
	index := filepath.Join(dir, "index.html")
	return index, os.WriteFile(index, indexPage(rows), 0o644)
}

// folderName is the input's base name without extension, made safe for a
// path and unique within the report.
func folderName(path string, used map[string]int) string {
	base := filepath.Base(path)
	for {
		ext := filepath.Ext(base)
		if ext == "" || len(ext) > 5 {
			break
		}
		base = strings.TrimSuffix(base, ext)
	}
	base = strings.Map(func(r rune) rune {
		if r < ' ' || strings.ContainsRune(`/\:*?"<>|#%&`, r) {
			return '_'
		}
		return r
	}, base)
	if base == "" || base[0] == '.' {
		base = "_" + base
	}
	used[base]++
	if n := used[base]; n > 1 {
		return fmt.Sprintf("%s-%d", base, n)
	}
	return base
}

// rasterize draws the input's chosen pages; the note says how (or why not).
func rasterize(in Input, opt Options, dir string) (map[int]string, string) {
	if opt.Raster == nil {
		return nil, "no page images: " + ErrNoRasterizer.Error()
	}
	if !strings.EqualFold(filepath.Ext(in.Path), ".pdf") && in.Doc.Source.Pages == 0 {
		return nil, "no page images: the input is a text dump"
	}
	first, last := 0, 0
	for _, p := range in.Geometry.Pages {
		if opt.Pages == nil || opt.Pages(p.Number) {
			if first == 0 {
				first = p.Number
			}
			last = p.Number
		}
	}
	if first == 0 {
		return nil, "no page chosen"
	}
	files, err := opt.Raster.Render(in.Path, in.Password, first, last, opt.DPI, dir)
	if err != nil {
		return nil, "no page images: " + err.Error()
	}
	for n := range files {
		if opt.Pages != nil && !opt.Pages(n) {
			os.Remove(files[n])
			delete(files, n)
		}
	}
	return files, fmt.Sprintf("page images by %s at %d dpi", opt.Raster.Tool, opt.DPI)
}

// indexRow is one line of the index.
type indexRow struct {
	file, folder, code, err            string
	title, department, kind            string
	year, pages, tables, unknown       int
	unkeyed, forms, fail, pass, warned int
	warnChecks                         int
}

func summarize(in Input) indexRow {
	r := indexRow{file: in.Path, code: in.Code, err: in.Err}
	d := in.Doc
	if d == nil {
		return r
	}
	r.title, r.department, r.kind, r.year = d.Document.Title, d.Document.Department, d.Document.Kind, d.Document.Year
	r.pages, r.tables, r.forms, r.warned = d.Source.Pages, len(d.Tables), len(d.PerformanceForms), len(d.Warnings)
	for _, t := range d.Tables {
		if t.Kind == schema.TableUnknown {
			r.unknown++
		}
		r.unkeyed += unkeyedColumns(t)
	}
	for _, c := range d.Checks {
		switch c.Status {
		case schema.StatusFail:
			r.fail++
		case schema.StatusWarn:
			r.warnChecks++
		case schema.StatusPass:
			r.pass++
		}
	}
	return r
}

// problems is how bad a document looks: failing and warned checks,
// warnings, unknown tables and unnamed columns; a file that could not be
// converted is worst.
func (r indexRow) problems() int {
	if r.code != "" {
		return 1 << 30
	}
	return r.fail + r.warnChecks + r.warned + r.unknown + r.unkeyed
}

func unkeyedColumns(t schema.Table) int {
	n := 0
	for _, c := range t.Columns {
		if strings.HasPrefix(c.Key, schema.ColPrefix) {
			n++
		}
	}
	return n
}

func indexPage(rows []indexRow) []byte {
	slices.SortStableFunc(rows, func(a, b indexRow) int {
		return cmp.Or(cmp.Compare(b.problems(), a.problems()), strings.Compare(a.file, b.file))
	})
	var w html
	w.head("budgetpdf review")
	w.f(`<h1>budgetpdf review</h1><p class="meta">%d documents, worst first (problems = failing and warned checks + warnings + unknown tables + unnamed columns)</p>`, len(rows))
	w.s(`<table class="index"><thead><tr><th>document</th><th>title · department · year</th><th>pages</th><th>tables</th><th>unknown</th><th>unnamed columns</th><th>forms</th><th>checks failed</th><th>warned</th><th>passed</th><th>warnings</th><th>problems</th></tr></thead><tbody>`)
	for _, r := range rows {
		if r.code != "" {
			w.f(`<tr class="doc error" data-file="%s"><td>%s</td><td colspan="10" class="bad">%s: %s</td><td class="num bad">error</td></tr>`,
				esc(r.file), esc(filepath.Base(r.file)), esc(r.code), esc(r.err))
			continue
		}
		w.f(`<tr class="doc" data-file="%s" data-problems="%d"><td><a href="%s/index.html">%s</a></td><td>%s · %s · %d %s</td>`,
			esc(r.file), r.problems(), esc(url.PathEscape(r.folder)), esc(filepath.Base(r.file)), esc(r.title), esc(r.department), r.year, esc(r.kind))
		w.f(`<td class="num">%d</td><td class="num">%d</td>%s%s<td class="num">%d</td>%s%s<td class="num">%d</td>%s%s</tr>`,
			r.pages, r.tables, numCell(r.unknown, "unknown"), numCell(r.unkeyed, "unkeyed"), r.forms, numCell(r.fail, "failed"), numCell(r.warnChecks, "warnchecks"), r.pass, numCell(r.warned, "warned"), numCell(r.problems(), "problems"))
	}
	w.s(`</tbody></table>`)
	w.foot()
	return w.b.Bytes()
}

func numCell(n int, class string) string {
	if n == 0 {
		return fmt.Sprintf(`<td class="num %s">0</td>`, class)
	}
	return fmt.Sprintf(`<td class="num bad %s">%d</td>`, class, n)
}
