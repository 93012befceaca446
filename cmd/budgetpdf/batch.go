package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"time"

	"golang.org/x/term"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/pipeline"
)

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
	fmt.Fprintf(stdout, "batch: %s; summary in %q\n", summaryCounts(res), opts.Out+string(os.PathSeparator)+batch.SummaryName)
	if res.Failed > 0 {
		return 1
	}
	return 0
}

// summaryCounts words a run's result so that the parts add up to the
// inputs: "27 inputs: 21 converted, 4 failed, 2 duplicates, 0 resumed".
// Converted are the inputs converted by this run, failed those that
// failed (in this run or, not retried, in an earlier one), duplicates
// those with the bytes of an earlier input (not converted), resumed those
// whose earlier document still holds.
func summaryCounts(res *batch.Result) string {
	var converted, failed, duplicates, resumed int
	for _, r := range res.Records {
		switch {
		case r.Status == batch.StatusError:
			failed++
		case r.Status == batch.StatusDuplicate:
			duplicates++
		case r.Resumed:
			resumed++
		default:
			converted++
		}
	}
	return fmt.Sprintf("%d inputs: %d converted, %d failed, %d duplicates, %d resumed", len(res.Records), converted, failed, duplicates, resumed)
}

// parseBatch reads the flags of batch.
func parseBatch(args []string) (batch.Options, error) {
	var o batch.Options
	fl := newFlags("batch")
	fl.str(&o.Out, "out", "o")
	fl.str(&o.Format, "format", "f")
	fl.positive(&o.Workers, "j", "jobs")
	fl.positive(&o.MaxPages, "max-pages")
	fl.pages(&o.Pages)
	fl.value(func(v string) (err error) {
		o.Timeout, err = time.ParseDuration(v)
		if err != nil || o.Timeout <= 0 {
			return usageErrorf("batch: --timeout wants a duration like 60s, not %q", v)
		}
		return nil
	}, "timeout")
	fl.str(&o.CSVDir, "csv")
	fl.str(&o.SQLite, "sqlite")
	fl.str(&o.XLSX, "xlsx")
	fl.boolean(&o.CSVBOM, "csv-bom")
	fl.value(func(v string) (err error) {
		o.Shard, o.Shards, err = batch.ParseShard(v)
		return err
	}, "shard")
	fl.boolean(&o.Force, "force")
	fl.boolean(&o.KeepDuplicates, "keep-duplicates")
	fl.boolean(&o.Isolate, "isolate")
	var err error
	if o.Inputs, err = fl.parse(args); err != nil {
		return o, err
	}
	if len(o.Inputs) == 0 || o.Out == "" {
		return o, usageErrorf("batch needs an INPUT and --out DIR (budgetpdf batch --help)")
	}
	if _, err := pipeline.FormatNamed(o.Format); err != nil {
		return o, err
	}
	return o, nil
}
