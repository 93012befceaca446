package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"unicode/utf8"

	"gopkg.in/yaml.v3"
)

// Cell is one value of a row under its column key; a blank cell is nil.
type Cell struct {
	Key   string
	Value *string
}

// Row is one table row: an object keyed by column key that keeps the column
// order when encoded.
type Row []Cell

// Get returns the value under key, or nil when the key is absent or blank.
func (r Row) Get(key string) *string {
	for _, c := range r {
		if c.Key == key {
			return c.Value
		}
	}
	return nil
}

// MarshalJSON writes the row as an object in column order. Keys and
// values are written as json.Marshal writes a string (appendJSONString),
// which the document's bytes have always had, without a Marshal call and
// its copy per key and per value (half the CPU of writing a long
// document's JSON).
func (r Row) MarshalJSON() ([]byte, error) {
	n := 2
	for _, c := range r {
		n += len(c.Key) + 8
		if c.Value != nil {
			n += len(*c.Value)
		}
	}
	b := make([]byte, 0, n)
	b = append(b, '{')
	for i, c := range r {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendCell(b, c, ":")
	}
	return append(b, '}'), nil
}

// appendCell appends a row's cell: its key, sep, and its value (a flag
// column's as true or false, a blank as null, else the text), as
// MarshalJSON writes them.
func appendCell(b []byte, c Cell, sep string) []byte {
	b = appendJSONString(b, c.Key)
	b = append(b, sep...)
	switch {
	case isFlagKey(c.Key):
		return strconv.AppendBool(b, c.Value != nil && *c.Value == "true")
	case c.Value == nil:
		return append(b, "null"...)
	}
	return appendJSONString(b, *c.Value)
}

// appendJSONString appends s as json.Marshal encodes a string: quoted,
// with \" \\ \b \f \n \r \t, the other control bytes and < > & as
// \u00XX, U+2028 and U+2029 as \u2028 and \u2029, and each byte of
// invalid UTF-8 as \ufffd. TestAppendJSONString holds it to json.Marshal.
func appendJSONString(b []byte, s string) []byte { return appendQuoted(b, s, true) }

// appendQuoted is appendJSONString, with < > & escaped only when html is
// set (a json.Encoder with SetEscapeHTML(false) writes them as they are).
func appendQuoted(b []byte, s string, html bool) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && (!html || c != '<' && c != '>' && c != '&') {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}

// UnmarshalJSON reads an object keeping its key order.
func (r *Row) UnmarshalJSON(data []byte) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	t, err := dec.Token()
	if err != nil {
		return err
	}
	if d, ok := t.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("schema: row must be an object")
	}
	*r = (*r)[:0]
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		key, _ := t.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return fmt.Errorf("schema: row key %q: %w", key, err)
		}
		if s := string(raw); s == "true" || s == "false" {
			*r = append(*r, Cell{Key: key, Value: Str(s)})
			continue
		}
		var v *string
		if err := json.Unmarshal(raw, &v); err != nil {
			return fmt.Errorf("schema: row key %q: %w", key, err)
		}
		*r = append(*r, Cell{Key: key, Value: v})
	}
	_, err = dec.Token()
	return err
}

// MarshalYAML writes the row as a flow mapping in column order, values quoted.
func (r Row) MarshalYAML() (interface{}, error) {
	n := &yaml.Node{Kind: yaml.MappingNode, Style: yaml.FlowStyle}
	for _, c := range r {
		k := &yaml.Node{Kind: yaml.ScalarNode, Value: c.Key}
		v := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!null", Value: "null"}
		switch {
		case isFlagKey(c.Key):
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(c.Value != nil && *c.Value == "true")}
		case c.Value != nil:
			v = &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: *c.Value, Style: yaml.DoubleQuotedStyle}
		}
		n.Content = append(n.Content, k, v)
	}
	return n, nil
}

// UnmarshalYAML reads a mapping keeping its key order.
func (r *Row) UnmarshalYAML(n *yaml.Node) error {
	if n.Kind != yaml.MappingNode {
		return fmt.Errorf("schema: line %d: row must be a mapping", n.Line)
	}
	*r = (*r)[:0]
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		c := Cell{Key: k.Value}
		if v.Kind == yaml.ScalarNode && v.Style == 0 && (v.Tag == "!!bool" || v.Value == "true" || v.Value == "false") {
			c.Value = Str(v.Value)
			*r = append(*r, c)
			continue
		}
		if !(v.Tag == "!!null" || (v.Kind == yaml.ScalarNode && v.Style == 0 && (v.Value == "null" || v.Value == "~" || v.Value == ""))) {
			s := v.Value
			c.Value = &s
		}
		*r = append(*r, c)
	}
	return nil
}
