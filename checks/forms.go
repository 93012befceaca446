package checks

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/budgetpdf/budgetpdf/textutil"
	"github.com/shopspring/decimal"
)

var bracketFolder = strings.NewReplacer("（", "(", "）", ")", "【", "[", "】", "]")

// projectKey is how project names are compared: no spaces, ASCII brackets.
func projectKey(s string) string {
	return bracketFolder.Replace(textutil.Squeeze(s))
}

// forms compares each performance form's annual funds with this year's
// projects of the same name (several rows of one name are added up). A form
// naming no project is skipped; a form that groups differently named
// project rows fails with both figures, for a reader to judge.
func forms(doc *schema.Document) []schema.Check {
	var out []schema.Check
	keys := make([]string, len(doc.Projects)) // projectKey of each project, once
	runes := make([]int, len(doc.Projects))   // and its length in runes
	byKey := map[string][]int{}               // the projects of each key, in order
	byRunes := map[int][]int{}                // and of each key length
	for i, p := range doc.Projects {
		keys[i] = projectKey(p.Name)
		runes[i] = utf8.RuneCountInString(keys[i])
		byKey[keys[i]] = append(byKey[keys[i]], i)
		byRunes[runes[i]] = append(byRunes[runes[i]], i)
	}
	for _, f := range doc.PerformanceForms {
		pages := f.Pages
		annual := f.Funds.Annual.Total
		if blank(annual) {
			out = append(out, newCheck(RuleCrossTable, schema.TableProjectExpenditure, schema.StatusSkipped, pages,
				"performance form %s: no annual funds printed (%s)", f.Project, pageNote(pages)))
			continue
		}
		key := projectKey(f.Project)
		sum, n := decimal.Zero, 0
		var unit *string
		var scale int32
		var rows []figure
		for _, i := range byKey[key] { // not every project for every form: a long document has thousands
			p := doc.Projects[i]
			if p.Carryover {
				continue
			}
			sum = sum.Add(amount(p.Total))
			scale = max(scale, scaleOf(p.Total))
			unit = p.Unit
			rows = append(rows, figure{amount(p.Total), p.Unit, scaleOf(p.Total)})
			n++
		}
		// A name misprinted by one character (国安办公设备购置费 for
		// 国安办办公设备购置费) still names its project when only one is that
		// close.
		alias := ""
		if n == 0 {
			var near []schema.Project
			kr := utf8.RuneCountInString(key)
			// Names more than a rune longer or shorter are more than one
			// edit apart (most of a long document's projects): only the
			// names within a rune of the form's are compared.
			for r := kr - 1; r <= kr+1; r++ {
				for _, i := range byRunes[r] {
					if p := &doc.Projects[i]; !p.Carryover && oneEditRunes(keys[i], key, r, kr) {
						near = append(near, *p)
					}
				}
			}
			if len(near) == 1 {
				p := near[0]
				alias, sum, scale, unit, n = p.Name, amount(p.Total), scaleOf(p.Total), p.Unit, 1
				rows = append(rows, figure{sum, unit, scale})
			}
		}
		if n == 0 {
			out = append(out, newCheck(RuleCrossTable, schema.TableProjectExpenditure, schema.StatusSkipped, pages,
				"performance form %s: annual funds %s %s, no project of that name in the project list (%s)",
				f.Project, *annual, unitName(f.Funds.Unit), pageNote(pages)))
			continue
		}
		// Several rows of one name: a form may be for one of them.
		af := figure{amount(annual), f.Funds.Unit, scaleOf(annual)}
		if n > 1 {
			for _, r := range rows {
				if eq, _, _ := sameFigure(af, r); eq {
					sum, scale, n = r.v, r.scale, 1
					break
				}
			}
		}
		if unit == nil {
			if t := lookup(doc, schema.TableProjectExpenditure); t != nil {
				unit = t.Unit
			}
		}
		pt := &schema.Table{Kind: schema.TableProjectExpenditure}
		if t := lookup(doc, schema.TableProjectExpenditure); t != nil {
			pt.Pages = t.Pages
		}
		ft := &schema.Table{Kind: schema.TableProjectExpenditure, Pages: pages}
		a := ref{ft, "performance form " + f.Project + " annual funds", af, 0}
		what := "project list " + f.Project + " total"
		if alias != "" {
			what = "project list " + alias + " (the form's name differs by one character) total"
		}
		if len(rows) > 1 && n == 1 {
			what = "project list " + f.Project + " (one of " + itoa(len(rows)) + " rows of that name) total"
		}
		if n > 1 {
			what = "project list Σ " + itoa(n) + " rows named " + f.Project + " total"
		}
		b := ref{pt, what, figure{sum, unit, scale}, 0}
		out = append(out, compare(a, b))
	}
	return out
}

func unitName(u *string) string {
	if u == nil {
		return ""
	}
	return *u
}

func itoa(n int) string {
	return decimal.NewFromInt(int64(n)).String()
}

// oneEdit reports whether a and b are at Levenshtein distance exactly 1, by
// rune: one rune replaced, inserted or deleted. It allocates nothing.
func oneEdit(a, b string) bool {
	return oneEditRunes(a, b, utf8.RuneCountInString(a), utf8.RuneCountInString(b))
}

// oneEditRunes is oneEdit of a and b of na and nb runes.
func oneEditRunes(a, b string, na, nb int) bool {
	if a == b {
		return false
	}
	if na < nb {
		a, b, na, nb = b, a, nb, na
	}
	if na-nb > 1 {
		return false
	}
	// The common prefix, then the rest must match after skipping one rune
	// of a (deletion) or one of each (replacement).
	i := 0
	for i < len(a) && i < len(b) {
		ra, sa := utf8.DecodeRuneInString(a[i:])
		rb, _ := utf8.DecodeRuneInString(b[i:])
		if ra != rb {
			break
		}
		i += sa
	}
	_, sa := utf8.DecodeRuneInString(a[i:])
	if na == nb {
		_, sb := utf8.DecodeRuneInString(b[i:])
		return a[i+sa:] == b[i+sb:]
	}
	return a[i+sa:] == b[i:]
}
