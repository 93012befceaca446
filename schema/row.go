package schema

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"

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

// MarshalJSON writes the row as an object in column order.
func (r Row) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, c := range r {
		if i > 0 {
			b.WriteByte(',')
		}
		k, err := json.Marshal(c.Key)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		if isFlagKey(c.Key) {
			b.WriteString(strconv.FormatBool(c.Value != nil && *c.Value == "true"))
			continue
		}
		v, err := json.Marshal(c.Value)
		if err != nil {
			return nil, err
		}
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
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
