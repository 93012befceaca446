package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/pipeline"
)

const batchArgs = "INPUT... --out DIR [--format json|yaml] [-j N] [--force] [--timeout 60s] [--max-pages N] [--csv DIR] [--csv-bom] [--sqlite FILE] [--xlsx FILE] [--shard i/n] [--isolate]"

// batchContext is the context of a batch run: cancelled by an interrupt,
// so that the journal of the finished files stays for the rerun.
var batchContext = func() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt)
}

// runBatch is `budgetpdf batch`.
func runBatch(args []string, stdout, stderr io.Writer) int {
	opts, err := parseBatch(args)
	if err != nil {
		return fail(stderr, "", err)
	}
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opts.Terminal = true
	}
	opts.Progress = stderr

	ctx, stop := batchContext()
	defer stop()
	res, err := batch.Run(ctx, opts)
	if errors.Is(err, batch.ErrUsage) {
		return fail(stderr, "", usageErrorf("batch: %s", pipeline.Reason(err)))
	}
	if errors.Is(err, context.Canceled) {
		fmt.Fprintf(stderr, "budgetpdf: batch interrupted after %d files; the same command resumes it\n", res.Converted)
		return 1
	}
	if err != nil {
		return fail(stderr, "", err)
	}
	fmt.Fprintf(stdout, "batch: %s; summary in %s\n", summaryCounts(res), opts.Out+string(os.PathSeparator)+batch.SummaryName)
	if res.Failed > 0 {
		return 1
	}
	return 0
}

// summaryCounts words a run's result so that the parts add up to the
// inputs: "27 inputs: 23 converted, 4 failed, 0 resumed". Converted are
// the inputs converted by this run, failed those that failed (in this run
// or, not retried, in an earlier one), resumed those whose earlier
// document still holds.
func summaryCounts(res *batch.Result) string {
	var converted, failed, resumed int
	for _, r := range res.Records {
		switch {
		case r.Status == batch.StatusError:
			failed++
		case r.Resumed:
			resumed++
		default:
			converted++
		}
	}
	return fmt.Sprintf("%d inputs: %d converted, %d failed, %d resumed", len(res.Records), converted, failed, resumed)
}

// parseBatch reads the flags of batch.
func parseBatch(args []string) (batch.Options, error) {
	var o batch.Options
	isolate := false
	for i := 0; i < len(args); i++ {
		a := args[i]
		name, val, hasVal := strings.Cut(a, "=")
		if !strings.HasPrefix(a, "-") || a == "-" {
			o.Inputs = append(o.Inputs, a)
			continue
		}
		name = "--" + strings.TrimLeft(name, "-")
		value := func() (string, error) {
			if hasVal {
				return val, nil
			}
			if i+1 < len(args) {
				i++
				return args[i], nil
			}
			return "", usageErrorf("batch: %s needs a value", a)
		}
		var v string
		var err error
		switch name {
		case "--force", "--isolate", "--csv-bom":
			if hasVal {
				return o, usageErrorf("batch: %s takes no value", name)
			}
			o.Force = o.Force || name == "--force"
			isolate = isolate || name == "--isolate"
			o.CSVBOM = o.CSVBOM || name == "--csv-bom"
			continue
		}
		if v, err = value(); err != nil {
			return o, err
		}
		switch name {
		case "--out", "--o":
			o.Out = v
		case "--format", "--f":
			o.Format = v
		case "--j", "--jobs":
			o.Workers, err = positive(name, v)
		case "--max-pages":
			o.MaxPages, err = positive(name, v)
		case "--timeout":
			o.Timeout, err = time.ParseDuration(v)
			if err != nil || o.Timeout <= 0 {
				err = usageErrorf("batch: --timeout wants a duration like 60s, not %q", v)
			}
		case "--csv":
			o.CSVDir = v
		case "--sqlite":
			o.SQLite = v
		case "--xlsx":
			o.XLSX = v
		case "--shard":
			o.Shard, o.Shards, err = batch.ParseShard(v)
		default:
			err = usageErrorf("batch: unknown flag %s", a)
		}
		if err != nil {
			return o, err
		}
	}
	if len(o.Inputs) == 0 || o.Out == "" {
		return o, usageErrorf("batch %s", batchArgs)
	}
	if _, err := pipeline.FormatNamed(o.Format); err != nil {
		return o, err
	}
	o.Isolate = isolate
	return o, nil
}

func positive(flag, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, usageErrorf("batch: %s wants a positive number, not %q", flag, v)
	}
	return n, nil
}
