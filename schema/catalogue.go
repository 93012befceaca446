package schema

import (
	_ "embed"
	"sort"
	"strconv"
	"strings"
	"sync"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// The catalogue of the national budget classification: functional subjects
// (功能分类, 2xx; income 1xx) and economic ones (经济分类: departmental 3xx,
// governmental 5xx), one line per code and name with the years it was seen
// printed. It is data, built by cmd/cataloguegen from the codes and names
// printed across the corpora (see schema/catalogue/README.md).
//
//go:embed catalogue/subjects.tsv
var catalogueTSV string

// Subject is one catalogue entry: a code under one name, printed from year
// From to year To (a code renamed over the years has one entry per name).
type Subject struct {
	Code    string
	Name    string
	From    int
	To      int
	Sources int // documents that print it
}

type catalogueIndex struct {
	all      []Subject
	byCode   map[string][]int
	byName   map[string][]int // normalized name → entries
	children map[string]bool  // codes with a catalogued code one level under them
}

var (
	catOnce sync.Once
	cat     catalogueIndex
)

func catalogue() *catalogueIndex {
	catOnce.Do(func() { cat = parseCatalogue(catalogueTSV) })
	return &cat
}

// parseCatalogue reads the TSV: code, name, from, to, sources; # comments.
func parseCatalogue(s string) catalogueIndex {
	c := catalogueIndex{byCode: map[string][]int{}, byName: map[string][]int{}, children: map[string]bool{}}
	for _, line := range strings.Split(s, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) < 5 || !textutil.IsSubjectCode(f[0]) {
			continue
		}
		e := Subject{Code: f[0], Name: f[1]}
		e.From, _ = strconv.Atoi(f[2])
		e.To, _ = strconv.Atoi(f[3])
		e.Sources, _ = strconv.Atoi(f[4])
		i := len(c.all)
		c.all = append(c.all, e)
		c.byCode[e.Code] = append(c.byCode[e.Code], i)
		n := subjectKey(e.Name)
		c.byName[n] = append(c.byName[n], i)
		if p := parentCode(e.Code); p != "" {
			c.children[p] = true
		}
	}
	return c
}

// CataloguedLeaf reports whether code is catalogued with no catalogued code
// under it: no disclosure read prints a row under it (21999 其他支出).
func CataloguedLeaf(code string) bool {
	c := catalogue()
	return len(c.byCode[code]) > 0 && !c.children[code]
}

// catalogueMatch reports whether code is catalogued under a name matching name.
func catalogueMatch(code, name string) bool {
	c := catalogue()
	k := subjectKey(name)
	for _, i := range c.byCode[code] {
		if subjectKey(c.all[i].Name) == k {
			return true
		}
	}
	return false
}

// codesNamed lists the catalogued codes printed under name, those printed
// in year (or the nearest year) first.
func codesNamed(name string, year int) []string {
	c := catalogue()
	idx := append([]int(nil), c.byName[subjectKey(name)]...)
	dist := func(e Subject) int {
		switch {
		case year == 0 || e.From == 0:
			return 0
		case year < e.From:
			return e.From - year
		case year > e.To:
			return year - e.To
		}
		return 0
	}
	sort.SliceStable(idx, func(a, b int) bool { return dist(c.all[idx[a]]) < dist(c.all[idx[b]]) })
	var out []string
	seen := map[string]bool{}
	for _, i := range idx {
		if code := c.all[i].Code; !seen[code] {
			seen[code] = true
			out = append(out, code)
		}
	}
	return out
}

// parentCode is the code one level up: 2050803 → 20508 → 205; "" for a 类.
func parentCode(code string) string {
	if len(code) <= 3 {
		return ""
	}
	return code[:len(code)-2]
}

// subjectKey is a name as compared with the catalogue: no spaces, ASCII
// brackets, no list numbering (一、 1. (一)) or trailing colon.
func subjectKey(s string) string {
	s = subjectKeyRepl.Replace(CleanText(s))
	s = listNumber.ReplaceAllString(s, "")
	return strings.TrimRight(s, ":")
}

var subjectKeyRepl = strings.NewReplacer(" ", "", "（", "(", "）", ")", "：", ":", "“", "\"", "”", "\"", "　", "")
