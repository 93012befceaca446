package extract

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"runtime/debug"
	"sync"
	"sync/atomic"
)

// ReadEach extracts every page in order and hands each to work as soon as
// it is read; work may keep what it needs of the page and drop the rest
// (its Glyphs, say), so that a long document is never held in memory
// glyph by glyph. It returns the pages (as work left them) and work's
// results, page by page, with the errors of ReadPagesContext: a page the
// walker cannot read comes out empty with a page_error warning; the
// document fails with ErrCorrupt only when every page does, and with
// ErrNoTextLayer when no page has a glyph.
//
// With workers > 1 (0 means GOMAXPROCS), pages are extracted, and work
// run, on that many goroutines, each reading its own copy of the document
// (so work must be safe to call concurrently). The result is the serial
// one: a document whose pages touch something the copies could see
// differently (a page error, a font that fails to load, the document-wide
// limits) is read again serially.
func ReadEach[T any](ctx context.Context, d *Doc, workers int, work func(*Page) T) ([]*Page, []T, error) {
	return ReadPages(ctx, d, nil, workers, work)
}

// ReadPages is ReadEach over the pages numbered in nums (ascending, each
// within the document; nil: every page): the other pages are never read.
// The errors are those of the pages read, and the document's notes (the
// warnings of opening it) go to the first of them.
func ReadPages[T any](ctx context.Context, d *Doc, nums []int, workers int, work func(*Page) T) ([]*Page, []T, error) {
	return ReadPagesTake(ctx, d, nums, workers, work, nil)
}

// A Taker is handed the pages ReadPagesTake reads and work's results, in
// page order, on the caller's goroutine, as soon as a page and every page
// before it are read, so that the caller folds them into its own result
// while later pages are still being read (the layout's join of pages).
// Pages read on workers are sometimes read again one after the other (see
// ReadEach): Restart is then called, and Take sees every page again from
// the first.
type Taker[T any] interface {
	Take(p *Page, result T)
	Restart()
}

// ReadPagesTake is ReadPages handing each page and its result to take (nil:
// none) as they are read; see Taker.
func ReadPagesTake[T any](ctx context.Context, d *Doc, nums []int, workers int, work func(*Page) T, take Taker[T]) ([]*Page, []T, error) {
	n := d.NumPages()
	if n <= 0 {
		return nil, nil, fmt.Errorf("%w: no pages", ErrCorrupt)
	}
	if nums == nil {
		nums = make([]int, n)
		for i := range nums {
			nums[i] = i + 1
		}
	}
	if len(nums) == 0 {
		return nil, nil, errors.New("no page to read")
	}
	for _, i := range nums {
		if i < 1 || i > n {
			return nil, nil, fmt.Errorf("page %d of a document of %d pages", i, n)
		}
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	workers = min(workers, len(nums)/minPagesPerWorker)
	if workers > 1 && d.src != nil {
		pages, results, err, ok := readParallel(ctx, d, nums, workers, work, take)
		if ok {
			return pages, results, err
		}
		if take != nil {
			take.Restart()
		}
	}
	return readSerial(ctx, d, nums, work, take)
}

// minPagesPerWorker: a document shorter than this per worker is read with
// fewer workers, or serially. A worker reads on a copy of the document,
// and a copy costs what 10 to 20 pages do: its own cross-reference table
// and its own fonts decoded again, and the memory they take (西安 商务,
// 87 pages, one process: 76 ms of CPU on one worker, 97 ms on two).
const minPagesPerWorker = 16

// readSerial reads the pages nums one after the other on d.
func readSerial[T any](ctx context.Context, d *Doc, nums []int, work func(*Page) T, take Taker[T]) ([]*Page, []T, error) {
	pages := make([]*Page, 0, len(nums))
	results := make([]T, 0, len(nums))
	var firstErr error
	failed, glyphs := 0, 0
	for k, i := range nums {
		if err := ctx.Err(); err != nil {
			return pages, results, fmt.Errorf("page %d: %w", i, err)
		}
		p, err := d.safePage(ctx, i)
		if cerr := ctx.Err(); cerr != nil {
			return pages, results, fmt.Errorf("page %d: %w", i, cerr)
		}
		if err != nil {
			if firstErr == nil {
				firstErr = err
			}
			failed++
			p = errorPage(i, err)
		}
		if k == 0 {
			p.Warnings = append(d.notes, p.Warnings...)
		}
		glyphs += len(p.Glyphs)
		r := work(p)
		results = append(results, r)
		pages = append(pages, p)
		if take != nil {
			take.Take(p, r)
		}
	}
	return pages, results, readErr(pages, failed, glyphs, firstErr)
}

// errorPage stands for a page that could not be read.
func errorPage(n int, err error) *Page {
	return &Page{Number: n, Warnings: []Warning{{
		Page: n, Code: "page_error", Message: fmt.Sprintf("page %d could not be read: %v", n, err),
	}}}
}

// readErr is the document's error once every page is read.
func readErr(pages []*Page, failed, glyphs int, firstErr error) error {
	if failed == len(pages) {
		return fmt.Errorf("%w: no page could be read: %v", ErrCorrupt, firstErr)
	}
	if glyphs == 0 {
		// A page whose content cannot be decoded is damage, never a scan.
		var bad []int
		var badErr error
		for _, p := range pages {
			if p.contentErr != nil {
				bad = append(bad, p.Number)
				if badErr == nil {
					badErr = p.contentErr
				}
			}
		}
		if len(bad) > 0 {
			return fmt.Errorf("%w: no text could be read; the content stream of %s does not decode: %v", ErrCorrupt, PageList(bad), badErr)
		}
		return noTextError(pages)
	}
	return nil
}

// clone opens a second reader on the document's bytes. It shares d's page
// tree, read once (a 5,000-page document's tree took nine tenths of a
// copy's opening), each page's values read through the copy's reader.
func (d *Doc) clone() (*Doc, error) {
	r, err := openReader(d.src, d.password, d.lim)
	if err != nil {
		return nil, err
	}
	c := emptyDoc(r, d.info, d.lim)
	c.pages = make([]pageRef, len(d.pages))
	for i, p := range d.pages {
		p.v, p.res = p.v.In(r), p.res.In(r)
		c.pages[i] = p
	}
	c.treeErr = d.treeErr
	c.src, c.password = d.src, d.password
	return c, nil
}

// workerPanic is what a worker panicked with, carried to the caller.
type workerPanic struct{ v any }

// parallelPage is one page read by a worker.
type parallelPage[T any] struct {
	page   *Page
	err    error // the page's error (it then stands as an error page)
	glyphs int
	result T
}

// readParallel reads the pages nums on workers copies of d, handing them
// to take (when not nil) in order as they are read. ok is false when the
// read must be redone serially.
func readParallel[T any](ctx context.Context, d *Doc, nums []int, workers int, work func(*Page) T, take Taker[T]) (pages []*Page, results []T, err error, ok bool) {
	n := len(nums)
	// Each worker opens its copy of the document (its cross-reference
	// table, its page tree) on its own goroutine, at the same time.
	docs := make([]*Doc, workers)
	out := make([]parallelPage[T], n)
	next := chunks{n: n, workers: workers}
	read := newReadOrder(n)
	var wg sync.WaitGroup
	var panicked atomic.Value
	var cloneFailed atomic.Bool
	for w := range docs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			// A fault reading a mapped file's bytes is a panic, as on the
			// caller's goroutine (pipeline's guard), not a crash.
			debug.SetPanicOnFault(true)
			defer func() {
				if x := recover(); x != nil {
					panicked.CompareAndSwap(nil, workerPanic{x})
					next.stop() // the others stop too
				}
			}()
			doc, err := d.clone()
			if err != nil {
				cloneFailed.Store(true)
				next.stop()
				return
			}
			docs[w] = doc
			for {
				from, to := next.take()
				if from >= to {
					return
				}
				for k := from; k < to; k++ {
					if ctx.Err() != nil {
						return
					}
					i := nums[k]
					o := &out[k]
					p, err := doc.safePage(ctx, i)
					if err != nil {
						o.err, p = err, errorPage(i, err)
					}
					o.glyphs = len(p.Glyphs)
					if k == 0 {
						p.Warnings = append(d.notes, p.Warnings...)
					}
					o.page = p
					o.result = work(p)
					if take != nil {
						read.done(k)
					}
				}
			}
		}()
	}
	if take != nil {
		defer next.stop() // should take panic, the workers stop too
		go func() {
			wg.Wait()
			read.end() // a page not read by now never will be
		}()
		for k := range n {
			if !read.wait(k) {
				break
			}
			take.Take(out[k].page, out[k].result)
		}
	}
	wg.Wait()
	if x := panicked.Load(); x != nil {
		panic(x.(workerPanic).v) // on the caller's goroutine, where its recover is
	}
	if err := ctx.Err(); err != nil || cloneFailed.Load() {
		return nil, nil, nil, false // the serial read reports it, or reads what a copy could not open
	}
	// What the copies may have seen differently from one reader.
	glyphs, decoded := 0, int64(0)
	for _, doc := range docs {
		decoded += doc.r.Decoded()
	}
	if decoded >= d.lim.DocumentBytes {
		return nil, nil, nil, false
	}
	pages, results = make([]*Page, n), make([]T, n)
	for i := range out {
		o := &out[i]
		if o.err != nil || o.page.fontFailed || hasCode(o.page.Warnings, "page_error") {
			return nil, nil, nil, false
		}
		glyphs += o.glyphs
		pages[i], results[i] = o.page, o.result
	}
	if glyphs >= d.lim.DocumentGlyphs {
		return nil, nil, nil, false
	}
	return pages, results, readErr(pages, 0, glyphs, nil), true
}

// readOrder tells the caller's goroutine which pages the workers have read
// (out of order), so that it takes them in order.
type readOrder struct {
	mu    sync.Mutex
	ready sync.Cond
	read  []bool
	ended bool // the workers have returned
}

func newReadOrder(n int) *readOrder {
	r := &readOrder{read: make([]bool, n)}
	r.ready.L = &r.mu
	return r
}

// done marks page k read (its page and result written).
func (r *readOrder) done(k int) {
	r.mu.Lock()
	r.read[k] = true
	r.mu.Unlock()
	r.ready.Broadcast()
}

// end marks the workers returned.
func (r *readOrder) end() {
	r.mu.Lock()
	r.ended = true
	r.mu.Unlock()
	r.ready.Broadcast()
}

// wait waits until page k is read (true) or the workers have returned
// without reading it (false).
func (r *readOrder) wait(k int) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	for !r.read[k] && !r.ended {
		r.ready.Wait()
	}
	return r.read[k]
}

// chunks deals the pages 0..n-1 out to workers in runs of consecutive
// pages, long at first and shorter as fewer remain (guided scheduling: a
// run is what remains over chunkShare times the workers, at least
// minChunk): a worker reads neighbouring pages, which share fonts and
// resources its copy of the document has decoded already (pages dealt
// one at a time had every worker decode every font of a long document:
// 5,000 pages of 57 files on two workers, page-loop CPU 4.72 → 4.4 s),
// and the last runs are short, so no worker waits long for the other at
// the end.
type chunks struct {
	mu         sync.Mutex
	next       int
	n, workers int
}

const (
	chunkShare = 4
	minChunk   = 4
)

// take is the next run [from, to); from == to when none is left.
func (c *chunks) take() (from, to int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	from = c.next
	run := max(minChunk, (c.n-from)/(c.workers*chunkShare))
	c.next = min(c.n, from+run)
	return from, c.next
}

// stop ends the dealing: every later take is empty.
func (c *chunks) stop() {
	c.mu.Lock()
	c.next = c.n
	c.mu.Unlock()
}

func hasCode(ws []Warning, code string) bool {
	for _, w := range ws {
		if w.Code == code {
			return true
		}
	}
	return false
}
