package main

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/go-pdf/fpdf"
)

// The exit numbers of the output contract's "Failures" table, written
// here from the contract (docs), not from pipeline/errors.go.
const (
	exitInternal    = 1
	exitUsage       = 2
	exitNotPDF      = 3
	exitCorrupt     = 4
	exitNeedsPasswd = 5
	exitNoText      = 6
)

// nationalDir holds the national corpus, beside the repository.
const nationalDir = "../../../shared/corpus/national"

// moduleRoot is the directory holding go.mod.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		if filepath.Dir(dir) == dir {
			t.Fatal("go.mod not found")
		}
		dir = filepath.Dir(dir)
	}
}

// realPDF returns a file of the real corpus (../shared/corpus/real from the
// module root), skipping the test when it is absent.
func realPDF(t *testing.T, name string) string {
	t.Helper()
	path := filepath.Join(moduleRoot(t), "..", "shared", "corpus", "real", name)
	if _, err := os.Stat(path); err != nil {
		t.Skipf("real corpus: %v", err)
	}
	return path
}

func write(t *testing.T, dir, name string, b []byte) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// scanPDF writes a two-page PDF whose pages are only images.
func scanPDF(t *testing.T, dir string) string {
	t.Helper()
	img := image.NewGray(image.Rect(0, 0, 40, 60))
	for i := range img.Pix {
		img.Pix[i] = uint8(i * 7)
	}
	img.Set(1, 1, color.Black)
	var buf bytes.Buffer
	if err := png.Encode(&buf, img); err != nil {
		t.Fatal(err)
	}
	f := fpdf.New("P", "pt", "A4", "")
	for i := 0; i < 2; i++ {
		f.AddPage()
		f.RegisterImageOptionsReader("scan", fpdf.ImageOptions{ImageType: "PNG"}, bytes.NewReader(buf.Bytes()))
		f.ImageOptions("scan", 0, 0, 595, 842, false, fpdf.ImageOptions{ImageType: "PNG"}, 0, "")
	}
	path := filepath.Join(dir, "scan.pdf")
	if err := f.OutputFileAndClose(path); err != nil {
		t.Fatal(err)
	}
	return path
}

// userPasswordPDF encrypts a real file with the user password "secret".
func userPasswordPDF(t *testing.T, dir string) string {
	t.Helper()
	if _, err := exec.LookPath("qpdf"); err != nil {
		t.Skip("qpdf not installed")
	}
	out := filepath.Join(dir, "locked.pdf")
	src := realPDF(t, "js-swbgt-2019-tables.pdf")
	if msg, err := exec.Command("qpdf", "--encrypt", "secret", "owner", "256", "--", src, out).CombinedOutput(); err != nil {
		t.Fatalf("qpdf: %v\n%s", err, msg)
	}
	return out
}

func TestFailures(t *testing.T) {
	dir := t.TempDir()
	good := realPDF(t, "js-swbgt-2019-tables.pdf")
	goodBytes, err := os.ReadFile(good)
	if err != nil {
		t.Fatal(err)
	}
	html := write(t, dir, "page.pdf", []byte("<html><body>404</body></html>\n"))
	dump := write(t, dir, "dump.txt", []byte("部门预算公开\n"))
	trunc := write(t, dir, "trunc.pdf", goodBytes[:len(goodBytes)/3])
	empty := write(t, dir, "empty.pdf", nil)
	tests := []struct {
		name string
		args []string
		exit int
		line string // regexp the single stderr line must match
	}{
		{"no-args", nil, 2, `^budgetpdf: usage: `},
		{"unknown-command", []string{"frobnicate"}, 2, `^budgetpdf: usage: unknown command "frobnicate"`},
		{"inspect-no-file", []string{"inspect"}, 2, `^budgetpdf: usage: inspect takes one FILE, got 0$`},
		{"bad-flag", []string{"inspect", good, "--pages", "3"}, 2, `^budgetpdf: usage: .*pages`},
		{"page-out-of-range", []string{"inspect", good, "--page", "99"}, 2, `^budgetpdf: ".*": usage: --page 99: the document has 12 pages$`},
		{"missing-file", []string{"inspect", filepath.Join(dir, "nope.pdf")}, 2, `^budgetpdf: ".*nope.pdf": usage: .*no such file`},
		{"directory", []string{"inspect", dir}, 2, `^budgetpdf: ".*": usage: .*is a directory$`},
		{"html", []string{"inspect", html}, 3, `^budgetpdf: ".*page.pdf": not_pdf: no %PDF- header`},
		{"text-dump", []string{"inspect", dump}, 3, `^budgetpdf: ".*dump.txt": not_pdf: `},
		{"empty", []string{"inspect", empty}, 3, `^budgetpdf: ".*empty.pdf": not_pdf: empty file$`},
		{"truncated", []string{"inspect", trunc}, 4, `^budgetpdf: ".*trunc.pdf": corrupt: truncated`},
		{"needs-password", []string{"inspect", userPasswordPDF(t, dir)}, 5, `^budgetpdf: ".*locked.pdf": needs_password: no password given$`},
		{"wrong-password", []string{"inspect", "--password", "guess", userPasswordPDF(t, dir)}, 5, `^budgetpdf: ".*locked.pdf": needs_password: the given password is wrong$`},
		{"scanned", []string{"inspect", scanPDF(t, dir)}, 6, `^budgetpdf: ".*scan.pdf": no_text_layer: pages 1-2 have images but no text$`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			exit := run(tt.args, &stdout, &stderr)
			if exit != tt.exit {
				t.Errorf("exit %d, want %d (stderr %q)", exit, tt.exit, stderr.String())
			}
			lines := strings.Split(strings.TrimSuffix(stderr.String(), "\n"), "\n")
			if len(lines) != 1 || !strings.HasSuffix(stderr.String(), "\n") {
				t.Fatalf("stderr is not one line: %q", stderr.String())
			}
			if !regexp.MustCompile(tt.line).MatchString(lines[0]) {
				t.Errorf("stderr %q does not match %s", lines[0], tt.line)
			}
		})
	}
}

func TestInspect(t *testing.T) {
	good := realPDF(t, "js-swbgt-2019-tables.pdf")
	var stdout, stderr bytes.Buffer
	if exit := run([]string{"inspect", good}, &stdout, &stderr); exit != 0 {
		t.Fatalf("exit %d: %s", exit, stderr.String())
	}
	if stderr.Len() != 0 {
		t.Errorf("stderr not empty (not a terminal): %q", stderr.String())
	}
	out := stdout.String()
	// Truth from pdfinfo and the corpus manifest: 12 pages, A3 (842x1191),
	// /Rotate 90 on all but pages 6, 8 and 12.
	for _, want := range []string{
		`file ` + strconv.Quote(good) + `: 12 pages, producer "Acrobat Distiller 7.0 (Windows)", creator "PScript5.dll Version 5.2", encrypted no`,
		"\npage 1: 1191x842 pt, rotate 90, ",
		"\npage 6: 842x1191 pt, rotate 0, ",
		"\npage 12: ",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("inspect output lacks %q:\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\npage "); n != 12 {
		t.Errorf("%d page lines, want 12", n)
	}
	// pdffonts -f 1 -l 1: one font, SimSun, CID TrueType, Identity-H,
	// embedded, with ToUnicode.
	if !regexp.MustCompile(`\npage 1: .*\n  font "SimSun" \(Type0 CIDFontType2 [^,]*, Identity-H, ToUnicode, embedded\): \d+ glyphs, size [\d./]+ pt\n(  .*\n)*page 2:`).MatchString(out) {
		t.Errorf("no font line for page 1:\n%s", out)
	}
}

func TestInspectSVG(t *testing.T) {
	good := realPDF(t, "js-swbgt-2019-tables.pdf")
	out := filepath.Join(t.TempDir(), "p6.svg")
	var stdout, stderr bytes.Buffer
	if exit := run([]string{"inspect", good, "--page", "6", "--svg", out}, &stdout, &stderr); exit != 0 {
		t.Fatalf("exit %d: %s", exit, stderr.String())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	if !strings.Contains(s, `viewBox="0 0 842 1191"`) || strings.Count(s, "<text ") < 10 {
		t.Errorf("SVG of page 6 lacks the page box or the glyphs:\n%.400s", s)
	}
	if !strings.Contains(stdout.String(), "page 6: 842x1191 pt") || !strings.Contains(stdout.String(), "wrote "+strconv.Quote(out)) {
		t.Errorf("stdout:\n%s", stdout.String())
	}
}
