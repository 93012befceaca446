package extract

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"math"
	"os"
	"slices"
	"strings"
	"testing"
)

// Expected coordinates in these tests are computed by hand from the content
// streams: output space is top-left origin, so Y = pageTop - y for an
// unrotated page; a glyph's box runs from descent to ascent (0.88/-0.12 of
// the size, the defaults, or the descriptor's values) and over its advance.

const testToUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
/CMapName /Test def
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0001> <9884> <0002> <7B97> endbfchar
1 beginbfrange <0003> <0004> [<0031> <0032>] endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

// cidFont adds an Identity-H Type0 font: codes 1,2 → 预,算 (widths 1000,
// 800 from /W), codes 3,4 → 1,2 (width 500).
func cidFont(b *pdfBuilder) int {
	tu := b.stream("", testToUnicode)
	fd := b.add("<< /Type /FontDescriptor /FontName /Test /Flags 4 /Ascent 880 /Descent -120 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /StemV 80 >>")
	desc := b.add(fmt.Sprintf("<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Test /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor %d 0 R /DW 1000 /W [1 [1000 800] 3 4 500] >>", fd))
	return b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R >>", desc, tu))
}

// simpleFont adds a Type1 font with WinAnsi encoding: space 250, A 600,
// B 500, other codes 32..66 width 0.
func simpleFont(b *pdfBuilder) int {
	w := make([]string, 35)
	for i := range w {
		w[i] = "0"
	}
	w[0], w[33], w[34] = "250", "600", "500"
	return b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type1 /BaseFont /Helv /Encoding /WinAnsiEncoding /FirstChar 32 /LastChar 66 /Widths [%s] >>", strings.Join(w, " ")))
}

type box struct {
	text           string
	x0, y0, x1, y1 float64
}

func checkGlyphs(t *testing.T, p *Page, want []box) {
	t.Helper()
	if len(p.Glyphs) != len(want) {
		var got []string
		for _, g := range p.Glyphs {
			got = append(got, fmt.Sprintf("%q(%.2f,%.2f,%.2f,%.2f)", g.Text, g.X0, g.Y0, g.X1, g.Y1))
		}
		t.Fatalf("got %d glyphs %v, want %d", len(p.Glyphs), got, len(want))
	}
	for i, w := range want {
		g := p.Glyphs[i]
		if g.Text != w.text || !close2(g.X0, w.x0) || !close2(g.Y0, w.y0) || !close2(g.X1, w.x1) || !close2(g.Y1, w.y1) {
			t.Errorf("glyph %d = %q (%.3f,%.3f,%.3f,%.3f), want %q (%.3f,%.3f,%.3f,%.3f)",
				i, g.Text, g.X0, g.Y0, g.X1, g.Y1, w.text, w.x0, w.y0, w.x1, w.y1)
		}
	}
}

func close2(a, b float64) bool { return math.Abs(a-b) < 0.01 }

func hasWarning(p *Page, code string) bool {
	for _, w := range p.Warnings {
		if w.Code == code {
			return true
		}
	}
	return false
}

func TestGlyphPositions(t *testing.T) {
	const media = "/MediaBox [0 0 200 100]"
	tests := []struct {
		name    string
		page    string
		content string
		want    []box
		size    float64
		font    string
		warn    string
	}{
		{
			// 预 1000, 算 800, 1 500 at size 10 from x=20; baseline y=50 →
			// Y 50, ascent 8.8, descent 1.2.
			name:    "identity-h widths",
			page:    media,
			content: "BT /F1 10 Tf 1 0 0 1 20 50 Tm <000100020003> Tj ET",
			want:    []box{{"预", 20, 41.2, 30, 51.2}, {"算", 30, 41.2, 38, 51.2}, {"1", 38, 41.2, 43, 51.2}},
			size:    10, font: "Test",
		},
		{
			// Tz 50: every advance halves. A: (6+2)×.5=4; TJ -1000: +5;
			// B: (5+2)×.5=3.5; space: (2.5+2+3)×.5=3.75; A: 4. A box
			// spans the glyph width only: A 3, B 2.5, space 1.25.
			// Baseline 20 → Y 80; no descriptor: ascent 8.8, descent 1.2.
			name:    "TJ Tc Tw Tz",
			page:    media,
			content: "BT /F2 10 Tf 2 Tc 3 Tw 50 Tz 1 0 0 1 10 20 Tm [(A) -1000 (B A)] TJ ET",
			want:    []box{{"A", 10, 71.2, 13, 81.2}, {"B", 19, 71.2, 21.5, 81.2}, {" ", 22.5, 71.2, 23.75, 81.2}, {"A", 26.25, 71.2, 29.25, 81.2}},
			size:    10, font: "Helv",
		},
		{
			// Td, TL and T*: second line 12 below the first.
			name:    "Td TL T* quote",
			page:    media,
			content: "BT /F2 10 Tf 12 TL 10 80 Td (A) Tj T* (B) Tj (A) ' ET",
			want:    []box{{"A", 10, 11.2, 16, 21.2}, {"B", 10, 23.2, 15, 33.2}, {"A", 10, 35.2, 16, 45.2}},
			size:    10, font: "Helv",
		},
		{
			// /Rotate 90: X = y, Y = x. 预 user x 20..30, y 48.8..58.8.
			name:    "rotate 90",
			page:    media + " /Rotate 90",
			content: "BT /F1 10 Tf 1 0 0 1 20 50 Tm <0001> Tj ET",
			want:    []box{{"预", 48.8, 20, 58.8, 30}},
			size:    10, font: "Test",
		},
		{
			// /Rotate 180: X = 200 - x, Y = y.
			name:    "rotate 180",
			page:    media + " /Rotate 180",
			content: "BT /F1 10 Tf 1 0 0 1 20 50 Tm <0001> Tj ET",
			want:    []box{{"预", 170, 48.8, 180, 58.8}},
			size:    10, font: "Test",
		},
		{
			// MediaBox offset: user (120,150) is (20,50) from the corner.
			name:    "mediabox offset",
			page:    "/MediaBox [100 100 300 200]",
			content: "BT /F1 10 Tf 1 0 0 1 120 150 Tm <0001> Tj ET",
			want:    []box{{"预", 20, 41.2, 30, 51.2}},
			size:    10, font: "Test",
		},
		{
			// cm scales by 2 and Ts raises by 5 (×2 = 10): size 20.
			name:    "cm and rise",
			page:    media,
			content: "q 2 0 0 2 0 0 cm BT /F1 10 Tf 5 Ts 1 0 0 1 10 10 Tm <0001> Tj ET Q",
			want:    []box{{"预", 20, 52.4, 40, 72.4}},
			size:    20, font: "Test",
		},
		{
			// The clip keeps user y 0..50 (Y 50..100): B at baseline 70 is
			// wholly outside.
			name:    "clip drops glyph",
			page:    media,
			content: "q 0 0 100 50 re W n BT /F2 10 Tf 1 0 0 1 10 20 Tm (A) Tj 1 0 0 1 10 70 Tm (B) Tj ET Q",
			want:    []box{{"A", 10, 71.2, 16, 81.2}},
			size:    10, font: "Helv",
		},
		{
			name:    "invisible and white text",
			page:    media,
			content: "BT /F2 10 Tf 1 0 0 1 10 20 Tm 3 Tr (A) Tj 0 Tr (B) Tj 1 g (A) Tj ET",
			want:    []box{{"B", 16, 71.2, 21, 81.2}},
			size:    10, font: "Helv", warn: "invisible_text",
		},
		{
			// Inside Q the clip is gone again; an unbalanced Q is harmless.
			name:    "unbalanced Q",
			page:    media,
			content: "Q Q q 0 0 1 1 re W n Q BT /F2 10 Tf 1 0 0 1 10 20 Tm (A) Tj ET Q",
			want:    []box{{"A", 10, 71.2, 16, 81.2}},
			size:    10, font: "Helv",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			f1, f2 := cidFont(b), simpleFont(b)
			p := testPage(t, onePage(b, tt.page, fmt.Sprintf("/Font << /F1 %d 0 R /F2 %d 0 R >>", f1, f2), tt.content))
			checkGlyphs(t, p, tt.want)
			for _, g := range p.Glyphs {
				if !close2(g.Size, tt.size) || g.Font != tt.font {
					t.Errorf("glyph %q: size %.2f font %q, want %.2f %q", g.Text, g.Size, g.Font, tt.size, tt.font)
				}
			}
			if tt.warn != "" && !hasWarning(p, tt.warn) {
				t.Errorf("no %s warning in %v", tt.warn, p.Warnings)
			}
		})
	}
}

func TestPageSize(t *testing.T) {
	b := &pdfBuilder{}
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100] /CropBox [10 10 190 90] /Rotate -90", "", ""))
	if p.Width != 80 || p.Height != 180 || p.Rotate != 270 {
		t.Errorf("page %vx%v rotate %d, want 80x180 rotate 270", p.Width, p.Height, p.Rotate)
	}
}

func TestFormXObject(t *testing.T) {
	b := &pdfBuilder{}
	f2 := simpleFont(b)
	// The form doubles (Matrix) and the page shifts it 100 right.
	// 'A' at form (5,10): form x 5..11, y 8.8..18.8 → user x 110..122,
	// y 17.6..37.6 → Y 62.4..82.4. The line at form y 5 → Y 90, width 2.
	// 'B' at form x 60 is outside the form's BBox and dropped.
	form := b.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 50 50] /Matrix [2 0 0 2 0 0] /Resources << /Font << /F2 %d 0 R >> >>", f2),
		"BT /F2 10 Tf 1 0 0 1 5 10 Tm (A) Tj 1 0 0 1 60 10 Tm (B) Tj ET 0 5 m 20 5 l S /Fm1 Do")
	b.set(form, strings.Replace(b.objs[form-1], "/Resources << ", fmt.Sprintf("/Resources << /XObject << /Fm1 %d 0 R >> ", form), 1))
	img := b.stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace /DeviceGray", "\x00")
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]",
		fmt.Sprintf("/XObject << /Fm1 %d 0 R /Im1 %d 0 R >>", form, img),
		"q 1 0 0 1 100 0 cm /Fm1 Do Q /Im1 Do BI /W 2 /H 1 /BPC 8 /CS /G ID \x00\xff EI"))
	checkGlyphs(t, p, []box{{"A", 110, 62.4, 122, 82.4}})
	if p.Glyphs[0].Size != 20 {
		t.Errorf("size %v, want 20", p.Glyphs[0].Size)
	}
	want := []Segment{{X0: 100, Y0: 90, X1: 140, Y1: 90, Width: 2, Paint: Stroke}}
	if fmt.Sprint(p.Segments) != fmt.Sprint(want) {
		t.Errorf("segments %v, want %v", p.Segments, want)
	}
	if p.Images != 2 {
		t.Errorf("images %d, want 2", p.Images)
	}
	if !hasWarning(p, "page_error") {
		t.Errorf("self-drawing form: no page_error warning in %v", p.Warnings)
	}
}

func TestSimpleEncodings(t *testing.T) {
	tests := []struct {
		name, font, content, want, fontName string
	}{
		{
			name:     "winansi differences",
			font:     "<< /Type /Font /Subtype /Type1 /BaseFont /X /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /uni9884 /quotedblleft 128 /Euro] >> /FontDescriptor << /Flags 32 /MissingWidth 400 >> >>",
			content:  "<41424380939A>",
			want:     "预“C€“š",
			fontName: "X",
		},
		{
			name:     "macroman",
			font:     "<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEE+#CB#CE#CC#E5 /Encoding /MacRomanEncoding >>",
			content:  "<418ED5>",
			want:     "Aé’",
			fontName: "宋体",
		},
		{
			name:     "standard encoding",
			font:     "<< /Type /Font /Subtype /Type1 /BaseFont /Y >>",
			content:  "<2760AE>",
			want:     "’‘fi",
			fontName: "Y",
		},
		{
			name:     "predefined GBK-EUC-H",
			font:     "<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /GBK-EUC-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /DW 1000 >>] >>",
			content:  "<D4A4CBE331>",
			want:     "预算1",
			fontName: "STSong",
		},
		{
			name:     "predefined UniGB-UCS2-H",
			font:     "<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong /DW 1000 >>] >>",
			content:  "<98847B970031>",
			want:     "预算1",
			fontName: "STSong",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			f := b.add(tt.font)
			p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
				"BT /F 10 Tf 1 0 0 1 10 50 Tm "+tt.content+" Tj ET"))
			var got strings.Builder
			for _, g := range p.Glyphs {
				got.WriteString(g.Text)
				if g.Font != tt.fontName {
					t.Errorf("font %q, want %q", g.Font, tt.fontName)
				}
			}
			if got.String() != tt.want {
				t.Errorf("text %q, want %q (warnings %v)", got.String(), tt.want, p.Warnings)
			}
		})
	}
}

func TestGBKWidths(t *testing.T) {
	// GBK-EUC-H without /W: 2-byte codes take DW 1000, 1-byte codes 500.
	b := &pdfBuilder{}
	f := b.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /GBK-EUC-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong /DW 1000 >>] >>")
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
		"BT /F 10 Tf 1 0 0 1 10 50 Tm <D4A4CBE331> Tj ET"))
	checkGlyphs(t, p, []box{{"预", 10, 41.2, 20, 51.2}, {"算", 20, 41.2, 30, 51.2}, {"1", 30, 41.2, 35, 51.2}})
}

func TestGarbledFont(t *testing.T) {
	// A Type0 font without ToUnicode or a known CMap: nothing decodes, no
	// replacement characters come out, one warning names the font.
	b := &pdfBuilder{}
	f := b.add("<< /Type /Font /Subtype /Type0 /BaseFont /Mystery /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /Mystery /DW 1000 >>] >>")
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
		"BT /F 10 Tf 1 0 0 1 10 50 Tm <00010002> Tj <0003> Tj ET"))
	if len(p.Glyphs) != 0 {
		t.Errorf("glyphs %v, want none", p.Glyphs)
	}
	n := 0
	for _, w := range p.Warnings {
		if w.Code == "garbled_font" && strings.Contains(w.Message, "Mystery") && strings.Contains(w.Message, "page 1") {
			n++
		}
	}
	if n != 1 {
		t.Errorf("warnings %v, want one garbled_font naming Mystery", p.Warnings)
	}
}

func TestSegments(t *testing.T) {
	b := &pdfBuilder{}
	content := strings.Join([]string{
		// re stroked under cm ×2 +10: user x 10..90, y 10..50 → Y 50..90, width 1
		"q 2 0 0 2 10 10 cm 0.5 w 0 0 40 20 re S",
		// a diagonal is no ruling
		"0 0 m 10 10 l S Q",
		// red m/l path: (0,0)-(50,0) at Y 100, (50,0)-(50,30) at X 50
		"1 0 0 RG 0 0 m 50 0 l 50 30 l S",
		// thin blue fill 80×1: one segment at user y 40.5 → Y 59.5
		"0 0 1 rg 10 40 80 1 re f",
		// Excel's border: a 0.3-thick fill with a mitred end (a slanted
		// edge), one segment at user y 20.15 → Y 79.85; a thin diagonal
		// sliver is no ruling
		"0 g 150 20 m 190 20 l 189.7 20.3 l 150 20.3 l h f",
		"150 30 m 190 60 l 190 60.3 l 150 30.3 l h f",
		// a large fill and a clip-only path leave no segments
		"0.5 g 100 10 50 50 re f 0 0 10 10 re W n",
		// clipped: inside the clip rect user x 0..10 only 0..10 of this line remains
		"0 G 0 5 m 100 5 l S",
	}, "\n")
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", "", content))
	want := []Segment{
		{X0: 10, Y0: 90, X1: 90, Y1: 90, Width: 1, Paint: Stroke},
		{X0: 90, Y0: 50, X1: 90, Y1: 90, Width: 1, Paint: Stroke},
		{X0: 10, Y0: 50, X1: 90, Y1: 50, Width: 1, Paint: Stroke},
		{X0: 10, Y0: 50, X1: 10, Y1: 90, Width: 1, Paint: Stroke},
		{X0: 0, Y0: 100, X1: 50, Y1: 100, Width: 1, Paint: Stroke, Color: [3]uint8{255, 0, 0}},
		{X0: 50, Y0: 70, X1: 50, Y1: 100, Width: 1, Paint: Stroke, Color: [3]uint8{255, 0, 0}},
		{X0: 10, Y0: 59.5, X1: 90, Y1: 59.5, Width: 1, Paint: Fill, Color: [3]uint8{0, 0, 255}},
		{X0: 150, Y0: 79.85, X1: 190, Y1: 79.85, Width: 0.3, Paint: Fill},
		{X0: 0, Y0: 95, X1: 10, Y1: 95, Width: 1, Paint: Stroke},
	}
	if len(p.Segments) != len(want) {
		t.Fatalf("got %d segments %v, want %d", len(p.Segments), p.Segments, len(want))
	}
	for i, w := range want {
		s := p.Segments[i]
		if !close2(s.X0, w.X0) || !close2(s.Y0, w.Y0) || !close2(s.X1, w.X1) || !close2(s.Y1, w.Y1) ||
			!close2(s.Width, w.Width) || s.Paint != w.Paint || s.Color != w.Color {
			t.Errorf("segment %d = %+v, want %+v", i, s, w)
		}
	}
}

func TestColorSpaces(t *testing.T) {
	// A Separation tint of 1 is full ink (kept); DeviceGray 1 via cs/sc is
	// white (dropped); an ICCBased RGB white is dropped; a white segment
	// keeps its colour.
	b := &pdfBuilder{}
	f2 := simpleFont(b)
	icc := b.stream("/N 3", "")
	res := fmt.Sprintf("/Font << /F2 %d 0 R >> /ColorSpace << /Sp [/Separation /Red /DeviceCMYK null] /IC [/ICCBased %d 0 R] >>", f2, icc)
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", res,
		"BT /F2 10 Tf 1 0 0 1 10 20 Tm /Sp cs 1 scn (A) Tj /DeviceGray cs 1 sc (B) Tj /IC cs 1 1 1 scn (A) Tj /Sp cs 0.5 sc (B) Tj ET 1 1 1 RG 0 50 m 100 50 l S"))
	checkGlyphs(t, p, []box{{"A", 10, 71.2, 16, 81.2}, {"B", 27, 71.2, 32, 81.2}})
	if len(p.Segments) != 1 || p.Segments[0].Color != [3]uint8{255, 255, 255} {
		t.Errorf("segments %v, want one white", p.Segments)
	}
}

func TestPageTree(t *testing.T) {
	// Inherited MediaBox and Rotate, a direct kid, a kid listed twice
	// (a cycle is not followed twice) and a leaf without /Type.
	b := &pdfBuilder{}
	c := b.stream("", "")
	catalog := b.add("")
	root := b.add("")
	mid := b.add("")
	leaf := b.add(fmt.Sprintf("<< /Parent %d 0 R /Contents %d 0 R /Rotate 180 >>", mid, c))
	b.set(mid, fmt.Sprintf("<< /Type /Pages /Parent %d 0 R /Kids [%d 0 R << /Type /Page /Contents %d 0 R >> %d 0 R] /Count 2 /MediaBox [0 0 300 200] >>", root, leaf, c, root))
	b.set(root, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R] /Count 2 /Rotate 90 /MediaBox [0 0 100 50] >>", mid))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", root))
	d := testDoc(t, b.bytes(catalog))
	if d.NumPages() != 2 {
		t.Fatalf("NumPages %d, want 2", d.NumPages())
	}
	want := []struct {
		w, h float64
		rot  int
	}{{300, 200, 180}, {200, 300, 90}}
	for i, w := range want {
		p, err := d.Page(i + 1)
		if err != nil {
			t.Fatal(err)
		}
		if p.Width != w.w || p.Height != w.h || p.Rotate != w.rot {
			t.Errorf("page %d: %vx%v rotate %d, want %vx%v rotate %d", i+1, p.Width, p.Height, p.Rotate, w.w, w.h, w.rot)
		}
	}
	if _, err := d.Page(3); err == nil {
		t.Errorf("Page(3): no error")
	}
}

func TestBrokenResource(t *testing.T) {
	// An XObject and a font whose xref entries point into the header: the
	// library panics resolving them; the page still comes out with the
	// rest of its text and a warning each.
	b := &pdfBuilder{}
	f2 := simpleFont(b)
	bad := b.add("<< /Type /XObject /Subtype /Form /BBox [0 0 1 1] /Length 0 >>")
	badFont := b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helv >>")
	data := onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F2 %d 0 R /F9 %d 0 R >> /XObject << /X %d 0 R >>", f2, badFont, bad),
		"/X Do BT /F9 10 Tf (B) Tj /F2 10 Tf 1 0 0 1 10 20 Tm (A) Tj ET")
	for _, n := range []int{bad, badFont} {
		data = patchXref(t, data, n, 9)
	}
	p := testPage(t, data)
	checkGlyphs(t, p, []box{{"A", 10, 71.2, 16, 81.2}})
	n := 0
	for _, w := range p.Warnings {
		if w.Code == "page_error" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("warnings %v, want two page_error", p.Warnings)
	}
}

// patchXref points object n's xref entry at offset off.
func patchXref(t *testing.T, data []byte, n, off int) []byte {
	t.Helper()
	s := string(data)
	i := strings.LastIndex(s, "\nxref\n") + 1
	lines := strings.SplitAfter(s[i:], "\n")
	if n+2 >= len(lines) {
		t.Fatalf("no xref entry %d", n)
	}
	lines[n+2] = fmt.Sprintf("%010d 00000 n \n", off)
	return []byte(s[:i] + strings.Join(lines, ""))
}

func TestMoreOperators(t *testing.T) {
	tests := []struct {
		name, font, content string
		want                []box
		segs                int
	}{
		{
			// Type3: widths in glyph space × FontMatrix: 50 × 0.01 = 0.5 em.
			name:    "type3 widths",
			font:    "<< /Type /Font /Subtype /Type3 /FontMatrix [0.01 0 0 0.01 0 0] /FontBBox [0 0 100 100] /CharProcs << >> /Encoding << /Differences [65 /A /B] >> /FirstChar 65 /LastChar 66 /Widths [50 100] /Resources << >> >>",
			content: "BT /F 10 Tf 1 0 0 1 10 20 Tm (AB) Tj ET",
			want:    []box{{"A", 10, 71.2, 15, 81.2}, {"B", 15, 71.2, 25, 81.2}},
		},
		{
			// An inline image whose data holds "EI" is skipped by its /L.
			name:    "inline image length",
			font:    "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
			content: "BI /W 4 /H 1 /BPC 8 /CS /G /L 4 ID  EI  EI BT /F 10 Tf 1 0 0 1 10 20 Tm (A) Tj ET",
			want:    []box{{"A", 10, 73.71, 16, 81.57}},
		},
		{
			// A clip by a rectangular m/l path; B paints its stroke.
			name:    "m/l clip and B",
			font:    "<< /Type /Font /Subtype /Type1 /BaseFont /Courier >>",
			content: "0 0 m 100 0 l 100 50 l 0 50 l h W n 10 10 m 90 10 l 90 40 l 10 40 l h 0 g B BT /F 10 Tf 1 0 0 1 10 20 Tm (A) Tj 1 0 0 1 10 80 Tm (B) Tj ET",
			want:    []box{{"A", 10, 73.71, 16, 81.57}},
			segs:    4,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &pdfBuilder{}
			f := b.add(tt.font)
			p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f), tt.content))
			checkGlyphs(t, p, tt.want)
			if len(p.Segments) != tt.segs {
				t.Errorf("%d segments %v, want %d", len(p.Segments), p.Segments, tt.segs)
			}
		})
	}
}

func TestVerticalWriting(t *testing.T) {
	// Identity-V: a glyph hangs from the current point by (w0/2, 880) and
	// the point moves down 1000; TJ 500 moves it down 5 more at size 10.
	// 预 (w 1000) at (50,80): x 45..55, user y 70..80 → Y 20..30.
	// 算 (w 800) at (50,65): x 46..54, user y 55..65 → Y 35..45.
	b := &pdfBuilder{}
	tu := b.stream("", testToUnicode)
	f := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /V /Encoding /Identity-V /ToUnicode %d 0 R /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /V /W [1 [1000 800]] >>] >>", tu))
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
		"BT /F 10 Tf 1 0 0 1 50 80 Tm [<0001> 500 <0002>] TJ ET"))
	checkGlyphs(t, p, []box{{"预", 45, 20, 55, 30}, {"算", 46, 35, 54, 45}})
}

func TestFormBomb(t *testing.T) {
	// Four levels of forms, each drawing the next one 40 times: 40^4 runs
	// if nothing stops it. The page comes out, with a warning.
	b := &pdfBuilder{}
	prev := b.stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", "0 0 m 1 1 l S")
	for range 4 {
		prev = b.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /X %d 0 R >> >>", prev),
			strings.Repeat("/X Do ", 40))
	}
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/XObject << /X %d 0 R >>", prev), "/X Do"))
	if !hasWarning(p, "page_error") {
		t.Errorf("no page_error warning: %v", p.Warnings)
	}
}

// TestBufferReuse reads pages whose Flate-compressed content streams (one
// page with two, one with a form XObject) go through the reused inflaters
// and content buffer, in an order that puts a short page after a long one:
// each page must come out with its own text, also when read again.
func TestBufferReuse(t *testing.T) {
	deflate := func(s string) string {
		var buf bytes.Buffer
		zw := zlib.NewWriter(&buf)
		zw.Write([]byte(s))
		zw.Close()
		return buf.String()
	}
	texts := []string{"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "Q", "HELLO", "XY"}
	b := &pdfBuilder{}
	font := b.add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
	catalog := b.add("")
	pages := b.add("")
	var kids []string
	for i, text := range texts {
		show := func(s string) string { return fmt.Sprintf("BT /F1 10 Tf 1 0 0 1 10 %d Tm (%s) Tj ET\n", 20+i, s) }
		var contents, xobj string
		switch i {
		case 0: // two streams
			half := len(text) / 2
			s1 := b.stream("/Filter /FlateDecode", deflate(show(text[:half])))
			s2 := b.stream("/Filter /FlateDecode", deflate(show(text[half:])))
			contents = fmt.Sprintf("[%d 0 R %d 0 R]", s1, s2)
		case 2: // drawn by a form
			form := b.stream("/Type /XObject /Subtype /Form /BBox [0 0 200 100] /Filter /FlateDecode", deflate(show(text)))
			xobj = fmt.Sprintf("/XObject << /X %d 0 R >>", form)
			contents = fmt.Sprintf("%d 0 R", b.stream("/Filter /FlateDecode", deflate("/X Do")))
		default:
			contents = fmt.Sprintf("%d 0 R", b.stream("/Filter /FlateDecode", deflate(show(text))))
		}
		kids = append(kids, fmt.Sprintf("%d 0 R", b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 200 100] /Resources << /Font << /F1 %d 0 R >> %s >> /Contents %s >>", pages, font, xobj, contents))))
	}
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids)))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	d := testDoc(t, b.bytes(catalog))
	for _, n := range []int{1, 2, 3, 4, 1, 4, 3} {
		p, err := d.Page(n)
		if err != nil {
			t.Fatalf("page %d: %v", n, err)
		}
		var got strings.Builder
		for _, g := range p.Glyphs {
			got.WriteString(g.Text)
		}
		if got.String() != texts[n-1] {
			t.Errorf("page %d: text %q, want %q (warnings %v)", n, got.String(), texts[n-1], p.Warnings)
		}
	}
}

// TestReleaseReuse reads a real document twice: once keeping every page,
// once releasing each page's glyphs and segments (Page.Release) before the
// next is read, so that the later pages fill slices the earlier ones gave
// back. Every page's glyphs and segments must come out the same, with
// nothing of an earlier page left in them.
func TestReleaseReuse(t *testing.T) {
	data, err := os.ReadFile("../../shared/corpus/real/js-rdbgt-2018.pdf")
	if err != nil {
		t.Skip("no real corpus:", err)
	}
	open := func() *Doc {
		d, err := NewReaderBytes(data, Options{})
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	kept := open()
	n := kept.NumPages()
	if n < 3 {
		t.Fatalf("%d pages; want a document of several", n)
	}
	want := make([][]Glyph, n)
	wantSegs := make([][]Segment, n)
	for i := range n {
		p, err := kept.Page(i + 1)
		if err != nil {
			t.Fatal(err)
		}
		want[i], wantSegs[i] = p.Glyphs, p.Segments
	}
	released := open()
	for _, i := range []int{n - 1, 0, 1, n - 1, 2} { // large and small pages in turn
		p, err := released.Page(i + 1)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(p.Glyphs, want[i]) {
			t.Fatalf("page %d: %d glyphs after a release, want %d (or different ones)", i+1, len(p.Glyphs), len(want[i]))
		}
		if !slices.Equal(p.Segments, wantSegs[i]) {
			t.Fatalf("page %d: %d segments after a release, want %d (or different ones)", i+1, len(p.Segments), len(wantSegs[i]))
		}
		for _, g := range p.Glyphs[len(p.Glyphs):cap(p.Glyphs)] {
			if g != (Glyph{}) {
				t.Errorf("page %d: the reused slice holds an earlier page's glyph past its end: %+v", i+1, g)
				break
			}
		}
		p.Release()
		if p.Glyphs != nil || p.Segments != nil {
			t.Fatalf("page %d: Release left glyphs or segments", i+1)
		}
	}
}

// TestFormBuffersReused: the buffers a page's form XObjects were decoded
// into serve the next page's forms. Page 1 draws a long form, page 2 a
// short one into the long one's buffer: page 2 shows its own text only.
func TestFormBuffersReused(t *testing.T) {
	b := &pdfBuilder{}
	f2 := simpleFont(b)
	form := func(text string) int {
		return b.stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 500 50] /Resources << /Font << /F2 %d 0 R >> >>", f2),
			"BT /F2 10 Tf 1 0 0 1 5 10 Tm ("+text+") Tj ET")
	}
	long, short := form(strings.Repeat("A", 40)), form("B")
	catalog, pages := b.add(""), b.add("")
	page := func(fm int) int {
		c := b.stream("", "/Fm1 Do")
		return b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /MediaBox [0 0 600 100] /Resources << /XObject << /Fm1 %d 0 R >> >> /Contents %d 0 R >>", pages, fm, c))
	}
	p1, p2 := page(long), page(short)
	b.set(pages, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R] /Count 2 >>", p1, p2))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", pages))
	d := testDoc(t, b.bytes(catalog))
	first, err := d.Page(1)
	if err != nil {
		t.Fatal(err)
	}
	if len(first.Glyphs) != 40 || len(d.forms) != 1 {
		t.Fatalf("page 1: %d glyphs, %d form buffers kept; want 40 and 1", len(first.Glyphs), len(d.forms))
	}
	second, err := d.Page(2)
	if err != nil {
		t.Fatal(err)
	}
	var text strings.Builder
	for _, g := range second.Glyphs {
		text.WriteString(g.Text)
	}
	if text.String() != "B" {
		t.Errorf("page 2 shows %q, want %q", text.String(), "B")
	}
}

// TestPageTreeByReference: a page that is an object of its own is kept by
// reference, its own resources read again from it when it is extracted; a
// page written in its parent's Kids is kept as it is; either way the page
// reads its own or its inherited resources.
func TestPageTreeByReference(t *testing.T) {
	font := "/Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >>"
	b := &pdfBuilder{}
	own := b.stream("", "BT /F1 12 Tf 10 10 Td (Own) Tj ET")
	inherited := b.stream("", "BT /F1 12 Tf 10 10 Td (Inherited) Tj ET")
	direct := b.stream("", "BT /F1 12 Tf 10 10 Td (Direct) Tj ET")
	catalog := b.add("")
	root := b.add("")
	p1 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Resources << %s >> /Contents %d 0 R >>", root, font, own))
	p2 := b.add(fmt.Sprintf("<< /Type /Page /Parent %d 0 R /Contents %d 0 R >>", root, inherited))
	b.set(root, fmt.Sprintf("<< /Type /Pages /Kids [%d 0 R %d 0 R << /Type /Page /Contents %d 0 R >>] /Count 3 /MediaBox [0 0 200 100] /Resources << %s >> >>", p1, p2, direct, font))
	b.set(catalog, fmt.Sprintf("<< /Type /Catalog /Pages %d 0 R >>", root))
	d := testDoc(t, b.bytes(catalog))
	want := []struct {
		text          string
		byRef, ownRes bool
	}{
		{"Own", true, true},
		{"Inherited", true, false},
		{"Direct", false, false},
	}
	if d.NumPages() != len(want) {
		t.Fatalf("NumPages %d, want %d", d.NumPages(), len(want))
	}
	for i, w := range want {
		ref := d.pages[i]
		if ref.byRef != w.byRef || ref.ownRes != w.ownRes || ref.byRef != ref.v.IsNull() || ref.ownRes != ref.res.IsNull() {
			t.Errorf("page %d: by reference %v (dictionary kept %v), own resources %v (kept %v); want %v, %v",
				i+1, ref.byRef, !ref.v.IsNull(), ref.ownRes, !ref.res.IsNull(), w.byRef, w.ownRes)
		}
		p, err := d.Page(i + 1)
		if err != nil {
			t.Fatal(err)
		}
		var got strings.Builder
		for _, g := range p.Glyphs {
			got.WriteString(g.Text)
		}
		if got.String() != w.text {
			t.Errorf("page %d: text %q, want %q", i+1, got.String(), w.text)
		}
	}
}

// TestVScale: vScale is math.Hypot(m[2], m[3]), bit for bit, on upright,
// rotated, mirrored and degenerate matrices.
func TestVScale(t *testing.T) {
	vals := []float64{0, math.Copysign(0, -1), 1, -1, 0.5, 12.000001, -3e-300, 1e300, math.Inf(1), math.Inf(-1), math.NaN(), math.SmallestNonzeroFloat64}
	for _, c := range vals {
		for _, d := range vals {
			m := matrix{1, 0, c, d, 0, 0}
			got, want := vScale(m), math.Hypot(c, d)
			if math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Errorf("vScale(%v, %v) = %v, math.Hypot %v", c, d, got, want)
			}
		}
	}
}
