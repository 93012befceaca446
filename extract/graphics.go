package extract

import "math"

// Graphics: matrices, the clip rectangle, colours and the current path, and
// the ruling segments painted paths leave behind. All points are kept in the
// output space (top-left origin, after /Rotate): the initial CTM maps user
// space there, so rotation by a multiple of 90° keeps rectangles
// axis-aligned.

// matrix is a PDF transformation [a b c d e f]; points are row vectors,
// so p' = p × m and m.mul(n) applies m first.
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2],
		m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2],
		m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4],
		m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// translate returns translate(tx, ty) × m.
func (m matrix) translate(tx, ty float64) matrix {
	m[4] += tx*m[0] + ty*m[2]
	m[5] += tx*m[1] + ty*m[3]
	return m
}

// scale is the factor by which m scales lengths (geometric mean of axes).
func (m matrix) scale() float64 {
	return math.Sqrt(math.Abs(m[0]*m[3] - m[1]*m[2]))
}

// rect is an axis-aligned rectangle in output space.
type rect struct{ x0, y0, x1, y1 float64 }

func (r rect) intersect(s rect) rect {
	r.x0, r.y0 = max(r.x0, s.x0), max(r.y0, s.y0)
	r.x1, r.y1 = min(r.x1, s.x1), min(r.y1, s.y1)
	return r
}

func finite(f float64) bool { return !math.IsInf(f, 0) && !math.IsNaN(f) }

func (r rect) finite() bool { return finite(r.x0) && finite(r.y0) && finite(r.x1) && finite(r.y1) }

// outside reports whether r lies wholly outside the clip c.
func (r rect) outside(c rect) bool {
	return r.x1 <= c.x0 || r.x0 >= c.x1 || r.y1 <= c.y0 || r.y0 >= c.y1
}

func (r rect) contains(x, y float64) bool {
	return x >= r.x0 && x <= r.x1 && y >= r.y0 && y <= r.y1
}

// bbox of points transformed by m.
func bboxOf(m matrix, pts ...[2]float64) rect {
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, p := range pts {
		x, y := m.apply(p[0], p[1])
		r.x0, r.y0 = min(r.x0, x), min(r.y0, y)
		r.x1, r.y1 = max(r.x1, x), max(r.y1, y)
	}
	return r
}

// Colours.

func grayRGB(g float64) [3]uint8 {
	v := clampByte(g)
	return [3]uint8{v, v, v}
}

func clampByte(f float64) uint8 {
	switch {
	case f <= 0:
		return 0
	case f >= 1:
		return 255
	}
	return uint8(math.Round(f * 255))
}

// colorOf converts colour operands by their count: gray, RGB or CMYK.
func colorOf(a []arg) ([3]uint8, bool) {
	var v [4]float64
	n := 0
	for _, x := range a {
		if x.kind == argNum && n < 4 {
			v[n] = x.num
			n++
		}
	}
	switch n {
	case 1:
		return grayRGB(v[0]), true
	case 3:
		return [3]uint8{clampByte(v[0]), clampByte(v[1]), clampByte(v[2])}, true
	case 4:
		k := v[3]
		return [3]uint8{
			clampByte((1 - v[0]) * (1 - k)),
			clampByte((1 - v[1]) * (1 - k)),
			clampByte((1 - v[2]) * (1 - k)),
		}, true
	}
	return [3]uint8{}, false
}

// spaceKind says how colour operands of sc/scn convert to RGB.
type spaceKind uint8

const (
	spaceDevice  spaceKind = iota // by the operand count: gray, RGB, CMYK
	spaceTint                     // Separation/DeviceN: 1 is full ink
	spaceUnknown                  // Indexed, Pattern, Lab: taken as black
)

// colorIn converts sc/scn operands in a colour space of the given kind.
func colorIn(k spaceKind, a []arg) ([3]uint8, bool) {
	switch k {
	case spaceTint:
		t := 0.0
		for _, x := range a {
			if x.kind == argNum {
				t = max(t, x.num)
			}
		}
		return grayRGB(1 - t), true
	case spaceUnknown:
		return [3]uint8{}, true
	}
	return colorOf(a)
}

func isWhiteColor(c [3]uint8) bool { return c[0] >= 250 && c[1] >= 250 && c[2] >= 250 }

// The current path: subpaths of points in output space. The points of all
// subpaths share one slice (kept across paths), each subpath a range of it.

type subpath struct {
	start, end int // pts[start:end]
	closed     bool
}

type path struct {
	pts  [][2]float64
	subs []subpath
}

func (p *path) reset() { p.subs, p.pts = p.subs[:0], p.pts[:0] }

// points returns the points of subpath s.
func (p *path) points(s subpath) [][2]float64 { return p.pts[s.start:s.end:s.end] }

func (p *path) moveTo(x, y float64) {
	p.pts = append(p.pts, [2]float64{x, y})
	p.subs = append(p.subs, subpath{start: len(p.pts) - 1, end: len(p.pts)})
}

func (p *path) lineTo(x, y float64) {
	if len(p.subs) == 0 {
		p.moveTo(x, y)
		return
	}
	p.pts = append(p.pts, [2]float64{x, y})
	p.subs[len(p.subs)-1].end = len(p.pts) // the last subpath ends the slice
}

// curveTo ends the straight run: a curve is not a ruling, so a new
// subpath starts at its end point.
func (p *path) curveTo(x, y float64) { p.moveTo(x, y) }

// close marks the subpath closed; the current point returns to its start.
func (p *path) close() {
	if len(p.subs) == 0 {
		return
	}
	s := &p.subs[len(p.subs)-1]
	s.closed = true
	start := p.pts[s.start]
	p.moveTo(start[0], start[1])
}

func (p *path) rectangle(m matrix, x, y, w, h float64) {
	a, b := m.apply(x, y)
	c, d := m.apply(x+w, y)
	e, f := m.apply(x+w, y+h)
	g, k := m.apply(x, y+h)
	p.pts = append(p.pts, [2]float64{a, b}, [2]float64{c, d}, [2]float64{e, f}, [2]float64{g, k})
	p.subs = append(p.subs, subpath{start: len(p.pts) - 4, end: len(p.pts), closed: true})
}

func (p *path) bbox() rect {
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, q := range p.pts {
		r.x0, r.y0 = min(r.x0, q[0]), min(r.y0, q[1])
		r.x1, r.y1 = max(r.x1, q[0]), max(r.y1, q[1])
	}
	return r
}

// axisBox reports the bounding box of a subpath when the subpath is an
// axis-aligned rectangle (re, or four or five points along the axes).
func axisBox(pts [][2]float64) (rect, bool) {
	if len(pts) == 5 && near(pts[0], pts[4]) {
		pts = pts[:4]
	}
	if len(pts) != 4 {
		return rect{}, false
	}
	for i := range 4 {
		p, q := pts[i], pts[(i+1)%4]
		if math.Abs(p[0]-q[0]) > 0.01 && math.Abs(p[1]-q[1]) > 0.01 {
			return rect{}, false
		}
	}
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, q := range pts {
		r.x0, r.y0 = min(r.x0, q[0]), min(r.y0, q[1])
		r.x1, r.y1 = max(r.x1, q[0]), max(r.y1, q[1])
	}
	return r, true
}

// thinQuad reports the bounding box of a filled subpath of a few points
// that is a ruling drawn with mitred ends: a quadrilateral at most thinFill
// thick whose ends slant (Excel's borders: 798,406.99 → 42,406.99 →
// 42,407.29 → 797.7,407.29), which axisBox refuses for the slant.
func thinQuad(pts [][2]float64) (rect, bool) {
	if len(pts) < 3 || len(pts) > 6 {
		return rect{}, false
	}
	r := rect{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, q := range pts {
		r.x0, r.y0 = min(r.x0, q[0]), min(r.y0, q[1])
		r.x1, r.y1 = max(r.x1, q[0]), max(r.y1, q[1])
	}
	w, h := r.x1-r.x0, r.y1-r.y0
	thin, long := min(w, h), max(w, h)
	return r, thin <= thinFill && long > 4*max(thin, 0.5)
}

func near(p, q [2]float64) bool {
	return math.Abs(p[0]-q[0]) < 0.01 && math.Abs(p[1]-q[1]) < 0.01
}

// thinFill is the thickest filled rectangle still taken as a ruling line.
const thinFill = 2.0

// strokeSegments appends the axis-aligned straight pieces of the path.
func (p *path) strokeSegments(out []Segment, width float64, color [3]uint8, clip rect) []Segment {
	for _, s := range p.subs {
		pts := p.points(s)
		n := len(pts)
		for i := 0; i+1 < n; i++ {
			out = addSegment(out, pts[i], pts[i+1], width, Stroke, color, clip)
		}
		if s.closed && n > 2 {
			out = addSegment(out, pts[n-1], pts[0], width, Stroke, color, clip)
		}
	}
	return out
}

// fillSegments appends one segment per thin filled rectangle and reports
// the large non-white filled areas.
func (p *path) fillSegments(out []Segment, color [3]uint8, clip rect, areas []rect) ([]Segment, []rect) {
	for _, s := range p.subs {
		r, ok := axisBox(p.points(s))
		if !ok {
			if r, ok = thinQuad(p.points(s)); !ok {
				continue
			}
		}
		w, h := r.x1-r.x0, r.y1-r.y0
		switch {
		case h <= thinFill && w > h:
			y := (r.y0 + r.y1) / 2
			out = addSegment(out, [2]float64{r.x0, y}, [2]float64{r.x1, y}, h, Fill, color, clip)
		case w <= thinFill && h > w:
			x := (r.x0 + r.x1) / 2
			out = addSegment(out, [2]float64{x, r.y0}, [2]float64{x, r.y1}, w, Fill, color, clip)
		case !isWhiteColor(color):
			areas = append(areas, r.intersect(clip))
		}
	}
	return out, areas
}

// addSegment appends the piece p–q if it runs along an axis, clipped.
func addSegment(out []Segment, p, q [2]float64, width float64, paint Paint, color [3]uint8, clip rect) []Segment {
	dx, dy := math.Abs(q[0]-p[0]), math.Abs(q[1]-p[1])
	const tol = 0.5 // points of slant still taken as straight
	var s Segment
	switch {
	case dy <= tol && dx > dy:
		y := (p[1] + q[1]) / 2
		if y < clip.y0-width/2-tol || y > clip.y1+width/2+tol {
			return out
		}
		x0, x1 := min(p[0], q[0]), max(p[0], q[0])
		x0, x1 = max(x0, clip.x0), min(x1, clip.x1)
		if x1-x0 <= 0.01 {
			return out
		}
		s = Segment{X0: x0, Y0: y, X1: x1, Y1: y}
	case dx <= tol && dy > dx:
		x := (p[0] + q[0]) / 2
		if x < clip.x0-width/2-tol || x > clip.x1+width/2+tol {
			return out
		}
		y0, y1 := min(p[1], q[1]), max(p[1], q[1])
		y0, y1 = max(y0, clip.y0), min(y1, clip.y1)
		if y1-y0 <= 0.01 {
			return out
		}
		s = Segment{X0: x, Y0: y0, X1: x, Y1: y1}
	default:
		return out
	}
	if !finite(s.X0) || !finite(s.Y0) || !finite(s.X1) || !finite(s.Y1) {
		return out
	}
	if !finite(width) {
		width = 0
	}
	s.Width, s.Paint, s.Color = width, paint, color
	return append(out, s)
}
