package extract

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// SVG is a drawing in page coordinates (points, top-left origin) built in
// named layers, so later stages can draw over what the extractor saw: the
// layout stage adds its table grids as another layer.
type SVG struct {
	Width, Height float64
	layers        []*svgLayer
	cur           *svgLayer
}

type svgLayer struct {
	name  string
	elems []string
}

// Style is how a shape is drawn. Empty colours mean none.
type Style struct {
	Stroke  string  // stroke colour, e.g. "#c00"
	Fill    string  // fill colour
	Width   float64 // stroke width in points
	Opacity float64 // 0 means opaque
}

// NewSVG returns an empty drawing of the given size in points.
func NewSVG(width, height float64) *SVG {
	return &SVG{Width: width, Height: height}
}

// Layer makes the named layer current, creating it on top of the others.
func (s *SVG) Layer(name string) {
	for _, l := range s.layers {
		if l.name == name {
			s.cur = l
			return
		}
	}
	s.cur = &svgLayer{name: name}
	s.layers = append(s.layers, s.cur)
}

func (s *SVG) add(elem string) {
	if s.cur == nil {
		s.Layer("main")
	}
	s.cur.elems = append(s.cur.elems, elem)
}

// Rect draws the rectangle with corners (x0,y0) and (x1,y1).
func (s *SVG) Rect(x0, y0, x1, y1 float64, st Style) {
	s.add(fmt.Sprintf(`<rect x="%s" y="%s" width="%s" height="%s"%s/>`,
		svgNum(min(x0, x1)), svgNum(min(y0, y1)), svgNum(math.Abs(x1-x0)), svgNum(math.Abs(y1-y0)), st.attrs()))
}

// Line draws a line from (x0,y0) to (x1,y1).
func (s *SVG) Line(x0, y0, x1, y1 float64, st Style) {
	s.add(fmt.Sprintf(`<line x1="%s" y1="%s" x2="%s" y2="%s"%s/>`,
		svgNum(x0), svgNum(y0), svgNum(x1), svgNum(y1), st.attrs()))
}

// Text writes text with its baseline starting at (x,y), size points high.
func (s *SVG) Text(x, y, size float64, text string, st Style) {
	s.add(fmt.Sprintf(`<text x="%s" y="%s" font-size="%s"%s>%s</text>`,
		svgNum(x), svgNum(y), svgNum(size), st.attrs(), svgEscape(text)))
}

// WriteTo writes the drawing as a standalone SVG document.
func (s *SVG) WriteTo(w io.Writer) (int64, error) {
	cw := &svgCounter{w: w}
	bw := bufio.NewWriter(cw)
	fmt.Fprintf(bw, `<?xml version="1.0" encoding="UTF-8"?>`+"\n")
	fmt.Fprintf(bw, `<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s" font-family="Noto Sans CJK SC, WenQuanYi Zen Hei, sans-serif">`+"\n",
		svgNum(s.Width), svgNum(s.Height), svgNum(s.Width), svgNum(s.Height))
	fmt.Fprintf(bw, `<rect width="%s" height="%s" fill="white" stroke="#888" stroke-width="0.5"/>`+"\n", svgNum(s.Width), svgNum(s.Height))
	for _, l := range s.layers {
		fmt.Fprintf(bw, "<g id=\"%s\">\n", svgEscape(l.name))
		for _, e := range l.elems {
			bw.WriteString(e)
			bw.WriteByte('\n')
		}
		bw.WriteString("</g>\n")
	}
	bw.WriteString("</svg>\n")
	err := bw.Flush()
	return cw.n, err
}

// PageSVG draws what the extractor saw on p: the glyph boxes with their text
// (layer "glyphs") and the ruling segments, stroked ones red and filled ones
// blue (layer "segments"). A glyph's text is drawn at its font size, which
// a font's bounding box may squash far below (4.1 pt high for a 16-pt
// font); at 0.8 of its box's height only when the size is unknown.
func PageSVG(p *Page) *SVG {
	s := NewSVG(p.Width, p.Height)
	s.Layer("glyphs")
	box := Style{Stroke: "#6a6", Width: 0.2}
	ink := Style{Fill: "#222"}
	for _, g := range p.Glyphs {
		s.Rect(g.X0, g.Y0, g.X1, g.Y1, box)
		h := g.Y1 - g.Y0
		if h <= 0 {
			h = g.Size
		}
		size := g.Size
		if size <= 0 {
			size = 0.8 * h
		}
		s.Text(g.X0, g.Y1-0.15*h, size, g.Text, ink)
	}
	s.Layer("segments")
	for _, sg := range p.Segments {
		st := Style{Stroke: "#d00", Width: max(sg.Width, 0.5), Opacity: 0.8}
		if sg.Paint&Fill != 0 {
			st.Stroke = "#03c"
		}
		s.Line(sg.X0, sg.Y0, sg.X1, sg.Y1, st)
	}
	return s
}

func (st Style) attrs() string {
	var b strings.Builder
	fill := st.Fill
	if fill == "" {
		fill = "none"
	}
	fmt.Fprintf(&b, ` fill="%s"`, svgEscape(fill))
	if st.Stroke != "" {
		fmt.Fprintf(&b, ` stroke="%s" stroke-width="%s"`, svgEscape(st.Stroke), svgNum(st.Width))
	}
	if st.Opacity > 0 && st.Opacity < 1 {
		fmt.Fprintf(&b, ` opacity="%s"`, svgNum(st.Opacity))
	}
	return b.String()
}

// num formats a coordinate with at most two decimals.
func svgNum(f float64) string {
	return strconv.FormatFloat(float64(int64(f*100+math.Copysign(0.5, f)))/100, 'f', -1, 64)
}

var svgEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&quot;")

// svgEscape escapes text and drops what XML 1.0 cannot carry.
func svgEscape(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
	return svgEscaper.Replace(s)
}

type svgCounter struct {
	w io.Writer
	n int64
}

func (c *svgCounter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}
