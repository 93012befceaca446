package extract

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract/internal/pdf"
)

// pdfBuilder assembles a small PDF from object bodies, computing the xref
// offsets, for tests that need exact control of the content.
type pdfBuilder struct {
	objs []string
}

// add appends an object body and returns its object number.
func (b *pdfBuilder) add(body string) int {
	b.objs = append(b.objs, body)
	return len(b.objs)
}

// stream appends a stream object with the given extra dictionary entries.
func (b *pdfBuilder) stream(dict, data string) int {
	return b.add(fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data))
}

// set replaces the body of object n (for objects that refer forward).
func (b *pdfBuilder) set(n int, body string) { b.objs[n-1] = body }

func (b *pdfBuilder) bytes(root int) []byte {
	var buf bytes.Buffer
	buf.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(b.objs))
	for i, o := range b.objs {
		offs[i] = buf.Len()
		fmt.Fprintf(&buf, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := buf.Len()
	fmt.Fprintf(&buf, "xref\n0 %d\n0000000000 65535 f \n", len(b.objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&buf, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&buf, "trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(b.objs)+1, root, xref)
	return buf.Bytes()
}

// onePage builds a one-page document: pageDict holds extra page entries
// (MediaBox, Rotate), resources the resource dictionary body.
func onePage(b *pdfBuilder, pageDict, resources, content string) []byte {
	c := b.stream("", content)
	catalog := b.add("")
	pages := b.add("")
	page := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R %s /Resources << %s >> /Contents %d 0 R >>", pages, pageDict, resources, c))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 1 >>", page))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	return b.bytes(catalog)
}

// testDoc opens PDF bytes with the object reader and wraps them.
func testDoc(t *testing.T, data []byte) *Doc {
	t.Helper()
	r, err := pdf.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("pdf.NewReader: %v", err)
	}
	return newDoc(r, Info{}, DefaultLimits)
}

// testPage extracts page 1 of the PDF bytes.
func testPage(t *testing.T, data []byte) *Page {
	t.Helper()
	p, err := testDoc(t, data).Page(1)
	if err != nil {
		t.Fatalf("Page(1): %v", err)
	}
	return p
}
