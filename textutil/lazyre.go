package textutil

import (
	"regexp"
	"sync"
)

// Regexp is a regular expression compiled on its first use. A package-level
// regexp.MustCompile runs at init in every process, `budgetpdf version` as
// much as an extraction (the ninety patterns of checks, schema and layout
// took a millisecond of start-up); a Regexp costs nothing until a match
// needs it. Its methods are those of regexp.Regexp it is used with.
type Regexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp
}

// regexps are the patterns made with NewRegexp, for CompileRegexps.
var regexps []*Regexp

// NewRegexp is expr as a Regexp; it panics on the first use if expr is no
// regular expression (CompileRegexps checks them all in a test).
func NewRegexp(expr string) *Regexp {
	r := &Regexp{expr: expr}
	regexps = append(regexps, r)
	return r
}

// CompileRegexps compiles every pattern made with NewRegexp in the packages
// of this binary and returns the first error.
func CompileRegexps() error {
	for _, r := range regexps {
		if _, err := regexp.Compile(r.expr); err != nil {
			return err
		}
	}
	return nil
}

// Re is the compiled expression.
func (r *Regexp) Re() *regexp.Regexp {
	r.once.Do(func() { r.re = regexp.MustCompile(r.expr) })
	return r.re
}

func (r *Regexp) String() string { return r.expr }

func (r *Regexp) MatchString(s string) bool { return r.Re().MatchString(s) }

func (r *Regexp) FindString(s string) string { return r.Re().FindString(s) }

func (r *Regexp) FindStringIndex(s string) []int { return r.Re().FindStringIndex(s) }

func (r *Regexp) FindStringSubmatch(s string) []string { return r.Re().FindStringSubmatch(s) }

func (r *Regexp) FindStringSubmatchIndex(s string) []int { return r.Re().FindStringSubmatchIndex(s) }

func (r *Regexp) FindAllString(s string, n int) []string { return r.Re().FindAllString(s, n) }

func (r *Regexp) FindAllStringIndex(s string, n int) [][]int { return r.Re().FindAllStringIndex(s, n) }

func (r *Regexp) FindAllStringSubmatch(s string, n int) [][]string {
	return r.Re().FindAllStringSubmatch(s, n)
}

func (r *Regexp) FindAllStringSubmatchIndex(s string, n int) [][]int {
	return r.Re().FindAllStringSubmatchIndex(s, n)
}

func (r *Regexp) ReplaceAllString(src, repl string) string { return r.Re().ReplaceAllString(src, repl) }

func (r *Regexp) ReplaceAllStringFunc(src string, repl func(string) string) string {
	return r.Re().ReplaceAllStringFunc(src, repl)
}
