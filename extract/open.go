package extract

import (
	"bufio"
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/extract/internal/pdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/fault"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// headerWindow is how far into the file the %PDF- header may start; bytes
// before it are junk that readers tolerate.
const headerWindow = 1024

// Open reads the PDF file at path. See NewReader.
func Open(path string, opts Options) (*Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, fmt.Errorf("extract: %w", err)
	}
	return NewReader(f, st.Size(), opts)
}

// NewReader reads a PDF of the given size from r. It classifies what cannot be
// read as ErrNotPDF, ErrCorrupt or ErrNeedsPassword. The common file goes
// straight to the object reader; an encrypted file it cannot open, or a file
// with a broken cross-reference table, shifted offsets, leading junk or a PDF
// 2.0 header is first rewritten in memory by pdfcpu.
func NewReader(r io.ReaderAt, size int64, opts Options) (*Doc, error) {
	if lim := opts.Limits.withDefaults(); size < 0 || size > lim.FileBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than the %d-byte limit (Limits.FileBytes)", ErrCorrupt, size, lim.FileBytes)
	}
	data := make([]byte, size)
	n, err := r.ReadAt(data, 0)
	if int64(n) < size {
		if err == nil {
			err = io.ErrUnexpectedEOF
		}
		return nil, fmt.Errorf("extract: reading input: %w", err)
	}
	return openBytes(data, opts)
}

// NewReaderBytes is NewReader over bytes already in memory, without copying
// them: the Doc reads data (its copies for parallel pages share it) and
// never writes it, and data must not change while the Doc is in use.
func NewReaderBytes(data []byte, opts Options) (*Doc, error) {
	if lim := opts.Limits.withDefaults(); int64(len(data)) > lim.FileBytes {
		return nil, fmt.Errorf("%w: %d bytes, more than the %d-byte limit (Limits.FileBytes)", ErrCorrupt, len(data), lim.FileBytes)
	}
	return openBytes(data, opts)
}

// openBytes is the stage boundary: a panic below it becomes ErrCorrupt.
func openBytes(data []byte, opts Options) (doc *Doc, err error) {
	defer func() {
		if x := recover(); x != nil {
			doc, err = nil, fmt.Errorf("%w: reader panic: %v", ErrCorrupt, x)
		}
	}()
	start, err := findHeader(data)
	if err != nil {
		return nil, err
	}
	lim := opts.Limits.withDefaults()
	body := data[start:]
	r, fastErr := openReader(body, opts.Password, lim)
	if fastErr == nil {
		// The object reader decrypts RC4 (40-128 bits), AES-128 and AES-256
		// with the user or the owner password (internal/pdf/crypt.go).
		doc := newDoc(r, readerInfo(r), lim)
		if doc.NumPages() > 0 {
			doc.src, doc.password = body, opts.Password
			return doc, nil
		}
		fastErr = errors.New("no pages in the page tree")
		if doc.treeErr != nil {
			fastErr = doc.treeErr
		}
	}
	fixed, info, err := repairPDF(body, opts.Password, lim)
	if errors.Is(err, ErrNeedsPassword) {
		return nil, err
	}
	if err != nil {
		return nil, fmt.Errorf("%w: %s; repair failed: %v", ErrCorrupt, readerReason(fastErr), err)
	}
	r, err = openReader(fixed, "", lim)
	if err != nil {
		return nil, fmt.Errorf("%w: %s; after repair: %v", ErrCorrupt, readerReason(fastErr), err)
	}
	doc = newDoc(r, info, lim)
	if doc.NumPages() == 0 {
		return nil, fmt.Errorf("%w: %s; no pages after repair", ErrCorrupt, readerReason(fastErr))
	}
	doc.src = fixed
	if info.blanked > 0 {
		doc.notes = append(doc.notes, Warning{Code: "repaired", Message: fmt.Sprintf(
			"%d objects numbered %d or more (Limits.Objects, or one per 8 bytes of the file) were dropped before the file was repaired", info.blanked, repairObjects(lim, len(body)))})
	}
	return doc, nil
}

// findHeader returns the offset of %PDF- within the first headerWindow bytes.
func findHeader(data []byte) (int, error) {
	if len(data) == 0 {
		return 0, fmt.Errorf("%w: empty file", ErrNotPDF)
	}
	head := data[:min(len(data), headerWindow)]
	i := bytes.Index(head, []byte("%PDF-"))
	if i < 0 {
		return 0, fmt.Errorf("%w: no %%PDF- header in the first %d bytes (starts with %q)", ErrNotPDF, len(head), head[:min(len(head), 16)])
	}
	return i, nil
}

// openReader opens data with ledongthuc/pdf, trying password after the
// empty one. It recovers the reader's panics.
func openReader(data []byte, password string, lim Limits) (r *pdf.Reader, err error) {
	defer func() {
		if x := recover(); x != nil {
			r, err = nil, fmt.Errorf("reader panic: %v", x)
		}
	}()
	tried := false
	pw := func() string {
		if tried {
			return ""
		}
		tried = true
		return password
	}
	return pdf.NewReaderLimits(bytes.NewReader(data), int64(len(data)), pw, lim.reader())
}

// readerReason says in plain words why the object reader refused a file.
func readerReason(err error) string {
	msg := err.Error()
	switch {
	case strings.Contains(msg, "missing %%EOF"):
		return "truncated (no %%EOF at the end)"
	case strings.Contains(msg, "invalid header"):
		return "unsupported header"
	}
	return msg
}

// readerInfo collects the document information of a file the fast path opened.
func readerInfo(r *pdf.Reader) Info {
	t := r.Trailer()
	d := t.Key("Info")
	return Info{
		Producer:  decodeInfoText([]byte(d.Key("Producer").RawString())),
		Creator:   decodeInfoText([]byte(d.Key("Creator").RawString())),
		Title:     decodeInfoText([]byte(d.Key("Title").RawString())),
		Encrypted: !t.Key("Encrypt").IsNull(),
	}
}

var pdfcpuConfigOnce sync.Once

// disableConfigDir keeps pdfcpu from reading or writing a configuration
// directory (what api.DisableConfigDir does; pdfcpu's api package is not
// linked, since it pulls go-runewidth, whose init costs ~20 ms per process).
func disableConfigDir() { model.ConfigPath = "disable" }

// repairPDF has pdfcpu read data (repairing what it can, decrypting with the
// empty or the given user password) and write it back as a plain PDF 1.x the
// object reader accepts. The document information is taken before pdfcpu
// stamps its own Producer on it.
func repairPDF(data []byte, password string, lim Limits) (out []byte, info Info, err error) {
	defer func() {
		if x := recover(); x != nil {
			out, info, err = nil, Info{}, fmt.Errorf("pdfcpu panic: %v", x)
		}
	}()
	pdfcpuConfigOnce.Do(disableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	conf.UserPW = password
	conf.OwnerPW = password
	conf.Cmd = model.OPTIMIZE
	conf.Optimize = false
	conf.OptimizeBeforeWriting = false
	conf.OptimizeResourceDicts = false
	conf.Offline = true

	// pdfcpu sizes its tables and loops by the highest object number it
	// finds (about a microsecond and 50 bytes per number): one object
	// numbered 2^31 costs minutes and gigabytes. Objects numbered past
	// what the file could hold are blanked out before the repair.
	data, blanked := blankObjects(data, repairObjects(lim, len(data)))
	ctx, err := pdfcpuRead(data, conf)
	if err != nil {
		if errors.Is(err, pdfcpu.ErrWrongPassword) {
			if password == "" {
				return nil, Info{}, fmt.Errorf("%w: no password given", ErrNeedsPassword)
			}
			return nil, Info{}, fmt.Errorf("%w: the given password is wrong", ErrNeedsPassword)
		}
		return nil, Info{}, err
	}
	// A trailer or xref stream may claim a /Size far past the objects the
	// file holds; pdfcpu's writer loops over every number up to it
	// (100,000,004: a minute for a 695-byte file). The size is cut to the
	// highest object found, which the blanking above keeps within bounds.
	if ctx.XRefTable != nil && ctx.Size != nil {
		highest := 0
		for nr := range ctx.Table {
			highest = max(highest, nr)
		}
		if limit := repairObjects(lim, len(data)); int64(highest) >= limit {
			return nil, Info{}, fmt.Errorf("repair: object %d: more objects than %d (Limits.Objects, or 1/8 of the file's bytes)", highest, limit)
		}
		if *ctx.Size > highest+1 {
			*ctx.Size = highest + 1
		}
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, Info{}, fmt.Errorf("page tree: %w", err)
	}
	info = contextInfo(ctx)
	if info.Encrypted {
		ctx.Cmd = model.DECRYPT
	}
	var buf bytes.Buffer
	buf.Grow(len(data))
	ctx.Write.Writer = bufio.NewWriter(&buf)
	err = pdfcpu.WriteContext(ctx)
	if ferr := ctx.Write.Flush(); err == nil {
		err = ferr
	}
	if err != nil {
		return nil, Info{}, fmt.Errorf("rewriting: %w", err)
	}
	out = buf.Bytes()
	// A PDF 2.0 file keeps its header; the object reader only takes 1.x, and
	// nothing it reads differs, so relabel it (same length, same offsets).
	if bytes.HasPrefix(out, []byte("%PDF-2.")) && len(out) > 8 {
		copy(out, "%PDF-1.7")
	}
	info.blanked = blanked
	return out, info, nil
}

// pdfcpuRead is api.ReadContext: pdfcpu.Read with pdfcpu's own failures
// (raised as fault panics) returned as errors.
func pdfcpuRead(data []byte, conf *model.Configuration) (ctx *model.Context, err error) {
	defer fault.Catch(&err)
	return pdfcpu.Read(bytes.NewReader(data), conf)
}

// contextInfo reads the document information from a pdfcpu context.
func contextInfo(ctx *model.Context) Info {
	info := Info{Encrypted: ctx.Encrypt != nil}
	if ctx.Info == nil {
		return info
	}
	d, err := ctx.DereferenceDict(*ctx.Info)
	if err != nil || d == nil {
		return info
	}
	get := func(key string) string {
		o, err := ctx.Dereference(d[key])
		if err != nil {
			return ""
		}
		return decodeInfoText(infoBytes(o))
	}
	info.Producer = get("Producer")
	info.Creator = get("Creator")
	info.Title = get("Title")
	return info
}

// infoBytes returns the bytes of a pdfcpu string object.
func infoBytes(o types.Object) []byte {
	switch s := o.(type) {
	case types.StringLiteral:
		b, err := types.Unescape(s.Value())
		if err != nil {
			return nil
		}
		return b
	case types.HexLiteral:
		b, err := s.Bytes()
		if err != nil {
			return nil
		}
		return b
	}
	return nil
}

// ReadAll returns every page. A page the walker cannot read comes out empty
// with a page_error warning; the document fails with ErrCorrupt only when
// every page does, and with ErrNoTextLayer when no page has a glyph.
func (d *Doc) ReadAll() ([]*Page, error) { return d.ReadPages(nil) }

// ReadPages is ReadAll calling progress (when not nil) after each page.
func (d *Doc) ReadPages(progress func(done, total int)) ([]*Page, error) {
	return d.ReadPagesContext(context.Background(), progress)
}

// ReadPagesContext is ReadPages stopping when ctx is done: between pages,
// and inside a page every 1,024 operators. It then returns the error
// "page N: " wrapping ctx.Err().
func (d *Doc) ReadPagesContext(ctx context.Context, progress func(done, total int)) ([]*Page, error) {
	pages, _, err := ReadEach(ctx, d, 1, func(p *Page) struct{} {
		if progress != nil {
			progress(p.Number, d.NumPages())
		}
		return struct{}{}
	})
	return pages, err
}

// safePage is the per-page stage boundary: a panic becomes the page's error.
func (d *Doc) safePage(ctx context.Context, n int) (p *Page, err error) {
	defer func() {
		if x := recover(); x != nil {
			p, err = nil, fmt.Errorf("panic: %v", x)
		}
	}()
	p, err = d.PageContext(ctx, n)
	if err == nil && p == nil {
		err = errors.New("no page")
	}
	return p, err
}

// noTextError names the pages that have images (a scan) but no text.
func noTextError(pages []*Page) error {
	var img []int
	for _, p := range pages {
		if p.Images > 0 {
			img = append(img, p.Number)
		}
	}
	if len(img) == 0 {
		var garbled []int
		for _, p := range pages {
			for _, w := range p.Warnings {
				if w.Code == "garbled_font" {
					garbled = append(garbled, p.Number)
					break
				}
			}
		}
		if len(garbled) > 0 {
			return fmt.Errorf("%w: the text of %s is in fonts without a Unicode mapping", ErrNoTextLayer, PageList(garbled))
		}
		return fmt.Errorf("%w: no page has text or images", ErrNoTextLayer)
	}
	verb := "have"
	if len(img) == 1 {
		verb = "has"
	}
	return fmt.Errorf("%w: %s %s images but no text", ErrNoTextLayer, PageList(img), verb)
}

// PageList formats sorted page numbers compactly: "page 4", "pages 1-3, 7".
func PageList(nums []int) string {
	var b []byte
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if len(b) > 0 {
			b = append(b, ", "...)
		}
		b = fmt.Appendf(b, "%d", nums[i])
		if j > i {
			b = fmt.Appendf(b, "-%d", nums[j])
		}
		i = j + 1
	}
	if len(nums) == 1 {
		return "page " + string(b)
	}
	return "pages " + string(b)
}

// decodeInfoText decodes a document-information string: UTF-16BE or UTF-8
// with a byte-order mark, plain ASCII, UTF-8, GBK (written by Chinese
// producers) or else PDFDocEncoding.
func decodeInfoText(b []byte) string {
	if h, ok := infoHex(b); ok {
		b = h
	}
	switch {
	case len(b) >= 2 && b[0] == 0xFE && b[1] == 0xFF:
		return infoUTF16BE(b[2:])
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return strings.ToValidUTF8(string(b[3:]), "\uFFFD")
	case infoASCII(b):
		return string(b)
	case utf8.Valid(b):
		return string(b)
	}
	if s, ok := infoGBK(b); ok {
		return s
	}
	return infoPDFDoc(b)
}

// infoHex undoes a quirk of Acrobat Distiller, which writes a non-Latin
// title as the text "<hex digits>" inside a literal string.
func infoHex(b []byte) ([]byte, bool) {
	if len(b) < 4 || b[0] != '<' || b[len(b)-1] != '>' {
		return nil, false
	}
	h := make([]byte, hex.DecodedLen(len(b)-2))
	if _, err := hex.Decode(h, b[1:len(b)-1]); err != nil {
		return nil, false
	}
	return h, true
}

func infoASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

func infoUTF16BE(b []byte) string {
	u := make([]uint16, 0, len(b)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// infoGBK decodes b as GBK when every high byte starts a well-formed pair.
func infoGBK(b []byte) (string, bool) {
	for i := 0; i < len(b); i++ {
		if b[i] < 0x80 {
			continue
		}
		if b[i] == 0x80 || b[i] == 0xFF || i+1 >= len(b) || b[i+1] < 0x40 || b[i+1] == 0x7F || b[i+1] == 0xFF {
			return "", false
		}
		i++
	}
	s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil || bytes.ContainsRune(s, utf8.RuneError) {
		return "", false
	}
	return string(s), true
}

// infoPDFDocHigh maps PDFDocEncoding bytes 0x80-0x9F; the rest of the high half
// is Latin-1.
var infoPDFDocHigh = [32]rune{
	'•', '†', '‡', '…', '—', '–', 'ƒ', '⁄', '‹', '›', '−', '‰', '„', '“', '”', '‘',
	'’', '‚', '™', 'ﬁ', 'ﬂ', 'Ł', 'Œ', 'Š', 'Ÿ', 'Ž', 'ı', 'ł', 'œ', 'š', 'ž', '\uFFFD',
}

func infoPDFDoc(b []byte) string {
	r := make([]rune, 0, len(b))
	for _, c := range b {
		switch {
		case c >= 0x80 && c < 0xA0:
			r = append(r, infoPDFDocHigh[c-0x80])
		case c == 0xA0:
			r = append(r, '€')
		default:
			r = append(r, rune(c))
		}
	}
	return string(r)
}

// FontInfo describes a font a page's resources (or its forms') name.
type FontInfo struct {
	Name      string // base font as in Glyph.Font: subset tag removed, GBK decoded
	Subtype   string // Type0, TrueType, Type1, Type3, ...
	Encoding  string // Identity-H, WinAnsiEncoding, a CMap name, "differences", or "" (built in)
	CID       string // Type0: the descendant's subtype and ordering, e.g. "CIDFontType2 GB1"
	ToUnicode bool
	Embedded  bool
}

// PageFonts lists the fonts of page n's resources and of the forms they
// hold, for inspection. A panic in the reader becomes an error.
func (d *Doc) PageFonts(n int) (fonts []FontInfo, err error) {
	if n < 1 || n > len(d.pages) {
		return nil, fmt.Errorf("page %d: out of range 1..%d", n, len(d.pages))
	}
	defer func() {
		if x := recover(); x != nil {
			fonts, err = nil, fmt.Errorf("page %d fonts: %v: %w", n, x, ErrCorrupt)
		}
	}()
	seen := map[FontInfo]bool{}
	var walk func(res pdf.Value, depth int)
	walk = func(res pdf.Value, depth int) {
		fs := res.Key("Font")
		for _, k := range fs.Keys() {
			if fi := fontInfo(fs.Key(k)); !seen[fi] {
				seen[fi] = true
				fonts = append(fonts, fi)
			}
		}
		if depth >= 4 {
			return
		}
		xs := res.Key("XObject")
		for _, k := range xs.Keys() {
			if x := xs.Key(k); x.Key("Subtype").Name() == "Form" {
				walk(x.Key("Resources"), depth+1)
			}
		}
	}
	_, res := d.pages[n-1].dict(d)
	walk(res, 0)
	return fonts, nil
}

func fontInfo(f pdf.Value) FontInfo {
	fi := FontInfo{
		Name:      fontName(f.Key("BaseFont").Name()),
		Subtype:   f.Key("Subtype").Name(),
		ToUnicode: f.Key("ToUnicode").Kind() == pdf.Stream,
	}
	desc := f
	switch enc := f.Key("Encoding"); enc.Kind() {
	case pdf.Name:
		fi.Encoding = enc.Name()
	case pdf.Dict:
		fi.Encoding = "differences"
		if b := enc.Key("BaseEncoding").Name(); b != "" {
			fi.Encoding = b + "+differences"
		}
	case pdf.Stream:
		fi.Encoding = "embedded CMap " + enc.Key("CMapName").Name()
	}
	if fi.Subtype == "Type0" {
		desc = f.Key("DescendantFonts").Index(0)
		fi.CID = strings.TrimSpace(desc.Key("Subtype").Name() + " " + desc.Key("CIDSystemInfo").Key("Ordering").RawString())
	}
	fd := desc.Key("FontDescriptor")
	fi.Embedded = fd.Key("FontFile").Kind() == pdf.Stream || fd.Key("FontFile2").Kind() == pdf.Stream || fd.Key("FontFile3").Kind() == pdf.Stream
	return fi
}
