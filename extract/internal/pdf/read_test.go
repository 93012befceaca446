package pdf

import (
	"bytes"
	"fmt"
	"testing"
)

// twoObjects is a PDF whose catalog (object 1) refers to object 2, a
// string of the given text padded to a fixed length, so that two such files
// have the same offsets and differ only in that string.
func twoObjects(text string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	off1 := b.Len()
	b.WriteString("1 0 obj\n<< /Type /Catalog /Note 2 0 R >>\nendobj\n")
	off2 := b.Len()
	fmt.Fprintf(&b, "2 0 obj\n(%-8s)\nendobj\n", text)
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 3\n0000000000 65535 f \n%010d 00000 n \n%010d 00000 n \n", off1, off2)
	fmt.Fprintf(&b, "trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", xref)
	return b.Bytes()
}

// TestValueIn: a value moved to another reader resolves what it refers to
// through that reader, and the original still resolves through its own;
// a null stays null.
func TestValueIn(t *testing.T) {
	open := func(text string) *Reader {
		data := twoObjects(text)
		r, err := NewReader(bytes.NewReader(data), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	r1, r2 := open("first"), open("second")
	root := r1.Trailer().Key("Root")
	if got := root.Key("Note").RawString(); got != "first   " {
		t.Fatalf("through its own reader: %q", got)
	}
	moved := root.In(r2)
	if got := moved.Key("Note").RawString(); got != "second  " {
		t.Errorf("moved to the second reader: %q, want the second file's", got)
	}
	if got := root.Key("Note").RawString(); got != "first   " {
		t.Errorf("the original after the move: %q", got)
	}
	if v := (Value{}).In(r2); !v.IsNull() {
		t.Errorf("a null moved: %v", v.Kind())
	}
}
