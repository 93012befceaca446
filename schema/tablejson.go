package schema

import "strconv"

// appendTableJSON appends t as the document's JSON writer (a json.Encoder,
// indent "  ", HTML unescaped) writes it as a value whose later lines start
// with prefix, without the encoder's closing newline. Written directly: the
// encoder validated and copied each row's MarshalJSON output and then
// indented the whole table, scanning its bytes twice more (the tables are
// half of a document's JSON). TestAppendTableJSON holds it to the encoder.
func appendTableJSON(b []byte, t *Table, prefix string) []byte {
	in1 := prefix + "  "
	in2 := in1 + "  "
	in3 := in2 + "  "
	first := true
	field := func(name string) { // the comma after the field before, the name
		if !first {
			b = append(b, ',')
		}
		first = false
		b = append(b, '\n')
		b = append(b, in1...)
		b = append(b, '"')
		b = append(b, name...)
		b = append(b, `": `...)
	}
	b = append(b, '{')
	field("kind")
	b = appendQuoted(b, t.Kind, false)
	field("title")
	b = appendQuoted(b, t.Title, false)
	field("number")
	if t.Number == nil {
		b = append(b, "null"...)
	} else {
		b = strconv.AppendInt(b, int64(*t.Number), 10)
	}
	for _, f := range [...]struct {
		name string
		s    *string
	}{{"department", t.Department}, {"unit", t.Unit}} {
		field(f.name)
		if f.s == nil {
			b = append(b, "null"...)
		} else {
			b = appendQuoted(b, *f.s, false)
		}
	}
	field("pages")
	b = appendList(b, t.Pages == nil, len(t.Pages), in1, in2, func(b []byte, i int) []byte {
		return strconv.AppendInt(b, int64(t.Pages[i]), 10)
	})
	field("empty")
	b = strconv.AppendBool(b, t.Empty)
	field("columns")
	b = appendList(b, t.Columns == nil, len(t.Columns), in1, in2, func(b []byte, i int) []byte {
		c := &t.Columns[i]
		b = append(b, '{', '\n')
		b = append(b, in3...)
		b = append(b, `"key": `...)
		b = appendQuoted(b, c.Key, false)
		b = append(b, ',', '\n')
		b = append(b, in3...)
		b = append(b, `"label": `...)
		b = appendQuoted(b, c.Label, false)
		b = append(b, '\n')
		b = append(b, in2...)
		return append(b, '}')
	})
	field("rows")
	b = appendList(b, t.Rows == nil, len(t.Rows), in1, in2, func(b []byte, i int) []byte {
		r := t.Rows[i]
		if len(r) == 0 {
			return append(b, '{', '}')
		}
		b = append(b, '{')
		for k, c := range r {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, '\n')
			b = append(b, in3...)
			b = appendCell(b, c, ": ")
		}
		b = append(b, '\n')
		b = append(b, in2...)
		return append(b, '}')
	})
	b = append(b, '\n')
	b = append(b, prefix...)
	return append(b, '}')
}

// appendList appends a list of n elements, each on its own line after
// inner and closed on a line after outer, as the encoder indents it: null
// for a nil list, [] for an empty one.
func appendList(b []byte, isNil bool, n int, outer, inner string, elem func(b []byte, i int) []byte) []byte {
	switch {
	case isNil:
		return append(b, "null"...)
	case n == 0:
		return append(b, '[', ']')
	}
	b = append(b, '[')
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '\n')
		b = append(b, inner...)
		b = elem(b, i)
	}
	b = append(b, '\n')
	b = append(b, outer...)
	return append(b, ']')
}
