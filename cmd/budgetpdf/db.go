package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/budgetpdf/budgetpdf/batch"
)

const dbArgs = "merge OUT.sqlite SHARD.sqlite..."

// runDB is `budgetpdf db merge OUT SHARD...`.
func runDB(args []string, stdout, stderr io.Writer) int {
	if len(args) < 3 || args[0] != "merge" {
		return fail(stderr, "", usageErrorf("budgetpdf db %s", dbArgs))
	}
	res, err := batch.MergeDB(args[1], args[2:])
	if errors.Is(err, batch.ErrUsage) {
		return fail(stderr, "", usageErrorf("%s", strings.TrimPrefix(err.Error(), batch.ErrUsage.Error()+": ")))
	}
	if err != nil {
		return fail(stderr, "", err)
	}
	fmt.Fprintf(stdout, "db merge: %q: %s\n", args[1], res)
	return 0
}
