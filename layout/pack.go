package layout

import (
	"encoding/binary"
	"math"
	"slices"
	"sync"
)

// packedCells are one table's rows of cells as bytes (Compact, and Join of
// compacted pages): nothing in them the collector scans but one string,
// and a box coordinate is an index into the table's distinct coordinates
// (the cells of a grid share their column and row boundaries), so a cell
// takes some 10 bytes besides its text instead of a Cell's 88.
type packedCells struct {
	cells  []byte    // per row its cell count; per cell its text's length, Row, Col, RowSpan, ColSpan, Page and its box's four indexes into vals
	texts  string    // the cells' texts, one after the other
	vals   []float64 // the distinct box coordinates, in order of first use
	header int       // the first header rows are the header
	rows   int       // header and body rows
	n      int       // cells
}

// packer packs tables; its buffers and index of coordinates are reused
// from table to table.
type packer struct {
	cells, texts []byte
	vals         []float64
	index        map[uint64]uint64
}

var packers = sync.Pool{New: func() any { return &packer{index: map[uint64]uint64{}} }}

// pack packs t's header and body rows into t.packed and lets go of them.
// A table with no rows is left as it is.
func (t *Table) pack() {
	if t.packed != nil || len(t.Header) == 0 && len(t.Rows) == 0 {
		return
	}
	p := packers.Get().(*packer)
	defer packers.Put(p)
	p.cells, p.texts, p.vals = p.cells[:0], p.texts[:0], p.vals[:0]
	clear(p.index)
	n := 0
	for _, rows := range [2][][]Cell{t.Header, t.Rows} {
		for _, r := range rows {
			n += len(r)
			p.cells = binary.AppendUvarint(p.cells, uint64(len(r)))
			for i := range r {
				c := &r[i]
				p.cells = binary.AppendUvarint(p.cells, uint64(len(c.Text)))
				p.texts = append(p.texts, c.Text...)
				for _, v := range [...]int{c.Row, c.Col, c.RowSpan, c.ColSpan, c.Page} {
					p.cells = binary.AppendVarint(p.cells, int64(v))
				}
				for _, f := range [...]float64{c.Box.X0, c.Box.Y0, c.Box.X1, c.Box.Y1} {
					bits := math.Float64bits(f)
					k, ok := p.index[bits]
					if !ok {
						k = uint64(len(p.vals))
						p.index[bits] = k
						p.vals = append(p.vals, f)
					}
					p.cells = binary.AppendUvarint(p.cells, k)
				}
			}
		}
	}
	t.packed = &packedCells{cells: slices.Clone(p.cells), texts: string(p.texts), vals: slices.Clone(p.vals),
		header: len(t.Header), rows: len(t.Header) + len(t.Rows), n: n}
	t.Header, t.Rows = nil, nil
}

// Unpack makes a packed table's cells its header and body rows again (the
// cells of a row are pieces of one array, the texts of one string); a
// table that is not packed is left as it is. Join of compacted pages
// (Compact) makes a document whose tables are packed: a stage that reads
// their cells unpacks them, or reads WithCells.
func (t *Table) Unpack() {
	p := t.packed
	if p == nil {
		return
	}
	t.packed = nil
	b, at := p.cells, 0
	uv := func() int {
		v, n := binary.Uvarint(b)
		b = b[n:]
		return int(v)
	}
	all := make([]Cell, 0, p.n)
	rows := make([][]Cell, 0, p.rows)
	for range p.rows {
		n := uv()
		start := len(all)
		for range n {
			var c Cell
			l := uv()
			c.Text, at = p.texts[at:at+l], at+l
			for _, f := range [...]*int{&c.Row, &c.Col, &c.RowSpan, &c.ColSpan, &c.Page} {
				v, k := binary.Varint(b)
				b, *f = b[k:], int(v)
			}
			for _, f := range [...]*float64{&c.Box.X0, &c.Box.Y0, &c.Box.X1, &c.Box.Y1} {
				*f = p.vals[uv()]
			}
			all = append(all, c)
		}
		rows = append(rows, all[start:len(all):len(all)])
	}
	t.Header, t.Rows = rows[:p.header:p.header], rows[p.header:]
}

// Cells counts the table's cells, header and body, packed or not: what
// reading the table costs, without unpacking it.
func (t *Table) Cells() int {
	if t.packed != nil {
		return t.packed.n
	}
	n := 0
	for _, rows := range [2][][]Cell{t.Header, t.Rows} {
		for _, r := range rows {
			n += len(r)
		}
	}
	return n
}

// Packed reports whether the table's cells are packed (see Unpack).
func (t *Table) Packed() bool { return t.packed != nil }

// WithCells is t when its cells are not packed, else a copy of t with its
// cells unpacked: t stays packed, and a reader of its cells that is done
// with them lets go of them with the copy. Tables may be read this way
// concurrently.
func (t *Table) WithCells() *Table {
	if t.packed == nil {
		return t
	}
	c := *t
	c.Unpack()
	return &c
}

// Drop lets go of the table's cells, packed or not.
func (t *Table) Drop() { t.Header, t.Rows, t.packed = nil, nil, nil }

// Unpack unpacks every table of the document (see Table.Unpack).
func (d *Document) Unpack() {
	for i := range d.Tables {
		d.Tables[i].Unpack()
	}
}
