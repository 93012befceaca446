package pipeline

import (
	"bytes"
	"path/filepath"
	"testing"
)

// TestParallelPagesIdentical: the JSON of a document converted with its
// pages read on 2 and 3 workers is byte for byte the serial one, on the
// fixtures, the real corpus and every third national file.
func TestParallelPagesIdentical(t *testing.T) {
	var files []string
	for _, g := range []string{"../fixtures/pdf/*.pdf", realDir + "/*.pdf"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	nat, _ := filepath.Glob(nationalDir + "/*/*.pdf")
	for i := 0; i < len(nat); i += 3 {
		files = append(files, nat[i])
	}
	if len(files) == 0 {
		t.Skip("no PDFs")
	}
	encode := func(f string, workers int) []byte {
		doc, err := Convert([]string{f}, Options{Workers: workers})
		if err != nil {
			return []byte("error: " + err.Error())
		}
		data, err := Formats[0].Encode(doc)
		if err != nil {
			t.Fatalf("%s: %v", f, err)
		}
		return data
	}
	parallel := 0
	for _, f := range files {
		serial := encode(f, 1)
		for _, w := range []int{2, 3} {
			if got := encode(f, w); !bytes.Equal(got, serial) {
				t.Errorf("%s: %d workers differ from one", filepath.Base(f), w)
			}
		}
		if !bytes.HasPrefix(serial, []byte("error")) {
			parallel++
		}
	}
	if parallel == 0 {
		t.Errorf("no file converted")
	}
}
