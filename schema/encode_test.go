package schema

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"
)

// referenceJSON is the document as one json.Encoder call writes it: what
// WriteJSON wrote before it wrote a piece at a time.
func referenceJSON(t *testing.T, d *Document) []byte {
	t.Helper()
	nonNil(d)
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestWriteJSONPieces: WriteJSON writes, byte for byte, what one encoder
// call writes of the whole document: empty lists, an omitted and a present
// omitempty list, nested rows (Row's own MarshalJSON), text an HTML-escaping
// encoder would change, several elements per list.
func TestWriteJSONPieces(t *testing.T) {
	n := 3
	full := func() *Document {
		return &Document{
			SchemaVersion: SchemaVersion,
			Source:        Source{File: "a<b>&c.pdf", SHA256: "00", Pages: 2, Parts: []Part{{File: "x.pdf"}, {File: "y.pdf"}}},
			Document:      DocumentInfo{Title: "2026年预算", Year: 2026, Kind: "budget"},
			Tables: []Table{
				{Kind: "k", Title: "表一", Number: &n, Unit: Str("万元"), Pages: []int{1, 2},
					Columns: []Column{{Key: "item", Label: "项目"}, {Key: "amount", Label: "金额"}},
					Rows:    []Row{{{Key: "item", Value: Str("一、<收入>")}, {Key: "amount", Value: nil}}, {{Key: "item", Value: Str("合计")}}}},
				{Kind: "other", Empty: true},
			},
			DepartmentTargets: []DepartmentTarget{{Title: "部门整体支出绩效目标表", Pages: []int{9}}},
			Checks:            []Check{{Rule: "r", Status: "pass", Message: "a & b"}, {Rule: "s", Status: "fail", Pages: []int{3}}},
			Warnings:          []Warning{{Page: 1, Code: "c", Message: "m"}},
		}
	}
	cases := []struct {
		name string
		doc  func() *Document
	}{
		{"zero", func() *Document { return &Document{} }},
		{"full", full},
		{"no department targets", func() *Document { d := full(); d.DepartmentTargets = nil; return d }},
		{"empty department targets", func() *Document { d := full(); d.DepartmentTargets = []DepartmentTarget{}; return d }},
		{"lists longer than a window", func() *Document {
			d := full()
			for i := range 40 {
				d.Tables = append(d.Tables, Table{Kind: "k", Title: "表" + string(rune('A'+i)), Pages: []int{i}})
				d.Warnings = append(d.Warnings, Warning{Page: i, Code: "c", Message: "第" + string(rune('0'+i%10)) + "页"})
			}
			return d
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			want := referenceJSON(t, c.doc())
			var got bytes.Buffer
			if err := WriteJSON(&got, c.doc()); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(got.Bytes(), want) {
				t.Errorf("WriteJSON wrote\n%s\nwant\n%s", got.Bytes(), want)
			}
			for _, workers := range []int{0, 2, 3} {
				got.Reset()
				if err := WriteJSONWorkers(&got, c.doc(), workers); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("WriteJSONWorkers(%d) wrote\n%s\nwant\n%s", workers, got.Bytes(), want)
				}
				got.Reset()
				d := c.doc()
				if err := WriteJSONConsume(&got, d, workers); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(got.Bytes(), want) {
					t.Errorf("WriteJSONConsume(%d) wrote\n%s\nwant\n%s", workers, got.Bytes(), want)
				}
				for i := range d.Tables {
					if d.Tables[i].Title != "" || d.Tables[i].Rows != nil {
						t.Errorf("WriteJSONConsume(%d) kept table %d", workers, i)
					}
				}
				for i := range d.Warnings {
					if d.Warnings[i] != (Warning{}) {
						t.Errorf("WriteJSONConsume(%d) kept warning %d", workers, i)
					}
				}
			}
		})
	}
}

type failWriter struct{}

func (failWriter) Write([]byte) (int, error) { return 0, errors.New("disk full") }

// TestWriteJSONError: a writer's error comes back.
func TestWriteJSONError(t *testing.T) {
	if err := WriteJSON(failWriter{}, &Document{}); err == nil {
		t.Error("no error from a failing writer")
	}
}

// TestEncodeOrdered: elements encoded on several workers are written in
// order, each once; an encoding error stops the run with that error; a
// panic in encode is raised again on the caller's goroutine.
func TestEncodeOrdered(t *testing.T) {
	encode := func(k int, buf *bytes.Buffer) error {
		buf.Reset()
		if k%7 == 0 {
			time.Sleep(time.Millisecond) // some elements are slow
		}
		fmt.Fprintf(buf, "%d", k)
		return nil
	}
	for _, workers := range []int{1, 2, 3, 8} {
		var got []string
		err := encodeOrdered(100, workers, aheadLimit{4, 8}, encode, func(k int, b []byte) {
			if string(b) != strconv.Itoa(k) {
				t.Errorf("%d workers: element %d wrote %q", workers, k, b)
			}
			got = append(got, string(b))
		})
		if err != nil || len(got) != 100 {
			t.Fatalf("%d workers: %d elements, %v", workers, len(got), err)
		}
	}
	boom := errors.New("boom")
	written := 0
	err := encodeOrdered(100, 3, aheadLimit{4, 8}, func(k int, buf *bytes.Buffer) error {
		if k == 50 {
			return boom
		}
		return encode(k, buf)
	}, func(int, []byte) { written++ })
	if !errors.Is(err, boom) || written != 50 {
		t.Errorf("error at 50: %v after %d written; want boom after 50", err, written)
	}
	defer func() {
		if r := recover(); r != "bad element" {
			t.Errorf("recovered %v, want the element's panic", r)
		}
	}()
	encodeOrdered(100, 3, aheadLimit{4, 8}, func(k int, buf *bytes.Buffer) error {
		if k == 10 {
			panic("bad element")
		}
		return encode(k, buf)
	}, func(int, []byte) {})
	t.Error("no panic")
}

// TestEncodeOrderedAhead: encodeOrdered never has more elements taken and
// not yet written than its limit allows: limit.elements of small ones, and
// of long ones (each longer than the byte limit's share) no more than the
// workers encoding plus those the byte limit admits.
func TestEncodeOrderedAhead(t *testing.T) {
	for _, c := range []struct {
		name          string
		size, workers int
		limit         aheadLimit
		want          int // most elements ahead
	}{
		{"small elements, by count", 10, 3, aheadLimit{elements: 6, bytes: 1 << 20}, 6},
		{"long elements, by bytes", 100, 3, aheadLimit{elements: 50, bytes: 150}, 3 + 2},
		{"long elements, two workers", 1000, 2, aheadLimit{elements: 50, bytes: 1500}, 2 + 2},
	} {
		var mu sync.Mutex
		taken, written, most := 0, 0, 0
		err := encodeOrdered(200, c.workers, c.limit, func(k int, buf *bytes.Buffer) error {
			mu.Lock()
			taken++
			most = max(most, taken-written)
			mu.Unlock()
			if k%5 == 0 {
				time.Sleep(200 * time.Microsecond) // a slow one holds the writer up
			}
			buf.Reset()
			buf.Write(bytes.Repeat([]byte{'x'}, c.size))
			return nil
		}, func(k int, b []byte) {
			mu.Lock()
			written++
			mu.Unlock()
		})
		if err != nil || written != 200 {
			t.Fatalf("%s: %d written, %v", c.name, written, err)
		}
		if most > c.want {
			t.Errorf("%s: %d elements ahead of the writer, want at most %d", c.name, most, c.want)
		}
		if most < 2 {
			t.Errorf("%s: the workers never ran ahead (%d)", c.name, most)
		}
	}
}
