// Command budgetpdf turns Chinese government budget-disclosure PDFs
// (部门预算公开 / 部门决算公开) into normalized JSON and YAML.
package main

import (
	"fmt"
	"os"
)

func main() {
	if len(os.Args) < 2 {
		fmt.Fprintln(os.Stderr, "usage: budgetpdf extract|inspect FILE ...")
		os.Exit(2)
	}
	fmt.Fprintf(os.Stderr, "budgetpdf: %s: not implemented yet\n", os.Args[1])
	os.Exit(1)
}
