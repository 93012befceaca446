package schema

import (
	"encoding/json"
	"io"
	"strings"

	"gopkg.in/yaml.v3"
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
func WriteJSON(w io.Writer, d *Document) error {
	nonNil(d)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
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
