package pipeline

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"syscall"
	"testing"
	"time"
)

// corpusFiles are the PDFs of the national and real corpora.
func corpusFiles(b *testing.B) []string {
	var files []string
	for _, g := range []string{nationalDir + "/*/*.pdf", realDir + "/*.pdf"} {
		m, _ := filepath.Glob(g)
		files = append(files, m...)
	}
	if len(files) == 0 {
		b.Skip("no corpus PDFs under ../shared/corpus")
	}
	return files
}

// cpuOf runs cmd and returns its CPU time (user + system) and peak RSS.
// A child's rusage peak counts its parent's memory at its exec (children
// start with CLONE_VM): this process's peak is reset to what it holds
// first (clear_refs, Linux), so the figure is the child's.
func cpuOf(b *testing.B, cmd *exec.Cmd) (time.Duration, int64) {
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
	if err := cmd.Run(); err != nil {
		b.Logf("%s: %v", cmd, err)
	}
	ps := cmd.ProcessState
	if ps == nil {
		return 0, 0
	}
	var rss int64
	if ru, ok := ps.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss * 1024
	}
	return ps.UserTime() + ps.SystemTime(), rss
}

// BenchmarkCorpus is the performance figure of the README: the national and
// real corpora through the whole structured extraction, one process per
// file (`budgetpdf extract F --format json`, built into a temporary
// folder), alternated file by file with `mutool draw -F txt` and
// `pdftotext -layout` in the same run. One iteration is one round over the
// files; the ratios are the medians over rounds of our CPU time (user +
// system) over theirs. It also reports pages per CPU second, start-up (the
// median wall time of `budgetpdf version`), the largest RSS of our processes,
// and from one in-process pass allocations per page and the peak heap.
//
//	go test ./pipeline -run '^$' -bench Corpus -benchtime 3x
func BenchmarkCorpus(b *testing.B) {
	files := corpusFiles(b)
	bin := filepath.Join(b.TempDir(), "budgetpdf")
	build := exec.Command("go", "build", "-o", bin, "../cmd/budgetpdf")
	build.Env = append(os.Environ(), "CGO_ENABLED=0") // static, as make build and the Dockerfile build it
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	pages := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		n, err := Pages(data)
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		pages += n
	}
	// Every tool writes to a file in the temporary folder, never to
	// os.DevNull: mutool run as root replaces /dev/null with a regular file.
	out := filepath.Join(b.TempDir(), "out")
	tools := []struct {
		name string
		cmd  func(f string) *exec.Cmd
	}{
		{"ours", func(f string) *exec.Cmd {
			return exec.Command(bin, "extract", f, "--format", "json", "-o", out+".json")
		}},
		{"mutool", func(f string) *exec.Cmd {
			return exec.Command("mutool", "draw", "-q", "-F", "txt", "-o", out+".txt", f)
		}},
		{"pdftotext", func(f string) *exec.Cmd { return exec.Command("pdftotext", "-layout", f, out+".layout.txt") }},
	}
	have := map[string]bool{"ours": true}
	for _, t := range tools[1:] {
		_, err := exec.LookPath(t.name)
		have[t.name] = err == nil
	}
	var ratioMu, ratioPt, ours []float64
	var rss int64
	b.ResetTimer()
	for b.Loop() {
		cpu := map[string]time.Duration{}
		for _, f := range files {
			for _, t := range tools {
				if !have[t.name] {
					continue
				}
				c, r := cpuOf(b, t.cmd(f))
				cpu[t.name] += c
				if t.name == "ours" {
					rss = max(rss, r)
				}
			}
		}
		ours = append(ours, cpu["ours"].Seconds())
		if have["mutool"] {
			ratioMu = append(ratioMu, cpu["ours"].Seconds()/cpu["mutool"].Seconds())
		}
		if have["pdftotext"] {
			ratioPt = append(ratioPt, cpu["ours"].Seconds()/cpu["pdftotext"].Seconds())
		}
	}
	b.StopTimer()
	median := func(v []float64) float64 {
		v = slices.Clone(v)
		slices.Sort(v)
		return v[len(v)/2]
	}
	b.ReportMetric(float64(pages)/median(ours), "pages/cpu-s")
	b.ReportMetric(float64(rss)/(1<<20), "peak-RSS-MB")
	if len(ratioMu) > 0 {
		b.ReportMetric(median(ratioMu), "ratio-mutool")
	}
	if len(ratioPt) > 0 {
		b.ReportMetric(median(ratioPt), "ratio-pdftotext")
	}
	b.ReportMetric(startupMillis(b, bin), "startup-ms")
	allocs, bytes, peak := inProcess(b, files)
	b.ReportMetric(allocs/float64(pages), "allocs/page")
	b.ReportMetric(bytes/float64(pages)/1024, "alloc-KB/page")
	b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
}

// startupMillis is the median wall time of `budgetpdf version` over 21 runs.
func startupMillis(b *testing.B, bin string) float64 {
	var ms []float64
	for range 21 {
		start := time.Now()
		if err := exec.Command(bin, "version").Run(); err != nil {
			b.Fatalf("budgetpdf version: %v", err)
		}
		ms = append(ms, float64(time.Since(start).Microseconds())/1000)
	}
	slices.Sort(ms)
	return ms[len(ms)/2]
}

// inProcess converts the files once in this process and returns the heap
// allocations made, the bytes they took, and the largest live heap seen
// (sampled every millisecond).
func inProcess(b *testing.B, files []string) (allocs, bytes float64, peak uint64) {
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
	done := make(chan struct{})
	peaked := make(chan uint64)
	go func() {
		var hi uint64
		tick := time.NewTicker(time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-done:
				peaked <- hi
				return
			case <-tick.C:
				metrics.Read(sample)
				hi = max(hi, sample[0].Value.Uint64())
			}
		}
	}()
	var m0, m1 runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&m0)
	for _, f := range files {
		if _, err := Convert([]string{f}, Options{}); err != nil {
			b.Fatalf("%s: %v", f, err)
		}
	}
	runtime.ReadMemStats(&m1)
	close(done)
	return float64(m1.Mallocs - m0.Mallocs), float64(m1.TotalAlloc - m0.TotalAlloc), <-peaked
}
