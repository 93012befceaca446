package extract

import "github.com/budgetpdf/budgetpdf/extract/internal/pdf"

// Limits bound the work and memory one document may take, so that no input
// can crash, hang or flood the process. Each is named once, here; the
// README's "Limits" section lists them. A limit that is reached on a page
// gives that page a page_error warning naming the limit; a file that cannot
// be read at all within them is ErrCorrupt. A zero field takes the default.
type Limits struct {
	// FileBytes: the largest input read into memory (1 GiB).
	FileBytes int64
	// Nesting: arrays and dictionaries nested inside one another, in a
	// content stream and in the file's objects (256; real files use < 10).
	Nesting int
	// ResolveDepth: indirect objects whose reading needs one another
	// (an object in an object stream whose /Length is in another, ...) (64).
	// An object that needs itself is a reference cycle, always refused.
	ResolveDepth int
	// Objects: the highest object number + 1 (8,388,608: PDF's own
	// implementation limit is 8,388,607 indirect objects). An xref
	// section beyond it is refused. Before pdfcpu repairs a damaged file
	// (its repair allocates and loops by object number), objects numbered
	// beyond it, or beyond one per 8 bytes of the file (at least 65,536),
	// are blanked out, and the document says so in a "repaired" warning.
	Objects int64
	// StreamBytes: decoded bytes of one stream, and of each filter stage of
	// it (64 MiB; the largest stream in the real and national corpora
	// decodes to 7 MB). What was decoded up to the limit is kept.
	StreamBytes int64
	// DocumentBytes: decoded bytes of all streams of one document (256 MiB;
	// the corpora's largest document decodes to 15 MB).
	DocumentBytes int64
	// PageOperators: content-stream operators run for one page, forms
	// included (1,000,000).
	PageOperators int
	// Operands: operands kept before one operator, and elements kept in
	// one array operand (65,536; a TJ array of a long line has a few
	// hundred). Operands past it are dropped as they come: they would
	// otherwise take 64 bytes each for every 2 bytes of a stream.
	Operands int
	// PageGlyphs: glyphs kept for one page (200,000; a dense table page
	// has about 5,000).
	PageGlyphs int
	// DocumentGlyphs: glyphs kept for the whole document (4,000,000, about
	// 300 MB of them; a 500-page disclosure has under 2,000,000). Forms
	// drawn many times on many pages could otherwise multiply a small file.
	DocumentGlyphs int
	// FormDepth: Form XObjects drawn inside one another (12).
	FormDepth int
	// GraphicsStack: q without Q (256).
	GraphicsStack int
	// PageTreeDepth: levels of the page tree (64).
	PageTreeDepth int
	// PageErrors: page_error warnings listed for one page; the rest are
	// counted in one more (20).
	PageErrors int
}

// maxCMapRanges bounds the large ranges (of 512 codes or more) one CMap
// keeps; they are searched one by one for each new code. Real CMaps have a
// handful; ranges past it are ignored.
const maxCMapRanges = 1024

// maxTTCodes bounds the codes read from one cmap subtable of an embedded
// TrueType font (2,097,152: all of Unicode is 1,114,112); a table claiming
// more stops there.
const maxTTCodes = 1 << 21

// DefaultLimits are the limits used when Options.Limits leaves a field zero.
var DefaultLimits = Limits{
	FileBytes:      1 << 30,
	Nesting:        256,
	ResolveDepth:   64,
	Objects:        8_388_608,
	StreamBytes:    64 << 20,
	DocumentBytes:  256 << 20,
	PageOperators:  1_000_000,
	Operands:       65_536,
	PageGlyphs:     200_000,
	DocumentGlyphs: 4_000_000,
	FormDepth:      12,
	GraphicsStack:  256,
	PageTreeDepth:  64,
	PageErrors:     20,
}

// withDefaults fills the zero fields from DefaultLimits.
func (l Limits) withDefaults() Limits {
	d := DefaultLimits
	set := func(dst *int, v int) {
		if v > 0 {
			*dst = v
		}
	}
	set64 := func(dst *int64, v int64) {
		if v > 0 {
			*dst = v
		}
	}
	set64(&d.FileBytes, l.FileBytes)
	set(&d.Nesting, l.Nesting)
	set(&d.ResolveDepth, l.ResolveDepth)
	set64(&d.Objects, l.Objects)
	set64(&d.StreamBytes, l.StreamBytes)
	set64(&d.DocumentBytes, l.DocumentBytes)
	set(&d.PageOperators, l.PageOperators)
	set(&d.Operands, l.Operands)
	set(&d.PageGlyphs, l.PageGlyphs)
	set(&d.DocumentGlyphs, l.DocumentGlyphs)
	set(&d.FormDepth, l.FormDepth)
	set(&d.GraphicsStack, l.GraphicsStack)
	set(&d.PageTreeDepth, l.PageTreeDepth)
	set(&d.PageErrors, l.PageErrors)
	return d
}

// reader returns the object reader's share of the limits.
func (l Limits) reader() pdf.Limits {
	return pdf.Limits{
		Nesting:       l.Nesting,
		ResolveDepth:  l.ResolveDepth,
		Objects:       l.Objects,
		StreamBytes:   l.StreamBytes,
		DocumentBytes: l.DocumentBytes,
	}
}
