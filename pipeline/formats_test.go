package pipeline

import (
	"bytes"
	"errors"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

const seedDump = "../seeds/luliang-swbgs-2023-budget.txt"

func TestFormatNamed(t *testing.T) {
	tests := []struct {
		name, want, ext string
		usage           bool
	}{
		{"", "json", ".json", false},
		{"json", "json", ".json", false},
		{"yaml", "yaml", ".yaml", false},
		{"xml", "", "", true},
		{"JSON", "", "", true},
	}
	for _, tt := range tests {
		f, err := FormatNamed(tt.name)
		if tt.usage {
			if !errors.Is(err, ErrUsage) || err.Error() != `usage: --format must be json or yaml, not "`+tt.name+`"` {
				t.Errorf("%q: %v, want a usage error", tt.name, err)
			}
			continue
		}
		if err != nil || f.Name != tt.want || f.Ext != tt.ext {
			t.Errorf("%q: %+v, %v; want %s (%s)", tt.name, f, err, tt.want, tt.ext)
		}
	}
	if got := FormatNames(); got != "json|yaml" {
		t.Errorf("FormatNames = %q", got)
	}
}

func TestFormatOf(t *testing.T) {
	for path, want := range map[string]string{
		"out/a.json": "json", "out/a.yaml": "yaml", "A.YAML": "yaml", "a.yml.json": "json", "noext": "json",
	} {
		if got := FormatOf(path).Name; got != want {
			t.Errorf("FormatOf(%q) = %s, want %s", path, got, want)
		}
	}
}

// TestFormatsRoundTrip: each format writes what schema's writer writes, and
// reads it back to the same document (its bytes written again are equal).
func TestFormatsRoundTrip(t *testing.T) {
	doc, err := Convert([]string{seedDump}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	writers := map[string]func(*bytes.Buffer, *schema.Document) error{
		"json": func(b *bytes.Buffer, d *schema.Document) error { return schema.WriteJSON(b, d) },
		"yaml": func(b *bytes.Buffer, d *schema.Document) error { return schema.WriteYAML(b, d) },
	}
	if len(writers) != len(Formats) {
		t.Fatalf("%d formats, the test knows %d", len(Formats), len(writers))
	}
	for _, f := range Formats {
		got, err := f.Encode(doc)
		if err != nil {
			t.Fatal(err)
		}
		var want bytes.Buffer
		if err := writers[f.Name](&want, doc); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%s: Encode differs from schema's writer", f.Name)
		}
		for _, workers := range []int{0, 1, 2} {
			var with bytes.Buffer
			if err := f.WriteWith(&with, doc, workers); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(with.Bytes(), got) {
				t.Errorf("%s: WriteWith %d workers differs from Encode", f.Name, workers)
			}
		}
		back, err := f.Decode(got)
		if err != nil {
			t.Fatalf("%s: %v", f.Name, err)
		}
		again, err := f.Encode(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, again) {
			t.Errorf("%s: read back and written again, the bytes differ", f.Name)
		}
		if len(back.Tables) != len(doc.Tables) || len(back.Tables) < 9 {
			t.Errorf("%s: %d tables read back of %d", f.Name, len(back.Tables), len(doc.Tables))
		}
	}
}
