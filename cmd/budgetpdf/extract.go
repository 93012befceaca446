package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/budgetpdf/budgetpdf/pipeline"
)

// runExtract is `budgetpdf extract`: one FILE, or several files of one
// disclosure (a narrative PDF and its tables PDF) merged into one document.
func runExtract(args []string, stdout, stderr io.Writer) int {
	return runConvert("extract", 1, args, stdout, stderr)
}

// runMerge is `budgetpdf merge`: extract with two or more files.
func runMerge(args []string, stdout, stderr io.Writer) int {
	return runConvert("merge", 2, args, stdout, stderr)
}

// runConvert parses the arguments of extract and merge (at least minFiles
// files), converts and writes the document.
func runConvert(name string, minFiles int, args []string, stdout, stderr io.Writer) int {
	var files []string
	var out, password string
	format := ""
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
		return fail(stderr, "", usageErrorf("%s needs at least %d FILE [-o OUT] [--format %s]", name, minFiles, pipeline.FormatNames()))
	}
	f, err := pipeline.FormatNamed(format)
	if err != nil {
		return fail(stderr, "", err)
	}
	doc, err := pipeline.Convert(files, pipeline.Options{Password: password})
	if err != nil {
		return fail(stderr, "", err)
	}
	data, err := f.Encode(doc)
	if err == nil {
		if out == "" || out == "-" {
			_, err = stdout.Write(data)
		} else {
			err = pipeline.WriteFileAtomic(out, data) // never half a file
		}
	}
	if err != nil {
		return fail(stderr, files[0], fmt.Errorf("writing output: %w", err))
	}
	return 0
}
