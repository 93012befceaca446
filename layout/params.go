package layout

// Params are the tolerances of the layout stage, named in one place in the
// manner of pdfminer's LAParams (word_margin, line_overlap, char_margin) and
// pdfplumber's TableSettings (snap_tolerance, join_tolerance,
// intersection_tolerance, text_x_tolerance, min_words_vertical). Lengths
// are in PDF points unless the comment says em (a multiple of the font
// size) or lines (a multiple of a text line's height); shares are
// fractions.
//
// Default returns the values every output is built with. The package
// functions (Words, Lines, FindTables, FromPages) use them; the methods of
// the same names read a page with other values, to see how a page reads
// with other tolerances.
type Params struct {
	// Glyphs into words and lines.

	// WordGap (em): a gap between two glyphs wider than this starts a new
	// word; between two words it is written as a space (pdfminer's
	// word_margin).
	WordGap float64
	// AutoSpace (em): a gap between a CJK character and a half-width one
	// (报送7个), with no space glyph between them, up to this wide is the
	// typesetter's automatic Asian-Latin spacing (Word prints 0.25 em), not
	// a space: it is written as none.
	AutoSpace float64
	// DuplicateGlyph (em): the same glyph drawn again closer than this to
	// its first drawing, across and down, is a fake-bold or shadow copy and
	// is dropped.
	DuplicateGlyph float64
	// DefaultSize (pt): the font size of a glyph that has neither a size nor
	// a height.
	DefaultSize float64
	// TallGlyph (em) and GlyphBand (em): a glyph box taller than TallGlyph
	// comes from a font whose descriptor claims a huge ascent and descent
	// (Chongqing's E-BZ digits: Ascent 1333, Descent -1033, 2.4 em, where
	// the text beside them is 1.1 em); it would reach into the lines above
	// and below and pull them into one, their characters interleaved. Such
	// a glyph is banded by a box GlyphBand high around its middle, never
	// widens its band, and takes its band's extent.
	TallGlyph, GlyphBand float64
	// LineOverlap (share): two glyphs, or two words, are on one line when
	// their vertical extents overlap by at least this share of the smaller
	// height (pdfminer's line_overlap).
	LineOverlap float64
	// FigureGap (em): a figure (1,210.00) and the letter or CJK character
	// after it, printed more than this apart (and wider apart than any two
	// of its own glyphs), are two words, and two cells although closer
	// than a column gap: an amount right-aligned against the next column's
	// text (0.00示…, 0.8 pt apart).
	FigureGap float64
	// NumberGap (em): two pieces of an amount (digits, commas, points)
	// closer than this, with no space glyph between them, are one amount.
	NumberGap float64
	// LetterSpacing (em): single CJK characters at most this far apart,
	// evenly spaced, are one letter-spaced word (合   计, 项   目).
	LetterSpacing float64
	// EvenGapsMin (pt) and EvenGapsShare (share): letter-spacing gaps are
	// even when the widest and the narrowest differ by at most the larger
	// of EvenGapsMin and EvenGapsShare of the widest.
	EvenGapsMin, EvenGapsShare float64

	// Ruling lines into grids (pdfplumber's lines strategy).

	// SnapTol (pt): ruling lines whose positions are this close are one
	// line; collinear pieces this close join; a rule ending this close to
	// another touches it (pdfplumber's snap_tolerance, join_tolerance and
	// intersection_tolerance in one).
	SnapTol float64
	// MinRuleLength (pt): shorter segments are dots, not rules.
	MinRuleLength float64
	// RuleLuminance (0–255): segments at least this light (white cell
	// backgrounds, hidden grid lines) are not borders. 216.75 is 0.85 of
	// white.
	RuleLuminance float64
	// MinGridWidth, MinGridHeight (pt): a group of touching rules smaller
	// than this is a box or an underline, not a table.
	MinGridWidth, MinGridHeight float64
	// RuleCover (share): two grid positions are separate cells when the
	// rules between them cover at least this share of their common edge.
	RuleCover float64
	// SliverWidth (pt): an empty grid column narrower than this is a sliver
	// between nearly coincident rules and is dropped.
	SliverWidth float64
	// StackedRows (lines): a ruled row at least this many text lines high
	// may hold several data rows printed without rules between them, and
	// is split at its data lines.
	StackedRows float64

	// Text alignment into tables without rules (pdfplumber's text
	// strategy).

	// ColGap (em): a gap between words wider than this separates two cells
	// of a table without rules; two CJK words this far apart are joined
	// with a space.
	ColGap float64
	// RowGap (lines): a table without rules ends at a vertical gap wider
	// than this between two lines.
	RowGap float64
	// MinLineHeight (pt): the line height RowGap is measured in is at least
	// this.
	MinLineHeight float64
	// BannerWidth (share): a header ends under a line of one piece wider
	// than this share of the table that reaches its first column (a title
	// or a sentence, not a label).
	BannerWidth float64
	// WrapWidth (share): a line of one piece starting inside a table without
	// rules and narrower than this share of its widest data line, without
	// sentence punctuation, is part of a cell wrapped over several lines.
	WrapWidth float64
	// SpanInset (pt): the pieces of data lines are narrowed by this on each
	// side before their columns are found (columnsOf works in whole points:
	// pieces 0.8 pt apart are two columns), and the columns widened by it
	// after.
	SpanInset float64
	// TallRowSlack (lines): the block of a tall row, its text wrapped over
	// lines centred on its amounts, ends this far below its mirror image.
	TallRowSlack float64
	// CrossingShare: a gap between columns stays a gap when at most one
	// data line in CrossingShare prints a piece across it (a long name or
	// a total label spilling over).
	CrossingShare int
	// ColOverlap (pt): a piece of a line belongs to a column it overlaps by
	// more than this.
	ColOverlap float64
	// RowPitch (share): lines closer than this share of the median distance
	// between data lines are one row (a wrapped name with its amounts).
	RowPitch float64
	// WrapGap (lines): a line at most this far under another, each of its
	// pieces under a piece of it, is the wrapped rest of the labels above.
	WrapGap float64
	// WidthSlack (pt): a wrapped label's lower line is no wider than its
	// upper line plus this.
	WidthSlack float64
	// CentreSlack (share): a header label spans the columns it is printed
	// centred over, within this share of their width.
	CentreSlack float64
	// MidSlack (pt): two candidate runs of columns under a group label
	// whose middles are this close to its centre are equally good; the
	// wider is taken.
	MidSlack float64

	// The lines around a table.

	// MetaGap (pt): a table's title, label, department and unit lines are
	// looked for this far above it.
	MetaGap float64
	// NoteGap (lines) and MinNoteHeight (pt): a note (注：…) is looked for
	// this far under a table, measured in its line height but at least
	// MinNoteHeight.
	NoteGap, MinNoteHeight float64
	// WrapLineGap (lines): the wrapped lines of a note or of a department
	// name follow at most this far under each other.
	WrapLineGap float64
	// IndentSlack (pt): the wrapped lines of a note or department start at
	// its x, within this.
	IndentSlack float64
	// DeptLines: the wrapped end of a department name is looked for up to
	// this many lines under the 部门名称 line.
	DeptLines int

	// Tables across pages.

	// ColTol (pt): the column boundaries of a continuation page are the
	// table's own within this.
	ColTol float64
	// FooterShare: text in the bottom 1/FooterShare of a page is a running
	// footer, which does not stop a table from running onto the next page.
	FooterShare int

	// Pages printed sideways.

	// SidewaysAlign (share of a glyph's height or width) and SidewaysStep
	// (em): two consecutive glyphs run across (or down, or up) the page
	// when the next is less than SidewaysStep away in that direction and
	// within SidewaysAlign in the other.
	SidewaysAlign, SidewaysStep float64
	// SidewaysMin and SidewaysRatio: a page reads sideways when at least
	// SidewaysMin glyph steps run down (or up) and more than SidewaysRatio
	// times as many as in the other directions.
	SidewaysMin, SidewaysRatio int
}

// Default returns the tolerances every output is built with.
func Default() *Params {
	p := defaults
	return &p
}

// defaults is Default's value, shared by the package functions; nothing
// writes to it.
var defaults = Params{
	WordGap:        0.2,
	AutoSpace:      0.3,
	DuplicateGlyph: 0.3,
	DefaultSize:    10,
	TallGlyph:      1.8,
	GlyphBand:      1.2,
	LineOverlap:    0.5,
	FigureGap:      0.05,
	NumberGap:      0.5,
	LetterSpacing:  4,
	EvenGapsMin:    1.5,
	EvenGapsShare:  0.25,

	SnapTol:       2,
	MinRuleLength: 1,
	RuleLuminance: 0.85 * 255,
	MinGridWidth:  20,
	MinGridHeight: 8,
	RuleCover:     0.6,
	SliverWidth:   6,
	StackedRows:   1.8,

	ColGap:        1,
	RowGap:        2.5,
	MinLineHeight: 6,
	BannerWidth:   0.5,
	WrapWidth:     0.5,
	SpanInset:     1,
	TallRowSlack:  0.3,
	CrossingShare: 7,
	ColOverlap:    1,
	RowPitch:      0.75,
	WrapGap:       0.5,
	WidthSlack:    2,
	CentreSlack:   0.125,
	MidSlack:      1,

	MetaGap:       160,
	NoteGap:       3,
	MinNoteHeight: 8,
	WrapLineGap:   1.2,
	IndentSlack:   2,
	DeptLines:     3,

	ColTol:      4,
	FooterShare: 12,

	SidewaysAlign: 0.3,
	SidewaysStep:  2,
	SidewaysMin:   10,
	SidewaysRatio: 2,
}
