package schema

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"reflect"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/budgetpdf/budgetpdf/internal/parallel"
)

// nonNil gives every collection of d a non-nil value, so that empty ones
// encode as [] rather than null.
func nonNil(d *Document) {
	if d.Tables == nil {
		d.Tables = []Table{}
	}
	for i := range d.Tables {
		if d.Tables[i].Rows == nil {
			d.Tables[i].Rows = []Row{}
		}
		if d.Tables[i].Columns == nil {
			d.Tables[i].Columns = []Column{}
		}
		if d.Tables[i].Pages == nil {
			d.Tables[i].Pages = []int{}
		}
	}
	if d.EconomicRows == nil {
		d.EconomicRows = []EconomicRow{}
	}
	if d.Projects == nil {
		d.Projects = []Project{}
	}
	if d.PerformanceForms == nil {
		d.PerformanceForms = []PerformanceForm{}
	}
	for i := range d.PerformanceForms {
		if d.PerformanceForms[i].Indicators == nil {
			d.PerformanceForms[i].Indicators = []Indicator{}
		}
		if d.PerformanceForms[i].Pages == nil {
			d.PerformanceForms[i].Pages = []int{}
		}
	}
	if d.Checks == nil {
		d.Checks = []Check{}
	}
	if d.Warnings == nil {
		d.Warnings = []Warning{}
	}
}

// WriteJSON writes the document as indented JSON, fields in contract order.
//
// It writes what json.Encoder (indent "  ", HTML unescaped) writes of d,
// byte for byte, but a piece at a time: each top-level field, and each
// element of a top-level list, is encoded on its own and handed to w, so a
// long document's output is never held whole in memory (twice, by the
// encoder's compact and indented buffers).
func WriteJSON(w io.Writer, d *Document) error { return WriteJSONWorkers(w, d, 1) }

// jsonWindow is how many elements of a list WriteJSONWorkers encodes at
// once per worker before writing them: the memory of a window, not of the
// output.
const jsonWindow = 4

// WriteJSONWorkers is WriteJSON with the elements of each top-level list
// encoded on up to workers goroutines at once, a window of them at a time,
// and written in order: the same bytes.
func WriteJSONWorkers(w io.Writer, d *Document, workers int) error {
	nonNil(d)
	bw := bufio.NewWriterSize(w, 64<<10)
	// encode is v encoded as the value at one nesting level (its later
	// lines start with prefix), without the encoder's closing newline.
	encode := func(buf *bytes.Buffer, v any, prefix string) error {
		buf.Reset()
		enc := json.NewEncoder(buf)
		enc.SetIndent(prefix, "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(v); err != nil {
			return err
		}
		buf.Truncate(buf.Len() - 1)
		return nil
	}
	window := jsonWindow * max(workers, 1)
	bufs := make([]bytes.Buffer, window)
	errs := make([]error, window)
	dv := reflect.ValueOf(d).Elem()
	dt := dv.Type()
	bw.WriteString("{")
	first := true
	for i := range dt.NumField() {
		f := dt.Field(i)
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		v := dv.Field(i)
		if strings.Contains(","+opts+",", ",omitempty,") && emptyJSON(v) {
			continue
		}
		if !first {
			bw.WriteString(",")
		}
		first = false
		key, err := json.Marshal(name)
		if err != nil {
			return err
		}
		bw.WriteString("\n  ")
		bw.Write(key)
		bw.WriteString(": ")
		if v.Kind() != reflect.Slice || v.IsNil() || v.Len() == 0 {
			if err := encode(&bufs[0], v.Addr().Interface(), "  "); err != nil {
				return err
			}
			bw.Write(bufs[0].Bytes())
			continue
		}
		bw.WriteString("[")
		for at := 0; at < v.Len(); at += window {
			n := min(window, v.Len()-at)
			parallel.For(n, workers, func(k int) {
				errs[k] = encode(&bufs[k], v.Index(at+k).Addr().Interface(), "    ")
			})
			for k := range n {
				if errs[k] != nil {
					return errs[k]
				}
				if at+k > 0 {
					bw.WriteString(",")
				}
				bw.WriteString("\n    ")
				bw.Write(bufs[k].Bytes())
			}
		}
		bw.WriteString("\n  ]")
	}
	if !first {
		bw.WriteString("\n")
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// emptyJSON is encoding/json's test of an omitempty field.
func emptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// WriteYAML writes the document as YAML; amounts are quoted strings.
func WriteYAML(w io.Writer, d *Document) error {
	nonNil(d)
	var n yaml.Node
	if err := n.Encode(d); err != nil {
		return err
	}
	quoteAmbiguous(&n)
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(&n); err != nil {
		return err
	}
	return enc.Close()
}

// quoteAmbiguous double-quotes the strings that a YAML 1.1 reader (PyYAML,
// many others) would not read back as strings: "=" (op), yes/no/on/off, ~.
func quoteAmbiguous(n *yaml.Node) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" && n.Style == 0 {
		switch strings.ToLower(n.Value) {
		case "=", "~", "y", "n", "yes", "no", "on", "off", "true", "false", "null", "<<":
			n.Style = yaml.DoubleQuotedStyle
		}
	}
	for _, c := range n.Content {
		quoteAmbiguous(c)
	}
}
