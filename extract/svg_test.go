package extract

import (
	"bytes"
	"encoding/xml"
	"io"
	"strings"
	"testing"
)

// svgElem is one drawn element, read back from the SVG with encoding/xml.
type svgElem struct {
	layer, name string
	attr        map[string]string
	text        string
}

func parseSVG(t *testing.T, b []byte) (root map[string]string, elems []svgElem) {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(b))
	var layer string
	var cur *svgElem
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("SVG is not well-formed XML: %v\n%s", err, b)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range tok.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch tok.Name.Local {
			case "svg":
				root = attr
			case "g":
				layer = attr["id"]
			default:
				if layer != "" {
					elems = append(elems, svgElem{layer: layer, name: tok.Name.Local, attr: attr})
					cur = &elems[len(elems)-1]
				}
			}
		case xml.CharData:
			if cur != nil {
				cur.text += string(tok)
			}
		case xml.EndElement:
			cur = nil
		}
	}
	return root, elems
}

func TestPageSVG(t *testing.T) {
	p := &Page{
		Number: 1, Width: 842, Height: 595.28,
		Glyphs: []Glyph{
			{Text: "收", X0: 100, Y0: 50, X1: 110.5, Y1: 60.5, Font: "SimSun", Size: 10.5},
			{Text: "<&>", X0: 120, Y0: 50, X1: 130, Y1: 60, Font: "SimSun", Size: 10},
			{Text: "表", X0: 140, Y0: 50, X1: 156, Y1: 54.1, Font: "KaiTi", Size: 16}, // a font box squashed to 4.1 pt
			{Text: "?", X0: 160, Y0: 50, X1: 165, Y1: 60, Font: "Type3"},             // no size: 0.8 of the box
		},
		Segments: []Segment{
			{X0: 90, Y0: 45, X1: 700, Y1: 45, Width: 0.75, Paint: Stroke},
			{X0: 90, Y0: 45, X1: 90.5, Y1: 300, Width: 0.5, Paint: Fill},
		},
	}
	var buf bytes.Buffer
	n, err := PageSVG(p).WriteTo(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if n != int64(buf.Len()) {
		t.Errorf("WriteTo reported %d bytes, wrote %d", n, buf.Len())
	}
	root, elems := parseSVG(t, buf.Bytes())
	if root["viewBox"] != "0 0 842 595.28" || root["width"] != "842pt" {
		t.Errorf("svg root %v", root)
	}
	want := []struct {
		layer, name string
		attr        map[string]string
		text        string
	}{
		{"glyphs", "rect", map[string]string{"x": "100", "y": "50", "width": "10.5", "height": "10.5", "fill": "none"}, ""},
		{"glyphs", "text", map[string]string{"x": "100", "y": "58.93", "font-size": "10.5"}, "收"},
		{"glyphs", "rect", map[string]string{"x": "120", "y": "50", "width": "10", "height": "10"}, ""},
		{"glyphs", "text", map[string]string{"x": "120", "y": "58.5", "font-size": "10"}, "<&>"},
		{"glyphs", "rect", map[string]string{"x": "140", "y": "50", "width": "16", "height": "4.1"}, ""},
		{"glyphs", "text", map[string]string{"x": "140", "font-size": "16"}, "表"},
		{"glyphs", "rect", map[string]string{"x": "160", "y": "50", "width": "5", "height": "10"}, ""},
		{"glyphs", "text", map[string]string{"x": "160", "y": "58.5", "font-size": "8"}, "?"},
		{"segments", "line", map[string]string{"x1": "90", "y1": "45", "x2": "700", "y2": "45", "stroke": "#d00", "stroke-width": "0.75"}, ""},
		{"segments", "line", map[string]string{"x1": "90", "y1": "45", "x2": "90.5", "y2": "300", "stroke": "#03c", "stroke-width": "0.5"}, ""},
	}
	if len(elems) != len(want) {
		t.Fatalf("%d elements, want %d:\n%s", len(elems), len(want), buf.Bytes())
	}
	for i, w := range want {
		e := elems[i]
		if e.layer != w.layer || e.name != w.name || e.text != w.text {
			t.Errorf("element %d: %s/%s %q, want %s/%s %q", i, e.layer, e.name, e.text, w.layer, w.name, w.text)
		}
		for k, v := range w.attr {
			if e.attr[k] != v {
				t.Errorf("element %d (%s): %s=%q, want %q", i, e.name, k, e.attr[k], v)
			}
		}
	}
}

// TestSVGLayers checks that a later stage can add a layer on top and return
// to an existing one.
func TestSVGLayers(t *testing.T) {
	s := NewSVG(100, 50)
	s.Layer("glyphs")
	s.Rect(1, 2, 3, 4, Style{Stroke: "#000", Width: 1})
	s.Layer("grid")
	s.Line(0, 10, 100, 10, Style{Stroke: "#0a0", Width: 2, Opacity: 0.5})
	s.Layer("glyphs")
	s.Text(5, 20, 12, "a\x00b", Style{Fill: "#111"})
	var buf bytes.Buffer
	if _, err := s.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	_, elems := parseSVG(t, buf.Bytes())
	var got []string
	for _, e := range elems {
		got = append(got, e.layer+"/"+e.name+e.text)
	}
	if want := "glyphs/rect glyphs/textab grid/line"; strings.Join(got, " ") != want {
		t.Errorf("elements %q, want %q", strings.Join(got, " "), want)
	}
	if !strings.Contains(buf.String(), `opacity="0.5"`) {
		t.Error("opacity not written")
	}
}
