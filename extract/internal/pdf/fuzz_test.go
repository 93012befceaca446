package pdf

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// FuzzResolve opens arbitrary bytes with the object reader and walks every
// object reachable from the trailer, reading every stream. The reader
// reports malformations by panicking with an error (its callers recover
// them); a runtime error (nil dereference, index out of range) is a bug, and
// so is a stack overflow, a hang or a flood, which no recover can catch.
//
//	go test -run '^$' -fuzz '^FuzzResolve$' -fuzztime 3m ./extract/internal/pdf/
func FuzzResolve(f *testing.F) {
	for _, g := range []string{"hostile/*.pdf", "hostile/mutation/*.pdf", "real/*.pdf"} {
		files, _ := filepath.Glob(filepath.Join("..", "..", "..", "..", "shared", "corpus", g))
		for _, p := range files {
			if fi, err := os.Stat(p); err == nil && fi.Size() < 400_000 {
				if b, err := os.ReadFile(p); err == nil {
					f.Add(b)
				}
			}
		}
	}
	f.Add([]byte("%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>\nstartxref\n9\n%%EOF\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		lim := Limits{StreamBytes: 1 << 20, DocumentBytes: 4 << 20}
		r, err := openRecover(b, lim)
		if err != nil || r == nil {
			return
		}
		walk(t, r.Trailer(), map[objptr]bool{}, 0, new(int))
	})
}

func openRecover(b []byte, lim Limits) (r *Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r = nil
		}
	}()
	return NewReaderLimits(bytes.NewReader(b), int64(len(b)), func() string { return "" }, lim)
}

// walk visits v's children, at most 5,000 values in all.
func walk(t *testing.T, v Value, seen map[objptr]bool, depth int, visits *int) {
	if *visits++; *visits > 5000 || depth > 40 {
		return
	}
	if v.ptr != (objptr{}) {
		if seen[v.ptr] {
			return
		}
		seen[v.ptr] = true
	}
	try := func(fn func()) {
		defer func() {
			if x := recover(); x != nil {
				if _, ok := x.(runtime.Error); ok {
					t.Fatalf("runtime error: %v", x)
				}
			}
		}()
		fn()
	}
	switch v.Kind() {
	case Dict, Stream:
		var keys []string
		try(func() { keys = v.Keys() })
		for _, k := range keys {
			var c Value
			try(func() { c = v.Key(k) })
			walk(t, c, seen, depth+1, visits)
		}
		if v.Kind() == Stream {
			try(func() { io.Copy(io.Discard, v.Reader()) })
		}
	case Array:
		for i := 0; i < v.Len(); i++ {
			var c Value
			try(func() { c = v.Index(i) })
			walk(t, c, seen, depth+1, visits)
		}
	}
}
