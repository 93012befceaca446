package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"os/signal"
	"strconv"
	"strings"
	"time"

	"golang.org/x/term"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/schema"
)

const batchArgs = "INPUT... --out DIR [--format json|yaml] [-j N] [--force] [--timeout 60s] [--max-pages N] [--csv DIR] [--csv-bom] [--sqlite FILE] [--xlsx FILE] [--shard i/n] [--isolate]"

func init() {
	commands = append(commands,
		command{"batch", batchArgs,
			"convert files and folders in parallel: one document per input, OUT/summary.jsonl, resume, CSV, SQLite and xlsx; exit 1 when some failed", runBatch},
	)
}

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
	opts.Classify = func(err error) string { code, _ := classify(err); return code }
	opts.Pages = pdfPages
	if f, ok := stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		opts.Terminal = true
	}
	opts.Progress = stderr

	ctx, stop := batchContext()
	defer stop()
	res, err := batch.Run(ctx, opts)
	if errors.Is(err, batch.ErrUsage) {
		return fail(stderr, "", fmt.Errorf("%w: batch: %w", errUsage, err))
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
			if err != nil {
				err = fmt.Errorf("%w: %w", errUsage, err)
			}
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
	if o.Format != "" && o.Format != "json" && o.Format != "yaml" {
		return o, usageErrorf("--format must be json or yaml, not %q", o.Format)
	}
	o.Convert = inProcess
	if isolate {
		o.Convert = inChild
	}
	return o, nil
}

func positive(flag, v string) (int, error) {
	n, err := strconv.Atoi(v)
	if err != nil || n <= 0 {
		return 0, usageErrorf("batch: %s wants a positive number, not %q", flag, v)
	}
	return n, nil
}

// pdfPages counts the pages of a PDF for the page limit.
func pdfPages(data []byte) (int, error) {
	doc, err := extract.NewReader(bytes.NewReader(data), int64(len(data)), extract.Options{})
	if err != nil {
		return 0, err
	}
	return doc.NumPages(), nil
}

// inProcess converts in this process. It cannot be stopped: past the
// timeout batch records a timeout and stops waiting, but the conversion
// runs on (see package batch).
func inProcess(_ context.Context, path string) (*schema.Document, error) {
	return safeConvert(path, extract.Options{})
}

// inChild converts in a child process, `budgetpdf extract FILE`, killed when
// ctx ends, so a file that hangs costs nothing after its timeout.
func inChild(ctx context.Context, path string) (*schema.Document, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, fmt.Errorf("isolate: %w", err)
	}
	var out, errOut bytes.Buffer
	cmd := exec.CommandContext(ctx, exe, "extract", path)
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if ctx.Err() != nil {
			return nil, ctx.Err()
		}
		if ee, ok := errors.AsType[*exec.ExitError](err); ok {
			return nil, childError(ee.ExitCode(), errOut.String())
		}
		return nil, fmt.Errorf("isolate: %w", err)
	}
	var doc schema.Document
	if err := json.Unmarshal(out.Bytes(), &doc); err != nil {
		return nil, fmt.Errorf("isolate: reading the child's document: %w", err)
	}
	return &doc, nil
}

// childError turns a child's exit code and its one stderr line,
// "budgetpdf: FILE: CODE: reason", back into an error classify names alike.
func childError(exit int, stderr string) error {
	line := strings.TrimSpace(stderr)
	if i := strings.LastIndex(line, "\n"); i >= 0 {
		line = line[i+1:]
	}
	reason := line
	for _, f := range failures {
		if f.exit == exit {
			if _, r, ok := strings.Cut(line, ": "+f.code+": "); ok {
				reason = r
			}
			if f.code != "usage" {
				return fmt.Errorf("%w: %s", f.err, reason)
			}
		}
	}
	return fmt.Errorf("child exited with %d: %s", exit, reason)
}
