package checks

import (
	"fmt"
	"io"

	"github.com/budgetpdf/budgetpdf/schema"
)

// Report writes a readable account of checks for file to w: one line per
// failed or warned check, then a summary line. Like fmt.Fprintf, it leaves write
// errors to the writer (check them there when it matters).
func Report(w io.Writer, file string, checks []schema.Check) {
	for _, c := range checks {
		word := ""
		switch c.Status {
		case schema.StatusFail:
			word = "FAIL"
		case schema.StatusWarn:
			word = "WARN"
		default:
			continue
		}
		table := ""
		if c.Table != "" {
			table = " " + c.Table
		}
		fmt.Fprintf(w, "%q: %s %s%s: %s\n", file, word, c.Rule, table, c.Message)
	}
	pass, fail, skipped := Summary(checks)
	verdict := "ok"
	if fail > 0 {
		verdict = "FAIL"
	}
	warned := ""
	if n := Warned(checks); n > 0 {
		warned = fmt.Sprintf(", %d warn", n)
	}
	fmt.Fprintf(w, "%q: %s: %d checks, %d pass, %d fail%s, %d skipped\n", file, verdict, len(checks), pass, fail, warned, skipped)
}
