package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// readWith reads path with ReadEach on the given workers; work records
// which goroutine-independent facts it saw (page number and glyph count)
// and drops the glyphs of even pages, as a streaming caller would.
func readWith(t *testing.T, path string, workers int) ([]*Page, []string, error) {
	t.Helper()
	d, err := Open(path, Options{})
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return ReadEach(context.Background(), d, workers, func(p *Page) string {
		s := fmt.Sprintf("%d:%d", p.Number, len(p.Glyphs))
		if p.Number%2 == 0 {
			p.Glyphs = nil
		}
		return s
	})
}

// TestReadEachParallel: pages read on 2 and 3 workers are the serial ones,
// byte for byte, on the fixtures, the real corpus and national files.
func TestReadEachParallel(t *testing.T) {
	files := corpusPDFs(t)
	nat, _ := filepath.Glob(filepath.Join(testModuleRoot(t), "..", "shared", "corpus", "national", "*", "*.pdf"))
	for i := 0; i < len(nat); i += 7 {
		files = append(files, nat[i])
	}
	if len(files) == 0 {
		t.Skip("no PDFs")
	}
	for _, f := range files {
		wantPages, wantRes, wantErr := readWith(t, f, 1)
		for _, workers := range []int{2, 3} {
			pages, res, err := readWith(t, f, workers)
			if fmt.Sprint(err) != fmt.Sprint(wantErr) {
				t.Errorf("%s, %d workers: error %v, serial %v", filepath.Base(f), workers, err, wantErr)
			}
			if !reflect.DeepEqual(res, wantRes) {
				t.Errorf("%s, %d workers: work saw %v, serially %v", filepath.Base(f), workers, res, wantRes)
			}
			if len(pages) != len(wantPages) {
				t.Fatalf("%s, %d workers: %d pages, serial %d", filepath.Base(f), workers, len(pages), len(wantPages))
			}
			for i := range pages {
				if !reflect.DeepEqual(pages[i], wantPages[i]) {
					t.Errorf("%s, %d workers: page %d differs from the serial read", filepath.Base(f), workers, i+1)
				}
			}
		}
	}
}

// failingFontPDF is a document of enough pages for three workers, each
// drawing with a font whose ToUnicode stream does not decode (warned on
// the first page that uses it).
func failingFontPDF() []byte {
	b := &pdfBuilder{}
	tu := b.stream("/Filter /Bogus", "x")
	bad := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Bad /ToUnicode %d 0 R >>", tu))
	catalog, pages := b.add(""), b.add("")
	var kids []string
	for i := 0; i < 3*minPagesPerWorker; i++ {
		c := b.stream("", fmt.Sprintf("BT /F 10 Tf 1 0 0 1 10 50 Tm (A) Tj ET %% %d", i))
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F %d 0 R >> >> /Contents %d 0 R >>", pages, bad, c))))
	}
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return b.bytes(catalog)
}

// TestReadEachFallback: a document whose font fails to load (warned on
// the first page that uses it) is read serially, so the warning falls on
// the page it falls on serially.
func TestReadEachFallback(t *testing.T) {
	data := failingFontPDF()
	read := func(workers int, lim Limits) []*Page {
		d, err := openBytes(data, Options{Limits: lim})
		if err != nil {
			t.Fatal(err)
		}
		ps, _, _ := ReadEach(context.Background(), d, workers, func(*Page) int { return 0 })
		return ps
	}
	serial := read(1, Limits{})
	if !strings.Contains(fmt.Sprint(serial[0].Warnings), "unknown filter") || strings.Contains(fmt.Sprint(serial[1].Warnings), "unknown filter") {
		t.Fatalf("serial warnings %v / %v: want the font's on page 1 only", serial[0].Warnings, serial[1].Warnings)
	}
	if par := read(3, Limits{}); !reflect.DeepEqual(par, serial) {
		t.Errorf("font warnings: parallel pages differ from serial")
	}
	// Which copy meets the font first depends on scheduling; the parallel
	// read itself must always give up on this document.
	d, err := openBytes(data, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, _, _, ok := readParallel(context.Background(), d, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, func(*Page) int { return 0 }, nil); ok {
		t.Errorf("readParallel kept pages on which a font failed to load")
	}
}

// takeLog records what ReadPagesTake hands a Taker.
type takeLog struct {
	goroutine uint64 // the goroutine Take must be called on
	taken     []int  // page numbers, in the order taken
	results   []int
	restarts  int
	elsewhere bool // Take was called on another goroutine
}

func (l *takeLog) Take(p *Page, r int) {
	if goroutineID() != l.goroutine {
		l.elsewhere = true
	}
	l.taken, l.results = append(l.taken, p.Number), append(l.results, r)
}

func (l *takeLog) Restart() { l.taken, l.results, l.restarts = nil, nil, l.restarts+1 }

// goroutineID is the calling goroutine's number, from its stack header.
func goroutineID() uint64 {
	var b [64]byte
	n := runtime.Stack(b[:], false)
	var id uint64
	fmt.Sscanf(strings.TrimPrefix(string(b[:n]), "goroutine "), "%d", &id)
	return id
}

// TestReadPagesTake: a Taker is handed every page read and work's result
// for it, in page order, once each, on the caller's goroutine, and the
// pages and results are ReadPages'; when the pages read on workers are
// read again serially (a font that fails to load), Restart comes first
// and the pages are taken again from the first, as the serial read has
// them.
func TestReadPagesTake(t *testing.T) {
	nat, _ := filepath.Glob(filepath.Join(testModuleRoot(t), "..", "shared", "corpus", "national", "*", "*.pdf"))
	if len(nat) == 0 {
		t.Skip("no national corpus")
	}
	f := "" // the first file long enough for three workers
	for _, p := range nat {
		if d, err := Open(p, Options{}); err == nil && d.NumPages() >= 3*minPagesPerWorker {
			f = p
			break
		}
	}
	if f == "" {
		t.Fatal("no national file is long enough for three workers")
	}
	for _, workers := range []int{1, 2, 3} {
		for _, nums := range [][]int{nil, {2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47}} {
			d, err := Open(f, Options{})
			if err != nil {
				t.Fatal(err)
			}
			log := &takeLog{goroutine: goroutineID()}
			pages, res, err := ReadPagesTake(context.Background(), d, nums, workers, func(p *Page) int { return len(p.Glyphs) }, log)
			if err != nil {
				t.Fatal(err)
			}
			var want []int
			for _, p := range pages {
				want = append(want, p.Number)
			}
			if !reflect.DeepEqual(log.taken, want) || !reflect.DeepEqual(log.results, res) {
				t.Errorf("%d workers, pages %v: took %v with %v; want %v with %v", workers, nums, log.taken, log.results, want, res)
			}
			if log.elsewhere || log.restarts != 0 {
				t.Errorf("%d workers: Take off the caller's goroutine %v, %d restarts", workers, log.elsewhere, log.restarts)
			}
		}
	}
	// A font that fails: read again serially.
	d, err := openBytes(failingFontPDF(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	log := &takeLog{goroutine: goroutineID()}
	pages, _, _ := ReadPagesTake(context.Background(), d, nil, 3, func(p *Page) int { return p.Number }, log)
	if log.restarts != 1 || len(log.taken) != len(pages) || len(pages) != 3*minPagesPerWorker {
		t.Errorf("a failing font: %d restarts, %d pages taken after, %d read; want 1 restart and all %d", log.restarts, len(log.taken), len(pages), 3*minPagesPerWorker)
	}
	for i, n := range log.taken {
		if n != i+1 || log.results[i] != i+1 {
			t.Errorf("after the restart, take %d: page %d, result %d", i, n, log.results[i])
			break
		}
	}
}

// TestChunks: the runs dealt to workers cover every page once, in order,
// each run of consecutive pages; runs shrink as pages run out (the first
// is a share of all, the last at most minChunk); stop ends the dealing;
// concurrent takers get disjoint runs.
func TestChunks(t *testing.T) {
	for _, c := range []struct{ n, workers int }{{1, 2}, {16, 2}, {17, 3}, {262, 2}, {5000, 2}, {5000, 8}} {
		ch := chunks{n: c.n, workers: c.workers}
		next, prev := 0, c.n+1
		var runs []int
		for {
			from, to := ch.take()
			if from >= to {
				break
			}
			if from != next {
				t.Fatalf("n=%d: run [%d,%d) after page %d", c.n, from, to, next)
			}
			if to-from > prev {
				t.Errorf("n=%d: run of %d after one of %d", c.n, to-from, prev)
			}
			runs = append(runs, to-from)
			next, prev = to, to-from
		}
		if next != c.n {
			t.Errorf("n=%d: runs end at %d", c.n, next)
		}
		if first, want := runs[0], max(minChunk, c.n/(c.workers*chunkShare)); first != min(want, c.n) {
			t.Errorf("n=%d workers=%d: first run %d, want %d", c.n, c.workers, first, min(want, c.n))
		}
		if last := runs[len(runs)-1]; last > minChunk {
			t.Errorf("n=%d: last run %d, more than %d", c.n, last, minChunk)
		}
		t.Logf("n=%d workers=%d: %d runs, first %d", c.n, c.workers, len(runs), runs[0])
	}
	ch := chunks{n: 100, workers: 2}
	ch.take()
	ch.stop()
	if from, to := ch.take(); from != to {
		t.Errorf("after stop: run [%d,%d)", from, to)
	}
	ch = chunks{n: 10000, workers: 4}
	seen := make([]atomic.Int32, 10000)
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for from, to := ch.take(); from < to; from, to = ch.take() {
				for k := from; k < to; k++ {
					seen[k].Add(1)
				}
			}
		}()
	}
	wg.Wait()
	for k := range seen {
		if n := seen[k].Load(); n != 1 {
			t.Fatalf("page %d dealt %d times", k, n)
		}
	}
}
