package batch

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"time"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// process converts one input, or takes its earlier result over. sum, when
// not empty, is the input's sha256 as the run hashed it (an earlier result
// that still holds is then taken without reading the file again). ok is
// false when ctx was cancelled before the input was done.
func process(ctx context.Context, o *Options, in Input, sum string, prev map[string]Record) (rec Record, resumed, ok bool) {
	start := time.Now()
	rec = Record{Path: in.Path, Output: in.Output, PageSelection: o.pageSelection()}
	defer func() {
		if !resumed {
			rec.Seconds = seconds(time.Since(start))
		}
	}()
	if ctx.Err() != nil {
		return rec, false, false
	}
	if p, found := prev[in.Output]; found && sum != "" && o.resumable(p, sum, in) {
		p.Path, p.Resumed = in.Path, true // p.Seconds stays the earlier run's
		return p, true, true
	}
	data, err := os.ReadFile(in.Path)
	if err != nil {
		return failed(rec, CodeUnreadable, err), false, true
	}
	rec.SHA256 = hashOf(data)
	if p, found := prev[in.Output]; found && rec.SHA256 != sum && o.resumable(p, rec.SHA256, in) { // not hashed before, or changed since
		p.Path, p.Resumed = in.Path, true // p.Seconds stays the earlier run's
		return p, true, true
	}
	doc, err := o.run(ctx, pipeline.File{Path: in.Path, Data: data, SHA256: rec.SHA256})
	switch {
	case err != nil && ctx.Err() != nil:
		return rec, false, false
	case errors.Is(err, context.DeadlineExceeded):
		return failed(rec, CodeTimeout, fmt.Errorf("not done after %s", o.Timeout)), false, true
	case err != nil:
		if f, ok := errors.AsType[*pipeline.Failure](err); ok && f.Pages > 0 {
			rec.Pages = f.Pages // too_many_pages: counted by the conversion, in the child when isolated
		}
		return failed(rec, pipeline.Code(err), err), false, true
	case doc == nil:
		return failed(rec, CodeInternal, errors.New("no document and no error")), false, true
	}
	docRecord(&rec, doc)
	out, err := o.format.Encode(doc)
	if err == nil {
		err = pipeline.WriteFileAtomic(filepath.Join(o.Out, filepath.FromSlash(in.Output)), out)
	}
	if err != nil {
		return failed(rec, CodeUnwritable, fmt.Errorf("writing %q: %w", in.Output, err)), false, true
	}
	return rec, false, true
}

// resumable reports whether the earlier record p of an input whose content
// hashes to sum still holds: the same content, and either a failure that
// would happen again or an output newer than the input.
func (o *Options) resumable(p Record, sum string, in Input) bool {
	if p.SHA256 != sum || p.PageSelection != o.pageSelection() || p.Status == StatusDuplicate {
		return false // other bytes, other pages read, or never converted
	}
	if p.Status == StatusError {
		switch p.Code {
		case CodeTimeout, CodeTooManyPages, CodeUnreadable, CodeUnwritable:
			return false // the limits or the machine may differ this time
		}
		return true
	}
	ist, err := os.Stat(in.Path)
	if err != nil {
		return false
	}
	ost, err := os.Stat(filepath.Join(o.Out, filepath.FromSlash(in.Output)))
	return err == nil && !ost.ModTime().Before(ist.ModTime())
}

// pageSelection is the --pages list a record names: "" for every page.
func (o *Options) pageSelection() string {
	if o.Pages.All() {
		return ""
	}
	return o.Pages.String()
}

// run converts f under the timeout and the page limit (the pipeline
// recovers a panic, and counts the pages: in the child when isolated, so
// the parent never parses a PDF). When the timeout passes first it returns
// context.DeadlineExceeded: at once for an in-process conversion, which
// stops at its next page (the page loop honours ctx); once the child is
// killed with its process group and reaped when isolated.
func (o *Options) run(ctx context.Context, f pipeline.File) (*schema.Document, error) {
	if o.Timeout > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.Timeout)
		defer cancel()
	}
	type result struct {
		doc *schema.Document
		err error
	}
	ch := make(chan result, 1) // buffered: an abandoned conversion can still finish
	go func() {
		doc, err := o.convert(ctx, f, pipeline.Options{Workers: 1, MaxPages: max(o.MaxPages, 0), Pages: o.Pages}) // the pool runs files in parallel
		ch <- result{doc, err}
	}()
	select {
	case r := <-ch:
		if r.err != nil && ctx.Err() != nil {
			return nil, ctx.Err() // killed because the time was up
		}
		return r.doc, r.err
	case <-ctx.Done():
		if o.Isolate {
			// The child's group is being killed: wait until it is reaped,
			// so that no process of the file outlives its record (a batch
			// that ended first would leave a grandchild behind, as
			// Pdeathsig kills only the child).
			if r := <-ch; r.err == nil {
				return r.doc, nil
			}
			return nil, ctx.Err()
		}
		select {
		case r := <-ch: // finished just in time
			if r.err == nil {
				return r.doc, nil
			}
		default:
		}
		return nil, ctx.Err()
	}
}

// duplicate is the record of an input whose bytes (sha256 sum) are those
// of orig, an earlier input of the run: not converted, nothing written.
func duplicate(o *Options, in Input, sum string, orig Input) Record {
	return Record{Path: in.Path, Output: in.Output, SHA256: sum, Status: StatusDuplicate,
		DuplicateOf: orig.Path, PageSelection: o.pageSelection()}
}

// hashOf is the hex sha256 of data.
func hashOf(data []byte) string {
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

// hashInputs hashes the inputs' files on workers goroutines, streaming
// each; an input that cannot be read (or is not reached before ctx ends)
// has "".
func hashInputs(ctx context.Context, inputs []Input, workers int) []string {
	sums := make([]string, len(inputs))
	var next atomic.Int64
	var wg sync.WaitGroup
	for range max(1, min(workers, len(inputs))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(inputs) || ctx.Err() != nil {
					return
				}
				sums[i], _ = hashFile(inputs[i].Path)
			}
		}()
	}
	wg.Wait()
	return sums
}

// hashFile is the hex sha256 of the file at path.
func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}

// failed makes rec an error record.
func failed(rec Record, code string, err error) Record {
	rec.Status, rec.Code = StatusError, code
	rec.Message = extract.Sanitize(err.Error(), extract.MaxMessage)
	return rec
}

// seconds rounds d to milliseconds.
func seconds(d time.Duration) float64 {
	return math.Round(d.Seconds()*1000) / 1000
}
