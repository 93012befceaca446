package textutil

import (
	"slices"
	"strings"
	"testing"
)

// TestRegexp: a Regexp answers as the compiled expression does, compiles
// once, and CompileRegexps finds a pattern that is no regular expression.
func TestRegexp(t *testing.T) {
	r := NewRegexp(`(\d+)年`)
	if r.re != nil {
		t.Fatal("compiled before its first use")
	}
	for _, c := range []struct {
		got, want any
	}{
		{r.MatchString("2024年"), true},
		{r.MatchString("年"), false},
		{r.FindString("第2024年度"), "2024年"},
		{r.FindStringIndex("第2024年度"), []int{3, 10}},
		{r.FindStringSubmatch("2023年"), []string{"2023年", "2023"}},
		{r.FindStringSubmatchIndex("2023年"), []int{0, 7, 0, 4}},
		{r.FindAllString("1年2年", -1), []string{"1年", "2年"}},
		{r.FindAllStringIndex("1年2年", -1), [][]int{{0, 4}, {4, 8}}},
		{r.FindAllStringSubmatch("1年2年", 1), [][]string{{"1年", "1"}}},
		{r.FindAllStringSubmatchIndex("1年", -1), [][]int{{0, 4, 0, 1}}},
		{r.ReplaceAllString("1年2年", "${1}y"), "1y2y"},
		{r.ReplaceAllStringFunc("1年", strings.ToUpper), "1年"},
		{r.String(), `(\d+)年`},
	} {
		if !equal(c.got, c.want) {
			t.Errorf("got %v, want %v", c.got, c.want)
		}
	}
	if re := r.re; re == nil || r.Re() != re {
		t.Error("compiled more than once")
	}
	if err := CompileRegexps(); err != nil {
		t.Errorf("CompileRegexps: %v", err)
	}
	NewRegexp(`(unclosed`)
	if err := CompileRegexps(); err == nil {
		t.Error("CompileRegexps passes a pattern that does not compile")
	}
	regexps = regexps[:len(regexps)-1]
}

func equal(a, b any) bool {
	switch a := a.(type) {
	case []int:
		return slices.Equal(a, b.([]int))
	case []string:
		return slices.Equal(a, b.([]string))
	case [][]int:
		return slices.EqualFunc(a, b.([][]int), slices.Equal)
	case [][]string:
		return slices.EqualFunc(a, b.([][]string), slices.Equal)
	}
	return a == b
}
