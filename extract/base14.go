package extract

import "strings"

// Widths of the standard fonts' printable ASCII (codes 32-126, standard
// encoding), for non-embedded simple fonts that come without /Widths. Bold
// and italic faces share their regular face's widths here: close enough to
// place glyphs, which is all they are used for.

var helveticaWidths = [95]uint16{
	278, 278, 355, 556, 556, 889, 667, 222, 333, 333, 389, 584, 278, 333, 278, 278, // space - slash
	556, 556, 556, 556, 556, 556, 556, 556, 556, 556, // 0-9
	278, 278, 584, 584, 584, 556, 1015, // : ; < = > ? @
	667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, // A-M
	722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, // N-Z
	278, 278, 278, 469, 556, 222, // [ \ ] ^ _ `
	556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, // a-m
	556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, // n-z
	334, 260, 334, 584, // { | } ~
}

var timesWidths = [95]uint16{
	250, 333, 408, 500, 500, 833, 778, 333, 333, 333, 500, 564, 250, 333, 250, 278, // space - slash
	500, 500, 500, 500, 500, 500, 500, 500, 500, 500, // 0-9
	278, 278, 564, 564, 564, 444, 921, // : ; < = > ? @
	722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, // A-M
	722, 722, 556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, // N-Z
	333, 278, 333, 469, 500, 333, // [ \ ] ^ _ `
	444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, // a-m
	500, 500, 500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, // n-z
	480, 200, 480, 541, // { | } ~
}

// base14Width returns the standard width of an ASCII code in the font
// family a non-embedded font's name stands for.
func base14Width(name string, code byte) (float64, bool) {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "courier"):
		return 600, true
	case code < 32 || code > 126:
		return 0, false
	case strings.Contains(n, "times"):
		return float64(timesWidths[code-32]), true
	case strings.Contains(n, "arial"), strings.Contains(n, "helvetica"):
		return float64(helveticaWidths[code-32]), true
	}
	return 0, false
}

// base14Metrics returns the ascent and descent of the standard font that
// stands in for a non-embedded font of this name.
func base14Metrics(name string) ([2]float64, bool) {
	n := strings.ToLower(name)
	switch {
	case strings.Contains(n, "courier"):
		return [2]float64{0.629, -0.157}, true
	case strings.Contains(n, "times"):
		return [2]float64{0.683, -0.217}, true
	case strings.Contains(n, "arial"), strings.Contains(n, "helvetica"):
		return [2]float64{0.718, -0.207}, true
	}
	return [2]float64{}, false
}
