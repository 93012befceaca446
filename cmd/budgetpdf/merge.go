package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
	"gopkg.in/yaml.v3"
)

// part is one input file of a merged document, as listed in source.parts.
type part struct {
	File     string `json:"file" yaml:"file"`
	SHA256   string `json:"sha256" yaml:"sha256"`
	Pages    int    `json:"pages" yaml:"pages"`
	Producer string `json:"producer" yaml:"producer"`
	Creator  string `json:"creator" yaml:"creator"`
}

func init() {
	commands = append(commands,
		command{"merge", "FILE FILE... [-o OUT] [--format json|yaml] [--password P]",
			"convert a disclosure published as several files (a narrative PDF and its tables PDF) into one document", runMerge},
	)
}

// runMerge is `budgetpdf merge`.
func runMerge(args []string, stdout, stderr io.Writer) int {
	var files []string
	var out, password string
	format := "json"
	for i := 0; i < len(args); i++ {
		a := args[i]
		val := func() (string, bool) {
			if i+1 < len(args) {
				i++
				return args[i], true
			}
			return "", false
		}
		ok := true
		switch {
		case a == "-o" || a == "--out" || a == "-out":
			out, ok = val()
		case a == "--format" || a == "-format" || a == "-f":
			format, ok = val()
		case strings.HasPrefix(a, "--format="):
			format = strings.TrimPrefix(a, "--format=")
		case a == "--password" || a == "-password":
			password, ok = val()
		case strings.HasPrefix(a, "-") && a != "-":
			return fail(stderr, "", usageErrorf("merge: unknown flag %s", a))
		default:
			files = append(files, a)
		}
		if !ok {
			return fail(stderr, "", usageErrorf("merge: %s needs a value", a))
		}
	}
	if len(files) < 2 {
		return fail(stderr, "", usageErrorf("merge FILE FILE... [-o OUT] [--format json|yaml]"))
	}
	if format != "json" && format != "yaml" {
		return fail(stderr, "", usageErrorf("--format must be json or yaml, not %q", format))
	}
	doc, parts, failed, err := safeMerge(files, extract.Options{Password: password})
	if err != nil {
		return fail(stderr, failed, err)
	}
	data, err := encodeMerged(doc, parts, format)
	if err != nil {
		return fail(stderr, files[0], err)
	}
	if out == "" || out == "-" {
		_, err = stdout.Write(data)
	} else {
		err = writeFileAtomic(out, data)
	}
	if err != nil {
		return fail(stderr, files[0], fmt.Errorf("writing output: %w", err))
	}
	return 0
}

// safeMerge is merge with any panic turned into an internal error; failed
// names the file that could not be read.
func safeMerge(paths []string, opts extract.Options) (doc *schema.Document, parts []part, failed string, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, parts, failed, err = nil, nil, strings.Join(paths, " + "), fmt.Errorf("internal error: %v", r)
		}
	}()
	return merge(paths, opts)
}

// merge converts several files as one disclosure: each file is read and
// laid out on its own (a table never runs from one file into the next), the
// pages of each later file are numbered after those of the files before it,
// and the schema and the checks then see one document, narrative and
// tables together. The source is the first file's; parts lists them all.
func merge(paths []string, opts extract.Options) (*schema.Document, []part, string, error) {
	var all layout.Document
	var warnings []schema.Warning
	var src schema.Source
	var parts []part
	offset := 0
	for i, path := range paths {
		ld, s, warns, err := readLayout(path, opts)
		if err != nil {
			return nil, nil, path, err
		}
		if i == 0 {
			src = s
		}
		parts = append(parts, part{File: s.File, SHA256: s.SHA256, Pages: s.Pages, Producer: s.Producer, Creator: s.Creator})
		shiftLayout(ld, offset)
		for _, w := range warns {
			warnings = append(warnings, shiftWarning(w, offset))
		}
		all.Pages = append(all.Pages, ld.Pages...)
		all.Tables = append(all.Tables, ld.Tables...)
		for _, w := range ld.Warnings {
			warnings = append(warnings, schema.Warning{Page: w.Page, Code: w.Code, Message: w.Message})
		}
		offset += max(s.Pages, len(ld.Pages))
	}
	out := schema.Build(&all)
	out.Source = src
	out.Warnings = append(warnings, out.Warnings...)
	out.Checks = checks.Run(out, narrative(&all))
	if len(out.Tables) == 0 && len(out.PerformanceForms) == 0 {
		out.Warnings = append(out.Warnings, schema.Warning{Code: "no_tables", Message: "no budget table or performance form was recognized"})
	}
	return out, parts, "", nil
}

// readLayout reads one file up to the layout stage, as convert does.
func readLayout(path string, opts extract.Options) (*layout.Document, schema.Source, []schema.Warning, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, schema.Source{}, nil, err
	}
	sum := sha256.Sum256(data)
	src := schema.Source{File: filepath.Base(path), SHA256: hex.EncodeToString(sum[:])}
	if isTextDump(path, data) {
		ld, err := layout.FromText(bytes.NewReader(data))
		return ld, src, nil, err
	}
	doc, err := extract.NewReader(bytes.NewReader(data), int64(len(data)), opts)
	if err != nil {
		return nil, src, nil, err
	}
	pages, err := doc.ReadAll()
	if err != nil {
		return nil, src, nil, err
	}
	info := doc.Info()
	src.Pages, src.Producer, src.Creator, src.Encrypted = info.Pages, info.Producer, info.Creator, info.Encrypted
	var warns []schema.Warning
	for _, p := range pages {
		for _, w := range p.Warnings {
			warns = append(warns, schema.Warning{Page: w.Page, Code: w.Code, Message: w.Message})
		}
	}
	return layout.FromPages(pages), src, warns, nil
}

// shiftLayout numbers a layout's pages after offset earlier pages.
func shiftLayout(ld *layout.Document, offset int) {
	if offset == 0 {
		return
	}
	for i := range ld.Pages {
		ld.Pages[i].Number += offset
	}
	for i := range ld.Tables {
		t := &ld.Tables[i]
		for j := range t.Pages {
			t.Pages[j] += offset
		}
		for _, rows := range [][][]layout.Cell{t.Header, t.Rows} {
			for _, r := range rows {
				for k := range r {
					if r[k].Page > 0 {
						r[k].Page += offset
					}
				}
			}
		}
	}
	for i := range ld.Warnings {
		if ld.Warnings[i].Page > 0 {
			ld.Warnings[i].Page += offset
		}
	}
}

func shiftWarning(w schema.Warning, offset int) schema.Warning {
	if w.Page > 0 {
		w.Page += offset
	}
	return w
}

// encodeMerged writes the document with source.parts added after the
// source's own fields, keeping the contract's field order.
func encodeMerged(doc *schema.Document, parts []part, format string) ([]byte, error) {
	var buf bytes.Buffer
	if format == "yaml" {
		if err := schema.WriteYAML(&buf, doc); err != nil {
			return nil, err
		}
		var n yaml.Node
		if err := yaml.Unmarshal(buf.Bytes(), &n); err != nil {
			return nil, err
		}
		var pn yaml.Node
		if err := pn.Encode(parts); err != nil {
			return nil, err
		}
		src := mapValue(n.Content[0], "source")
		if src == nil {
			return nil, fmt.Errorf("merge: no source in the document")
		}
		src.Content = append(src.Content, &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: "parts"}, &pn)
		buf.Reset()
		enc := yaml.NewEncoder(&buf)
		enc.SetIndent(2)
		if err := enc.Encode(&n); err != nil {
			return nil, err
		}
		return buf.Bytes(), enc.Close()
	}
	if err := schema.WriteJSON(&buf, doc); err != nil {
		return nil, err
	}
	// WriteJSON indents by two spaces: the source object closes at the first
	// line "  }" after its key.
	s := buf.String()
	start := strings.Index(s, "\n  \"source\": {")
	end := strings.Index(s[max(start, 0):], "\n  }")
	if start < 0 || end < 0 {
		return nil, fmt.Errorf("merge: no source in the document")
	}
	end += start
	p, err := json.MarshalIndent(parts, "    ", "  ")
	if err != nil {
		return nil, err
	}
	out := s[:end] + ",\n    \"parts\": " + string(p) + s[end:]
	if !json.Valid([]byte(out)) {
		return nil, fmt.Errorf("merge: adding parts made invalid JSON")
	}
	return []byte(out), nil
}

// mapValue is the value node under key in a YAML mapping node.
func mapValue(m *yaml.Node, key string) *yaml.Node {
	if m == nil || m.Kind != yaml.MappingNode {
		return nil
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i+1]
		}
	}
	return nil
}
