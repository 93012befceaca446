// Package batch converts many disclosures at once: it walks files and
// folders, converts each input with a pool of workers, writes one document
// per input and a summary.jsonl with one line per input, resumes an
// interrupted or repeated run, and gathers all documents into tidy CSV files
// and an SQLite database.
//
// Each input is read and hashed once; its bytes go to pipeline.ConvertFiles
// in this process, or with Options.Isolate to a child process
// (pipeline.ConvertInChild) that hands back the document or a typed failure.
//
// In-process conversion has one honest limit: a conversion that runs past
// the per-file timeout is recorded as a timeout and the batch goes on, but
// Go cannot stop a goroutine, so an in-process conversion that never ends
// keeps its CPU and memory until the process exits. Isolate, which kills
// the child when the time is up, has no such leak.
package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// Defaults of Options.
const (
	DefaultTimeout  = 60 * time.Second
	DefaultMaxPages = 2000
)

// SummaryName is the summary's file name inside the output folder; the
// journal beside it collects the lines of a run still going (or killed).
const (
	SummaryName = "summary.jsonl"
	journalName = "summary.jsonl.partial"
)

// Options configure Run.
type Options struct {
	Inputs  []string // files and folders
	Out     string   // output folder
	Format  string   // json (default) or yaml
	Workers int      // parallel conversions; 0 means runtime.NumCPU()
	Force   bool     // convert everything, ignoring earlier results

	// KeepDuplicates converts every input; otherwise an input with the
	// bytes (sha256) of an earlier one in the run is not converted but
	// recorded with status duplicate and the earlier one's path.
	KeepDuplicates bool

	Timeout  time.Duration   // per file; 0 means DefaultTimeout, <0 none
	MaxPages int             // PDFs with more pages are not converted; 0 means DefaultMaxPages, <0 none
	Pages    extract.PageSet // the pages of each PDF to read (--pages); the zero set is every page

	Shard, Shards int // only inputs with hash(rel path) mod Shards == Shard; Shards 0 means all

	CSVDir string // when set, tidy CSV files across all documents go here
	CSVBOM bool   // start each CSV file with a UTF-8 byte order mark (for Excel)
	SQLite string // when set, the same tables go into this SQLite file (updated in place when it exists)
	XLSX   string // when set, a workbook: one sheet per table kind, amounts as numbers in 元

	// Isolate converts each file in a child process, killed at the timeout.
	Isolate bool

	// Progress receives progress reports; nil for none. On a terminal
	// (Terminal true) one line is redrawn, else a plain line is printed
	// every ProgressEvery (default 10 s) and at the end.
	Progress      io.Writer
	Terminal      bool
	ProgressEvery time.Duration

	// The pipeline as a worker calls it, set by fill from Isolate (the
	// package's tests plant a fake): convert one file under ctx and the
	// page limit of opts (a *pipeline.Failure with code too_many_pages and
	// the count when past it).
	format  pipeline.Format // of Format
	convert func(ctx context.Context, f pipeline.File, opts pipeline.Options) (*schema.Document, error)
}

// Result is what a run did.
type Result struct {
	Records    []Record // one per input of this shard, in input order
	Converted  int      // inputs converted (or attempted) in this run
	Resumed    int      // inputs skipped because an earlier result still holds
	Duplicates int      // inputs with the bytes of an earlier input of the run, not converted
	Failed     int      // records with status error
}

// Run converts the inputs and writes the outputs, the summary and the
// analytics files. It returns an error only when the batch itself cannot go
// on (bad options, an unwritable output folder, ctx cancelled); files that
// fail are records with status error. When ctx is cancelled, the lines of
// the files finished so far stay in the journal and a rerun resumes from
// them.
func Run(ctx context.Context, opts Options) (*Result, error) {
	if err := opts.fill(); err != nil {
		return nil, err
	}
	// Conversion allocates briskly and frees everything per document: a
	// lazier collector (unless GOGC says otherwise) costs a few tens of MB
	// per worker and buys 20% CPU and most of the second worker's speedup
	// (measured: 1 → 2 workers 1.63× at the default, 1.81× at 300).
	if os.Getenv("GOGC") == "" {
		defer debug.SetGCPercent(debug.SetGCPercent(300))
	}
	inputs, err := Collect(opts.Inputs, opts.Format)
	if err != nil {
		return nil, err
	}
	inputs = shard(inputs, opts.Shard, opts.Shards)
	if err := os.MkdirAll(opts.Out, 0o755); err != nil {
		return nil, fmt.Errorf("batch: output folder: %w", err)
	}
	var prev map[string]Record
	if !opts.Force {
		if prev, err = loadPrevious(opts.Out, opts.Progress); err != nil {
			return nil, err
		}
	}
	journal, err := os.OpenFile(filepath.Join(opts.Out, journalName), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o644)
	if err != nil {
		return nil, fmt.Errorf("batch: journal: %w", err)
	}
	defer journal.Close()

	// Identical inputs are converted once: the hashes first (each file
	// streamed, never held), then the later copies are records.
	var sums []string
	dupOf := make([]int, len(inputs))
	for i := range dupOf {
		dupOf[i] = -1
	}
	if !opts.KeepDuplicates {
		sums = hashInputs(ctx, inputs, opts.Workers)
		first := map[string]int{}
		for i, s := range sums {
			if s == "" {
				continue // unreadable: process records it
			}
			if j, ok := first[s]; ok {
				dupOf[i] = j
			} else {
				first[s] = i
			}
		}
	}

	res := &Result{Records: make([]Record, len(inputs))}
	prog := newProgress(opts, len(inputs))
	var mu sync.Mutex // guards journal writes, res counters and prog
	var werr error
	finish := func(i int, rec Record, resumed bool) {
		mu.Lock()
		defer mu.Unlock()
		res.Records[i] = rec
		switch {
		case rec.Status == StatusDuplicate:
			res.Duplicates++ // found again by every run: no journal line
		case resumed:
			res.Resumed++
		default:
			res.Converted++
			if err := appendRecord(journal, rec); err != nil && werr == nil {
				werr = err
			}
		}
		prog.done(rec)
	}

	jobs := make(chan int)
	var wg sync.WaitGroup
	for range opts.Workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				if j := dupOf[i]; j >= 0 {
					finish(i, duplicate(&opts, inputs[i], sums[i], inputs[j]), false)
					continue
				}
				sum := ""
				if sums != nil {
					sum = sums[i]
				}
				rec, resumed, ok := process(ctx, &opts, inputs[i], sum, prev)
				if !ok {
					continue // cancelled mid-file: no record, the rerun redoes it
				}
				finish(i, rec, resumed)
			}
		}()
	}
feed:
	for i := range inputs {
		select {
		case jobs <- i:
		case <-ctx.Done():
			break feed
		}
	}
	close(jobs)
	wg.Wait()
	prog.end()
	if err := ctx.Err(); err != nil {
		return res, fmt.Errorf("batch: interrupted, rerun to resume: %w", err)
	}
	if werr != nil {
		return res, fmt.Errorf("batch: journal: %w", werr)
	}
	for _, r := range res.Records {
		if r.Status == StatusError {
			res.Failed++
		}
	}
	if err := writeSummary(filepath.Join(opts.Out, SummaryName), res.Records); err != nil {
		return res, err
	}
	journal.Close()
	if err := os.Remove(filepath.Join(opts.Out, journalName)); err != nil && !errors.Is(err, os.ErrNotExist) {
		return res, fmt.Errorf("batch: journal: %w", err)
	}
	if err := writeAnalytics(opts, res.Records); err != nil {
		return res, err
	}
	return res, nil
}

// fill checks the options and sets the defaults.
func (o *Options) fill() error {
	f, err := pipeline.FormatNamed(o.Format)
	if err != nil {
		return err
	}
	o.Format, o.format = f.Name, f
	if o.Out == "" {
		return fmt.Errorf("%w: no output folder", ErrUsage)
	}
	if len(o.Inputs) == 0 {
		return fmt.Errorf("%w: no inputs", ErrUsage)
	}
	if o.convert == nil {
		o.convert = func(ctx context.Context, f pipeline.File, opts pipeline.Options) (*schema.Document, error) {
			return pipeline.ConvertFilesContext(ctx, []pipeline.File{f}, opts)
		}
		if o.Isolate {
			o.convert = pipeline.ConvertInChild
		}
	}
	if o.Workers < 0 {
		return fmt.Errorf("%w: workers must be positive, not %d", ErrUsage, o.Workers)
	}
	if o.Workers == 0 {
		o.Workers = runtime.NumCPU()
	}
	if o.Shards < 0 || (o.Shards > 0 && (o.Shard < 0 || o.Shard >= o.Shards)) {
		return fmt.Errorf("%w: shard %d/%d: want 0 <= i < n", ErrUsage, o.Shard, o.Shards)
	}
	if o.Timeout == 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxPages == 0 {
		o.MaxPages = DefaultMaxPages
	}
	if o.ProgressEvery <= 0 {
		o.ProgressEvery = 10 * time.Second
	}
	return nil
}

// ErrUsage marks bad options or inputs: the pipeline's usage failure.
var ErrUsage = pipeline.ErrUsage
