package extract

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
)

// PageSet is a choice of pages as camelot's and pdfplumber's --pages
// write it: 1-based numbers and ranges separated by commas, "end" for the
// last page ("1,3-5,10-end", "end"), or "all". The zero PageSet is every
// page.
type PageSet struct {
	spans []pageSpan // in the order given; none: every page
}

// pageSpan is lo..hi; 0 in either stands for the last page.
type pageSpan struct{ lo, hi int }

// ErrPageList marks a page list ParsePageSet cannot read.
var ErrPageList = errors.New("bad page list")

// ParsePageSet reads a page list ("1,3-5,10-end", "all"). Spaces around
// the items are allowed; a page 0, a range that runs backwards (5-3) or an
// empty item is an error matching ErrPageList.
func ParsePageSet(s string) (PageSet, error) {
	bad := func(why string) (PageSet, error) {
		return PageSet{}, fmt.Errorf("%w %q: %s; want pages like 1,3-5,10-end or all", ErrPageList, s, why)
	}
	if strings.EqualFold(strings.TrimSpace(s), "all") {
		return PageSet{}, nil
	}
	var ps PageSet
	for item := range strings.SplitSeq(s, ",") {
		item = strings.TrimSpace(item)
		if item == "" {
			return bad("an empty item")
		}
		lo, hi, isRange := strings.Cut(item, "-")
		a, ok := pageNumber(lo)
		b := a
		if isRange {
			var ok2 bool
			b, ok2 = pageNumber(hi)
			ok = ok && ok2
		}
		if !ok {
			return bad(fmt.Sprintf("%q is not a page or a range of pages", item))
		}
		if a == 0 && b != 0 || a > b && b != 0 {
			return bad(fmt.Sprintf("%q runs backwards", item))
		}
		ps.spans = append(ps.spans, pageSpan{a, b})
	}
	return ps, nil
}

// pageNumber reads a page number of a list: a positive number, or "end"
// (0).
func pageNumber(s string) (int, bool) {
	s = strings.TrimSpace(s)
	if strings.EqualFold(s, "end") {
		return 0, true
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || strings.HasPrefix(s, "+") {
		return 0, false
	}
	return n, true
}

// All reports whether the set is every page.
func (ps PageSet) All() bool { return len(ps.spans) == 0 }

// Pages lists the pages of the set in a document of n pages, ascending,
// each once; pages past n are left out ("10-end" of a 5-page document is
// none).
func (ps PageSet) Pages(n int) []int {
	var out []int
	if ps.All() {
		for i := 1; i <= n; i++ {
			out = append(out, i)
		}
		return out
	}
	in := make([]bool, n+1)
	for _, sp := range ps.spans {
		lo, hi := sp.lo, sp.hi
		if lo == 0 {
			lo = n
		}
		if hi == 0 {
			hi = n
		}
		for i := max(lo, 1); i <= min(hi, n); i++ {
			in[i] = true
		}
	}
	for i := 1; i <= n; i++ {
		if in[i] {
			out = append(out, i)
		}
	}
	return out
}

// String is the list as ParsePageSet reads it back: "all", or the items
// as given, without spaces.
func (ps PageSet) String() string {
	if ps.All() {
		return "all"
	}
	items := make([]string, len(ps.spans))
	num := func(n int) string {
		if n == 0 {
			return "end"
		}
		return strconv.Itoa(n)
	}
	for i, sp := range ps.spans {
		items[i] = num(sp.lo)
		if sp.hi != sp.lo {
			items[i] += "-" + num(sp.hi)
		}
	}
	return strings.Join(items, ",")
}

// Ranges writes ascending page numbers as a page list: "1,3-5,10".
func Ranges(nums []int) string {
	nums = slices.Compact(slices.Sorted(slices.Values(nums)))
	var b strings.Builder
	for i := 0; i < len(nums); {
		j := i
		for j+1 < len(nums) && nums[j+1] == nums[j]+1 {
			j++
		}
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(nums[i]))
		if j > i {
			fmt.Fprintf(&b, "-%d", nums[j])
		}
		i = j + 1
	}
	return b.String()
}
