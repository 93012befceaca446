package extract

import (
	"errors"
	"html"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// realCorpus lists the published PDFs shared next to the repository and
// the fixture PDFs with their variants.
func realCorpus(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "real", "*.pdf"))
	fx, _ := filepath.Glob(filepath.Join("..", "fixtures", "pdf", "*.pdf"))
	vx, _ := filepath.Glob(filepath.Join("..", "fixtures", "pdf", "variants", "*.pdf"))
	files = append(append(files, fx...), vx...)
	if len(files) == 0 {
		t.Skip("no real corpus at ../../shared/corpus/real")
	}
	return files
}

func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == 0xa0 || r == 0x3000 {
			return -1
		}
		return r
	}, s)
}

// runeMatch is the share of runes two texts have in common (as multisets),
// relative to the longer one. It ignores order: reading order is layout's
// business, the extractor's is the characters.
func runeMatch(a, b string) (float64, int) {
	ca := map[rune]int{}
	na, nb := 0, 0
	for _, r := range a {
		ca[r]++
		na++
	}
	common := 0
	for _, r := range b {
		nb++
		if ca[r] > 0 {
			ca[r]--
			common++
		}
	}
	n := max(na, nb)
	if n == 0 {
		return 1, 0
	}
	return float64(common) / float64(n), n - common
}

// TestRealCorpusText checks every page of the real corpus: no U+FFFD or
// private-use runes, and the same characters as pdftotext -raw.
func TestRealCorpusText(t *testing.T) {
	files := realCorpus(t)
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext not installed")
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			doc, err := Open(file, Options{})
			if err != nil {
				if strings.Contains(file, "fixtures") && (errors.Is(err, ErrNeedsPassword) || errors.Is(err, ErrCorrupt) || errors.Is(err, ErrNotPDF)) {
					t.Skipf("Open: %v (a broken or locked fixture variant)", err)
				}
				t.Fatalf("Open: %v", err)
			}
			out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", file, "-").Output()
			if err != nil {
				t.Skipf("pdftotext cannot read it (%v): nothing to compare", err)
			}
			want := strings.Split(string(out), "\f")
			common, total, exact := 0.0, 0.0, 0
			for n := 1; n <= doc.NumPages(); n++ {
				p, err := doc.Page(n)
				if err != nil {
					t.Errorf("page %d: %v", n, err)
					continue
				}
				var b strings.Builder
				for _, g := range p.Glyphs {
					for _, r := range g.Text {
						if r == 0xfffd || unicode.Is(unicode.Co, r) {
							t.Errorf("page %d: glyph %q has rune %U", n, g.Text, r)
						}
					}
					b.WriteString(g.Text)
				}
				got := squeeze(b.String())
				w := ""
				if n-1 < len(want) {
					w = squeeze(want[n-1])
				}
				ratio, miss := runeMatch(got, w)
				if ratio < 0.99 {
					// pdftotext ignores clipping: drop the words it shows
					// that poppler's renderer leaves unpainted.
					hidden := unpaintedWords(t, file, n, got)
					for _, h := range hidden {
						w = strings.Replace(w, h, "", 1)
					}
					if len(hidden) > 0 {
						t.Logf("page %d: %d words from pdftotext are not painted (clipped): %q", n, len(hidden), hidden)
						ratio, miss = runeMatch(got, w)
					}
				}
				size := float64(max(len([]rune(got)), len([]rune(w))))
				common += ratio * size
				total += size
				if got == w {
					exact++
				}
				if ratio < 0.99 {
					t.Logf("page %d: match %.3f (%d runes differ); only ours %q, only pdftotext %q", n, ratio, miss, runeDiff(got, w), runeDiff(w, got))
				}
				for _, wr := range p.Warnings {
					t.Logf("page %d warning: %s %s", n, wr.Code, wr.Message)
				}
			}
			ratio := 1.0
			if total > 0 {
				ratio = common / total
			}
			t.Logf("%s: %d pages, rune match %.4f, %d pages identical in order", filepath.Base(file), doc.NumPages(), ratio, exact)
			if ratio < 0.99 {
				t.Errorf("%s: rune match %.4f < 0.99", filepath.Base(file), ratio)
			}
		})
	}
}

var wordRE = regexp.MustCompile(`<word xMin="([-0-9.]+)" yMin="([-0-9.]+)" xMax="([-0-9.]+)" yMax="([-0-9.]+)">([^<]*)</word>`)

// unpaintedWords returns the words pdftotext -bbox finds on a page that are
// missing from got and that Ghostscript renders as blank (no dark pixel in
// the word's box when only text is drawn).
func unpaintedWords(t *testing.T, file string, page int, got string) []string {
	pg := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-bbox", "-f", pg, "-l", pg, file, "-").Output()
	if err != nil {
		return nil
	}
	dir := t.TempDir()
	const dpi = 72
	// Ghostscript draws the page's text alone (clipped as a viewer clips
	// it), so that rulings and images under a word do not count as paint.
	if err := exec.Command("gs", "-q", "-sDEVICE=pgmraw", "-r"+strconv.Itoa(dpi), "-dFILTERVECTOR", "-dFILTERIMAGE",
		"-dFirstPage="+pg, "-dLastPage="+pg, "-o", filepath.Join(dir, "p.pgm"), file).Run(); err != nil {
		return nil
	}
	img, err := os.ReadFile(filepath.Join(dir, "p.pgm"))
	if err != nil {
		return nil
	}
	w, h, hdr := pgmHeader(img)
	pix := img[hdr:]
	if w == 0 || len(pix) < w*h {
		return nil
	}
	var hidden []string
	for _, m := range wordRE.FindAllStringSubmatch(string(out), -1) {
		word := squeeze(html.UnescapeString(m[5]))
		if word == "" {
			continue
		}
		if strings.Contains(got, word) {
			got = strings.Replace(got, word, "\x00", 1) // each copy is found once
			continue
		}
		var box [4]float64
		for i := range box {
			box[i], _ = strconv.ParseFloat(m[i+1], 64)
			box[i] *= dpi / 72.0
		}
		dark := false
		// the middle half of the box: lines above and below may overlap it
		q := (box[3] - box[1]) / 4
		for y := max(0, int(box[1]+q)); y < min(h, int(box[3]-q)); y++ {
			row := pix[y*w : y*w+w]
			for x := max(0, int(box[0])+1); x < min(w, int(box[2])); x++ {
				if row[x] < 200 {
					dark = true
				}
			}
		}
		if !dark {
			hidden = append(hidden, word)
		}
	}
	return hidden
}

// runeDiff returns the runes of a that b lacks (as multisets).
func runeDiff(a, b string) string {
	cb := map[rune]int{}
	for _, r := range b {
		cb[r]++
	}
	var out []rune
	for _, r := range a {
		if cb[r] > 0 {
			cb[r]--
			continue
		}
		out = append(out, r)
	}
	return string(out)
}

// pgmHeader parses a binary PGM header (comments allowed) and returns the
// width, height and the offset of the pixels; width 0 when it is not one.
func pgmHeader(img []byte) (w, h, off int) {
	if len(img) < 2 || string(img[:2]) != "P5" {
		return 0, 0, 0
	}
	var nums []int
	i := 2
	for len(nums) < 3 && i < len(img) {
		switch c := img[i]; {
		case c == '#':
			for i < len(img) && img[i] != '\n' {
				i++
			}
		case c >= '0' && c <= '9':
			v := 0
			for i < len(img) && img[i] >= '0' && img[i] <= '9' {
				v = v*10 + int(img[i]-'0')
				i++
			}
			nums = append(nums, v)
			continue
		}
		i++
	}
	if len(nums) < 3 {
		return 0, 0, 0
	}
	return nums[0], nums[1], i + 1 // one white space byte follows the maximum
}
