package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
	"github.com/budgetpdf/budgetpdf/schema"
)

// convert runs the whole pipeline on one input file:
// extract (PDF → pages) → layout (pages → tables) → schema (tables → the
// contract) → checks. A text dump (.txt, .md) skips extract.
func convert(path string, opts extract.Options) (*schema.Document, error) {
	in, err := read(path, opts)
	if err != nil {
		return nil, err
	}
	return build(in.layout, in.source, in.warnings), nil
}

// input is one file read up to the layout stage.
type input struct {
	layout   *layout.Document
	source   schema.Source
	warnings []schema.Warning // the extractor's and the layout's, each naming its page
}

// read runs extract and layout on one file.
func read(path string, opts extract.Options) (*input, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(data)
	in := &input{source: schema.Source{File: filepath.Base(path), SHA256: hex.EncodeToString(sum[:])}}
	if isTextDump(path, data) {
		if in.layout, err = layout.FromText(bytes.NewReader(data)); err != nil {
			return nil, err
		}
	} else {
		doc, err := extract.NewReader(bytes.NewReader(data), int64(len(data)), opts)
		if err != nil {
			return nil, err
		}
		pages, err := doc.ReadAll()
		if err != nil {
			return nil, err
		}
		info := doc.Info()
		in.source.Pages, in.source.Producer, in.source.Creator, in.source.Encrypted = info.Pages, info.Producer, info.Creator, info.Encrypted
		for _, p := range pages {
			for _, w := range p.Warnings {
				in.warnings = append(in.warnings, schema.Warning{Page: w.Page, Code: w.Code, Message: w.Message})
			}
		}
		in.layout = layout.FromPages(pages)
	}
	for _, w := range in.layout.Warnings {
		in.warnings = append(in.warnings, schema.Warning{Page: w.Page, Code: w.Code, Message: w.Message})
	}
	return in, nil
}

// build runs schema and checks on a laid-out document.
func build(ld *layout.Document, src schema.Source, warnings []schema.Warning) *schema.Document {
	out := schema.Build(ld)
	out.Source = src
	out.Warnings = append(warnings, out.Warnings...)
	out.Checks = checks.Run(out, narrative(ld))
	if len(out.Tables) == 0 && len(out.PerformanceForms) == 0 {
		out.Warnings = append(out.Warnings, schema.Warning{Code: "no_tables", Message: "no budget table or performance form was recognized"})
	}
	return out
}

// isTextDump reports whether the input is a text dump of a disclosure
// rather than a PDF: by its name, or by being UTF-8 text without a PDF header.
func isTextDump(path string, data []byte) bool {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".txt", ".md", ".markdown":
		return true
	case ".pdf":
		return false
	}
	head := data[:min(len(data), 1024)]
	return !bytes.Contains(head, []byte("%PDF-")) && utf8.Valid(head) && bytes.ContainsAny(head, "表预算")
}

// narrative is the text outside tables, page by page, for the checks.
func narrative(ld *layout.Document) []checks.Text {
	var out []checks.Text
	for _, p := range ld.Pages {
		for _, l := range p.Lines {
			out = append(out, checks.Text{Page: p.Number, Text: l.Text})
		}
	}
	return out
}

func init() {
	commands = append(commands,
		command{"extract", "FILE [-o OUT] [--format json|yaml] [--password P]",
			"convert a disclosure (PDF or text dump) to the output contract's JSON or YAML", runExtract},
	)
}

// runExtract is `budgetpdf extract`: one FILE, or several files of one
// disclosure (a narrative PDF and its tables PDF) merged into one document.
func runExtract(args []string, stdout, stderr io.Writer) int {
	return runConvert("extract", 1, args, stdout, stderr)
}

// runConvert parses the arguments of extract and merge (at least minFiles
// files), converts and writes the document.
func runConvert(name string, minFiles int, args []string, stdout, stderr io.Writer) int {
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
			return fail(stderr, "", usageErrorf("%s: unknown flag %s", name, a))
		default:
			files = append(files, a)
		}
		if !ok {
			return fail(stderr, "", usageErrorf("%s: %s needs a value", name, a))
		}
	}
	if len(files) < minFiles {
		return fail(stderr, "", usageErrorf("%s needs at least %d FILE [-o OUT] [--format json|yaml]", name, minFiles))
	}
	if format != "json" && format != "yaml" {
		return fail(stderr, "", usageErrorf("--format must be json or yaml, not %q", format))
	}
	doc, failed, err := safeMerge(files, extract.Options{Password: password})
	if err != nil {
		return fail(stderr, failed, err)
	}
	var buf bytes.Buffer
	if format == "yaml" {
		err = schema.WriteYAML(&buf, doc)
	} else {
		err = schema.WriteJSON(&buf, doc)
	}
	if err == nil {
		if out == "" || out == "-" {
			_, err = stdout.Write(buf.Bytes())
		} else {
			err = batch.WriteFileAtomic(out, buf.Bytes()) // never half a file
		}
	}
	if err != nil {
		return fail(stderr, files[0], fmt.Errorf("writing output: %w", err))
	}
	return 0
}

// safeConvert is convert with any panic turned into an internal error, so one
// bad input never takes the process down.
func safeConvert(path string, opts extract.Options) (doc *schema.Document, err error) {
	defer func() {
		if r := recover(); r != nil {
			doc, err = nil, fmt.Errorf("internal error: %v", r)
		}
	}()
	return convert(path, opts)
}
