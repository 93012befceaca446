package pdf

import (
	"errors"
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

// maxFilters bounds the filters of one stream (no producer chains more
// than two or three).
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
	Name   string // the Limits field (extract.Limits has the same names), or "" for a reference cycle
	Limit  int64  // its value
	Detail string // what went past it
}

func (e *LimitError) Error() string {
	if e.Name == "" {
		return "reference cycle: " + e.Detail
	}
	return fmt.Sprintf("%s than %d (Limits.%s)", e.Detail, e.Limit, e.Name)
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
		if ok, err := more(s.rd); !ok {
			return 0, err
		}
		s.err = &LimitError{Name: "StreamBytes", Limit: s.limit, Detail: "a filter stage of the stream decodes to more bytes"}
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
	r         *Reader
	rd        io.Reader
	read      int64
	err       error
	inflaters []*inflater // returned to the pool by Close
}

// Close releases the stream's decoders; the reader must not be used after.
func (d *docLimitReader) Close() error {
	for _, z := range d.inflaters {
		inflaters.Put(z)
	}
	d.inflaters, d.rd, d.err = nil, nil, errors.New("stream closed")
	return nil
}

func (d *docLimitReader) Read(p []byte) (int, error) {
	if d.err != nil {
		return 0, d.err
	}
	left := min(d.r.lim.StreamBytes-d.read, d.r.lim.DocumentBytes-d.r.decoded)
	if left <= 0 {
		if ok, err := more(d.rd); !ok {
			d.err = err
			return 0, err
		}
		if d.read >= d.r.lim.StreamBytes {
			d.err = &LimitError{Name: "StreamBytes", Limit: d.r.lim.StreamBytes, Detail: "the stream decodes to more bytes"}
		} else {
			d.err = &LimitError{Name: "DocumentBytes", Limit: d.r.lim.DocumentBytes, Detail: "the file's streams decode to more bytes"}
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

// more reports whether rd has another byte (a Read may return none
// without an error); when it has not, err is why (io.EOF at the end).
func more(rd io.Reader) (ok bool, err error) {
	var one [1]byte
	for i := 0; i < 64; i++ {
		n, err := rd.Read(one[:])
		if n > 0 {
			return true, nil
		}
		if err != nil {
			return false, err
		}
	}
	return false, io.EOF
}

// ReadAll returns the decoded data of the stream v. On an error it
// returns what was decoded before it.
func (v Value) ReadAll() ([]byte, error) { return v.ReadAppend(nil) }

// ReadAppend appends the decoded data of the stream v to dst, doubling the
// buffer as it fills but never past the stream limit (plus one byte to see
// past it), so that a stream at the limit costs about twice its size.
func (v Value) ReadAppend(dst []byte) ([]byte, error) {
	if v.Kind() != Stream {
		return dst, nil
	}
	rc := v.Reader()
	defer rc.Close()
	ceiling := len(dst) + int(min(v.r.lim.StreamBytes+1, 1<<40))
	// Decoded content is typically a few times its encoded length.
	n := v.Key("Length").Int64()
	want := len(dst) + int(min(max(4*n, 512), 1<<24))
	buf := dst
	for {
		if len(buf) == cap(buf) || cap(buf) < want {
			nc := min(max(2*cap(buf), want), ceiling)
			if nc <= len(buf) {
				nc = len(buf) + 1
			}
			nb := make([]byte, len(buf), nc)
			copy(nb, buf)
			buf = nb
		}
		m, err := rc.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+m]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
	}
}
