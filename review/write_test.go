package review

import (
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

func TestWrite(t *testing.T) {
	doc, g := sample()
	doc.Source.Pages = 9
	doc.Tables[1].Kind = schema.TableUnknown
	doc.Checks = []schema.Check{
		{Rule: "subject_tree", Table: doc.Tables[0].Kind, Status: schema.StatusFail, Pages: []int{7}, Message: "total: 20113 = 20.00 but Σ20113xx = 20.01 <b>"},
		{Rule: "row_total", Table: doc.Tables[0].Kind, Status: schema.StatusPass},
		{Rule: "subject_tree", Table: doc.Tables[0].Kind, Status: schema.StatusWarn, Pages: []int{7}, Message: "basic: 201 = 20.00 but Σ201xx = 20.01, within rounding"},
	}
	clean := &schema.Document{Source: schema.Source{Pages: 1}}
	dir := t.TempDir()
	index, err := Write(dir, []Input{
		{Path: "clean.pdf", Doc: clean},
		{Path: "some/bad.pdf", Doc: doc, Geometry: *g},
		{Path: "broken.pdf", Code: "corrupt", Err: "truncated"},
	}, Options{Pages: func(n int) bool { return n == 7 }})
	if err != nil {
		t.Fatal(err)
	}
	ib, _ := os.ReadFile(index)
	order := regexp.MustCompile(`<tr class="doc[^"]*" data-file="([^"]+)"`).FindAllStringSubmatch(string(ib), -1)
	var files []string
	for _, m := range order {
		files = append(files, m[1])
	}
	if strings.Join(files, " ") != "broken.pdf some/bad.pdf clean.pdf" {
		t.Errorf("index order %v, want the error, then the faulty, then the clean one", files)
	}
	pb, err := os.ReadFile(filepath.Join(dir, "bad", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	page := string(pb)
	for _, want := range []string{
		`id="table-0"`, `id="table-1" data-table="1" data-kind="unknown"`, // every table, drawn or not
		`<li class="check fail" id="check-0"`, `Σ20113xx = 20.01 &lt;b&gt;`, // the failing check, escaped
		`id="page-7"`, `<g class="mark fail" data-check="0">`, // page 7 drawn with the mark
		`subject_code = 20113 (row 2)`, // a parsed value on hover
		`Problems on pages:`, `unknown T2`,
		`<li class="check warn" id="check-2"`, `<g class="mark warn" data-check="2">`, // the warned check, listed and drawn
	} {
		if !strings.Contains(page, want) {
			t.Errorf("document page lacks %q", want)
		}
	}
	if strings.Contains(page, `id="check-1"`) {
		t.Error("a passing check is listed as failing")
	}
	if strings.Contains(page, `id="page-6"`) {
		t.Error("page 6 drawn though not chosen")
	}
}

func TestRender(t *testing.T) {
	r, err := FindRasterizer()
	if err != nil {
		t.Skip(err)
	}
	pdf := filepath.Join("..", "fixtures", "pdf", "luliang-2023-calc.pdf")
	files, err := r.Render(pdf, "", 2, 3, 36, t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != 2 || files[2] == "" || files[3] == "" {
		t.Fatalf("rendered %v", files)
	}
	// Page 2 is A4 upright (595 × 842 pt), page 3 A4 landscape (pdfinfo):
	// about 298 × 421 and 421 × 298 pixels at 36 dpi.
	for n, want := range map[int][2]int{2: {298, 421}, 3: {421, 298}} {
		f, err := os.Open(files[n])
		if err != nil {
			t.Fatal(err)
		}
		cfg, err := png.DecodeConfig(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if abs(cfg.Width-want[0]) > 3 || abs(cfg.Height-want[1]) > 3 {
			t.Errorf("%s page %d: %d × %d pixels, want %d × %d", r.Tool, n, cfg.Width, cfg.Height, want[0], want[1])
		}
	}
	if _, err := r.Render("no-such.pdf", "", 1, 1, 36, t.TempDir()); err == nil {
		t.Error("a missing file rendered")
	}
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
