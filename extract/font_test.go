package extract

import (
	"encoding/binary"
	"fmt"
	"strings"
	"testing"
)

func TestCMapMultiByte(t *testing.T) {
	// One-byte codes 00-80, two-byte codes 8140-FEFE; a bfrange with an
	// array, one with an incremented destination, and one too large to
	// expand.
	m := parseCMap([]byte(`begincmap
2 begincodespacerange <00> <80> <8140> <FEFE> endcodespacerange
2 beginbfchar <41> <0041> <8140> <9884> endbfchar
3 beginbfrange <8141> <8142> [<7B97> <D840DC00>] <30> <39> <FF10> <0000> <7FFF> <4E00> endbfrange
endcmap`))
	tests := []struct {
		code uint32
		n    int
		want string
	}{
		{0x41, 1, "A"},
		{0x8140, 2, "预"},
		{0x8141, 2, "算"},
		{0x8142, 2, "\U00020000"},
		{0x30, 1, "０"},
		{0x39, 1, "９"},
		{0x0001, 2, "\u4e01"}, // the 2-byte range 0000-7FFF, not code 01 of length 1
	}
	for _, tt := range tests {
		got, ok := m.text(tt.code, tt.n)
		if !ok || got != tt.want {
			t.Errorf("text(%#x, %d) = %q, %v; want %q", tt.code, tt.n, got, ok, tt.want)
		}
	}
	if _, ok := m.text(0x42, 1); ok {
		t.Errorf("text(0x42) found, want missing")
	}
	// Splitting a string into codes by the codespace ranges.
	s := []byte("\x41\x81\x40\x30\xfe\xfe")
	var codes []string
	for i := 0; i < len(s); {
		c, n := matchCode(m.spaces, s, i, 1)
		codes = append(codes, fmt.Sprintf("%x/%d", c, n))
		i += n
	}
	if got, want := strings.Join(codes, " "), "41/1 8140/2 30/1 fefe/2"; got != want {
		t.Errorf("codes %s, want %s", got, want)
	}
}

func TestFontName(t *testing.T) {
	tests := []struct{ raw, want string }{
		{"ABCDEE+\xcb\xce\xcc\xe5", "宋体"},
		{"\xcb\xce\xcc\xe5_GB2312", "宋体_GB2312"},
		{"GJMGBK+SimSun", "SimSun"},
		{"TimesNewRomanPSMT", "TimesNewRomanPSMT"},
		{"Abcdef+X", "Abcdef+X"},
	}
	for _, tt := range tests {
		if got := fontName(tt.raw); got != tt.want {
			t.Errorf("fontName(%q) = %q, want %q", tt.raw, got, tt.want)
		}
	}
}

func TestGlyphNames(t *testing.T) {
	tests := []struct{ name, want string }{
		{"A", "A"}, {"zero", "0"}, {"uni9884", "预"}, {"uni98847B97", "预算"},
		{"u20000", "\U00020000"}, {"quotedblleft", "“"}, {"eacute", "é"}, {"Eacute", "É"},
		{"a.sc", "a"}, {"g123", ""}, {"cid00042", ""},
	}
	for _, tt := range tests {
		if got := glyphNameText(tt.name); got != tt.want {
			t.Errorf("glyphNameText(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

// format4 builds a cmap format 4 subtable mapping each code to a glyph.
func format4(m map[uint16]uint16, codes []uint16) []byte {
	segs := len(codes) + 1
	be := binary.BigEndian
	b := make([]byte, 14+8*segs+2)
	be.PutUint16(b[0:], 4)
	be.PutUint16(b[2:], uint16(len(b)))
	be.PutUint16(b[6:], uint16(2*segs))
	end, start := 14, 14+2*segs+2
	delta := start + 2*segs
	for i, c := range append(codes, 0xffff) {
		be.PutUint16(b[end+2*i:], c)
		be.PutUint16(b[start+2*i:], c)
		d := uint16(1)
		if c != 0xffff {
			d = m[c] - c
		}
		be.PutUint16(b[delta+2*i:], d)
	}
	return b
}

// tinyTrueType is a font program holding only a cmap table: (3,1) maps
// U+9884 to glyph 5 and U+0041 to glyph 7; (3,0) maps F041 to glyph 5.
func tinyTrueType() []byte {
	uni := format4(map[uint16]uint16{0x41: 7, 0x9884: 5}, []uint16{0x41, 0x9884})
	sym := format4(map[uint16]uint16{0xf041: 5}, []uint16{0xf041})
	be := binary.BigEndian
	cm := make([]byte, 4+16)
	be.PutUint16(cm[2:], 2)
	be.PutUint16(cm[4:], 3)
	be.PutUint16(cm[6:], 1)
	be.PutUint32(cm[8:], 20)
	be.PutUint16(cm[12:], 3)
	be.PutUint16(cm[14:], 0)
	be.PutUint32(cm[16:], uint32(20+len(uni)))
	cm = append(append(cm, uni...), sym...)
	f := make([]byte, 28)
	be.PutUint32(f[0:], 0x00010000)
	be.PutUint16(f[4:], 1)
	copy(f[12:], "cmap")
	be.PutUint32(f[20:], 28)
	be.PutUint32(f[24:], uint32(len(cm)))
	return append(f, cm...)
}

func TestTrueTypeCmapFallback(t *testing.T) {
	// A symbolic TrueType subset without /Encoding or ToUnicode, named in
	// GBK bytes, as Word writes them: code 0x41 → glyph 5 by the (3,0)
	// subtable → U+9884 by the inverted (3,1) subtable.
	b := &pdfBuilder{}
	ff := b.stream("", string(tinyTrueType()))
	f := b.add(fmt.Sprintf("<< /Type /Font /Subtype /TrueType /BaseFont /ABCDEE+#CB#CE#CC#E5 /FirstChar 65 /LastChar 65 /Widths [1000] /FontDescriptor << /Flags 4 /FontFile2 %d 0 R /Ascent 900 /Descent -100 >> >>", ff))
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
		"BT /F 10 Tf 1 0 0 1 10 50 Tm (A) Tj ET"))
	checkGlyphs(t, p, []box{{"预", 10, 41, 20, 51}})
	if p.Glyphs[0].Font != "宋体" {
		t.Errorf("font %q, want 宋体", p.Glyphs[0].Font)
	}
}

func TestTrueTypeCIDFallback(t *testing.T) {
	// Identity-H CIDFontType2 without ToUnicode: CID = glyph id.
	b := &pdfBuilder{}
	ff := b.stream("", string(tinyTrueType()))
	f := b.add(fmt.Sprintf("<< /Type /Font /Subtype /Type0 /BaseFont /Sub /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Sub /CIDToGIDMap /Identity /FontDescriptor << /Flags 4 /FontFile2 %d 0 R >> >>] >>", ff))
	p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
		"BT /F 10 Tf 1 0 0 1 10 50 Tm <00050007> Tj ET"))
	checkGlyphs(t, p, []box{{"预", 10, 41.2, 20, 51.2}, {"A", 20, 41.2, 30, 51.2}})
}

func TestGB1Collection(t *testing.T) {
	// CIDs and codes below come from Adobe's UniGB-UCS2-H and GBK-EUC-H
	// CMaps as printed by hand (grep): U+9884 预 = CID 4327 (0x10E7),
	// U+7B97 算 = CID 3544 (0x0DD8), '0' = CID 17; GBK byte 0x31 '1' =
	// CID 814+0x10 = 830.
	t.Run("identity without ToUnicode", func(t *testing.T) {
		b := &pdfBuilder{}
		f := b.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /Identity-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /DW 1000 >>] >>")
		p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
			"BT /F 10 Tf 1 0 0 1 10 50 Tm <10E70DD80011> Tj ET"))
		checkGlyphs(t, p, []box{{"预", 10, 41.2, 20, 51.2}, {"算", 20, 41.2, 30, 51.2}, {"0", 30, 41.2, 40, 51.2}})
	})
	t.Run("GBK-EUC-H widths from W", func(t *testing.T) {
		b := &pdfBuilder{}
		f := b.add("<< /Type /Font /Subtype /Type0 /BaseFont /STSong /Encoding /GBK-EUC-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 5 >> /W [4327 [800] 830 [600]] >>] >>")
		p := testPage(t, onePage(b, "/MediaBox [0 0 200 100]", fmt.Sprintf("/Font << /F %d 0 R >>", f),
			"BT /F 10 Tf 1 0 0 1 10 50 Tm <D4A4CBE331> Tj ET"))
		checkGlyphs(t, p, []box{{"预", 10, 41.2, 18, 51.2}, {"算", 18, 41.2, 28, 51.2}, {"1", 28, 41.2, 34, 51.2}})
	})
}
