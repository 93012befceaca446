package pdf

import (
	"fmt"
	"io"
	"strconv"
	"unicode/utf8"
)

// Limits bound the work the object reader does for one file. The extract
// package sets them from its own Limits; a zero field takes DefaultLimits'.
type Limits struct {
	Nesting       int   // arrays and dictionaries nested inside one another
	ResolveDepth  int   // indirect objects whose reading needs one another (object streams, /Length, /Extends)
	Objects       int64 // highest object number + 1 an xref section may declare
	StreamBytes   int64 // decoded bytes of one stream, and of each filter stage
	DocumentBytes int64 // decoded bytes of all streams of the file together
}

// DefaultLimits are far above what real files need (see extract/limits.go).
var DefaultLimits = Limits{
	Nesting:       256,
	ResolveDepth:  64,
	Objects:       8_388_608, // PDF's implementation limit: 8,388,607 indirect objects
	StreamBytes:   64 << 20,
	DocumentBytes: 256 << 20,
}

// maxFilters bounds the filters of one stream.
const maxFilters = 8

func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	if l.Nesting > 0 {
		d.Nesting = l.Nesting
	}
	if l.ResolveDepth > 0 {
		d.ResolveDepth = l.ResolveDepth
	}
	if l.Objects > 0 {
		d.Objects = l.Objects
	}
	if l.StreamBytes > 0 {
		d.StreamBytes = l.StreamBytes
	}
	if l.DocumentBytes > 0 {
		d.DocumentBytes = l.DocumentBytes
	}
	return d
}

// LimitError says which limit a file ran into. The reader panics with it
// (as with every other malformation); callers recover it, and a stream read
// returns it as its error.
type LimitError struct {
	What   string // nesting, resolve depth, cycle, objects, stream bytes, document bytes, filters
	Limit  int64  // the limit's value (0 for a cycle)
	Detail string
}

func (e *LimitError) Error() string {
	if e.What == "cycle" {
		return "reference cycle: " + e.Detail
	}
	return fmt.Sprintf("%s limit (%d) exceeded: %s", e.What, e.Limit, e.Detail)
}

// stageLimit bounds what one filter stage may produce.
func (r *Reader) stageLimit(rd io.Reader) io.Reader {
	return &stageLimitReader{rd: rd, left: r.lim.StreamBytes, limit: r.lim.StreamBytes}
}

type stageLimitReader struct {
	rd    io.Reader
	left  int64
	limit int64
	err   error
}

func (s *stageLimitReader) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	if s.left <= 0 {
		// One byte more tells a stream of exactly the limit from a longer one.
		var one [1]byte
		if n, _ := s.rd.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		s.err = &LimitError{What: "stream bytes", Limit: s.limit, Detail: "a filter stage decodes to more"}
		return 0, s.err
	}
	if int64(len(p)) > s.left {
		p = p[:s.left]
	}
	n, err := s.rd.Read(p)
	s.left -= int64(n)
	return n, err
}

// docLimitReader bounds one stream's decoded bytes and counts them against
// the document's.
type docLimitReader struct {
	r    *Reader
	rd   io.Reader
	read int64
	err  error
}

func (d *docLimitReader) Read(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	left := min(d.r.lim.StreamBytes-d.read, d.r.lim.DocumentBytes-d.r.decoded)
	if left <= 0 {
		var one [1]byte
		if n, _ := d.rd.Read(one[:]); n == 0 {
			return 0, io.EOF
		}
		if d.read >= d.r.lim.StreamBytes {
			d.err = &LimitError{What: "stream bytes", Limit: d.r.lim.StreamBytes, Detail: "the stream decodes to more"}
		} else {
			d.err = &LimitError{What: "document bytes", Limit: d.r.lim.DocumentBytes, Detail: "the file's streams decode to more"}
		}
		return 0, d.err
	}
	if int64(len(p)) > left {
		p = p[:left]
	}
	n, err := d.rd.Read(p)
	d.read += int64(n)
	d.r.decoded += int64(n)
	return n, err
}

// Decoded returns the decoded stream bytes read so far.
func (r *Reader) Decoded() int64 { return r.decoded }

// Quote quotes b for a message: at most max bytes of it, Go-escaped, with
// "…" when cut.
func Quote(b []byte, max int) string {
	cut := len(b) > max
	if cut {
		b = b[:max]
		for len(b) > 0 && !utf8.Valid(b) && len(b) > max-4 {
			b = b[:len(b)-1]
		}
	}
	q := strconv.Quote(string(b))
	if cut {
		q += "…"
	}
	return q
}

// short formats an object for a message, cut to a few dozen bytes.
func short(x object) string {
	s := objfmt(x)
	if len(s) > 60 {
		return Quote([]byte(s), 60)
	}
	return s
}
