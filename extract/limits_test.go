package extract

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const helvetica = "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >> >>"

// TestLimits: each limit, set low, stops the work it bounds and says so in
// a page warning that names the limit (or, for nesting, makes the page
// unreadable), while the defaults leave the same page whole.
func TestLimits(t *testing.T) {
	text := "BT /F1 12 Tf 72 720 Td (Budget 2024 income 100.00) Tj ET\n"
	tests := []struct {
		name    string
		lim     Limits
		content string
		glyphs  int    // glyphs expected with the limit
		warn    string // in a page_error warning
		pageErr string // the page cannot be read
	}{
		{"defaults", Limits{}, text, 25, "", ""},
		{"PageGlyphs", Limits{PageGlyphs: 10}, text, 10, "Limits.PageGlyphs", ""},
		{"Operands", Limits{Operands: 4}, text + "BT [(a) (b) (c) (d) (e) (f)] TJ ET", 29, "Limits.Operands", ""},
		{"Operands ok", Limits{}, text + "BT [(a) (b) (c) (d) (e) (f)] TJ ET", 31, "", ""},
		{"DocumentGlyphs", Limits{DocumentGlyphs: 7}, text, 7, "Limits.DocumentGlyphs", ""},
		{"PageOperators", Limits{PageOperators: 3}, text, 0, "Limits.PageOperators", ""},
		{"StreamBytes", Limits{StreamBytes: 40}, text, 0, "Limits.StreamBytes", ""},
		{"Nesting", Limits{Nesting: 6}, text + "[[[[[[[[ 1 ]]]]]]]] TJ", 0, "", "Limits.Nesting"},
		{"Nesting ok", Limits{Nesting: 10}, text + "[[[[[[[[ 1 ]]]]]]]] TJ", 25, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := onePage(&pdfBuilder{}, "/MediaBox [0 0 612 792]", helvetica, tt.content)
			d, err := NewReader(bytes.NewReader(data), int64(len(data)), Options{Limits: tt.lim})
			if err != nil {
				t.Fatal(err)
			}
			p, err := d.Page(1)
			if tt.pageErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.pageErr) || !errors.Is(err, ErrCorrupt) {
					t.Fatalf("Page: %v, want ErrCorrupt naming %s", err, tt.pageErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if len(p.Glyphs) != tt.glyphs {
				t.Errorf("%d glyphs, want %d", len(p.Glyphs), tt.glyphs)
			}
			var found []string
			for _, w := range p.Warnings {
				if w.Code == "page_error" && w.Page == 1 {
					found = append(found, w.Message)
				}
			}
			switch {
			case tt.warn == "" && len(found) > 0:
				t.Errorf("unexpected warnings %q", found)
			case tt.warn != "" && (len(found) == 0 || !strings.Contains(strings.Join(found, "|"), tt.warn)):
				t.Errorf("warnings %q, want one naming %s", found, tt.warn)
			}
		})
	}
}

// TestDocumentBytes: the per-document budget spans streams: the second of
// two pages, each 100 bytes of content, runs past a 150-byte budget.
func TestDocumentBytes(t *testing.T) {
	b := &pdfBuilder{}
	content := "BT /F1 12 Tf 72 720 Td (Budget 2024 income 100.00) Tj ET\n" + strings.Repeat(" ", 42)
	c1, c2 := b.stream("", content), b.stream("", content)
	catalog, pages := b.add(""), b.add("")
	p1 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << %s >> /Contents %d 0 R >>", pages, helvetica, c1))
	p2 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << %s >> /Contents %d 0 R >>", pages, helvetica, c2))
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", p1, p2))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	data := b.bytes(catalog)
	d, err := NewReader(bytes.NewReader(data), int64(len(data)), Options{Limits: Limits{DocumentBytes: 150}})
	if err != nil {
		t.Fatal(err)
	}
	ps, err := d.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(ps[0].Warnings) != 0 || len(ps[0].Glyphs) != 25 {
		t.Errorf("page 1: %d glyphs, warnings %v", len(ps[0].Glyphs), ps[0].Warnings)
	}
	if len(ps[1].Warnings) == 0 || !strings.Contains(ps[1].Warnings[0].Message, "Limits.DocumentBytes") || ps[1].Warnings[0].Page != 2 {
		t.Errorf("page 2: warnings %v, want one naming Limits.DocumentBytes", ps[1].Warnings)
	}
}

// TestReadPagesContext: a cancelled context stops the page loop with the
// context's error, naming the page it stopped at.
func TestReadPagesContext(t *testing.T) {
	data := onePage(&pdfBuilder{}, "", helvetica, "BT /F1 12 Tf 72 720 Td (x) Tj ET")
	d, err := NewReader(bytes.NewReader(data), int64(len(data)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err = d.ReadPagesContext(ctx, nil)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "page 1") {
		t.Fatalf("err %v, want context.Canceled at page 1", err)
	}
}

// TestObjectNesting: the object reader's nesting limit refuses a file whose
// objects nest deeper (here the page's resources, 5 deep, under a limit of 3).
func TestObjectNesting(t *testing.T) {
	data := onePage(&pdfBuilder{}, "", helvetica, "BT ET")
	_, err := NewReader(bytes.NewReader(data), int64(len(data)), Options{Limits: Limits{Nesting: 3}})
	if !errors.Is(err, ErrCorrupt) || !strings.Contains(err.Error(), "Limits.Nesting") {
		t.Fatalf("err %v, want ErrCorrupt naming Limits.Nesting", err)
	}
}
