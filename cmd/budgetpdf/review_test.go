package main

import (
	"bytes"
	"context"
	"fmt"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/review"
	"github.com/budgetpdf/budgetpdf/schema"
	"golang.org/x/net/html"
	"gopkg.in/yaml.v3"
)

// chromiumFlags run headless Chromium without a profile, network or GPU.
func chromiumFlags(t *testing.T) []string {
	return []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir()}
}

func chromium(t *testing.T, args ...string) []byte {
	t.Helper()
	bin, err := exec.LookPath("chromium")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append(chromiumFlags(t), args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %v: %v\n%s", args, err, stderr.String())
	}
	return stdout.Bytes()
}

// reviewArtifacts is where the browser test keeps its reports and
// screenshots: $REVIEW_ARTIFACTS, else a new temporary folder that is left
// in place (its path is logged).
func reviewArtifacts(t *testing.T) string {
	dir := os.Getenv("REVIEW_ARTIFACTS")
	if dir == "" {
		d, err := os.MkdirTemp("", "budgetpdf-review-")
		if err != nil {
			t.Fatal(err)
		}
		dir = d
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("review reports and screenshots kept in %s", dir)
	return dir
}

// firstMatch returns the first file of dir whose name contains part.
func firstMatch(t *testing.T, dir, part string) string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Skipf("%s: %v", dir, err)
	}
	for _, e := range entries {
		if strings.Contains(e.Name(), part) && strings.HasSuffix(strings.ToLower(e.Name()), ".pdf") {
			return filepath.Join(dir, e.Name())
		}
	}
	t.Skipf("no %s file in %s", part, dir)
	return ""
}

// TestReviewBrowser writes the review report of a fixture, a Beijing 报表
// and a Chongqing file with unknown tables, loads each in headless
// Chromium, keeps a screenshot, and checks from the DOM that every table,
// form, failing and warned check and warning of the document is there and that the
// drawn pages carry their grids, values and marks.
func TestReviewBrowser(t *testing.T) {
	if _, err := exec.LookPath("chromium"); err != nil {
		t.Skip("chromium is not installed (make deps installs it): the review report is not tested in a browser")
	}
	root := moduleRoot(t)
	art := reviewArtifacts(t)
	cases := []struct {
		name  string
		path  func(t *testing.T) string
		truth string // fixture truth, written by the generator
	}{
		{"fixture", func(*testing.T) string { return filepath.Join(root, "fixtures/pdf/luliang-2023-calc.pdf") }, filepath.Join(root, "fixtures/truth/luliang-2023-calc.yaml")},
		{"beijing", func(t *testing.T) string {
			return firstMatch(t, filepath.Join(nationalDir, "002_北京"), "重大项目建设指挥部办公室2026年度部门预算报表")
		}, ""},
		{"chongqing", func(t *testing.T) string {
			return firstMatch(t, filepath.Join(nationalDir, "004_重庆"), "商务委员会")
		}, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path(t)
			doc, geom, err := reviewRead(path, noOpts)
			if err != nil {
				t.Fatal(err)
			}
			pages := reviewPages(doc, geom)
			spec := make([]string, len(pages))
			for i, p := range pages {
				spec[i] = strconv.Itoa(p)
			}
			out := filepath.Join(art, tc.name)
			os.RemoveAll(out)
			var stdout, stderr bytes.Buffer
			if code := run([]string{"review", path, "-o", out, "--pages", strings.Join(spec, ","), "--dpi", "80"}, &stdout, &stderr); code != 0 {
				t.Fatalf("review exit %d: %s", code, stderr.String())
			}
			index := filepath.Join(out, "index.html")
			idom := parseHTML(t, chromium(t, "--dump-dom", "file://"+index))
			links := findAll(idom, func(n *html.Node) bool { return n.Data == "a" && hasClass(parent(parent(n)), "doc") })
			if len(links) != 1 {
				t.Fatalf("index lists %d documents, want 1", len(links))
			}
			page := filepath.Join(out, decodeHref(t, attr(links[0], "href")))
			shot := filepath.Join(art, tc.name+".png")
			chromium(t, "--hide-scrollbars", "--window-size=1400,1600", "--screenshot="+shot, "file://"+page)
			if fi, err := os.Stat(shot); err != nil || fi.Size() < 10000 {
				t.Fatalf("screenshot %s: %v", shot, err)
			}
			t.Logf("screenshot %s (pages %s)", shot, strings.Join(spec, ","))
			dom := parseHTML(t, chromium(t, "--dump-dom", "file://"+page))
			checkReviewDOM(t, dom, doc, geom, pages, filepath.Dir(page))
			if tc.truth != "" {
				checkAgainstTruth(t, dom, tc.truth, pages)
			}
			// Independent of the report: `budgetpdf check` lists the same failures.
			var rep, rerr bytes.Buffer
			run([]string{"check", path}, &rep, &rerr)
			fails := strings.Count(rep.String(), ": FAIL ")
			if got := len(findAll(dom, func(n *html.Node) bool { return hasClass(n, "check") && hasClass(n, "fail") })); got != fails {
				t.Errorf("report lists %d failing checks, budgetpdf check %d", got, fails)
			}
		})
	}
}

var noOpts = pipeline.Options{}

// reviewPages picks a few pages worth drawing: the one with the most
// marks, and the first page of the first unknown table, of the first
// table with unnamed columns, of the first failing check, of the first table and of the first table printed on one
// page (at most 5).
func reviewPages(doc *schema.Document, geom review.Geometry) []int {
	var pages []int
	// The page with the most checks and warnings drawn on it.
	marks := map[int]map[[2]int]bool{}
	most := 0
	for _, m := range review.Marks(doc, &geom) {
		if marks[m.Page] == nil {
			marks[m.Page] = map[[2]int]bool{}
		}
		marks[m.Page][[2]int{boolToInt(m.Warning), m.Index}] = true
		if len(marks[m.Page]) > len(marks[most]) || len(marks[m.Page]) == len(marks[most]) && m.Page < most {
			most = m.Page
		}
	}
	if most > 0 {
		pages = append(pages, most)
	}
	add := func(p []int) {
		if len(p) > 0 && !slices.Contains(pages, p[0]) && len(pages) < 5 {
			pages = append(pages, p[0])
		}
	}
	for _, t := range doc.Tables {
		if t.Kind == schema.TableUnknown {
			add(t.Pages)
			break
		}
	}
	for _, t := range doc.Tables {
		if t.Kind != schema.TableUnknown && slices.ContainsFunc(t.Columns, func(c schema.Column) bool { return strings.HasPrefix(c.Key, "col_") }) {
			add(t.Pages)
			break
		}
	}
	for _, c := range doc.Checks {
		if c.Status == schema.StatusFail {
			add(c.Pages)
			break
		}
	}
	if len(doc.Tables) > 0 {
		add(doc.Tables[0].Pages)
	}
	for _, t := range doc.Tables {
		if len(t.Pages) == 1 && len(t.Rows) > 3 {
			add(t.Pages)
			break
		}
	}
	slices.Sort(pages)
	return pages
}

// checkReviewDOM compares the loaded report with the document's own lists.
func checkReviewDOM(t *testing.T, dom *html.Node, doc *schema.Document, geom review.Geometry, pages []int, dir string) {
	t.Helper()
	sections := findAll(dom, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "table") })
	if len(sections) != len(doc.Tables) {
		t.Errorf("%d table sections, document has %d tables", len(sections), len(doc.Tables))
	}
	for i, tb := range doc.Tables {
		s := byID(dom, fmt.Sprintf("table-%d", i))
		if s == nil {
			t.Errorf("table %d (%s) missing", i, tb.Title)
			continue
		}
		if attr(s, "data-kind") != tb.Kind || attr(s, "data-rows") != strconv.Itoa(len(tb.Rows)) {
			t.Errorf("table %d: kind %s rows %s, want %s %d", i, attr(s, "data-kind"), attr(s, "data-rows"), tb.Kind, len(tb.Rows))
		}
		if got := len(findAll(s, func(n *html.Node) bool { return n.Data == "tr" && n.Parent.Data == "tbody" })); got != len(tb.Rows) {
			t.Errorf("table %d: %d HTML rows, want %d", i, got, len(tb.Rows))
		}
	}
	if got := len(findAll(dom, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "form") })); got != len(doc.PerformanceForms) {
		t.Errorf("%d forms shown, document has %d", got, len(doc.PerformanceForms))
	}
	failing, warned := 0, 0
	for i, c := range doc.Checks {
		switch c.Status {
		case schema.StatusFail:
			failing++
		case schema.StatusWarn:
			warned++
		default:
			continue
		}
		li := byID(dom, fmt.Sprintf("check-%d", i))
		if li == nil {
			t.Errorf("%s check %d missing: %s", c.Status, i, c.Message)
			continue
		}
		msg := findAll(li, func(n *html.Node) bool { return hasClass(n, "msg") })
		if len(msg) != 1 || text(msg[0]) != c.Message {
			t.Errorf("check %d: message %q, want %q", i, text(li), c.Message)
		}
	}
	if got := len(findAll(dom, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "check") && hasClass(n, "fail") })); got != failing {
		t.Errorf("%d failing checks listed, want %d", got, failing)
	}
	if got := len(findAll(dom, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "check") && hasClass(n, "warn") })); got != warned {
		t.Errorf("%d warned checks listed, want %d", got, warned)
	}
	if got := len(findAll(dom, func(n *html.Node) bool { return n.Data == "li" && hasClass(n, "warning") })); got != len(doc.Warnings) {
		t.Errorf("%d warnings listed, want %d", got, len(doc.Warnings))
	}
	// The drawn pages: each with its image, its grids and its marks.
	divs := findAll(dom, func(n *html.Node) bool { return n.Data == "div" && hasClass(n, "page") })
	if len(divs) != len(pages) {
		t.Errorf("%d pages drawn, want %d (%v)", len(divs), len(pages), pages)
	}
	_, rasterErr := review.FindRasterizer()
	marks := review.Marks(doc, &geom)
	for _, n := range pages {
		div := byID(dom, fmt.Sprintf("page-%d", n))
		if div == nil {
			t.Errorf("page %d not drawn", n)
			continue
		}
		if rasterErr == nil {
			imgs := findAll(div, func(x *html.Node) bool { return x.Data == "image" })
			if len(imgs) != 1 {
				t.Errorf("page %d: %d images", n, len(imgs))
			} else if _, err := os.Stat(filepath.Join(dir, attr(imgs[0], "href"))); err != nil {
				t.Errorf("page %d: %v", n, err)
			}
		}
		p := pageOf(geom, n)
		for _, g := range p.Grids {
			found := findAll(div, func(x *html.Node) bool {
				return x.Data == "g" && hasClass(x, "grid") && attr(x, "data-table") == strconv.Itoa(g.Table)
			})
			if len(found) == 0 {
				t.Errorf("page %d: grid of table %d not drawn", n, g.Table)
				continue
			}
			if g.Table >= 0 && doc.Tables[g.Table].Kind == schema.TableUnknown && !hasClass(found[0], "unknown") {
				t.Errorf("page %d: unknown table %d not marked unknown", n, g.Table)
			}
			if g.Table >= 0 && g.First != n {
				links := findAll(found[0], func(x *html.Node) bool { return x.Data == "a" && attr(x, "href") == fmt.Sprintf("#page-%d", g.First) })
				if len(links) == 0 {
					t.Errorf("page %d: continuation of table %d not linked to page %d", n, g.Table, g.First)
				}
			}
			rects := findAll(found[0], func(x *html.Node) bool { return x.Data == "rect" && hasClass(x, "cell") })
			if len(rects) != len(g.Cells) {
				t.Errorf("page %d table %d: %d cells drawn, want %d", n, g.Table, len(rects), len(g.Cells))
			}
		}
		for _, m := range marks {
			if m.Page != n {
				continue
			}
			a, v := "data-check", m.Index
			if m.Warning {
				a = "data-warning"
			}
			if len(findAll(div, func(x *html.Node) bool { return x.Data == "g" && hasClass(x, "mark") && attr(x, a) == strconv.Itoa(v) })) == 0 {
				t.Errorf("page %d: %s %d not drawn", n, a, v)
			}
		}
	}
}

func pageOf(g review.Geometry, n int) review.Page {
	for _, p := range g.Pages {
		if p.Number == n {
			return p
		}
	}
	return review.Page{}
}

// checkAgainstTruth compares the report with the generator's truth: the
// tables' kinds in order, the forms, and on the drawn pages the parsed
// value of every cell of each table printed there in whole.
func checkAgainstTruth(t *testing.T, dom *html.Node, truthFile string, pages []int) {
	t.Helper()
	data, err := os.ReadFile(truthFile)
	if err != nil {
		t.Fatal(err)
	}
	var truth schema.Document
	if err := yaml.Unmarshal(data, &truth); err != nil {
		t.Fatal(err)
	}
	sections := findAll(dom, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "table") })
	kinds := make([]string, len(sections))
	for _, s := range sections {
		i, err := strconv.Atoi(attr(s, "data-table"))
		if err != nil || i < 0 || i >= len(kinds) {
			t.Fatalf("table section %q", attr(s, "data-table"))
		}
		kinds[i] = attr(s, "data-kind")
	}
	var want []string
	for _, tb := range truth.Tables {
		want = append(want, tb.Kind)
	}
	if !slices.Equal(kinds, want) {
		t.Errorf("table kinds %v, truth %v", kinds, want)
	}
	if got := len(findAll(dom, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "form") })); got != len(truth.PerformanceForms) {
		t.Errorf("%d forms, truth %d", got, len(truth.PerformanceForms))
	}
	checked := 0
	for ti, tb := range truth.Tables {
		if len(tb.Pages) != 1 || !slices.Contains(pages, tb.Pages[0]) {
			continue
		}
		div := byID(dom, fmt.Sprintf("page-%d", tb.Pages[0]))
		titles := map[string]bool{}
		for _, g := range findAll(div, func(n *html.Node) bool { return n.Data == "g" && attr(n, "data-table") == strconv.Itoa(ti) }) {
			for _, tl := range findAll(g, func(n *html.Node) bool { return n.Data == "title" }) {
				s, _, _ := strings.Cut(text(tl), ";")
				titles[s] = true
			}
		}
		for ri, r := range tb.Rows {
			for _, c := range r {
				if c.Value == nil {
					continue
				}
				s := fmt.Sprintf("%s = %s (row %d)", c.Key, *c.Value, ri)
				if !titles[s] {
					t.Errorf("page %d table %d: no cell shows %q", tb.Pages[0], ti, s)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Errorf("no truth cell on the drawn pages %v", pages)
	}
}

func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return n
}

func findAll(n *html.Node, f func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && f(n) {
			out = append(out, n)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	if n != nil {
		walk(n)
	}
	return out
}

func byID(n *html.Node, id string) *html.Node {
	found := findAll(n, func(x *html.Node) bool { return attr(x, "id") == id })
	if len(found) == 0 {
		return nil
	}
	return found[0]
}

func attr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	return n != nil && slices.Contains(strings.Fields(attr(n, "class")), c)
}

func parent(n *html.Node) *html.Node {
	if n == nil {
		return nil
	}
	return n.Parent
}

func text(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	return b.String()
}

func decodeHref(t *testing.T, href string) string {
	s, err := url.PathUnescape(href)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestReviewInputs: a text dump gives its tables and forms without pages
// (the seed prints 13 tables and 22 forms, TestSeedTextDump); a file that
// is not a PDF is listed in the index with its code and gives its exit
// code alone, 1 beside a good file; bad arguments are usage errors.
func TestReviewInputs(t *testing.T) {
	root := moduleRoot(t)
	dir := t.TempDir()
	var stdout, stderr bytes.Buffer
	seed := filepath.Join(root, "seeds", "luliang-swbgs-2023-budget.txt")
	if code := run([]string{"review", seed, "-o", filepath.Join(dir, "seed")}, &stdout, &stderr); code != 0 {
		t.Fatalf("seed: exit %d: %s", code, stderr.String())
	}
	page, err := os.ReadFile(filepath.Join(dir, "seed", "luliang-swbgs-2023-budget", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(page), `<section class="table`); n != 13 {
		t.Errorf("seed: %d tables shown, want 13", n)
	}
	if n := strings.Count(string(page), `<section class="form"`); n != 22 {
		t.Errorf("seed: %d forms shown, want 22", n)
	}
	if strings.Contains(string(page), `<div class="page`) {
		t.Error("seed: a text dump's page drawn")
	}
	bad := write(t, dir, "bad.pdf", []byte("hello\n"))
	good := filepath.Join(root, "fixtures/pdf/jinchuan-edu-2024-fpdf.pdf")
	for _, tc := range []struct {
		args []string
		exit int
	}{
		{[]string{"review", bad, "-o", filepath.Join(dir, "bad")}, exitNotPDF},
		{[]string{"review", bad, good, "-o", filepath.Join(dir, "both"), "--pages", "3"}, 1},
		{[]string{"review", bad}, exitUsage},
		{[]string{"review", good, "-o", dir, "--pages", "3-1"}, exitUsage},
		{[]string{"review", good, "-o", dir, "--dpi", "0"}, exitUsage},
		{[]string{"review", good, "-o", dir, "--bogus"}, exitUsage},
	} {
		stderr.Reset()
		if code := run(tc.args, &stdout, &stderr); code != tc.exit {
			t.Errorf("%v: exit %d, want %d (%s)", tc.args[1:], code, tc.exit, stderr.String())
		}
		if tc.exit != 1 && strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%v: stderr %q, want one line", tc.args[1:], stderr.String())
		}
	}
	index, err := os.ReadFile(filepath.Join(dir, "both", "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(index), "not_pdf") || !strings.Contains(string(index), "jinchuan-edu-2024-fpdf/index.html") {
		t.Errorf("index lacks the failure or the good file")
	}
}

func boolToInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
