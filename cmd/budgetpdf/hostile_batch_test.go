package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/budgetpdf/budgetpdf/batch"
)

// goodFiles are the n smallest PDFs of the national corpus (ties by path):
// real disclosures that convert, chosen without looking at their outputs.
func goodFiles(t *testing.T, n int) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir(nationalDir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.EqualFold(filepath.Ext(p), ".pdf") {
			files = append(files, p)
		}
		return err
	})
	if err != nil || len(files) < n {
		t.Skipf("national corpus at %s: %d PDFs, %v", nationalDir, len(files), err)
	}
	size := map[string]int64{}
	for _, f := range files {
		st, err := os.Stat(f)
		if err != nil {
			t.Fatal(err)
		}
		size[f] = st.Size()
	}
	sort.Slice(files, func(i, j int) bool {
		if size[files[i]] != size[files[j]] {
			return size[files[i]] < size[files[j]]
		}
		return files[i] < files[j]
	})
	return files[:n]
}

// exitCodes are the contract's failure codes by exit number.
var exitCodes = map[int]string{exitNotPDF: "not_pdf", exitCorrupt: "corrupt", exitNeedsPasswd: "needs_password", exitNoText: "no_text_layer"}

// treeRSS samples, every interval, the summed resident set of pid and all
// its descendants (found by their parent in /proc/PID/stat, whatever their
// process group), and returns a stop function giving the largest sum seen
// and the most processes seen at once.
func treeRSS(pid int, interval time.Duration) (stop func() (peakKB int64, procs int)) {
	done := make(chan struct{})
	var wg sync.WaitGroup
	var peak int64
	var most int
	page := int64(os.Getpagesize()) >> 10
	wg.Add(1)
	go func() {
		defer wg.Done()
		tick := time.NewTicker(interval)
		defer tick.Stop()
		for {
			ents, _ := os.ReadDir("/proc")
			parent := map[int]int{}
			for _, e := range ents {
				p, err := strconv.Atoi(e.Name())
				if err != nil {
					continue
				}
				b, err := os.ReadFile("/proc/" + e.Name() + "/stat")
				if err != nil {
					continue
				}
				// pid (comm) state ppid ...: comm may hold spaces and parens.
				rest := b[bytes.LastIndexByte(b, ')')+1:]
				f := strings.Fields(string(rest))
				if len(f) > 1 {
					parent[p], _ = strconv.Atoi(f[1])
				}
			}
			var sum int64
			n := 0
			for p := range parent {
				q := p
				for q != pid && q > 1 {
					q = parent[q]
				}
				if q != pid {
					continue
				}
				b, err := os.ReadFile("/proc/" + strconv.Itoa(p) + "/statm")
				if err != nil {
					continue
				}
				if f := strings.Fields(string(b)); len(f) > 1 {
					pages, _ := strconv.ParseInt(f[1], 10, 64)
					sum += pages * page
					n++
				}
			}
			peak, most = max(peak, sum), max(most, n)
			select {
			case <-done:
				return
			case <-tick.C:
			}
		}
	}()
	return func() (int64, int) {
		close(done)
		wg.Wait()
		return peak, most
	}
}

// TestHostileBatch runs the built command's `batch -j 2` over every file of
// ../shared/corpus/hostile (mutation/ too) and the 30 smallest PDFs of the
// national corpus, in process and isolated: the batch finishes, each
// hostile file's record has the code its README row demands (a page
// warning naming the limit where the row asks for one), every good file
// converts (a record that is not an error, and its document as JSON), and the run's peak RSS, children included, stays under 1 GB:
// both the /proc-sampled sum over the process tree and a bound no
// sampling gap can miss: the largest single process's peak (the batch's
// rusage covers its reaped children) times the processes that run at once
// (1 in process, workers+1 isolated).
func TestHostileBatch(t *testing.T) {
	if testing.Short() {
		t.Skip("runs two batches of 58 files")
	}
	hostile, _ := filepath.Glob(filepath.Join(hostileDir, "*.pdf"))
	muts, _ := filepath.Glob(filepath.Join(hostileDir, "mutation", "*.pdf"))
	if len(hostile) == 0 {
		t.Skipf("no hostile corpus at %s", hostileDir)
	}
	hostile = append(hostile, muts...)
	good := goodFiles(t, 30)
	exe := buildCLI(t)
	const workers, boundMB = 2, 1024
	for _, mode := range []struct {
		name  string
		args  []string
		procs int64 // processes at once: the batch, and a child per worker when isolated
	}{{"in-process", nil, 1}, {"isolated", []string{"--isolate"}, workers + 1}} {
		t.Run(mode.name, func(t *testing.T) {
			out := t.TempDir()
			args := append([]string{"batch", "-j", strconv.Itoa(workers), "--out", out}, mode.args...)
			args = append(append(args, hostile...), good...)
			cmd := exec.Command(exe, args...)
			var stdout, stderr bytes.Buffer
			cmd.Stdout, cmd.Stderr = &stdout, &stderr
			resetPeakRSS() // the child's rusage peak is then its own
			start := time.Now()
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			stop := treeRSS(cmd.Process.Pid, 5*time.Millisecond)
			timer := time.AfterFunc(150*time.Second, func() { cmd.Process.Kill() })
			err := cmd.Wait()
			timer.Stop()
			wall := time.Since(start)
			sampled, procs := stop()
			if _, ok := err.(*exec.ExitError); err != nil && !ok {
				t.Fatal(err)
			}
			ru, _ := cmd.ProcessState.SysUsage().(*syscall.Rusage)
			if ru == nil {
				t.Fatal("no rusage")
			}
			cpu := time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
			bound := mode.procs * ru.Maxrss
			t.Logf("%d hostile + %d good files: exit %d, %v wall, %v CPU; peak RSS: largest process %d MB, sampled tree sum %d MB (%d processes at most), bound %d×largest %d MB",
				len(hostile), len(good), cmd.ProcessState.ExitCode(), wall.Round(time.Millisecond), cpu.Round(time.Millisecond),
				ru.Maxrss>>10, sampled>>10, procs, mode.procs, bound>>10)
			if code := cmd.ProcessState.ExitCode(); code != 1 {
				t.Fatalf("exit %d, want 1 (some files fail); stderr %.300q", code, stderr.String())
			}
			want := "batch: " + strconv.Itoa(len(hostile)+len(good)) + " inputs: "
			if !strings.HasPrefix(stdout.String(), want) {
				t.Errorf("stdout %q, want it to start %q", stdout.String(), want)
			}
			if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "runtime.") {
				t.Errorf("Go trace in stderr: %.300q", stderr.String())
			}
			if sampled > boundMB<<10 || bound > boundMB<<10 {
				t.Errorf("peak RSS: sampled %d MB, bound %d MB; the issue's bound is %d MB", sampled>>10, bound>>10, boundMB)
			}
			recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
			if err != nil {
				t.Fatal(err)
			}
			byPath := map[string]batch.Record{}
			for _, r := range recs {
				byPath[r.Path] = r
			}
			if len(byPath) != len(hostile)+len(good) {
				t.Errorf("%d records for %d inputs", len(byPath), len(hostile)+len(good))
			}
			for _, f := range good {
				r, ok := byPath[f]
				if !ok || r.Status == batch.StatusError {
					t.Errorf("good %s: %+v", f, r)
					continue
				}
				b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(r.Output)))
				if err != nil || !json.Valid(b) {
					t.Errorf("good %s: output %s: %v, %d bytes not JSON", f, r.Output, err, len(b))
				}
			}
			for _, f := range hostile {
				rel, _ := filepath.Rel(hostileDir, f)
				w, ok := hostileRows[rel]
				if !ok {
					w = hostileWant{exits: []int{0, exitNotPDF, exitCorrupt, exitNeedsPasswd, exitNoText}}
				}
				r, found := byPath[f]
				if !found {
					t.Errorf("%s: no record", rel)
					continue
				}
				bound := w.seconds
				if bound == 0 {
					bound = 5 * time.Second
				}
				if r.Seconds > 2*bound.Seconds() {
					t.Errorf("%s: %.3f s, bound %v", rel, r.Seconds, bound)
				}
				allowed := false
				var codes []string
				for _, e := range w.exits {
					c, isErr := exitCodes[e]
					if e == 0 {
						c = "converted"
					}
					codes = append(codes, c)
					allowed = allowed || (isErr && r.Status == batch.StatusError && r.Code == c) ||
						(e == 0 && r.Status != batch.StatusError)
				}
				if !allowed {
					t.Errorf("%s: %s %s %q, want one of %v", rel, r.Status, r.Code, r.Message, codes)
					continue
				}
				if r.Status == batch.StatusError || w.warning == "" {
					continue
				}
				b, err := os.ReadFile(filepath.Join(out, filepath.FromSlash(r.Output)))
				if err != nil {
					t.Fatal(err)
				}
				var doc struct {
					Warnings []struct {
						Page    int
						Message string
					}
				}
				if err := json.Unmarshal(b, &doc); err != nil {
					t.Fatalf("%s: %v", rel, err)
				}
				found = false
				for _, x := range doc.Warnings {
					found = found || x.Page > 0 && strings.Contains(x.Message, w.warning)
				}
				if !found {
					t.Errorf("%s: no page warning naming %s: %+v", rel, w.warning, doc.Warnings)
				}
			}
		})
	}
}
