package extract

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
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

// TestReadEachFallback: a document whose font fails to load (warned on
// the first page that uses it) is read serially, so the warning falls on
// the page it falls on serially.
func TestReadEachFallback(t *testing.T) {
	b := &pdfBuilder{}
	tu := b.stream("/Filter /Bogus", "x")
	bad := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Bad /ToUnicode %d 0 R >>", tu))
	catalog := b.add("")
	pages := b.add("")
	var kids []string
	for i := 0; i < 3*minPagesPerWorker; i++ { // enough pages for three workers
		c := b.stream("", fmt.Sprintf("BT /F 10 Tf 1 0 0 1 10 50 Tm (A) Tj ET %% %d", i))
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F %d 0 R >> >> /Contents %d 0 R >>", pages, bad, c))))
	}
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	data := b.bytes(catalog)
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
	if _, _, _, ok := readParallel(context.Background(), d, []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, func(*Page) int { return 0 }); ok {
		t.Errorf("readParallel kept pages on which a font failed to load")
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
