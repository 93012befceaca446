package batch

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"
)

// TestCSVBOM: with CSVBOM every file starts with the UTF-8 byte order mark
// (and only with it), the header right after.
func TestCSVBOM(t *testing.T) {
	in := t.TempDir()
	writeFiles(t, in, map[string]string{"a.txt": "ok 财政局 2023"})
	var p fakePipeline
	for _, bom := range []bool{false, true} {
		out := t.TempDir()
		o := options(in, out, &p)
		o.SQLite, o.CSVBOM = "", bom
		if _, err := Run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		for _, sh := range Sheets {
			b, err := os.ReadFile(filepath.Join(out, "csv", sh.Name+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			header := sh.Columns[0].Name + "," + sh.Columns[1].Name + ","
			if bom {
				header = "\xef\xbb\xbf" + header
			}
			if !bytes.HasPrefix(b, []byte(header)) {
				t.Errorf("bom %v: %s.csv starts %q, want %q", bom, sh.Name, b[:min(len(b), 20)], header)
			}
		}
	}
}
