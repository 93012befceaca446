package extract

import (
	"bytes"
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// hostileSeeds returns the PDFs of ../shared/corpus/hostile (mutation/
// included) and the smallest files of the real corpus, read at test time;
// none when the corpora are absent. Files over maxSize are left out, so
// the fuzzer's inputs stay small.
func hostileSeeds(t testing.TB, maxSize int64) [][]byte {
	var files []string
	for _, g := range []string{"hostile/*.pdf", "hostile/mutation/*.pdf", "real/*.pdf"} {
		m, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", g))
		files = append(files, m...)
	}
	sort.Strings(files)
	var seeds [][]byte
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || fi.Size() > maxSize {
			continue
		}
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
	}
	return seeds
}

// contentSeeds are the decoded content streams of the seed files' first
// pages, cut to 64 KB each.
func contentSeeds(t testing.TB) []string {
	var out []string
	for _, b := range hostileSeeds(t, 2<<20) {
		d, err := NewReader(bytes.NewReader(b), int64(len(b)), Options{})
		if err != nil || d.NumPages() == 0 {
			continue
		}
		func() {
			defer func() { recover() }()
			data, _ := pageContent(nil, d.pages[0].v.Key("Contents"))
			out = append(out, string(data[:min(len(data), 64<<10)]))
		}()
	}
	return out
}

// FuzzLexer runs the content-stream tokenizer over arbitrary bytes: it
// must end, always moving forward, and never nest past the limit.
//
//	go test -run '^$' -fuzz '^FuzzLexer$' -fuzztime 3m ./extract/
func FuzzLexer(f *testing.F) {
	for _, s := range []string{"[[[[(a)]]]] TJ", "<< /A << /B [1 2 (x)] >> >> BDC", "BI /W 1 ID \x00 EI", "(un(bal)anced\\) Tj", "<0a1 Tj ] } {"} {
		f.Add([]byte(s))
	}
	for _, s := range contentSeeds(f) {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		l := lexer{b: b, maxDepth: 16}
		for steps := 0; ; steps++ {
			pos := l.pos
			_, ok := l.next()
			if !ok || l.tooDeep {
				return
			}
			if l.pos <= pos {
				t.Fatalf("no progress at %d", pos)
			}
			if steps > len(b) {
				t.Fatalf("%d operators from %d bytes", steps, len(b))
			}
		}
	})
}

// FuzzHostile is FuzzOpen seeded with the hostile and real corpora: any
// input opens or fails with a typed error, and every page comes out well
// formed, within the default limits.
//
//	go test -run '^$' -fuzz '^FuzzHostile$' -fuzztime 3m -fuzzminimizetime 5s ./extract/
func FuzzHostile(f *testing.F) {
	for _, s := range hostileSeeds(f, 400_000) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkOpen(t, b)
	})
}

// TestHostileSeeds replays the hostile corpus through the fuzz checks.
func TestHostileSeeds(t *testing.T) {
	seeds := hostileSeeds(t, 2<<20)
	if len(seeds) == 0 {
		t.Skip("no hostile corpus at ../../shared/corpus/hostile")
	}
	for _, s := range seeds {
		checkOpen(t, s)
	}
	if n := len(contentSeeds(t)); n == 0 {
		t.Error("no content seeds from the corpora")
	}
}
