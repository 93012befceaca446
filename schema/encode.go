package schema

import (
	"encoding/json"
	"io"

	"gopkg.in/yaml.v3"
)

// WriteJSON writes the document as indented JSON, fields in contract order.
func WriteJSON(w io.Writer, d *Document) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(d)
}

// WriteYAML writes the document as YAML; amounts are quoted strings.
func WriteYAML(w io.Writer, d *Document) error {
	enc := yaml.NewEncoder(w)
	enc.SetIndent(2)
	if err := enc.Encode(d); err != nil {
		return err
	}
	return enc.Close()
}
