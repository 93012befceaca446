package extract

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"
	"testing"
)

// buildPDF assembles a PDF from object bodies (object i+1 is objs[i]; object
// 1 must be the catalog), with a correct cross-reference table.
func buildPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func stream(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// tinyPDF is a one-page table in a CID font: two ruled cells, 收入 and 100.00,
// drawn partly through a Form XObject, with a ToUnicode CMap and /W widths.
func tinyPDF() []byte {
	toUnicode := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /T1 def /CMapType 2 def
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0001> <6536> <0002> <5165> <001E> <002E> endbfchar
1 beginbfrange <0010> <0019> <0030> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`
	content := `q 0.5 w 0 0 0 RG 50 700 m 250 700 l S 50 680 200 40 re S
150 680 0.6 40 re f Q
BT /F1 12 Tf 60 705 Td <00010002> Tj ET
q 1 0 0 1 150 0 cm /X1 Do Q
BT /F2 10 Tf 1 0 0 1 60 690 Tm (Total) Tj 3 Tr (hidden) Tj ET`
	form := `BT /F1 12 Tf 10 705 Td [<0011>-100<00100010>] TJ <001E00100010> Tj ET`
	return buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 300 800] /Rotate 0 /Resources << /Font << /F1 5 0 R /F2 8 0 R >> /XObject << /X1 9 0 R >> >> /Contents 4 0 R >>",
		stream("", content),
		"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /DW 1000 /W [16 [500 500 500 500 500 500 500 500 500 500] 30 [250]] >>",
		stream("", toUnicode),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		stream("/Type /XObject /Subtype /Form /BBox [0 0 300 800] /Resources << /Font << /F1 5 0 R >> >>", form),
	)
}

// rotatedPDF is a landscape page shown through /Rotate 90 with a GBK-named
// simple font and a predefined CJK CMap font.
func rotatedPDF() []byte {
	content := "BT /F1 9 Tf 100 100 Td (ABC 12) Tj /F2 9 Tf 0 -20 Td <C4EAB6C8> Tj ET 20 20 m 20 500 l S"
	return buildPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 595 842] >>",
		"<< /Type /Page /Parent 2 0 R /Rotate 90 /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R >>",
		stream("", content),
		"<< /Type /Font /Subtype /TrueType /BaseFont /#CB#CE#CC#E5 /FirstChar 32 /LastChar 126 /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-GBK-EUC-H /Encoding /GBK-EUC-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>",
	)
}

// fuzzSeeds are the seed inputs: crafted one-page files, the smallest real
// files and fixture PDFs, and truncated variants of one of them.
func fuzzSeeds(t testing.TB) [][]byte {
	seeds := [][]byte{tinyPDF(), rotatedPDF(), []byte("%PDF-1.7\n"), nil}
	tiny := tinyPDF()
	seeds = append(seeds, tiny[:len(tiny)/2], tiny[:len(tiny)-10])
	var files []string
	for _, p := range corpusPDFs(t) {
		if fi, err := os.Stat(p); err == nil && fi.Size() < 150_000 {
			files = append(files, p)
		}
	}
	sort.Strings(files)
	for i, p := range files {
		if i == 3 {
			break
		}
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		seeds = append(seeds, b)
		if i == 0 {
			seeds = append(seeds, b[:len(b)/2], b[:len(b)-100])
		}
	}
	return seeds
}

// FuzzOpen feeds NewReader and ReadAll mutated PDFs. The real seeds are
// large, so keep minimization short:
//
//	go test -run '^$' -fuzz '^FuzzOpen$' -fuzztime 10m -fuzzminimizetime 5s ./extract/
//
// Crashers land in testdata/fuzz/FuzzOpen and replay under go test.
func FuzzOpen(f *testing.F) {
	for _, s := range fuzzSeeds(f) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		checkOpen(t, b)
	})
}

// checkOpen opens b and reads every page: it must fail only with the typed
// errors, and what comes out must be well formed.
func checkOpen(t *testing.T, b []byte) {
	doc, err := NewReader(bytes.NewReader(b), int64(len(b)), Options{})
	if err != nil {
		if !errors.Is(err, ErrNotPDF) && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNeedsPassword) {
			t.Fatalf("NewReader: untyped error %v", err)
		}
		return
	}
	pages, err := doc.ReadAll()
	if err != nil && !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrNoTextLayer) {
		t.Fatalf("ReadAll: untyped error %v", err)
	}
	if err == nil && len(pages) != doc.NumPages() {
		t.Fatalf("ReadAll: %d pages, NumPages %d", len(pages), doc.NumPages())
	}
	for _, p := range pages {
		if bad(p.Width) || bad(p.Height) {
			t.Fatalf("page %d: size %v x %v", p.Number, p.Width, p.Height)
		}
		for _, g := range p.Glyphs {
			if bad(g.X0) || bad(g.Y0) || bad(g.X1) || bad(g.Y1) || bad(g.Size) || g.X0 > g.X1 || g.Y0 > g.Y1 {
				t.Fatalf("page %d: glyph %+v", p.Number, g)
			}
		}
		for _, s := range p.Segments {
			if bad(s.X0) || bad(s.Y0) || bad(s.X1) || bad(s.Y1) || s.X0 > s.X1 || s.Y0 > s.Y1 {
				t.Fatalf("page %d: segment %+v", p.Number, s)
			}
		}
	}
}

func bad(f float64) bool { return math.IsNaN(f) || math.IsInf(f, 0) }

// TestFuzzSeeds runs the fuzz checks over the seeds and the crashers kept in
// testdata/fuzz (go test runs those too; this names them in the log).
func TestFuzzSeeds(t *testing.T) {
	for i, s := range fuzzSeeds(t) {
		t.Run(fmt.Sprint(i), func(t *testing.T) { checkOpen(t, s) })
	}
}

// TestTinyPDF checks the crafted seed itself, so the fuzzer starts from a file
// the walker really reads: text in order, through the Form XObject, with the
// invisible run dropped.
func TestTinyPDF(t *testing.T) {
	b := tinyPDF()
	doc, err := NewReader(bytes.NewReader(b), int64(len(b)), Options{})
	if err != nil {
		t.Fatal(err)
	}
	pages, err := doc.ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, g := range pages[0].Glyphs {
		text.WriteString(g.Text)
	}
	got := text.String()
	for _, want := range []string{"收入", "100.00", "Total"} {
		if !strings.Contains(got, want) {
			t.Errorf("text %q lacks %q", got, want)
		}
	}
	if strings.Contains(got, "hidden") {
		t.Errorf("text %q keeps the invisible run", got)
	}
	if p := pages[0]; p.Width != 300 || p.Height != 800 {
		t.Errorf("page size %vx%v, want 300x800", p.Width, p.Height)
	}
}
