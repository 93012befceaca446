package pipeline

import (
	"bytes"
	"encoding/json"
	"io"
	"path/filepath"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/budgetpdf/budgetpdf/schema"
)

// Format is one output format of the contract's document.
type Format struct {
	Name  string // the --format value
	Ext   string // the output file's extension, with its dot
	Write func(io.Writer, *schema.Document) error
	Read  func([]byte, *schema.Document) error // reads back what Write wrote
	// WriteWorkers is Write on up to n goroutines at once (the same
	// bytes); nil when the format writes on one.
	WriteWorkers func(w io.Writer, doc *schema.Document, n int) error
	// WriteConsume is WriteWorkers for doc's last use, letting go of what
	// it has written (the same bytes); nil when the format cannot.
	WriteConsume func(w io.Writer, doc *schema.Document, n int) error
}

// WriteLast writes doc as WriteWith does when nothing reads doc after:
// a format that can lets go of doc's parts as it writes them.
func (f Format) WriteLast(w io.Writer, doc *schema.Document, workers int) error {
	if f.WriteConsume == nil {
		return f.WriteWith(w, doc, workers)
	}
	return f.WriteConsume(w, doc, Options{Workers: workers}.workers())
}

// WriteWith writes doc as Write does, on up to workers goroutines where
// the format can (0: GOMAXPROCS, as Options.Workers).
func (f Format) WriteWith(w io.Writer, doc *schema.Document, workers int) error {
	if f.WriteWorkers == nil {
		return f.Write(w, doc)
	}
	return f.WriteWorkers(w, doc, Options{Workers: workers}.workers())
}

// Formats are the output formats, the default first. A new format is a
// line here (and its writer in schema/encode.go).
var Formats = []Format{
	{Name: "json", Ext: ".json", Write: schema.WriteJSON, Read: func(b []byte, d *schema.Document) error { return json.Unmarshal(b, d) }, WriteWorkers: schema.WriteJSONWorkers, WriteConsume: schema.WriteJSONConsume},
	{Name: "yaml", Ext: ".yaml", Write: schema.WriteYAML, Read: func(b []byte, d *schema.Document) error { return yaml.Unmarshal(b, d) }},
}

// FormatNames lists the formats' names as a usage line shows them, "json|yaml".
func FormatNames() string {
	names := make([]string, len(Formats))
	for i, f := range Formats {
		names[i] = f.Name
	}
	return strings.Join(names, "|")
}

// FormatNamed is the format called name; "" is the default. An unknown name
// is a usage error.
func FormatNamed(name string) (Format, error) {
	if name == "" {
		return Formats[0], nil
	}
	for _, f := range Formats {
		if f.Name == name {
			return f, nil
		}
	}
	return Format{}, Usagef("--format must be %s, not %q", strings.Join(strings.Split(FormatNames(), "|"), " or "), name)
}

// FormatOf is the format of an output file, by its extension; a file of
// none of them is read as the default.
func FormatOf(path string) Format {
	ext := strings.ToLower(filepath.Ext(path))
	for _, f := range Formats {
		if f.Ext == ext {
			return f
		}
	}
	return Formats[0]
}

// Encode is the document written in the format.
func (f Format) Encode(doc *schema.Document) ([]byte, error) {
	var buf bytes.Buffer
	if err := f.Write(&buf, doc); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// Decode reads a document written in the format.
func (f Format) Decode(data []byte) (*schema.Document, error) {
	var doc schema.Document
	if err := f.Read(data, &doc); err != nil {
		return nil, err
	}
	return &doc, nil
}
