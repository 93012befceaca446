package checks

import (
	"fmt"
	"io"

	"github.com/budgetpdf/budgetpdf/schema"
)

// Report writes a readable account of checks for file to w: one line per
// failed check, then a summary line. Like fmt.Fprintf, it leaves write
// errors to the writer (check them there when it matters).
func Report(w io.Writer, file string, checks []schema.Check) {
	for _, c := range checks {
		if c.Status != schema.StatusFail {
			continue
		}
		table := ""
		if c.Table != "" {
			table = " " + c.Table
		}
		fmt.Fprintf(w, "%s: FAIL %s%s: %s\n", file, c.Rule, table, c.Message)
	}
	pass, fail, skipped := Summary(checks)
	verdict := "ok"
	if fail > 0 {
		verdict = "FAIL"
	}
	fmt.Fprintf(w, "%s: %s: %d checks, %d pass, %d fail, %d skipped\n", file, verdict, len(checks), pass, fail, skipped)
}
