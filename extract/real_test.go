package extract

import (
	"fmt"
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

// realCorpus lists the published PDFs shared next to the repository.
func realCorpus(t testing.TB) []string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "corpus", "real", "*.pdf"))
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
			out, err := exec.Command("pdftotext", "-raw", "-enc", "UTF-8", file, "-").Output()
			if err != nil {
				t.Fatalf("pdftotext: %v", err)
			}
			want := strings.Split(string(out), "\f")
			doc, err := Open(file, Options{})
			if err != nil {
				t.Fatalf("Open: %v", err)
			}
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
					t.Logf("page %d: match %.3f (%d runes differ); warnings %v\n got: %.200s\nwant: %.200s", n, ratio, miss, p.Warnings, got, w)
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
// missing from got and that pdftoppm renders as blank (no dark pixel in
// the word's box).
func unpaintedWords(t *testing.T, file string, page int, got string) []string {
	pg := strconv.Itoa(page)
	out, err := exec.Command("pdftotext", "-bbox", "-f", pg, "-l", pg, file, "-").Output()
	if err != nil {
		return nil
	}
	dir := t.TempDir()
	const dpi = 36
	if err := exec.Command("pdftoppm", "-gray", "-r", strconv.Itoa(dpi), "-f", pg, "-l", pg, "-singlefile", file, filepath.Join(dir, "p")).Run(); err != nil {
		return nil
	}
	img, err := os.ReadFile(filepath.Join(dir, "p.pgm"))
	if err != nil {
		return nil
	}
	var w, h, maxv int
	var hdr int
	if n, _ := fmt.Sscan(string(img[2:min(len(img), 40)]), &w, &h, &maxv); n != 3 || string(img[:2]) != "P5" {
		return nil
	}
	// the header ends after the third number and one white space byte
	fields := 0
	for i := 2; i < len(img); i++ {
		if isWhite(img[i]) && !isWhite(img[i-1]) {
			fields++
			if fields == 4 {
				hdr = i + 1
				break
			}
		}
	}
	pix := img[hdr:]
	if len(pix) < w*h {
		return nil
	}
	var hidden []string
	for _, m := range wordRE.FindAllStringSubmatch(string(out), -1) {
		word := squeeze(html.UnescapeString(m[5]))
		if word == "" || strings.Contains(got, word) {
			continue
		}
		var box [4]float64
		for i := range box {
			box[i], _ = strconv.ParseFloat(m[i+1], 64)
			box[i] *= dpi / 72.0
		}
		dark := false
		for y := max(0, int(box[1])+1); y < min(h, int(box[3])); y++ {
			row := pix[y*w : y*w+w]
			for x := max(0, int(box[0])+1); x < min(w, int(box[2])); x++ {
				if row[x] < 128 {
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
