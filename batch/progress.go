package batch

import (
	"fmt"
	"io"
	"strings"
	"time"
)

// progress reports how far a run is: on a terminal a bar redrawn in place,
// elsewhere a plain line now and then. Its caller serializes the calls.
type progress struct {
	w                    io.Writer
	terminal             bool
	every                time.Duration
	total, ndone, failed int
	resumed, duplicates  int
	start, last          time.Time
}

func newProgress(o Options, total int) *progress {
	now := time.Now()
	return &progress{w: o.Progress, terminal: o.Terminal, every: o.ProgressEvery, total: total, start: now, last: now}
}

// done counts one finished input.
func (p *progress) done(rec Record) {
	if p.w == nil {
		return
	}
	p.ndone++
	if rec.Status == StatusError {
		p.failed++
	}
	if rec.Resumed {
		p.resumed++
	}
	if rec.Status == StatusDuplicate {
		p.duplicates++
	}
	switch {
	case p.terminal:
		fmt.Fprintf(p.w, "\r\033[K%s", p.line(true)) // ESC [K clears what a longer line left
	case time.Since(p.last) >= p.every:
		fmt.Fprintln(p.w, p.line(false))
		p.last = time.Now()
	}
}

// end prints the last report.
func (p *progress) end() {
	if p.w == nil {
		return
	}
	if p.terminal {
		fmt.Fprintf(p.w, "\r\033[K%s\n", p.line(true))
		return
	}
	fmt.Fprintln(p.w, p.line(false))
}

// line renders "[#####     ] 12/40 files, 1 failed, 0 duplicates, 3 resumed, 2.5 files/s,
// about 11s left".
func (p *progress) line(bar bool) string {
	var b strings.Builder
	b.WriteString("batch: ")
	if bar {
		const width = 30
		n := width
		if p.total > 0 {
			n = width * p.ndone / p.total
		}
		b.WriteString("[" + strings.Repeat("#", n) + strings.Repeat(" ", width-n) + "] ")
	}
	fmt.Fprintf(&b, "%d/%d files, %d failed, %d duplicates, %d resumed", p.ndone, p.total, p.failed, p.duplicates, p.resumed)
	if s := time.Since(p.start).Seconds(); s > 0 && p.ndone > 0 {
		rate := float64(p.ndone) / s
		fmt.Fprintf(&b, ", %.1f files/s", rate)
		if left := p.total - p.ndone; left > 0 {
			eta := time.Duration(float64(left) / rate * float64(time.Second))
			fmt.Fprintf(&b, ", about %s left", eta.Round(time.Second))
		}
	}
	return b.String()
}
