// Package pipeline converts disclosures: one file, or the several files of
// one disclosure merged, through extract (PDF → pages), layout (pages →
// tables), schema (tables → the output contract) and checks. It also holds
// what every caller of the pipeline shares: the failure table (Code, Exit),
// the output formats (Formats), atomic output writing and the child process
// of an isolated conversion (child.go).
//
// The command (cmd/budgetpdf) and batch both call Convert or ConvertFiles;
// a panic anywhere in the stages is recovered once, here, and becomes an
// internal failure.
package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
)

// Options configure a conversion.
type Options struct {
	Password string // user or owner password of encrypted files ("" tries the empty one)
	// Workers extract and lay out the pages of one document at once, and
	// then read its tables and run its checks (0: GOMAXPROCS, 1: one after
	// the other); the output is the same.
	Workers int
	// MaxPages, when positive, refuses a PDF with more pages before any
	// page is read: an error matching ErrTooManyPages (code
	// too_many_pages), whose *Failure carries the count.
	MaxPages int
	// Pages, unless it is every page (the zero PageSet), are the pages of
	// a PDF to read; the others are never read, and source.pages_read
	// lists those read. A text dump is one page. A choice that names no
	// page of the document is a usage error. Only one file at a time: a
	// merge with a choice of pages is a usage error.
	Pages extract.PageSet

	keepPages bool            // keep the extractor's pages, glyphs and all (review draws them)
	release   bool            // the files' bytes belong to the conversion: let go of them once laid out
	forget    func()          // lets go of the resident copy of mapped files' bytes (every forgetEvery pages)
	ctx       context.Context // ConvertFilesContext's; the page loop stops when it ends
}

// ErrTooManyPages marks a PDF past Options.MaxPages.
var ErrTooManyPages = errors.New("too many pages")

// CodeTooManyPages is ErrTooManyPages's code (batch's, not the extract
// command's: only batch sets a page limit).
const CodeTooManyPages = "too_many_pages"

// tooManyPages is the error of a PDF of n pages past the limit.
type tooManyPages struct{ n, limit int }

func (e *tooManyPages) Error() string {
	return fmt.Sprintf("%d pages, more than the limit of %d", e.n, e.limit)
}

func (e *tooManyPages) Is(target error) bool { return target == ErrTooManyPages }

func (o Options) context() context.Context {
	if o.ctx == nil {
		return context.Background()
	}
	return o.ctx
}

func (o Options) extract() extract.Options { return extract.Options{Password: o.Password} }

// workers is Workers, 0 standing for GOMAXPROCS.
func (o Options) workers() int {
	if o.Workers <= 0 {
		return runtime.GOMAXPROCS(0)
	}
	return o.Workers
}

// File is one input held in memory: batch reads and hashes a file once and
// hands its bytes on.
type File struct {
	Path   string // as given; its base name is the document's source.file
	Data   []byte
	SHA256 string // hex digest of Data; computed when empty
}

// StdinName is the path "-" stands for: the document's source.file and the
// name error messages give standard input.
const StdinName = "stdin"

// ReadFile reads the file at path; "-" reads standard input (see ReadFrom).
func ReadFile(path string) (File, error) {
	if path == "-" {
		return ReadFrom(StdinName, os.Stdin)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return File{}, err
	}
	return File{Path: path, Data: data}, nil
}

// ReadFrom reads one input from r (standard input, a pipe) as the file
// named name. It reads at most one byte past extract.DefaultLimits.FileBytes,
// so a longer input is never held whole: the extractor then refuses it as it
// refuses a file that large (and an empty input as an empty file).
func ReadFrom(name string, r io.Reader) (File, error) {
	data, err := io.ReadAll(io.LimitReader(r, extract.DefaultLimits.FileBytes+1))
	if err != nil {
		return File{}, err
	}
	return File{Path: name, Data: data}, nil
}

func (f File) sum() string {
	if f.SHA256 != "" {
		return f.SHA256
	}
	sum := sha256.Sum256(f.Data)
	return hex.EncodeToString(sum[:])
}

// Convert reads and converts the files at paths as one disclosure (see
// ConvertFiles). An error is a *Failure naming the file.
func Convert(paths []string, opts Options) (*schema.Document, error) {
	if len(paths) == 0 {
		return nil, Usagef("no input file")
	}
	files := make([]File, len(paths))
	var maps []*mapping
	defer func() {
		for _, m := range maps {
			m.unmap() // once converted: the document holds no byte of them
		}
	}()
	for i, p := range paths {
		if p != "-" {
			if m, ok := mapFile(p); ok {
				maps = append(maps, m)
				files[i] = File{Path: p, Data: m.data}
				continue
			}
		}
		f, err := ReadFile(p)
		if err != nil {
			return nil, fail(p, err)
		}
		files[i] = f
	}
	opts.release = true // the files' bytes are ours
	if len(maps) > 0 {
		opts.forget = func() {
			for _, m := range maps {
				m.forget()
			}
		}
	}
	return ConvertFiles(files, opts)
}

// ConvertFiles converts one or more files as one disclosure: each file is
// read and laid out on its own (a table never runs from one file into the
// next), the pages of each later file are numbered after those of the files
// before it, and the schema and the checks then see one document, narrative
// and tables together. The source is the first file's; with several files,
// source.parts lists them all. A panic in any stage is an internal failure.
// An error is a *Failure naming the file that failed.
func ConvertFiles(files []File, opts Options) (*schema.Document, error) {
	doc, _, err := convert(files, opts, false)
	return doc, err
}

// ConvertFilesContext is ConvertFiles under ctx: the page loop checks it
// before each page, so a conversion past its deadline stops within a page
// with an error matching ctx.Err().
func ConvertFilesContext(ctx context.Context, files []File, opts Options) (*schema.Document, error) {
	opts.ctx = ctx
	return ConvertFiles(files, opts)
}

// ConvertRead converts one file as ConvertFiles does and also returns what
// it read up to the layout stage, for review to draw.
func ConvertRead(f File, opts Options) (*schema.Document, *Input, error) {
	return convert([]File{f}, opts, true)
}

// convert converts files; keepPages keeps the extractor's pages in the
// Input (otherwise they are let go once laid out).
func convert(files []File, opts Options, keepPages bool) (*schema.Document, *Input, error) {
	if len(files) == 0 {
		return nil, nil, Usagef("no input file")
	}
	return guard(files, func() (*schema.Document, *Input, error) {
		if len(files) > 1 {
			if !opts.Pages.All() {
				return nil, nil, Usagef("--pages reads one file, not the %d files of a merge", len(files))
			}
			doc, err := merge(files, opts)
			return doc, nil, err
		}
		opts.keepPages = keepPages
		in, err := readFile(files[0], opts)
		if err != nil {
			return nil, nil, fail(files[0].Path, err)
		}
		if opts.release {
			files[0].Data = nil // laid out: a long document's bytes are not kept through schema and checks
		}
		ld, src, warnings := in.Layout, in.Source, in.Warnings
		if !keepPages {
			in = nil // nor the layout through the checks (build lets go of it once it has the narrative)
		}
		return build(ld, src, warnings, !keepPages, opts.workers()), in, nil
	})
}

// guard is the stage boundary, the one place a panic is recovered: it
// becomes an internal failure of the files.
func guard(files []File, run func() (*schema.Document, *Input, error)) (doc *schema.Document, in *Input, err error) {
	// A mapped file cut short while it is read faults past its new end:
	// with panic-on-fault that is a panic recovered here, not a crash.
	defer debug.SetPanicOnFault(debug.SetPanicOnFault(true))
	defer func() {
		if r := recover(); r != nil {
			names := make([]string, len(files))
			for i, f := range files {
				names[i] = f.Path
			}
			cause := fmt.Errorf("%w: %v", ErrInternal, r)
			if _, fault := r.(interface{ Addr() uintptr }); fault {
				cause = fmt.Errorf("%w: the file changed while it was read (cut short: its bytes past the new end are gone)", extract.ErrCorrupt)
			}
			doc, in, err = nil, nil, fail(strings.Join(names, " + "), cause)
		}
	}()
	return run()
}

// Pages counts the pages of a PDF's bytes (batch's page limit) without
// reading them; a text dump or a file the pipeline will reject is an error.
func Pages(data []byte) (int, error) {
	doc, err := extract.NewReader(bytes.NewReader(data), int64(len(data)), extract.Options{})
	if err != nil {
		return 0, err
	}
	return doc.NumPages(), nil
}

// Input is one file read up to the layout stage: what review draws.
type Input struct {
	Layout   *layout.Document
	Source   schema.Source
	Warnings []schema.Warning // the extractor's and the layout's, each naming its page
	Pages    []*extract.Page  // the extractor's pages; nil for a text dump
}

// readFile runs extract and layout on one file; a text dump (.txt, .md)
// skips extract.
func readFile(f File, opts Options) (in *Input, err error) {
	in = &Input{Source: schema.Source{File: filepath.Base(f.Path)}}
	// The file is hashed on a goroutine of its own while its pages are
	// read (a 39 MB file: 22 ms of a core that is otherwise idle while the
	// document opens); every return waits for it. A fault in the mapped
	// bytes is the caller's panic, as it is when the pages read them.
	type hash struct {
		sum   string
		fault any
	}
	hashed := make(chan hash, 1)
	go func() {
		debug.SetPanicOnFault(true)
		defer func() {
			if x := recover(); x != nil {
				hashed <- hash{fault: x}
			}
		}()
		sum := f.sum()
		if opts.forget != nil {
			opts.forget() // every byte was read
		}
		hashed <- hash{sum: sum}
	}()
	defer func() {
		h := <-hashed
		if h.fault != nil {
			panic(h.fault)
		}
		if in != nil {
			in.Source.SHA256 = h.sum
		}
	}()
	var read atomic.Int64 // pages laid out
	forget := func() {}
	if opts.forget != nil {
		forget = func() {
			if read.Add(1)%forgetEvery == 0 {
				opts.forget()
			}
		}
	}
	if isTextDump(f.Path, f.Data) {
		if _, err := choosePages(opts.Pages, 1); err != nil {
			return nil, err
		}
		if in.Layout, err = layout.FromText(bytes.NewReader(f.Data)); err != nil {
			return nil, err
		}
	} else {
		doc, err := extract.NewReaderBytes(f.Data, opts.extract())
		if err != nil {
			return nil, err
		}
		if n := doc.NumPages(); opts.MaxPages > 0 && n > opts.MaxPages {
			return nil, &tooManyPages{n, opts.MaxPages}
		}
		// Each page is laid out as soon as it is read and, unless review
		// wants them, its glyphs and rulings are let go: memory follows
		// the largest page, not the document.
		nums, err := choosePages(opts.Pages, doc.NumPages())
		if err != nil {
			return nil, err
		}
		if nums != nil {
			in.Source.PagesRead = extract.Ranges(nums)
		}
		// The pages are joined as they are laid out, in page order, while
		// later pages are still being read.
		join := layout.NewJoiner()
		pages, _, err := extract.ReadPagesTake(opts.context(), doc, nums, opts.Workers, func(p *extract.Page) *layout.PageLayout {
			if opts.keepPages {
				forget()
				return layout.LayoutPage(p)
			}
			pl := layout.LayoutPageCompact(p)
			forget()
			p.Release() // laid out: nothing holds its glyphs
			return pl
		}, join)
		if err != nil {
			return nil, err
		}
		info := doc.Info()
		in.Source.Pages, in.Source.Producer, in.Source.Creator, in.Source.Encrypted = info.Pages, info.Producer, info.Creator, info.Encrypted
		for _, p := range pages {
			for _, w := range p.Warnings {
				in.Warnings = append(in.Warnings, schema.Warning{Page: w.Page, Code: w.Code, Message: w.Message})
			}
		}
		in.Pages = pages
		in.Layout = join.Document()
	}
	for _, w := range in.Layout.Warnings {
		in.Warnings = append(in.Warnings, schema.Warning{Page: w.Page, Code: w.Code, Message: w.Message})
	}
	return in, nil
}

// forgetEvery is how many pages are laid out between two calls of
// Options.forget: the pages of a mapped file that stay resident are those
// read since, and the objects shared by every page (the cross-reference
// table, fonts) are read back from the page cache that often.
const forgetEvery = 32

// choosePages is the pages of ps in a document of n pages: nil for every
// page, a usage error when ps names none.
func choosePages(ps extract.PageSet, n int) ([]int, error) {
	nums := ps.Pages(n)
	if len(nums) == n {
		return nil, nil
	}
	if len(nums) == 0 {
		return nil, Usagef("--pages %s names no page of a document of %d pages", ps, n)
	}
	return nums, nil
}

// build runs schema and checks on a laid-out document; consume lets the
// schema stage let go of the layout's table cells as it reads them (when
// nothing reads ld's tables after), reading them on up to workers
// goroutines at once.
func build(ld *layout.Document, src schema.Source, warnings []schema.Warning, consume bool, workers int) *schema.Document {
	var out *schema.Document
	if consume {
		out = schema.Consume(ld, workers)
	} else {
		out = schema.Build(ld)
	}
	out.Source = src
	out.Warnings = append(warnings, out.Warnings...)
	out.Checks = checks.RunWorkers(out, narrative(ld), workers)
	if len(out.Tables) == 0 && len(out.PerformanceForms) == 0 {
		out.Warnings = append(out.Warnings, schema.Warning{Code: "no_tables", Message: "no budget table or performance form was recognized"})
	}
	return out
}

// isTextDump reports whether the input is a text dump of a disclosure
// rather than a PDF: by its name, or by being UTF-8 text without a PDF header.
func isTextDump(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown":
		return true
	case ".pdf":
		return false
	}
	head := data[:min(len(data), 1024)]
	return !bytes.Contains(head, []byte("%PDF-")) && utf8.Valid(head) && bytes.ContainsAny(head, "表预算")
}

// narrative is the text outside tables, page by page, for the checks.
func narrative(ld *layout.Document) []checks.Text {
	var out []checks.Text
	for _, p := range ld.Pages {
		for _, l := range p.Lines {
			out = append(out, checks.Text{Page: p.Number, Text: l.Text})
		}
	}
	return out
}
