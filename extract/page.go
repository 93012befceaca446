package extract

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"

	"github.com/budgetpdf/budgetpdf/extract/internal/pdf"
)

// Doc is an open PDF document. Pages are extracted one at a time; fonts are
// decoded once per document.
type Doc struct {
	r       *pdf.Reader
	info    Info
	pages   []pageRef
	fonts   map[fontKey]*font
	used    map[fontKey]int // when each font of fonts was last asked for (ticks)
	tick    int
	fontCap int   // maxFonts; tests set less
	treeErr error // why the page tree could not be read completely
	lim     Limits
	notes   []Warning // about the whole file (Page 0), given with page 1's
	glyphs  int       // glyphs kept so far (Limits.DocumentGlyphs)
	content []byte    // the last page's decoded content, its buffer reused
	last    int       // glyphs of the last page read: the next page's Glyphs start with room for them
	forms   [][]byte  // buffers of the last page's decoded form XObjects, for the next page's

	src      []byte // the bytes r reads (after any repair), for clones
	password string // the password r was opened with
}

// pageRef is a page dictionary with its inherited attributes resolved. A
// page that is an object of its own is kept by reference and read again
// when it is extracted (dict): a long document's page tree then holds no
// page's dictionary, nor the resources written in it.
type pageRef struct {
	v      pdf.Value // the page dictionary, when it is written in its parent's Kids
	ref    pdf.Ref   // the page's object, when byRef
	byRef  bool
	res    pdf.Value // the resources, unless ownRes
	ownRes bool      // the resources are the page's own: dict's /Resources
	media  [4]float64
	crop   [4]float64
	hasBox bool
	crops  bool
	rotate int
}

type fontKey struct {
	id   uint32
	gen  uint16
	name string // resource name, for fonts written directly in a resource dictionary
}

// newDoc wraps an opened reader. It walks the page tree once.
func newDoc(r *pdf.Reader, info Info, lim Limits) *Doc {
	d := emptyDoc(r, info, lim)
	func() {
		defer func() {
			if e := recover(); e != nil {
				d.treeErr = fmt.Errorf("page tree: %v: %w", e, ErrCorrupt)
			}
		}()
		root := r.Trailer().Key("Root").Key("Pages")
		d.walkTree(root, pdf.Ref{}, false, 0, pageRef{}, map[uint32]bool{}, 0)
	}()
	if d.info.Pages == 0 {
		d.info.Pages = len(d.pages)
	}
	return d
}

// emptyDoc is a Doc on r without its page tree.
func emptyDoc(r *pdf.Reader, info Info, lim Limits) *Doc {
	return &Doc{r: r, info: info, fonts: map[fontKey]*font{}, used: map[fontKey]int{}, fontCap: maxFonts, lim: lim}
}

func (d *Doc) walkTree(node pdf.Value, ref pdf.Ref, byRef bool, parent uint32, inh pageRef, seen map[uint32]bool, depth int) {
	if node.Kind() != pdf.Dict || depth > d.lim.PageTreeDepth {
		return
	}
	// A kid written directly in its parent's Kids array carries the
	// parent's object number; only indirect nodes can form cycles.
	if id, _ := objID(node); id != parent {
		if seen[id] {
			return
		}
		seen[id] = true
	}
	own := false
	if r := node.Key("Resources"); r.Kind() == pdf.Dict {
		inh.res, own = r, true
	}
	if b, ok := boxOf(node.Key("MediaBox")); ok {
		inh.media, inh.hasBox = b, true
	}
	if b, ok := boxOf(node.Key("CropBox")); ok {
		inh.crop, inh.crops = b, true
	}
	if rot := node.Key("Rotate"); rot.Kind() == pdf.Integer || rot.Kind() == pdf.Real {
		inh.rotate = normRotate(rot.Float64())
	}
	kids := node.Key("Kids")
	if node.Key("Type").Name() == "Page" || kids.Kind() != pdf.Array {
		if byRef {
			inh.ref, inh.byRef = ref, true
			if own {
				inh.res, inh.ownRes = pdf.Value{}, true
			}
		} else {
			inh.v = node
		}
		d.pages = append(d.pages, inh)
		return
	}
	for i := 0; i < kids.Len(); i++ {
		id, _ := objID(node)
		kref, byRef := kids.IndexRef(i)
		d.walkTree(kids.Index(i), kref, byRef, id, inh, seen, depth+1)
	}
}

// dict is the page's dictionary and resources, read again when the page
// is kept by reference.
func (ref pageRef) dict(d *Doc) (v, res pdf.Value) {
	v, res = ref.v, ref.res
	if ref.byRef {
		v = d.r.Resolve(ref.ref)
	}
	if ref.ownRes {
		res = v.Key("Resources")
	}
	return v, res
}

func normRotate(f float64) int {
	r := int(math.Round(f/90)) * 90 % 360
	if r < 0 {
		r += 360
	}
	return r
}

func boxOf(v pdf.Value) ([4]float64, bool) {
	if v.Len() != 4 {
		return [4]float64{}, false
	}
	var b [4]float64
	for i := range b {
		b[i] = v.Index(i).Float64()
	}
	b = [4]float64{min(b[0], b[2]), min(b[1], b[3]), max(b[0], b[2]), max(b[1], b[3])}
	if !(b[2]-b[0] >= 1 && b[3]-b[1] >= 1 && b[2]-b[0] < 1e6 && b[3]-b[1] < 1e6) || !finite(b[0]) || !finite(b[1]) {
		return b, false
	}
	return b, true
}

// Info returns the document metadata.
func (d *Doc) Info() Info { return d.info }

// NumPages returns the number of pages found in the page tree.
func (d *Doc) NumPages() int { return len(d.pages) }

// Page extracts page n (1-based). A panic inside the PDF library becomes an
// error wrapping ErrCorrupt; problems that still let the page out are in
// the page's Warnings.
func (d *Doc) Page(n int) (p *Page, err error) { return d.PageContext(context.Background(), n) }

// PageContext is Page stopping early (with the glyphs read so far) when ctx
// is done.
func (d *Doc) PageContext(ctx context.Context, n int) (p *Page, err error) {
	if n < 1 || n > len(d.pages) {
		if d.treeErr != nil {
			return nil, fmt.Errorf("page %d: %w", n, d.treeErr)
		}
		return nil, fmt.Errorf("page %d: out of range 1..%d", n, len(d.pages))
	}
	defer func() {
		if e := recover(); e != nil {
			p, err = nil, fmt.Errorf("page %d: %v: %w", n, e, ErrCorrupt)
		}
	}()
	ref := d.pages[n-1]
	box := [4]float64{0, 0, 612, 792}
	if ref.hasBox {
		box = ref.media
	}
	if ref.crops {
		c := ref.crop
		c = [4]float64{max(c[0], box[0]), max(c[1], box[1]), min(c[2], box[2]), min(c[3], box[3])}
		if c[2]-c[0] >= 1 && c[3]-c[1] >= 1 {
			box = c
		}
	}
	p = &Page{Number: n, Rotate: ref.rotate, Width: box[2] - box[0], Height: box[3] - box[1]}
	if ref.rotate == 90 || ref.rotate == 270 {
		p.Width, p.Height = p.Height, p.Width
	}
	// Pages of one document print about as much as each other: room for
	// the last page's glyphs saves growing the slice glyph by glyph.
	p.Glyphs = newGlyphs(min(d.last+d.last/8, d.lim.PageGlyphs))
	if b, ok := segmentPool.Get().(*[]Segment); ok {
		p.Segments = (*b)[:0]
	}
	v, res := ref.dict(d)
	w := newWalker(d, p, baseMatrix(box, ref.rotate), res)
	w.ctx = ctx
	data, rerr := pageContent(d.content[:0], v.Key("Contents"))
	if cap(data) <= maxKeptContent {
		d.content = data
	} else {
		d.content = nil
	}
	if rerr != nil {
		p.contentErr = rerr
		w.warn("page_error", "content stream: %v", rerr)
	}
	func() {
		defer func() {
			if e := recover(); e != nil {
				w.warn("page_error", "content stream: %v", e)
			}
		}()
		w.run(data)
	}()
	w.finish()
	d.last = len(p.Glyphs)
	for _, b := range w.formData { // the page's forms are drawn: their buffers go to the next page
		if cap(b) > 0 && cap(b) <= maxKeptContent && len(d.forms) < maxKeptForms {
			d.forms = append(d.forms, b[:0])
		}
	}
	if w.unreadable != nil {
		return nil, fmt.Errorf("page %d: %w", n, w.unreadable)
	}
	return p, nil
}

// baseMatrix maps default user space to the output space: top-left origin
// of the box as displayed after /Rotate.
func baseMatrix(b [4]float64, rotate int) matrix {
	x0, y0, x1, y1 := b[0], b[1], b[2], b[3]
	switch rotate {
	case 90:
		return matrix{0, 1, 1, 0, -y0, -x0}
	case 180:
		return matrix{-1, 0, 0, 1, x1, -y0}
	case 270:
		return matrix{0, -1, -1, 0, y1, x1}
	}
	return matrix{1, 0, 0, -1, -x0, y1}
}

// formBuf is an empty buffer for a form XObject's decoded content: one the
// last page's forms used, when there is one.
func (d *Doc) formBuf() []byte {
	n := len(d.forms)
	if n == 0 {
		return nil
	}
	b := d.forms[n-1]
	d.forms = d.forms[:n-1]
	return b
}

// maxKeptForms is how many form buffers a Doc keeps for the next page.
const maxKeptForms = 16

// maxKeptContent is the largest content buffer kept for the next page.
const maxKeptContent = 4 << 20

// pageContent appends a page's content streams to buf, a newline after
// each. A stream that fails to decode contributes what was read before the
// failure.
func pageContent(buf []byte, c pdf.Value) ([]byte, error) {
	var first error
	add := func(s pdf.Value) {
		var err error
		buf, err = appendStreamSafe(buf, s)
		buf = append(buf, '\n')
		if err != nil && first == nil {
			first = err
		}
	}
	switch c.Kind() {
	case pdf.Stream:
		add(c)
	case pdf.Array:
		for i := 0; i < c.Len(); i++ {
			add(c.Index(i))
		}
	}
	return buf, first
}

// appendStreamSafe appends a stream's data to buf, turning a library panic
// into an error.
func appendStreamSafe(buf []byte, s pdf.Value) (out []byte, err error) {
	out = buf
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("%v: %w", e, ErrCorrupt)
		}
	}()
	return s.ReadAppend(buf)
}

// font returns the decoder of the font resource name in the font
// dictionary fonts, building it on first use.
func (d *Doc) font(fonts pdf.Value, name string, w *walker) (f *font) {
	v := fonts.Key(name)
	if v.Kind() != pdf.Dict {
		w.warn("garbled_font", "font resource %q missing", name)
		return nil
	}
	id, gen := objID(v)
	key := fontKey{id: id, gen: gen}
	if pid, pgen := objID(fonts); pid == id && pgen == gen {
		key.name = name // a direct dictionary: its container's id is not enough
	}
	d.tick++
	if f, ok := d.fonts[key]; ok {
		if _, ok := d.used[key]; ok {
			d.used[key] = d.tick
		}
		return f
	}
	defer func() {
		if e := recover(); e != nil {
			w.warn("garbled_font", "font %q: %v", name, e)
			w.page.fontFailed = true
			f = &font{name: name, cache: map[uint64]codeInfo{}, wscale: 1, dw: 1000, ascent: 0.88, descent: -0.12}
			d.fonts[key] = f
		}
	}()
	f = loadFont(v)
	d.evictFonts()
	d.fonts[key] = f
	d.used[key] = d.tick
	return f
}

// maxFonts bounds the fonts a Doc keeps decoded. A document of many
// documents joined together (each with fonts of its own) would otherwise
// keep every font it ever used; past the bound, the half of the loaded fonts
// asked for least recently is let go and decoded again if a later page asks
// for it. loadFont reads only the font's dictionary, so a font decoded again
// decodes every code as before. Fonts that failed to load are never let go:
// their warning is given once per document.
const maxFonts = 64

// evictFonts makes room for one more font when fontCap are loaded.
func (d *Doc) evictFonts() {
	if len(d.used) < d.fontCap {
		return
	}
	keys := make([]fontKey, 0, len(d.used))
	for k := range d.used {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return d.used[keys[i]] < d.used[keys[j]] })
	for _, k := range keys[:max(1, len(keys)/2)] {
		delete(d.fonts, k)
		delete(d.used, k)
	}
}

// glyphPool and segmentPool hold the glyph and segment slices of released
// pages (Page.Release) for the next pages to fill: a long document's pages
// reuse a few buffers instead of each allocating its own.
var (
	glyphPool   sync.Pool // of *[]Glyph
	segmentPool sync.Pool // of *[]Segment
)

// newGlyphs is an empty glyph slice with room for n: a released page's
// when it is large enough.
func newGlyphs(n int) []Glyph {
	if b, ok := glyphPool.Get().(*[]Glyph); ok && cap(*b) >= n {
		return (*b)[:0]
	}
	return make([]Glyph, 0, n)
}

// Release lets go of the page's glyphs and segments once they have been
// laid out, giving the glyph slice back for the next page to reuse. Call
// it only when nothing holds p.Glyphs or a piece of it; both are nil after.
func (p *Page) Release() {
	if cap(p.Glyphs) > 0 {
		clear(p.Glyphs) // hold no strings of this page (past len: cleared at an earlier release, or never used)
		gs := p.Glyphs[:0]
		glyphPool.Put(&gs)
	}
	if cap(p.Segments) > 0 {
		ss := p.Segments[:0] // segments hold no pointers: nothing to clear
		segmentPool.Put(&ss)
	}
	p.Glyphs, p.Segments = nil, nil
}
