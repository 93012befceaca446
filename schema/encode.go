package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// nonNil gives every collection of d a non-nil value, so that empty ones
// encode as [] rather than null.
func nonNil(d *Document) {
	if d.Tables == nil {
		d.Tables = []Table{}
	}
	for i := range d.Tables {
		if d.Tables[i].Rows == nil {
			d.Tables[i].Rows = []Row{}
		}
		if d.Tables[i].Columns == nil {
			d.Tables[i].Columns = []Column{}
		}
		if d.Tables[i].Pages == nil {
			d.Tables[i].Pages = []int{}
		}
	}
	if d.EconomicRows == nil {
		d.EconomicRows = []EconomicRow{}
	}
	if d.Projects == nil {
		d.Projects = []Project{}
	}
	if d.PerformanceForms == nil {
		d.PerformanceForms = []PerformanceForm{}
	}
	for i := range d.PerformanceForms {
		if d.PerformanceForms[i].Indicators == nil {
			d.PerformanceForms[i].Indicators = []Indicator{}
		}
		if d.PerformanceForms[i].Pages == nil {
			d.PerformanceForms[i].Pages = []int{}
		}
	}
	if d.Checks == nil {
		d.Checks = []Check{}
	}
	if d.Warnings == nil {
		d.Warnings = []Warning{}
	}
}

// WriteJSON writes the document as indented JSON, fields in contract order.
//
// It writes what json.Encoder (indent "  ", HTML unescaped) writes of d,
// byte for byte, but a piece at a time: each top-level field, and each
// element of a top-level list, is encoded on its own and handed to w, so a
// long document's output is never held whole in memory (twice, by the
// encoder's compact and indented buffers).
func WriteJSON(w io.Writer, d *Document) error { return WriteJSONWorkers(w, d, 1) }

// jsonAhead bounds how far WriteJSONWorkers encodes ahead of what it has
// written: at most jsonAheadBytes of encoded bytes per worker, and at most
// jsonAheadElements elements per worker however small (see encodeOrdered).
const (
	jsonAheadBytes    = 1 << 20
	jsonAheadElements = 64
)

// WriteJSONWorkers is WriteJSON with the elements of each top-level list
// encoded on up to workers goroutines at once, a window of them at a time,
// and written in order: the same bytes.
func WriteJSONWorkers(w io.Writer, d *Document, workers int) error {
	return writeJSON(w, d, workers, false)
}

// WriteJSONConsume is WriteJSONWorkers for the document's last use: each
// element of a top-level list is let go (set to its zero value) once it is
// written, so a long document's memory shrinks as its output grows and
// the collector, working near the soft memory limit, has less to mark.
// The bytes are WriteJSON's; d's lists hold zero values after.
func WriteJSONConsume(w io.Writer, d *Document, workers int) error {
	return writeJSON(w, d, workers, true)
}

func writeJSON(w io.Writer, d *Document, workers int, consume bool) error {
	nonNil(d)
	bw := bufio.NewWriterSize(w, 64<<10)
	// encode is v encoded as the value at one nesting level (its later
	// lines start with prefix), without the encoder's closing newline.
	encode := func(buf *bytes.Buffer, v any, prefix string) error {
		buf.Reset()
		if t, ok := v.(*Table); ok { // half the bytes: written directly
			buf.Write(appendTableJSON(buf.AvailableBuffer(), t, prefix))
			return nil
		}
		e := encoders.Get().(*pieceEncoder)
		defer encoders.Put(e)
		e.to.buf = buf
		defer func() { e.to.buf = nil }()
		e.enc.SetIndent(prefix, "  ")
		if err := e.enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1)
		return nil
	}
	ahead := aheadLimit{elements: jsonAheadElements * max(workers, 1), bytes: jsonAheadBytes * max(workers, 1)}
	bufs := make([]bytes.Buffer, 1)
	dv := reflect.ValueOf(d).Elem()
	dt := dv.Type()
	bw.WriteString("{")
	first := true
	for i := range dt.NumField() {
		f := dt.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		v := dv.Field(i)
		if strings.Contains(","+opts+",", ",omitempty,") && emptyJSON(v) {
			continue
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		bw.WriteString("\n  ")
		bw.Write(key)
		bw.WriteString(": ")
		if v.Kind() != reflect.Slice || v.IsNil() || v.Len() == 0 {
			if err := encode(&bufs[0], v.Addr().Interface(), "  "); err != nil {
				return err
			}
			bw.Write(bufs[0].Bytes())
			continue
		}
		bw.WriteString("[")
		err = encodeOrdered(v.Len(), workers, ahead, func(k int, buf *bytes.Buffer) error {
			return encode(buf, v.Index(k).Addr().Interface(), "    ")
		}, func(k int, b []byte) {
			if k > 0 {
				bw.WriteString(",")
			}
			bw.WriteString("\n    ")
			bw.Write(b)
			if consume {
				e := v.Index(k) // written: no worker reads it again
				e.SetZero()
			}
		})
		if err != nil {
			return err
		}
		bw.WriteString("\n  ]")
	}
	if !first {
		bw.WriteString("\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// aheadLimit bounds the elements encodeOrdered has encoded, or is
// encoding, and not yet written: no more than elements of them, and once
// their encoded bytes reach bytes, no more than one per worker.
type aheadLimit struct{ elements, bytes int }

// keepBuffer is the largest buffer encodeOrdered reuses: a longer one (a
// table of a thousand rows) is let go once written.
const keepBuffer = 256 << 10

// pieceEncoder is a json.Encoder (indented, HTML unescaped) kept for
// piece after piece of one output: an Encoder reuses its indentation buffer
// from one value to the next, where a new Encoder per value allocated it
// again and grew it to the value's length (about a third of the bytes the
// JSON write allocated). to is the buffer of the piece being encoded.
type pieceEncoder struct {
	to  forward
	enc *json.Encoder
}

// forward writes to buf.
type forward struct{ buf *bytes.Buffer }

func (f *forward) Write(p []byte) (int, error) { return f.buf.Write(p) }

var encoders = sync.Pool{New: func() any {
	e := new(pieceEncoder)
	e.enc = json.NewEncoder(&e.to)
	e.enc.SetEscapeHTML(false)
	return e
}}

// encodeOrdered encodes the elements 0..n-1 (encode) on up to workers
// goroutines and hands each one's bytes to write in order, on the caller's
// goroutine. Elements are taken in order, so the one write waits for is
// always being encoded; the others encode ahead of it within limit (by
// bytes as well as by count, so a long element does not hold up the
// workers behind it while small ones are there to encode, and a run of
// long ones is not all held at once). An error stops the run; a panic in
// encode is raised again on the caller's goroutine.
func encodeOrdered(n, workers int, limit aheadLimit, encode func(k int, buf *bytes.Buffer) error, write func(k int, b []byte)) error {
	if workers <= 1 || n <= 1 {
		var buf bytes.Buffer
		for k := range n {
			if err := encode(k, &buf); err != nil {
				return err
			}
			write(k, buf.Bytes())
		}
		return nil
	}
	type result struct {
		buf      *bytes.Buffer
		err      error
		panicked any
		ok       bool
	}
	workers = min(workers, n)
	slots := max(limit.elements, workers) // ring of results: element k is in slot k % slots
	var (
		mu      sync.Mutex
		changed = sync.NewCond(&mu)
		ring    = make([]result, slots)
		free    []*bytes.Buffer
		next    int  // the next element a worker takes
		written int  // elements written
		pending int  // bytes of the elements encoded and not yet written
		stopped bool // the writer returned
	)
	// may reports whether element next may be taken now (mu held).
	may := func() bool {
		ahead := next - written
		return ahead < workers || ahead < slots && pending < limit.bytes
	}
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				mu.Lock()
				for !stopped && next < n && !may() {
					changed.Wait()
				}
				if stopped || next >= n {
					mu.Unlock()
					return
				}
				k := next
				next++
				var buf *bytes.Buffer
				if len(free) > 0 {
					buf, free = free[len(free)-1], free[:len(free)-1]
				} else {
					buf = new(bytes.Buffer)
				}
				mu.Unlock()
				r := result{buf: buf, ok: true}
				func() {
					defer func() {
						if x := recover(); x != nil {
							r.panicked = x
						}
					}()
					r.err = encode(k, buf)
				}()
				mu.Lock()
				ring[k%slots] = r
				pending += buf.Len()
				changed.Broadcast()
				mu.Unlock()
			}
		}()
	}
	defer wg.Wait()
	defer func() {
		mu.Lock()
		stopped = true
		changed.Broadcast()
		mu.Unlock()
	}()
	for k := range n {
		mu.Lock()
		for !ring[k%slots].ok {
			changed.Wait()
		}
		r := ring[k%slots]
		ring[k%slots] = result{}
		mu.Unlock()
		if r.panicked != nil {
			panic(r.panicked)
		}
		if r.err != nil {
			return r.err
		}
		size := r.buf.Len()
		write(k, r.buf.Bytes())
		mu.Lock()
		pending -= size
		written++
		if r.buf.Cap() <= keepBuffer {
			free = append(free, r.buf)
		}
		changed.Broadcast()
		mu.Unlock()
	}
	return nil
}

// emptyJSON is encoding/json's test of an omitempty field.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// WriteYAML writes the document as YAML; amounts are quoted strings.
func WriteYAML(w io.Writer, d *Document) error {
	nonNil(d)
	var n yaml.Node
	if err := n.Encode(d); err != nil {
		return err
	}
	quoteAmbiguous(&n)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return err
	}
	return enc.Close()
}

// quoteAmbiguous double-quotes the strings that a YAML 1.1 reader (PyYAML,
// many others) would not read back as strings: "=" (op), yes/no/on/off, ~.
func quoteAmbiguous(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Style == 0 {
		switch strings.ToLower(n.Value) {
		case "=", "~", "y", "n", "yes", "no", "on", "off", "true", "false", "null", "<<":
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	for _, c := range n.Content {
		quoteAmbiguous(c)
	}
}
