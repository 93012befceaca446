package extract

import (
	"bufio"
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// testModuleRoot is the directory holding go.mod, found upwards from the test's
// working directory.
func testModuleRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("go.mod not found")
		}
		dir = parent
	}
}

// realCorpusDir is the read-only corpus of published disclosures.
func realCorpusDir(t testing.TB) string {
	return filepath.Join(testModuleRoot(t), "..", "shared", "corpus", "real")
}

// corpusPDFs lists the real PDFs and, when present, the fixture PDFs.
func corpusPDFs(t testing.TB) []string {
	t.Helper()
	real, _ := filepath.Glob(filepath.Join(realCorpusDir(t), "*.pdf"))
	fix, _ := filepath.Glob(filepath.Join(testModuleRoot(t), "fixtures", "pdf", "*.pdf"))
	files := append(real, fix...)
	if len(files) == 0 {
		t.Skip("no corpus PDFs found under ../shared/corpus/real or fixtures/pdf")
	}
	return files
}

// realManifestEntry is one row of the real corpus's MANIFEST.tsv, written by
// hand from pdfinfo when the corpus was collected.
type realManifestEntry struct {
	pages             int
	producer, creator string
}

func readRealManifest(t testing.TB) map[string]realManifestEntry {
	t.Helper()
	f, err := os.Open(filepath.Join(realCorpusDir(t), "MANIFEST.tsv"))
	if err != nil {
		t.Skipf("real corpus manifest: %v", err)
	}
	defer f.Close()
	m := map[string]realManifestEntry{}
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 1<<20)
	var col map[string]int
	for sc.Scan() {
		fields := strings.Split(sc.Text(), "\t")
		if col == nil {
			col = map[string]int{}
			for i, name := range fields {
				col[name] = i
			}
			continue
		}
		n, err := strconv.Atoi(fields[col["pages"]])
		if err != nil {
			t.Fatalf("manifest pages %q: %v", fields[col["pages"]], err)
		}
		m[fields[col["file"]]] = realManifestEntry{n, fields[col["producer"]], fields[col["creator"]]}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return m
}

// pdfinfoEntry reads pages, producer and creator from poppler's pdfinfo, the
// truth for files the manifest does not list (the fixtures).
func pdfinfoEntry(t *testing.T, path string) (realManifestEntry, bool) {
	out, err := exec.Command("pdfinfo", path).Output()
	if err != nil {
		t.Logf("pdfinfo %s: %v (page count unchecked)", path, err)
		return realManifestEntry{}, false
	}
	var e realManifestEntry
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		v = strings.TrimSpace(v)
		switch k {
		case "Pages":
			e.pages, _ = strconv.Atoi(v)
		case "Producer":
			e.producer = v
		case "Creator":
			e.creator = v
		}
	}
	return e, e.pages > 0
}

// craftSample is the small real file the crafted inputs are derived from.
const craftSample = "js-swbgt-2019-tables.pdf"

func craftSampleBytes(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(realCorpusDir(t), craftSample))
	if err != nil {
		t.Skipf("sample PDF: %v", err)
	}
	return b
}

func TestOpenReal(t *testing.T) {
	man := readRealManifest(t)
	for _, path := range corpusPDFs(t) {
		name := filepath.Base(path)
		t.Run(name, func(t *testing.T) {
			doc, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			info := doc.Info()
			want, ok := man[name]
			if !ok {
				want, ok = pdfinfoEntry(t, path)
			}
			if ok {
				if info.Pages != want.pages || doc.NumPages() != want.pages {
					t.Errorf("pages: Info %d, NumPages %d, want %d", info.Pages, doc.NumPages(), want.pages)
				}
				if info.Producer != want.producer {
					t.Errorf("producer %q, want %q", info.Producer, want.producer)
				}
				if info.Creator != want.creator {
					t.Errorf("creator %q, want %q", info.Creator, want.creator)
				}
			}
			if info.Encrypted {
				t.Errorf("Encrypted = true for a plain file")
			}
			pages, err := doc.ReadAll()
			if err != nil {
				t.Fatalf("ReadAll: %v", err)
			}
			if len(pages) != info.Pages {
				t.Fatalf("ReadAll gave %d pages, want %d", len(pages), info.Pages)
			}
			for i, p := range pages {
				if p.Number != i+1 {
					t.Errorf("page %d numbered %d", i+1, p.Number)
				}
				for _, w := range p.Warnings {
					if w.Code == "page_error" {
						t.Errorf("page %d: %s", p.Number, w.Message)
					}
				}
			}
		})
	}
}

// TestInfoTitle checks the decoding of document-information strings on real
// files; the titles were decoded independently with iconv -f GBK.
func TestInfoTitle(t *testing.T) {
	tests := []struct{ file, title string }{
		{"js-swbgt-2017-narrative.pdf", "Microsoft Word - 江苏省委办公厅2017年部门预算.doc"}, // GBK bytes
		{"js-swbgt-2019-tables.pdf", "江苏省委办公厅2019年度部门预算公开表格.xls"},                // GBK bytes
		{"js-zxbgt-2017-narrative.pdf", "江苏省政协办公厅2015年度部门预算"},                    // UTF-16BE
		{"sh-pt-shgzb-2024-final.pdf", "附件2：预算主管部门公开样张"},                         // UTF-16BE, full-width colon
	}
	for _, tt := range tests {
		path := filepath.Join(realCorpusDir(t), tt.file)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("%s: %v", tt.file, err)
		}
		doc, err := Open(path, Options{})
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		if got := doc.Info().Title; got != tt.title {
			t.Errorf("%s: title %q, want %q", tt.file, got, tt.title)
		}
	}
}

func TestDecodeInfoText(t *testing.T) {
	tests := []struct {
		in   []byte
		want string
	}{
		{nil, ""},
		{[]byte("WPS Office"), "WPS Office"},
		{[]byte{0xFE, 0xFF, 0x00, 'W', 0x00, 'P', 0x00, 'S', 0x00, ' ', 0x65, 0x87, 0x5B, 0x57}, "WPS 文字"},
		{[]byte("Microsoft\xae Word 2010"), "Microsoft® Word 2010"}, // PDFDocEncoding (Latin-1 half)
		{[]byte("a\x84b\x92"), "a—b™"},                              // PDFDocEncoding specials
		{[]byte{0xEF, 0xBB, 0xBF, 0xE8, 0xA1, 0xA8}, "表"},           // UTF-8 with BOM (PDF 2.0)
		{[]byte("WPS \xe8\xa1\xa8\xe6\xa0\xbc"), "WPS 表格"},          // bare UTF-8
		{[]byte("\xbd\xad\xcb\xd5.xls"), "江苏.xls"},                  // GBK
		{[]byte("\xbd\xad\xcb"), "½\u00adË"},                        // a cut GBK pair is not GBK
	}
	for _, tt := range tests {
		if got := decodeInfoText(tt.in); got != tt.want {
			t.Errorf("decodeInfoText(% x) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPageList(t *testing.T) {
	tests := []struct {
		in   []int
		want string
	}{
		{[]int{4}, "page 4"},
		{[]int{1, 2, 3}, "pages 1-3"},
		{[]int{1, 2, 3, 7}, "pages 1-3, 7"},
		{[]int{2, 5, 6}, "pages 2, 5-6"},
	}
	for _, tt := range tests {
		if got := PageList(tt.in); got != tt.want {
			t.Errorf("PageList(%v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// craftCase is one crafted input and what opening it must do.
type craftCase struct {
	name     string
	make     func(t *testing.T, dir string, good []byte) string // returns the file path
	password string
	want     error // nil: opens with the sample's page count
	wantMsg  string
}

func writeCraft(t *testing.T, path string, b []byte) string {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func craftBytes(name string, f func(good []byte) []byte) func(*testing.T, string, []byte) string {
	return func(t *testing.T, dir string, good []byte) string {
		return writeCraft(t, filepath.Join(dir, name), f(good))
	}
}

// craftQPDF encrypts the sample with qpdf: args follow --encrypt.
func craftQPDF(name string, args ...string) func(*testing.T, string, []byte) string {
	return func(t *testing.T, dir string, good []byte) string {
		if _, err := exec.LookPath("qpdf"); err != nil {
			t.Skip("qpdf not installed")
		}
		in := writeCraft(t, filepath.Join(dir, "plain.pdf"), good)
		out := filepath.Join(dir, name)
		cmd := append([]string{"--allow-weak-crypto", "--encrypt"}, args...)
		cmd = append(cmd, "--", in, out)
		if msg, err := exec.Command("qpdf", cmd...).CombinedOutput(); err != nil {
			t.Fatalf("qpdf %v: %v\n%s", cmd, err, msg)
		}
		return out
	}
}

// breakStartxref points the final startxref at a wrong offset.
func breakStartxref(good []byte) []byte {
	i := bytes.LastIndex(good, []byte("startxref"))
	j := i + len("startxref")
	for j < len(good) && (good[j] == '\r' || good[j] == '\n' || good[j] == ' ') {
		j++
	}
	k := j
	for k < len(good) && good[k] >= '0' && good[k] <= '9' {
		k++
	}
	off, _ := strconv.Atoi(string(good[j:k]))
	out := append([]byte{}, good[:j]...)
	out = strconv.AppendInt(out, int64(off+17), 10)
	return append(out, good[k:]...)
}

// shiftOffsets inserts a comment line after the header, so every offset in the
// cross-reference table is 40 bytes short.
func shiftOffsets(good []byte) []byte {
	nl := bytes.IndexAny(good, "\r\n") + 1
	out := append([]byte{}, good[:nl]...)
	out = append(out, "%"+strings.Repeat("x", 38)+"\n"...)
	return append(out, good[nl:]...)
}

func TestOpenCrafted(t *testing.T) {
	good := craftSampleBytes(t)
	plain, err := NewReader(bytes.NewReader(good), int64(len(good)), Options{})
	if err != nil {
		t.Fatalf("craftSample: %v", err)
	}
	pages := plain.NumPages()
	tests := []craftCase{
		{name: "empty", make: craftBytes("empty.pdf", func([]byte) []byte { return nil }), want: ErrNotPDF, wantMsg: "empty file"},
		{name: "html", make: craftBytes("page.pdf", func([]byte) []byte {
			return []byte("<!DOCTYPE html>\n<html><head><title>404</title></head><body>Not found</body></html>\n")
		}), want: ErrNotPDF},
		{name: "junk-after-window", make: craftBytes("late.pdf", func(g []byte) []byte {
			return append(bytes.Repeat([]byte("junk "), 300), g...)
		}), want: ErrNotPDF},
		{name: "truncated-half", make: craftBytes("half.pdf", func(g []byte) []byte { return g[:len(g)/2] }), want: ErrCorrupt},
		{name: "truncated-header", make: craftBytes("head.pdf", func(g []byte) []byte { return g[:200] }), want: ErrCorrupt},
		{name: "leading-junk", make: craftBytes("junk.pdf", func(g []byte) []byte {
			return append(bytes.Repeat([]byte{'J'}, 300), g...)
		})},
		{name: "trailing-junk", make: craftBytes("tail.pdf", func(g []byte) []byte {
			return append(append([]byte{}, g...), bytes.Repeat([]byte("\x00garbage"), 40)...)
		})},
		{name: "broken-startxref", make: craftBytes("xref.pdf", breakStartxref)},
		{name: "shifted-offsets", make: craftBytes("shift.pdf", shiftOffsets)},
		{name: "pdf-2.0-header", make: craftBytes("v20.pdf", func(g []byte) []byte {
			out := append([]byte{}, g...)
			copy(out, "%PDF-2.0")
			return out
		})},
		{name: "rc4-40-owner", make: craftQPDF("rc4-40.pdf", "", "owner", "40")},
		{name: "rc4-128-owner", make: craftQPDF("rc4-128.pdf", "", "owner", "128", "--use-aes=n")},
		{name: "aes-128-owner", make: craftQPDF("aes-128.pdf", "", "owner", "128", "--use-aes=y")},
		{name: "aes-256-owner", make: craftQPDF("aes-256.pdf", "", "owner", "256")},
		{name: "aes-256-user-none", make: craftQPDF("user.pdf", "secret", "owner", "256"), want: ErrNeedsPassword},
		{name: "aes-256-user-wrong", make: craftQPDF("user.pdf", "secret", "owner", "256"), password: "guess", want: ErrNeedsPassword},
		{name: "aes-256-user-right", make: craftQPDF("user.pdf", "secret", "owner", "256"), password: "secret"},
		{name: "rc4-128-user-right", make: craftQPDF("user128.pdf", "secret", "owner", "128", "--use-aes=n"), password: "secret"},
		{name: "rc4-128-user-none", make: craftQPDF("user128.pdf", "secret", "owner", "128", "--use-aes=n"), want: ErrNeedsPassword},
	}
	want1 := firstPageText(t, plain, 1)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			path := tt.make(t, t.TempDir(), good)
			doc, err := Open(path, Options{Password: tt.password})
			if tt.want != nil {
				if !errors.Is(err, tt.want) {
					t.Fatalf("Open: %v, want %v", err, tt.want)
				}
				if !strings.Contains(err.Error(), tt.wantMsg) {
					t.Errorf("error %q does not say %q", err, tt.wantMsg)
				}
				return
			}
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			if doc.NumPages() != pages || doc.Info().Pages != pages {
				t.Errorf("pages %d/%d, want %d", doc.NumPages(), doc.Info().Pages, pages)
			}
			if enc := strings.Contains(tt.name, "owner") || strings.Contains(tt.name, "user"); doc.Info().Encrypted != enc {
				t.Errorf("Encrypted = %v, want %v", doc.Info().Encrypted, enc)
			}
			if got := doc.Info().Producer; got != plain.Info().Producer {
				t.Errorf("producer %q, want the original %q", got, plain.Info().Producer)
			}
			if got := firstPageText(t, doc, 1); got != want1 {
				t.Errorf("page 1 text differs from the plain file's:\n got %.80q\nwant %.80q", got, want1)
			}
		})
	}
}

func firstPageText(t *testing.T, d *Doc, n int) string {
	t.Helper()
	p, err := d.Page(n)
	if err != nil {
		t.Fatalf("page %d: %v", n, err)
	}
	var b strings.Builder
	for _, g := range p.Glyphs {
		b.WriteString(g.Text)
	}
	return b.String()
}

// TestOpenScanned builds an image-only PDF from rendered pages of the sample
// and expects ErrNoTextLayer naming those pages.
func TestOpenScanned(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not installed")
	}
	dir := t.TempDir()
	src := filepath.Join(realCorpusDir(t), craftSample)
	if out, err := exec.Command("pdftoppm", "-r", "30", "-f", "1", "-l", "3", "-png", src, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v\n%s", err, out)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "p-*.png"))
	if len(pngs) != 3 {
		t.Fatalf("pdftoppm made %d images, want 3", len(pngs))
	}
	f := fpdf.New("P", "pt", "A4", "")
	for _, png := range pngs {
		f.AddPage()
		f.ImageOptions(png, 0, 0, 595, 842, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	scan := filepath.Join(dir, "scan.pdf")
	if err := f.OutputFileAndClose(scan); err != nil {
		t.Fatal(err)
	}
	doc, err := Open(scan, Options{})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	pages, err := doc.ReadAll()
	if !errors.Is(err, ErrNoTextLayer) {
		t.Fatalf("ReadAll: %v, want ErrNoTextLayer", err)
	}
	if want := "pages 1-3 have images but no text"; !strings.Contains(err.Error(), want) {
		t.Errorf("error %q does not say %q", err, want)
	}
	if len(pages) != 3 {
		t.Errorf("%d pages, want 3", len(pages))
	}
}

// TestPageFonts checks page 1's fonts against pdffonts -f 1 -l 1, read off by
// hand (the GBK name through iconv, the CID ordering from mutool show).
func TestPageFonts(t *testing.T) {
	tests := []struct {
		file  string
		fonts []FontInfo
	}{
		{"sh-czj-2025-unit-budget.pdf", []FontInfo{
			{Name: "楷体_GB2312", Subtype: "Type0", Encoding: "Identity-H", CID: "CIDFontType2 Identity", ToUnicode: true, Embedded: true},
		}},
		{"js-swbgt-2017-narrative.pdf", []FontInfo{
			{Name: "TimesNewRomanPSMT", Subtype: "TrueType", Encoding: "WinAnsiEncoding"},
			{Name: "MicrosoftYaHei", Subtype: "Type0", Encoding: "Identity-H", CID: "CIDFontType2 Identity", ToUnicode: true, Embedded: true},
			{Name: "SimHei", Subtype: "Type0", Encoding: "Identity-H", CID: "CIDFontType2 Identity", ToUnicode: true, Embedded: true},
			{Name: "FangSong_GB2312", Subtype: "Type0", Encoding: "Identity-H", CID: "CIDFontType2 Identity", ToUnicode: true, Embedded: true},
			{Name: "SimSun", Subtype: "Type0", Encoding: "Identity-H", CID: "CIDFontType2 Identity", ToUnicode: true, Embedded: true},
		}},
	}
	for _, tt := range tests {
		path := filepath.Join(realCorpusDir(t), tt.file)
		doc, err := Open(path, Options{})
		if err != nil {
			t.Skipf("%s: %v", tt.file, err)
		}
		got, err := doc.PageFonts(1)
		if err != nil {
			t.Fatalf("%s: %v", tt.file, err)
		}
		want := map[FontInfo]bool{}
		for _, f := range tt.fonts {
			want[f] = true
		}
		for _, f := range got {
			if !want[f] {
				t.Errorf("%s: unexpected font %+v", tt.file, f)
			}
			delete(want, f)
		}
		for f := range want {
			t.Errorf("%s: missing font %+v", tt.file, f)
		}
	}
}

// TestNewReaderBytes: the in-memory reader gives the pages Open gives, glyph
// for glyph, over the real corpus, reads every page without writing into
// the caller's bytes, and holds to Limits.FileBytes.
func TestNewReaderBytes(t *testing.T) {
	for _, path := range corpusPDFs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			data, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			orig := bytes.Clone(data)
			want, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			got, err := NewReaderBytes(data, Options{})
			if err != nil {
				t.Fatalf("NewReaderBytes: %v", err)
			}
			if got.NumPages() != want.NumPages() {
				t.Fatalf("%d pages, Open gives %d", got.NumPages(), want.NumPages())
			}
			for n := 1; n <= want.NumPages(); n++ {
				wp, werr := want.Page(n)
				gp, gerr := got.Page(n)
				if (werr == nil) != (gerr == nil) || (werr == nil && !reflect.DeepEqual(wp.Glyphs, gp.Glyphs)) {
					t.Fatalf("page %d differs from Open's (errors %v, %v)", n, werr, gerr)
				}
			}
			if !bytes.Equal(data, orig) {
				t.Error("reading the pages wrote into the input bytes")
			}
		})
	}
	if _, err := NewReaderBytes(make([]byte, 2048), Options{Limits: Limits{FileBytes: 1024}}); !errors.Is(err, ErrCorrupt) {
		t.Errorf("2,048 bytes over a 1,024-byte limit: %v, want ErrCorrupt", err)
	}
}

// TestFontEviction: a Doc that may keep only one or two fonts decoded
// (letting go of the least recently used and decoding it again when asked)
// reads every page of the real corpus glyph for glyph as one that keeps
// them all, warnings included.
func TestFontEviction(t *testing.T) {
	for _, path := range corpusPDFs(t) {
		t.Run(filepath.Base(path), func(t *testing.T) {
			want, err := Open(path, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
			for _, cap := range []int{1, 2} {
				got, err := Open(path, Options{})
				if err != nil {
					t.Fatalf("Open: %v", err)
				}
				got.fontCap = cap
				for n := 1; n <= want.NumPages(); n++ {
					wp, werr := want.Page(n)
					gp, gerr := got.Page(n)
					if (werr == nil) != (gerr == nil) {
						t.Fatalf("cap %d, page %d: errors %v and %v", cap, n, werr, gerr)
					}
					if werr == nil && (!reflect.DeepEqual(wp.Glyphs, gp.Glyphs) || !reflect.DeepEqual(wp.Warnings, gp.Warnings)) {
						t.Fatalf("cap %d, page %d differs from the uncapped Doc's", cap, n)
					}
				}
				if len(got.used) > cap {
					t.Errorf("cap %d: %d fonts kept", cap, len(got.used))
				}
			}
		})
	}
}
