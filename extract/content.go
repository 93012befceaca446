package extract

import (
	"context"
	"fmt"
	"math"
	"sort"

	"github.com/budgetpdf/budgetpdf/extract/internal/pdf"
)

// The content-stream walker: it runs the operators of a page (and of the
// Form XObjects it draws), keeping the graphics and text state, and collects
// glyphs and ruling segments.

type gstate struct {
	ctm         matrix
	clip        rect
	fill        [3]uint8
	stroke      [3]uint8
	fillSpace   spaceKind
	strokeSpace spaceKind
	lineWidth   float64
	font        *font
	fontSize    float64
	tc, tw      float64 // character and word spacing
	th          float64 // horizontal scaling, 1 = 100%
	tl          float64 // leading
	rise        float64
	tr          int // rendering mode
}

// resources caches what a resource dictionary's names resolve to.
type resources struct {
	v     pdf.Value
	fonts map[string]*font
	xobjs map[string]pdf.Value
}

func newResources(v pdf.Value) *resources {
	return &resources{v: v, fonts: map[string]*font{}, xobjs: map[string]pdf.Value{}}
}

type walker struct {
	doc   *Doc
	page  *Page
	gs    gstate
	stack []gstate
	tm    matrix
	tlm   matrix
	res   *resources
	path  path
	clipW bool // W or W* seen: the next painting op also clips

	forms     map[uint64]bool   // Form XObjects being drawn (recursion guard)
	formData  map[uint64][]byte // decoded form content, per page
	depth     int
	darkAreas []rect // non-white filled areas (white text on them is kept)

	invisible  int
	garbled    map[string]int
	pageErrors int
	ops        int

	ctx        context.Context // nil: never cancelled
	stopped    bool            // ctx was done: the walk stops
	glyphsFull bool            // Limits.PageGlyphs reached: the walk stops
	unreadable error           // the page is damaged beyond reading
}

func newWalker(d *Doc, p *Page, base matrix, res pdf.Value) *walker {
	w := &walker{doc: d, page: p, forms: map[uint64]bool{}, formData: map[uint64][]byte{}, garbled: map[string]int{}}
	w.gs = gstate{ctm: base, clip: rect{0, 0, p.Width, p.Height}, lineWidth: 1, th: 1}
	w.res = newResources(res)
	w.tm, w.tlm = identity, identity
	return w
}

// warn adds a page warning.
func (w *walker) warn(code, format string, a ...any) {
	if code == "page_error" {
		if w.pageErrors++; w.pageErrors > w.doc.lim.PageErrors {
			return
		}
	}
	w.page.Warnings = append(w.page.Warnings, Warning{Page: w.page.Number, Code: code,
		Message: fmt.Sprintf("page %d: ", w.page.Number) + fmt.Sprintf(format, a...)})
}

// finish turns the counters into warnings.
func (w *walker) finish() {
	if n := w.pageErrors - w.doc.lim.PageErrors; n > 0 {
		w.page.Warnings = append(w.page.Warnings, Warning{Page: w.page.Number, Code: "page_error",
			Message: fmt.Sprintf("page %d: %d more errors not listed", w.page.Number, n)})
	}
	if w.invisible > 0 {
		w.warn("invisible_text", "%d invisible or white-on-white glyphs dropped", w.invisible)
	}
	names := make([]string, 0, len(w.garbled))
	for n := range w.garbled {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		w.warn("garbled_font", "font %q: %d codes without a usable Unicode mapping dropped", n, w.garbled[n])
	}
}

func numArg(a []arg, i int) float64 {
	if i >= 0 && i < len(a) && a[i].kind == argNum {
		return a[i].num
	}
	return 0
}

// nums reports whether the last n operands are numbers, and returns them.
func nums(a []arg, n int) ([]arg, bool) {
	if len(a) < n {
		return nil, false
	}
	a = a[len(a)-n:]
	for _, x := range a {
		if x.kind != argNum {
			return nil, false
		}
	}
	return a, true
}

func matrixArg(a []arg) (matrix, bool) {
	a, ok := nums(a, 6)
	if !ok {
		return identity, false
	}
	return matrix{a[0].num, a[1].num, a[2].num, a[3].num, a[4].num, a[5].num}, true
}

// run walks one content stream.
func (w *walker) run(data []byte) {
	l := lexer{b: data, maxDepth: w.doc.lim.Nesting, maxArgs: w.doc.lim.Operands}
	l.borrow()
	defer l.giveBack()
	defer func() {
		if l.dropped > 0 {
			w.warn("page_error", "%d operands past %d in a row, or array elements past it, dropped (Limits.Operands)", l.dropped, w.doc.lim.Operands)
		}
	}()
	for {
		op, ok := l.next()
		if l.tooDeep {
			// Never written by a producer: the page is damaged, not just long.
			w.unreadable = fmt.Errorf("%w: content stream: arrays nested more than %d deep (Limits.Nesting)", ErrCorrupt, w.doc.lim.Nesting)
			return
		}
		if !ok {
			return
		}
		// Forms drawing forms can multiply a small file into an endless walk.
		if w.ops++; w.ops > w.doc.lim.PageOperators {
			if w.ops == w.doc.lim.PageOperators+1 {
				w.warn("page_error", "more than %d operators (Limits.PageOperators): the rest of the page is skipped", w.doc.lim.PageOperators)
			}
			return
		}
		if w.ops&1023 == 0 && w.ctx != nil && w.ctx.Err() != nil {
			w.stopped = true
			return
		}
		if w.stopped || w.glyphsFull {
			return
		}
		w.do(&l, op, l.args)
	}
}

func (w *walker) do(l *lexer, op string, a []arg) {
	switch op {
	// graphics state
	case "q":
		if len(w.stack) < w.doc.lim.GraphicsStack {
			w.stack = append(w.stack, w.gs)
		}
	case "Q":
		if n := len(w.stack); n > 0 { // an unbalanced Q is ignored
			w.gs = w.stack[n-1]
			w.stack = w.stack[:n-1]
		}
	case "cm":
		if m, ok := matrixArg(a); ok {
			w.gs.ctm = m.mul(w.gs.ctm)
		}
	case "w":
		if a, ok := nums(a, 1); ok {
			w.gs.lineWidth = a[0].num
		}
	case "g", "rg", "k":
		if c, ok := colorOf(a); ok {
			w.gs.fill, w.gs.fillSpace = c, spaceDevice
		}
	case "G", "RG", "K":
		if c, ok := colorOf(a); ok {
			w.gs.stroke, w.gs.strokeSpace = c, spaceDevice
		}
	case "sc", "scn":
		if c, ok := colorIn(w.gs.fillSpace, a); ok {
			w.gs.fill = c
		}
	case "SC", "SCN":
		if c, ok := colorIn(w.gs.strokeSpace, a); ok {
			w.gs.stroke = c
		}
	case "cs":
		if len(a) > 0 {
			w.gs.fill, w.gs.fillSpace = [3]uint8{}, w.colorSpace(a[len(a)-1].name())
		}
	case "CS":
		if len(a) > 0 {
			w.gs.stroke, w.gs.strokeSpace = [3]uint8{}, w.colorSpace(a[len(a)-1].name())
		}

	// paths
	case "m":
		if a, ok := nums(a, 2); ok {
			x, y := w.gs.ctm.apply(a[0].num, a[1].num)
			w.path.moveTo(x, y)
		}
	case "l":
		if a, ok := nums(a, 2); ok {
			x, y := w.gs.ctm.apply(a[0].num, a[1].num)
			w.path.lineTo(x, y)
		}
	case "c":
		if a, ok := nums(a, 6); ok {
			x, y := w.gs.ctm.apply(a[4].num, a[5].num)
			w.path.curveTo(x, y)
		}
	case "v", "y":
		if a, ok := nums(a, 4); ok {
			x, y := w.gs.ctm.apply(a[2].num, a[3].num)
			w.path.curveTo(x, y)
		}
	case "h":
		w.path.close()
	case "re":
		if a, ok := nums(a, 4); ok {
			w.path.rectangle(w.gs.ctm, a[0].num, a[1].num, a[2].num, a[3].num)
		}
	case "W", "W*":
		w.clipW = true
	case "n":
		w.paint(false, false)
	case "S":
		w.paint(true, false)
	case "s":
		w.path.close()
		w.paint(true, false)
	case "f", "F", "f*":
		w.paint(false, true)
	case "B", "B*":
		w.paint(true, true)
	case "b", "b*":
		w.path.close()
		w.paint(true, true)

	// text objects and state
	case "BT":
		w.tm, w.tlm = identity, identity
	case "ET":
	case "Tc":
		if a, ok := nums(a, 1); ok {
			w.gs.tc = a[0].num
		}
	case "Tw":
		if a, ok := nums(a, 1); ok {
			w.gs.tw = a[0].num
		}
	case "Tz":
		if a, ok := nums(a, 1); ok {
			w.gs.th = a[0].num / 100
		}
	case "TL":
		if a, ok := nums(a, 1); ok {
			w.gs.tl = a[0].num
		}
	case "Ts":
		if a, ok := nums(a, 1); ok {
			w.gs.rise = a[0].num
		}
	case "Tr":
		if a, ok := nums(a, 1); ok {
			w.gs.tr = int(a[0].num)
		}
	case "Tf":
		if len(a) >= 2 {
			w.setFont(a[len(a)-2], numArg(a, len(a)-1))
		}
	case "Td":
		if a, ok := nums(a, 2); ok {
			w.tlm = w.tlm.translate(a[0].num, a[1].num)
			w.tm = w.tlm
		}
	case "TD":
		if a, ok := nums(a, 2); ok {
			w.gs.tl = -a[1].num
			w.tlm = w.tlm.translate(a[0].num, a[1].num)
			w.tm = w.tlm
		}
	case "Tm":
		if m, ok := matrixArg(a); ok {
			w.tm, w.tlm = m, m
		}
	case "T*":
		w.nextLine()
	case "Tj":
		if len(a) > 0 {
			w.show(a[len(a)-1].str)
		}
	case "'":
		w.nextLine()
		if len(a) > 0 {
			w.show(a[len(a)-1].str)
		}
	case "\"":
		if len(a) >= 3 {
			w.gs.tw, w.gs.tc = numArg(a, len(a)-3), numArg(a, len(a)-2)
			w.nextLine()
			w.show(a[len(a)-1].str)
		}
	case "TJ":
		if len(a) > 0 {
			for _, e := range a[len(a)-1].arr {
				switch e.kind {
				case argStr:
					w.show(e.str)
				case argNum:
					if f := w.gs.font; f != nil && f.vertical {
						w.tm = w.tm.translate(0, -e.num/1000*w.gs.fontSize)
					} else {
						w.tm = w.tm.translate(-e.num/1000*w.gs.fontSize*w.gs.th, 0)
					}
				}
			}
		}

	// external objects
	case "Do":
		if len(a) > 0 {
			w.xobject(a[len(a)-1].name())
		}
	case "BI":
		l.skipInlineImage()
		w.page.Images++
	}
}

func (w *walker) nextLine() {
	w.tlm = w.tlm.translate(0, -w.gs.tl)
	w.tm = w.tlm
}

// paint ends the current path: it strokes and/or fills it into segments
// and applies a pending clip.
func (w *walker) paint(stroke, fill bool) {
	if stroke {
		width := w.gs.lineWidth * w.gs.ctm.scale()
		w.page.Segments = w.path.strokeSegments(w.page.Segments, width, w.gs.stroke, w.gs.clip)
	}
	if fill && !stroke {
		w.page.Segments, w.darkAreas = w.path.fillSegments(w.page.Segments, w.gs.fill, w.gs.clip, w.darkAreas)
	} else if fill && !isWhiteColor(w.gs.fill) {
		for _, s := range w.path.subs {
			if r, ok := axisBox(w.path.points(s)); ok {
				w.darkAreas = append(w.darkAreas, r.intersect(w.gs.clip))
			}
		}
	}
	if w.clipW {
		if b := w.path.bbox(); !math.IsInf(b.x0, 0) {
			w.gs.clip = w.gs.clip.intersect(b)
		}
		w.clipW = false
	}
	w.path.reset()
}

// setFont selects a font resource by name.
func (w *walker) setFont(a arg, size float64) {
	w.gs.fontSize = size
	if a.kind == argName {
		if f, ok := w.res.fonts[string(a.str)]; ok { // no string made for a font met before
			w.gs.font = f
			return
		}
	}
	name := a.name()
	if f, ok := w.res.fonts[name]; ok {
		w.gs.font = f
		return
	}
	w.gs.font = nil
	w.res.fonts[name] = nil
	defer w.guard("font resource " + name)
	f := w.doc.font(w.res.v.Key("Font"), name, w)
	w.res.fonts[name] = f
	w.gs.font = f
}

// guard turns a library panic while resolving a resource into a page
// warning; the walk goes on with the next operator.
func (w *walker) guard(what string) {
	if e := recover(); e != nil {
		w.warn("page_error", "%s: %v", what, e)
	}
}

// show draws a string with the current font.
func (w *walker) show(s []byte) {
	f := w.gs.font
	if f == nil {
		if len(s) > 0 {
			w.garbled["(no font)"] += len(s)
		}
		return
	}
	gs := &w.gs
	fs, th := gs.fontSize, gs.th
	hidden := gs.tr == 3 || gs.tr == 7
	white := false // painted in white only
	switch gs.tr {
	case 0, 4:
		white = isWhiteColor(gs.fill)
	case 1, 5:
		white = isWhiteColor(gs.stroke)
	case 2, 6:
		white = isWhiteColor(gs.fill) && isWhiteColor(gs.stroke)
	}
	for i := 0; i < len(s) && !w.glyphsFull; {
		ci, code, n := f.next(s, i)
		i += n
		spacing := gs.tc
		if n == 1 && code == 32 {
			spacing += gs.tw
		}
		w0 := ci.w / 1000 * fs // the glyph's own width
		emit := ci.ok && !hidden
		if !ci.ok {
			w.garbled[f.name]++
		} else if hidden {
			w.invisible++
		}
		if f.vertical {
			// The glyph hangs from the current point by its position
			// vector; the point moves down by its vertical advance.
			w1y, vx, vy := f.vmetrics(code, n, ci.w)
			if emit {
				x0 := -vx / 1000 * fs
				w.glyph(f, ci.text, x0, x0+w0, -vy/1000*fs, white)
			}
			w.tm = w.tm.translate(0, w1y/1000*fs+spacing)
			continue
		}
		tx := (w0 + spacing) * th
		if emit {
			// The box spans the glyph's own width, without character and
			// word spacing (as poppler and mupdf draw it); a glyph without
			// a width gets its advance.
			bw := w0 * th
			if bw <= 0 {
				bw = tx
			}
			w.glyph(f, ci.text, 0, bw, 0, white)
		}
		w.tm = w.tm.translate(tx, 0)
	}
}

// glyph records one glyph whose box, in text space relative to the current
// point, runs from x0 to x1 and from dy+descent to dy+ascent (plus rise).
func (w *walker) glyph(f *font, text string, x0, x1, dy float64, white bool) {
	gs := &w.gs
	m := w.tm.mul(gs.ctm)
	fs := gs.fontSize
	lo, hi := gs.rise+dy+f.descent*fs, gs.rise+dy+f.ascent*fs
	r := bboxOf(m, [2]float64{x0, lo}, [2]float64{x1, lo}, [2]float64{x0, hi}, [2]float64{x1, hi})
	if !r.finite() || r.outside(gs.clip) {
		return
	}
	if white && !w.onDark(r) {
		w.invisible++
		return
	}
	size := math.Abs(fs) * vScale(m)
	if math.IsInf(size, 0) || math.IsNaN(size) {
		return
	}
	if len(w.page.Glyphs) >= w.doc.lim.PageGlyphs {
		if !w.glyphsFull {
			w.glyphsFull = true
			w.warn("page_error", "more than %d glyphs (Limits.PageGlyphs): the rest of the page is skipped", w.doc.lim.PageGlyphs)
		}
		return
	}
	if w.doc.glyphs >= w.doc.lim.DocumentGlyphs {
		if !w.glyphsFull {
			w.glyphsFull = true
			w.warn("page_error", "the document has more than %d glyphs (Limits.DocumentGlyphs): the rest of it is skipped", w.doc.lim.DocumentGlyphs)
		}
		return
	}
	w.doc.glyphs++
	w.page.Glyphs = append(w.page.Glyphs, Glyph{Text: text, X0: r.x0, Y0: r.y0, X1: r.x1, Y1: r.y1, Font: f.name, Size: size})
}

// vScale is the length of the matrix's vertical unit vector, math.Hypot(m[2],
// m[3]): for upright text (m[2] == 0) that is |m[3]| exactly, without the
// square root.
func vScale(m matrix) float64 {
	if m[2] == 0 {
		return math.Abs(m[3])
	}
	return math.Hypot(m[2], m[3])
}

// onDark reports whether a glyph box's centre lies on a non-white fill.
func (w *walker) onDark(r rect) bool {
	cx, cy := (r.x0+r.x1)/2, (r.y0+r.y1)/2
	for _, d := range w.darkAreas {
		if d.contains(cx, cy) {
			return true
		}
	}
	return false
}

// xobject draws a named XObject: images are counted, forms are walked.
func (w *walker) xobject(name string) {
	defer w.guard("XObject " + name)
	x, ok := w.res.xobjs[name]
	if !ok {
		w.res.xobjs[name] = pdf.Value{}
		x = w.res.v.Key("XObject").Key(name)
		w.res.xobjs[name] = x
	}
	switch x.Key("Subtype").Name() {
	case "Image":
		w.page.Images++
	case "Form":
		w.form(name, x)
	}
}

func (w *walker) form(name string, x pdf.Value) {
	id, gen := objID(x)
	key := uint64(id)<<16 | uint64(gen)
	if w.forms[key] || w.depth >= w.doc.lim.FormDepth {
		w.warn("page_error", "form XObject %q draws itself; not followed", name)
		return
	}
	data, ok := w.formData[key]
	if !ok {
		var err error
		data, err = x.ReadAppend(w.doc.formBuf())
		if err != nil {
			w.warn("page_error", "form XObject %q: %v", name, err)
		}
		w.formData[key] = data
	}
	saved, savedStack, savedRes := w.gs, w.stack, w.res
	savedTm, savedTlm := w.tm, w.tlm
	w.forms[key] = true
	w.depth++
	defer func() {
		if r := recover(); r != nil {
			w.warn("page_error", "form XObject %q: %v", name, r)
		}
		w.depth--
		delete(w.forms, key)
		w.gs, w.stack, w.res = saved, savedStack, savedRes
		w.tm, w.tlm = savedTm, savedTlm
		w.path.reset()
	}()
	w.stack = nil
	if fm := x.Key("Matrix"); fm.Len() == 6 {
		var m matrix
		for i := range m {
			m[i] = fm.Index(i).Float64()
		}
		w.gs.ctm = m.mul(w.gs.ctm)
	}
	if bb := x.Key("BBox"); bb.Len() == 4 {
		x0, y0, x1, y1 := bb.Index(0).Float64(), bb.Index(1).Float64(), bb.Index(2).Float64(), bb.Index(3).Float64()
		w.gs.clip = w.gs.clip.intersect(bboxOf(w.gs.ctm, [2]float64{x0, y0}, [2]float64{x1, y0}, [2]float64{x0, y1}, [2]float64{x1, y1}))
	}
	if r := x.Key("Resources"); r.Kind() == pdf.Dict {
		w.res = newResources(r)
	}
	w.path.reset()
	w.run(data)
}

// colorSpace classifies a colour space named by cs or CS.
func (w *walker) colorSpace(name string) (k spaceKind) {
	if k, ok := familySpace(name); ok {
		return k
	}
	defer func() {
		if recover() != nil {
			k = spaceUnknown
		}
	}()
	cs := w.res.v.Key("ColorSpace").Key(name)
	if cs.Kind() == pdf.Name {
		k, _ = familySpace(cs.Name())
		return k
	}
	k, _ = familySpace(cs.Index(0).Name())
	return k
}

// familySpace classifies a colour space family by its name.
func familySpace(name string) (spaceKind, bool) {
	switch name {
	case "DeviceGray", "DeviceRGB", "DeviceCMYK", "CalGray", "CalRGB", "ICCBased", "G", "RGB", "CMYK":
		return spaceDevice, true
	case "Separation", "DeviceN":
		return spaceTint, true
	case "Pattern", "Lab", "Indexed", "I", "":
		return spaceUnknown, true
	}
	return spaceUnknown, false
}
