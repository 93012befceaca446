// Package extract turns a PDF into pages of positioned glyphs and ruling
// segments. Coordinates are in PDF points with a top-left origin, after the
// page's /Rotate, the MediaBox offset and the CTM have been applied: X grows to
// the right, Y grows downwards, and (0,0) is the top-left corner of the page as
// a person sees it.
package extract

import "errors"

// Info is document-level metadata.
type Info struct {
	Pages     int
	Producer  string
	Creator   string
	Title     string
	Encrypted bool

	blanked int // objects numbered past Limits.Objects blanked before the repair
}

// Page is one page as the extractor saw it.
type Page struct {
	Number   int     // 1-based physical page number
	Width    float64 // as displayed (after /Rotate)
	Height   float64
	Rotate   int // the page's /Rotate, normalized to 0, 90, 180 or 270
	Glyphs   []Glyph
	Segments []Segment
	Images   int // image XObjects and inline images drawn
	Warnings []Warning

	contentErr error // the page's content stream failed to decode
	fontFailed bool  // a font failed to load on this page (warned once per document)
}

// Glyph is one shown character (or the several runes one code maps to).
type Glyph struct {
	Text           string
	X0, Y0, X1, Y1 float64 // box: X0<X1, Y0 (top) < Y1 (bottom)
	Font           string  // base font name, GBK bytes decoded
	Size           float64 // effective size in points (font size × text and CT matrices)
}

// Paint says how a segment was drawn.
type Paint uint8

const (
	Stroke Paint = 1 << iota // stroked path or rectangle edge
	Fill                     // thin filled rectangle
)

// Segment is a horizontal or vertical ruling line.
type Segment struct {
	X0, Y0, X1, Y1 float64 // X0<=X1, Y0<=Y1; horizontal when Y0==Y1 (within rounding)
	Width          float64 // line width (stroke) or thickness (thin fill)
	Paint          Paint
	Color          [3]uint8 // RGB of the paint
}

// Horizontal reports whether s runs left to right.
func (s Segment) Horizontal() bool { return s.Y1-s.Y0 <= s.X1-s.X0 }

// Warning is a problem on one page that still lets the page out.
type Warning struct {
	Page    int
	Code    string // e.g. garbled_font, invisible_text, page_error
	Message string
}

// Errors of a file that cannot be converted. They match the output contract's
// failure codes; check them with errors.Is.
var (
	ErrNotPDF        = errors.New("not a PDF")
	ErrCorrupt       = errors.New("corrupt PDF")
	ErrNeedsPassword = errors.New("encrypted with a user password")
	ErrNoTextLayer   = errors.New("no text layer")
)
