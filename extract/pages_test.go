package extract

import (
	"context"
	"errors"
	"path/filepath"
	"reflect"
	"testing"
)

// TestParsePageSet: page lists as camelot and pdfplumber write them, read
// against documents of 12 and 3 pages, and written back.
func TestParsePageSet(t *testing.T) {
	for _, c := range []struct {
		in     string
		str    string // String(); "" for an error
		of12   []int
		of3    []int
		errMsg string
	}{
		{in: "all", str: "all", of12: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, of3: []int{1, 2, 3}},
		{in: " ALL ", str: "all", of12: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, of3: []int{1, 2, 3}},
		{in: "1,3-5,10-end", str: "1,3-5,10-end", of12: []int{1, 3, 4, 5, 10, 11, 12}, of3: []int{1, 3}},
		{in: "7", str: "7", of12: []int{7}, of3: nil},
		{in: "end", str: "end", of12: []int{12}, of3: []int{3}},
		{in: "1-end", str: "1-end", of12: []int{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, of3: []int{1, 2, 3}},
		{in: "5-3", errMsg: `bad page list "5-3": "5-3" runs backwards; want pages like 1,3-5,10-end or all`},
		{in: " 2 , 2-3 ,1", str: "2,2-3,1", of12: []int{1, 2, 3}, of3: []int{1, 2, 3}},
		{in: "4-4", str: "4", of12: []int{4}, of3: nil},
		{in: "0", errMsg: `bad page list "0": "0" is not a page or a range of pages; want pages like 1,3-5,10-end or all`},
		{in: "", errMsg: `bad page list "": an empty item; want pages like 1,3-5,10-end or all`},
		{in: "1,,2", errMsg: `bad page list "1,,2": an empty item; want pages like 1,3-5,10-end or all`},
		{in: "1-", errMsg: `bad page list "1-": "1-" is not a page or a range of pages; want pages like 1,3-5,10-end or all`},
		{in: "-3", errMsg: `bad page list "-3": "-3" is not a page or a range of pages; want pages like 1,3-5,10-end or all`},
		{in: "+3", errMsg: `bad page list "+3": "+3" is not a page or a range of pages; want pages like 1,3-5,10-end or all`},
		{in: "end-3", errMsg: `bad page list "end-3": "end-3" runs backwards; want pages like 1,3-5,10-end or all`},
		{in: "a-b", errMsg: `bad page list "a-b": "a-b" is not a page or a range of pages; want pages like 1,3-5,10-end or all`},
		{in: "1-3-5", errMsg: `bad page list "1-3-5": "1-3-5" is not a page or a range of pages; want pages like 1,3-5,10-end or all`},
	} {
		ps, err := ParsePageSet(c.in)
		if c.errMsg != "" {
			if err == nil || err.Error() != c.errMsg || !errors.Is(err, ErrPageList) {
				t.Errorf("ParsePageSet(%q) = %v, %v; want the error %s", c.in, ps, err, c.errMsg)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParsePageSet(%q): %v", c.in, err)
			continue
		}
		if got := ps.String(); got != c.str {
			t.Errorf("ParsePageSet(%q).String() = %q, want %q", c.in, got, c.str)
		}
		if got := ps.Pages(12); !reflect.DeepEqual(got, c.of12) {
			t.Errorf("ParsePageSet(%q).Pages(12) = %v, want %v", c.in, got, c.of12)
		}
		if got := ps.Pages(3); !reflect.DeepEqual(got, c.of3) {
			t.Errorf("ParsePageSet(%q).Pages(3) = %v, want %v", c.in, got, c.of3)
		}
		if again, err := ParsePageSet(ps.String()); err != nil || !reflect.DeepEqual(again, ps) {
			t.Errorf("ParsePageSet(%q) read back from %q: %v, %v", c.in, ps.String(), again, err)
		}
	}
}

func TestRanges(t *testing.T) {
	for _, c := range []struct {
		in   []int
		want string
	}{
		{nil, ""},
		{[]int{1}, "1"},
		{[]int{1, 3, 4, 5, 10, 11, 12}, "1,3-5,10-12"},
		{[]int{5, 4, 4, 1}, "1,4-5"},
	} {
		if got := Ranges(c.in); got != c.want {
			t.Errorf("Ranges(%v) = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestReadPages: the pages chosen of a real multi-page file are those of a
// full read, page for page, serially and on 3 workers; the others are
// not read.
func TestReadPages(t *testing.T) {
	files := corpusPDFs(t)
	if len(files) == 0 {
		t.Skip("no PDFs")
	}
	path := ""
	for _, f := range files {
		if d, err := Open(f, Options{}); err == nil && d.NumPages() >= 14 {
			path = f
			break
		}
	}
	if path == "" {
		t.Skip("no PDF of 14 pages or more")
	}
	full, _, err := readWith(t, path, 1)
	if err != nil {
		t.Fatal(err)
	}
	nums := []int{2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14}
	for _, workers := range []int{1, 3} {
		d, err := Open(path, Options{})
		if err != nil {
			t.Fatal(err)
		}
		var seen []int
		pages, res, err := ReadPages(context.Background(), d, nums, workers, func(p *Page) int { return p.Number })
		if err != nil {
			t.Fatalf("%s, %d workers: %v", filepath.Base(path), workers, err)
		}
		seen = append(seen, res...)
		if !reflect.DeepEqual(seen, nums) {
			t.Errorf("%s, %d workers: work saw pages %v, want %v", filepath.Base(path), workers, seen, nums)
		}
		for k, p := range pages {
			want := *full[nums[k]-1]
			got := *p
			// The document's notes go to the first page read.
			if k == 0 {
				got.Warnings, want.Warnings = nil, nil
			}
			if nums[k]%2 == 0 {
				got.Glyphs = nil // readWith drops the glyphs of even pages
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s, %d workers: page %d differs from the full read", filepath.Base(path), workers, nums[k])
			}
		}
	}
	d, _ := Open(path, Options{})
	if _, _, err := ReadPages(context.Background(), d, []int{d.NumPages() + 1}, 1, func(*Page) int { return 0 }); err == nil {
		t.Errorf("ReadPages past the last page: no error")
	}
	if _, _, err := ReadPages(context.Background(), d, []int{}, 1, func(*Page) int { return 0 }); err == nil {
		t.Errorf("ReadPages of no page: no error")
	}
}
