package extract

import (
	"math"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/extract/internal/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// A font decodes the codes of shown strings into text and widths. One is
// built per font object per document and cached in the Doc.
type font struct {
	name       string // base font name, subset tag removed, GBK bytes decoded
	cid        bool   // Type0 (composite)
	type3      bool
	spaces     []codespace
	defLen     int    // code length when there are no codespace ranges
	toUni      *cmap  // ToUnicode, may be nil
	encCMap    *cmap  // embedded encoding CMap (code → CID), may be nil
	predef     string // predefined CMap name of a Type0 font
	simple     [256]string
	widths     [256]float64 // simple fonts, in 1/1000 of text space
	hasWidth   [256]bool
	missing    float64
	cidW       *cidTable[float64]
	dw         float64
	ascent     float64 // in text space units per 1 of font size
	descent    float64
	wscale     float64    // Type3: FontMatrix a × 1000, else 1
	std        bool       // not embedded: drawn with a standard font
	gb1        bool       // CIDs of the Adobe-GB1 collection
	predefCIDs *cmap      // predefined CMap's code → CID, when embedded here
	vertical   bool       // writing mode 1: glyphs advance downwards
	dw2        [2]float64 // vertical defaults: vy, w1y
	w2         *cidTable[[3]float64]
	ttFile     pdf.Value // embedded TrueType program, until loadTT reads it
	tt         *ttCmaps
	ttUni      map[uint16]rune
	ttFirst    bool // symbolic TrueType without /Encoding: try its cmap first
	cache      map[uint64]codeInfo
}

// codeInfo is what one code of a font decodes to.
type codeInfo struct {
	text string
	w    float64 // width in 1/1000 text space units
	ok   bool    // text is real (not a guess for an undecodable code)
}

// objID returns the object number and generation a library Value was read
// from (its own when it is an indirect object, else its container's).
func objID(v pdf.Value) (uint32, uint16) {
	p := reflect.ValueOf(v).Field(1)
	return uint32(p.Field(0).Uint()), uint16(p.Field(1).Uint())
}

func readStream(v pdf.Value) ([]byte, error) {
	return v.ReadAll()
}

// fontName decodes a /BaseFont: subset tag removed, GBK bytes decoded.
func fontName(raw string) string {
	if i := strings.IndexByte(raw, '+'); i == 6 {
		tag := true
		for _, c := range raw[:6] {
			if c < 'A' || c > 'Z' {
				tag = false
			}
		}
		if tag {
			raw = raw[7:]
		}
	}
	if utf8.ValidString(raw) {
		return raw
	}
	if s, err := simplifiedchinese.GBK.NewDecoder().String(raw); err == nil && !strings.ContainsRune(s, utf8.RuneError) {
		return s
	}
	return strings.ToValidUTF8(raw, "?")
}

func num(v pdf.Value, def float64) float64 {
	switch v.Kind() {
	case pdf.Integer, pdf.Real:
		return v.Float64()
	}
	return def
}

// loadFont builds the decoder of a font dictionary. It never fails: what it
// cannot read shows up later as undecodable codes.
func loadFont(v pdf.Value) *font {
	f := &font{name: fontName(v.Key("BaseFont").Name()), dw: 1000, wscale: 1, defLen: 1,
		ascent: 0.88, descent: -0.12, cache: map[uint64]codeInfo{}}
	if f.name == "" {
		f.name = fontName(v.Key("Name").Name())
	}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		if data, err := readStream(tu); err == nil || len(data) > 0 {
			f.toUni = parseCMap(data)
		}
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.loadType0(v)
	default:
		f.loadSimple(v)
	}
	return f
}

func (f *font) loadDescriptor(fd pdf.Value) {
	if fd.Kind() != pdf.Dict {
		return
	}
	// 0 means "not given"; a wrong sign is tolerated (as poppler does).
	if a := math.Abs(num(fd.Key("Ascent"), 0)) / 1000; a > 0 && a < 3 {
		f.ascent = a
	}
	if d := -math.Abs(num(fd.Key("Descent"), 0)) / 1000; d < 0 && d > -3 {
		f.descent = d
	}
	f.missing = num(fd.Key("MissingWidth"), 0)
}

// substitute notes a font whose program is not embedded: a viewer draws it
// with a standard font, whose metrics then place its glyphs.
func (f *font) substitute(fd pdf.Value) {
	for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
		if fd.Key(k).Kind() == pdf.Stream {
			return
		}
	}
	f.std = true
	if m, ok := base14Metrics(f.name); ok {
		f.ascent, f.descent = m[0], m[1]
	}
}

func (f *font) loadType0(v pdf.Value) {
	f.cid = true
	f.defLen = 2
	desc := v.Key("DescendantFonts").Index(0)
	if desc.Kind() != pdf.Dict {
		desc = v.Key("DescendantFonts")
	}
	fd := desc.Key("FontDescriptor")
	f.loadDescriptor(fd)
	f.substitute(fd)
	f.dw = num(desc.Key("DW"), 1000)
	f.cidW = parseW(desc.Key("W"))

	f.gb1 = desc.Key("CIDSystemInfo").Key("Ordering").RawString() == "GB1"
	f.dw2 = [2]float64{880, -1000}
	if d := desc.Key("DW2"); d.Len() == 2 {
		f.dw2 = [2]float64{d.Index(0).Float64(), d.Index(1).Float64()}
	}
	enc := v.Key("Encoding")
	switch enc.Kind() {
	case pdf.Name:
		f.predef = enc.Name()
		switch f.predef {
		case "GBK-EUC-H", "GBK-EUC-V":
			f.predefCIDs = predefinedCMap("GBK-EUC-H")
		case "GB-EUC-H", "GB-EUC-V":
			f.predefCIDs = predefinedCMap("GB-EUC-H")
		}
	case pdf.Stream:
		if data, err := readStream(enc); err == nil || len(data) > 0 {
			f.encCMap = parseCMap(data)
			f.spaces = f.encCMap.spaces
			if len(f.encCMap.cids) == 0 && len(f.encCMap.ranges) == 0 {
				f.predef = f.encCMap.usecmap
			}
		}
	}
	f.vertical = strings.HasSuffix(f.predef, "-V") || f.encCMap != nil && f.encCMap.vertical
	if f.vertical {
		f.w2 = parseW2(desc.Key("W2"))
	}
	if f.spaces == nil {
		switch {
		case strings.HasPrefix(f.predef, "Identity"):
			f.spaces = twoByteSpace
		case strings.HasPrefix(f.predef, "GBK"), strings.HasPrefix(f.predef, "GBpc"):
			f.spaces = gbkSpace
		case strings.HasPrefix(f.predef, "GB-"):
			f.spaces = gbEUCSpace
		case strings.Contains(f.predef, "UTF16"):
			f.spaces = utf16Space
		case strings.Contains(f.predef, "UCS2"):
			f.spaces = twoByteSpace
		case f.toUni != nil && len(f.toUni.spaces) > 0:
			f.spaces = f.toUni.spaces
		default:
			f.spaces = twoByteSpace
		}
	}
	// A TrueType-based CID font without ToUnicode: its cmap can give the
	// text (read when a code needs it).
	if f.toUni == nil && desc.Key("Subtype").Name() == "CIDFontType2" {
		if ff := fd.Key("FontFile2"); ff.Kind() == pdf.Stream && desc.Key("CIDToGIDMap").Kind() != pdf.Stream {
			f.ttFile = ff
		}
	}
}

// parseW reads a CID font's /W array: c [w1 w2 ...] and cfirst clast w.
// Ranges are kept as ranges, so the work is linear in the array's length
// whatever codes the ranges cover.
func parseW(w pdf.Value) *cidTable[float64] {
	t := &cidTable[float64]{}
	n := w.Len()
	singles := 0 // the map is made at its size, not grown code by code
	for i := 0; i < n; i++ {
		if v := w.Index(i); v.Kind() == pdf.Array {
			singles += v.Len()
		}
	}
	if singles > 0 {
		t.single = make(map[uint32]cidEntry[float64], singles)
	}
	for i := 0; i < n; {
		first := w.Index(i)
		if first.Kind() != pdf.Integer && first.Kind() != pdf.Real {
			i++
			continue
		}
		c := uint32(first.Float64())
		next := w.Index(i + 1)
		if next.Kind() == pdf.Array {
			for k := 0; k < next.Len(); k++ {
				t.set(c+uint32(k), next.Index(k).Float64())
			}
			i += 2
			continue
		}
		if i+2 >= n {
			break
		}
		last := uint32(next.Float64())
		wd := w.Index(i + 2).Float64()
		if last >= c && last-c <= 0xffff {
			t.setRange(c, last, wd)
		}
		i += 3
	}
	t.done()
	return t
}

// parseW2 reads a CID font's /W2 array of vertical metrics (w1y, vx, vy):
// c [w1y vx vy ...] and cfirst clast w1y vx vy.
func parseW2(w pdf.Value) *cidTable[[3]float64] {
	t := &cidTable[[3]float64]{}
	n := w.Len()
	for i := 0; i+1 < n; {
		c := uint32(w.Index(i).Float64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for k := 0; k+2 < next.Len(); k += 3 {
				t.set(c+uint32(k/3), [3]float64{next.Index(k).Float64(), next.Index(k + 1).Float64(), next.Index(k + 2).Float64()})
			}
			i += 2
			continue
		}
		if i+4 >= n {
			break
		}
		last := uint32(w.Index(i + 1).Float64())
		v := [3]float64{w.Index(i + 2).Float64(), w.Index(i + 3).Float64(), w.Index(i + 4).Float64()}
		if last >= c && last-c <= 0xffff {
			t.setRange(c, last, v)
		}
		i += 5
	}
	t.done()
	return t
}

// vmetrics returns a code's vertical advance w1y and position vector
// (vx, vy), in 1/1000 text space; w0 is its horizontal width.
func (f *font) vmetrics(code uint32, n int, w0 float64) (w1y, vx, vy float64) {
	if cid, ok := f.cidOf(code, n); ok {
		if v, ok := f.w2.get(cid); ok {
			return v[0], v[1], v[2]
		}
	}
	return f.dw2[1], w0 / 2, f.dw2[0]
}

func (f *font) loadSimple(v pdf.Value) {
	f.type3 = v.Key("Subtype").Name() == "Type3"
	fd := v.Key("FontDescriptor")
	f.loadDescriptor(fd)
	if !f.type3 {
		f.substitute(fd)
	}
	if f.type3 {
		if fm := v.Key("FontMatrix"); fm.Len() == 6 {
			f.wscale = fm.Index(0).Float64() * 1000
		} else {
			f.wscale = 1
		}
	}
	first := int(v.Key("FirstChar").Int64())
	ws := v.Key("Widths")
	for i := 0; i < ws.Len() && first+i < 256; i++ {
		if c := first + i; c >= 0 {
			f.widths[c] = ws.Index(i).Float64() * f.wscale
			f.hasWidth[c] = true
		}
	}
	flags := fd.Key("Flags").Int64()
	symbolic := flags&4 != 0 && flags&32 == 0
	enc := v.Key("Encoding")
	base := ""
	var diffs pdf.Value
	switch enc.Kind() {
	case pdf.Name:
		base = enc.Name()
	case pdf.Dict:
		base = enc.Key("BaseEncoding").Name()
		diffs = enc.Key("Differences")
	}
	if base == "" && v.Key("Subtype").Name() == "Type1" && !symbolic {
		base = "StandardEncoding"
	}
	f.simple = baseEncoding(base)
	code := 0
	for i := 0; i < diffs.Len(); i++ {
		d := diffs.Index(i)
		switch d.Kind() {
		case pdf.Integer:
			code = int(d.Int64())
		case pdf.Name:
			if code >= 0 && code < 256 {
				f.simple[code] = glyphNameText(d.Name())
			}
			code++
		}
	}
	// TrueType without ToUnicode: keep the embedded cmap for codes the
	// encoding cannot explain (symbolic fonts: before the encoding).
	if f.toUni == nil {
		if ff := fd.Key("FontFile2"); ff.Kind() == pdf.Stream {
			f.ttFile = ff
			f.ttFirst = symbolic && enc.Kind() == pdf.Null
		}
	}
}

// loadTT reads the cmap of the embedded TrueType program on first use.
func (f *font) loadTT() {
	if f.ttFile.IsNull() {
		return
	}
	ff := f.ttFile
	f.ttFile = pdf.Value{}
	defer func() {
		if recover() != nil {
			f.tt, f.ttUni = nil, nil
		}
	}()
	if data, err := readStream(ff); err == nil {
		if f.tt = parseTTCmap(data); f.tt != nil {
			f.ttUni = f.tt.unicodeByGlyph()
		}
	}
}

// usable reports whether text decoded from a font is real text.
func usable(t string) bool {
	if t == "" {
		return false
	}
	for _, r := range t {
		if r == utf8.RuneError || r < 0x20 && r != '\t' || unicode.Is(unicode.Co, r) || r == 0x7f {
			return false
		}
	}
	return true
}

// next decodes the code at s[i:], returning it and its byte length.
func (f *font) next(s []byte, i int) (codeInfo, uint32, int) {
	var code uint32
	var n int
	if f.cid {
		code, n = matchCode(f.spaces, s, i, f.defLen)
	} else {
		code, n = uint32(s[i]), 1
	}
	k := codeKey(code, n)
	if ci, ok := f.cache[k]; ok {
		return ci, code, n
	}
	t, ok := f.text(code, n, s[i:i+n])
	ci := codeInfo{text: t, ok: ok, w: f.width(code, n)}
	f.cache[k] = ci
	return ci, code, n
}

func (f *font) text(code uint32, n int, raw []byte) (string, bool) {
	if f.toUni != nil {
		if t, ok := f.toUni.text(code, n); ok && usable(t) {
			return t, true
		}
	}
	if f.cid {
		var t string
		switch p := f.predef; {
		case strings.HasPrefix(p, "Uni") && (strings.Contains(p, "UCS2") || strings.Contains(p, "UTF16")):
			u := make([]uint16, 0, 2)
			for j := 0; j+1 < len(raw); j += 2 {
				u = append(u, uint16(raw[j])<<8|uint16(raw[j+1]))
			}
			t = string(utf16.Decode(u))
		case strings.HasPrefix(p, "GB"):
			t, _ = simplifiedchinese.GBK.NewDecoder().String(string(raw))
		}
		if usable(t) {
			return t, true
		}
		cid, known := f.cidOf(code, n)
		if !known {
			return "", false
		}
		f.loadTT()
		if f.ttUni != nil {
			if r, ok := f.ttUni[uint16(cid)]; ok && usable(string(r)) {
				return string(r), true
			}
		}
		if f.gb1 {
			if t, ok := gb1Text(cid); ok && usable(t) {
				return t, true
			}
		}
		return "", false
	}
	if f.ttFirst {
		f.loadTT()
		if t, ok := f.ttText(code); ok {
			return t, true
		}
	}
	if t := f.simple[code&0xff]; usable(t) {
		return t, true
	}
	f.loadTT()
	return f.ttText(code)
}

func (f *font) ttText(code uint32) (string, bool) {
	if f.tt == nil {
		return "", false
	}
	if g, ok := f.tt.glyphOfCode(code); ok {
		if r, ok := f.ttUni[g]; ok && usable(string(r)) {
			return string(r), true
		}
	}
	return "", false
}

// cidOf maps a code of a composite font to its CID: by the embedded
// encoding CMap, the identity, or an embedded predefined CMap.
func (f *font) cidOf(code uint32, n int) (uint32, bool) {
	switch {
	case f.encCMap != nil:
		if c, ok := f.encCMap.cid(code, n); ok {
			return c, true
		}
		return code, f.predef == "" || strings.HasPrefix(f.predef, "Identity")
	case strings.HasPrefix(f.predef, "Identity"):
		return code, true
	case f.predefCIDs != nil:
		return f.predefCIDs.cid(code, n)
	}
	return 0, false
}

// width is the horizontal displacement of a code in 1/1000 text space.
func (f *font) width(code uint32, n int) float64 {
	if !f.cid {
		if f.hasWidth[code&0xff] {
			return f.widths[code&0xff]
		}
		if f.missing > 0 {
			return f.missing * f.wscale
		}
		if f.std {
			if w, ok := base14Width(f.name, byte(code)); ok {
				return w
			}
		}
		return 500 * f.wscale
	}
	if cid, ok := f.cidOf(code, n); ok {
		if w, ok := f.cidW.get(cid); ok {
			return w
		}
		if f.predefCIDs == nil {
			return f.dw
		}
	}
	// A predefined CMap without a /W entry: one-byte codes and ASCII are
	// half width.
	if n == 1 || strings.HasPrefix(f.predef, "Uni") && code < 0x7f {
		return 500
	}
	return f.dw
}
