package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"runtime/debug"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// hostileDir holds damaged and hostile inputs, one reproducer per failure
// found, with a README saying what each must give.
const hostileDir = "../../../shared/corpus/hostile"

// hostileWant is a README row: the exit codes allowed, and the bounds.
type hostileWant struct {
	exits   []int         // contract exit numbers allowed
	seconds time.Duration // wall time bound
	mb      int64         // peak RSS bound, MB
	warning string        // when it converts: a page warning must contain this
	args    []string      // extra arguments
}

// hostileRows are the README's "must" column, file by file (mutation/*.pdf
// take the default row: a contract code in < 5 s under 500 MB).
var hostileRows = map[string]hostileWant{
	"oom_tm_scale_1e9.pdf":             {exits: []int{0}, seconds: 2 * time.Second, mb: 200},
	"oom_tm_scale_1e7.pdf":             {exits: []int{0}, seconds: 2 * time.Second, mb: 200},
	"nest_arr_10000000.pdf":            {exits: []int{exitCorrupt}, mb: 100},
	"nest_arr_1000000.pdf":             {exits: []int{exitCorrupt}, mb: 100},
	"objstm_contains_itself.pdf":       {exits: []int{exitCorrupt}},
	"objstm_length_inside.pdf":         {exits: []int{exitCorrupt}},
	"hang_objnum_2e31.pdf":             {exits: []int{0, exitCorrupt}},
	"hang_objnum_1e8.pdf":              {exits: []int{0, exitCorrupt}},
	"bomb_double_flate_1GB.pdf":        {exits: []int{0}, warning: "Limits.StreamBytes"},
	"bomb_double_flate_3GB.pdf":        {exits: []int{0}, warning: "Limits.StreamBytes"},
	"bomb_double_flate_10GB.pdf":       {exits: []int{0}, warning: "Limits.StreamBytes"},
	"glyphs_one_Tj_16MB_Tz0.pdf":       {exits: []int{0}, warning: "Limits.PageGlyphs"},
	"font_W_10000ranges_65535.pdf":     {exits: []int{exitNoText}, seconds: time.Second},
	"long_message_1MB.pdf":             {exits: []int{exitCorrupt}},
	"stderr_escape_injection.pdf":      {exits: []int{exitCorrupt}},
	"filter_corrupt_flate.pdf":         {exits: []int{exitCorrupt}},
	"enc_s02_owner_rc4-40.pdf":         {exits: []int{0}},
	"enc_s02_owner_aes128.pdf":         {exits: []int{0}},
	"enc_s02_user_aes256.pdf":          {exits: []int{exitNeedsPasswd}},
	"inject.pdf":                       {exits: []int{0}},
	"mutation/02911_page8.pdf":         {exits: []int{0, exitCorrupt}},
	"enc_s02_user_aes256.pdf+owner":    {exits: []int{0}, args: []string{"--password", "ownerpw"}},
	"enc_s02_user_aes256.pdf+user":     {exits: []int{0}, args: []string{"--password", "userpw"}},
	"enc_s02_user_aes256.pdf+wrong":    {exits: []int{exitNeedsPasswd}, args: []string{"--password", "wrong"}},
	"mutation/00178.pdf":               {exits: []int{0, exitCorrupt}},
	"mutation/01764.pdf":               {exits: []int{0, exitCorrupt}},
	"mutation/01988.pdf":               {exits: []int{0, exitCorrupt}},
	"mutation/02393.pdf":               {exits: []int{0, exitCorrupt}},
	"mutation/02473.pdf":               {exits: []int{0, exitCorrupt}},
	"mutation/03049.pdf":               {exits: []int{0, exitCorrupt}},
	"../real/js-swbgt-2017-tables.pdf": {exits: []int{0}}, // the plain file the encrypted copies are made from
}

// buildCLI builds the command into a temporary folder, once per test;
// $BUDGETPDF_CLI names another build to hold to the same rows.
func buildCLI(t *testing.T) string {
	t.Helper()
	if exe := os.Getenv("BUDGETPDF_CLI"); exe != "" {
		return exe
	}
	exe := filepath.Join(t.TempDir(), "budgetpdf")
	if out, err := exec.Command("go", "build", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return exe
}

// childRun is one run of the command in a child process.
type childRun struct {
	exit           int
	stdout, stderr []byte
	wall           time.Duration
	maxRSS         int64         // KB, from the child's rusage
	cpu            time.Duration // user + system, from the child's rusage
}

// runChild runs exe with args, killed after timeout and capped at 3 GB of
// address space (a runaway must not take the shared machine down with it).
func runChild(t *testing.T, exe string, timeout time.Duration, args ...string) childRun {
	t.Helper()
	cmd := exec.Command("/bin/sh", append([]string{"-c", `ulimit -v 3000000; exec "$0" "$@"`, exe}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	resetPeakRSS()
	start := time.Now()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	timer := time.AfterFunc(timeout, func() { cmd.Process.Kill() })
	err := cmd.Wait()
	timer.Stop()
	r := childRun{stdout: stdout.Bytes(), stderr: stderr.Bytes(), wall: time.Since(start)}
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		t.Fatal(err)
	}
	r.exit = cmd.ProcessState.ExitCode()
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSS = ru.Maxrss
		r.cpu = time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
	}
	return r
}

// resetPeakRSS lowers this process's peak RSS to what it holds now. A
// child's rusage peak counts its parent's memory at the child's exec (Go
// starts children with CLONE_VM, so the parent's address space is the
// child's until it execs): after tests that held a few hundred MB, a child
// of 14 MB reported the test binary's 101 MB. Freeing what the collector
// can and resetting the peak (clear_refs, Linux) leaves the child's own
// figure, plus at most the test binary's current size. Where /proc cannot
// be written the figure keeps the parent's peak, an upper bound.
func resetPeakRSS() {
	debug.FreeOSMemory()
	_ = os.WriteFile("/proc/self/clear_refs", []byte("5"), 0)
}

// checkStderr: nothing on success; otherwise one line of at most 300 bytes,
// valid UTF-8, without control characters, naming the file, and no trace.
func checkStderr(t *testing.T, r childRun, file string) {
	t.Helper()
	s := string(r.stderr)
	if r.exit == 0 {
		if s != "" {
			t.Errorf("exit 0 with stderr %.200q", s)
		}
		return
	}
	line, ok := strings.CutSuffix(s, "\n")
	switch {
	case !ok || strings.Contains(line, "\n"):
		t.Errorf("stderr is not one line: %d lines, %.200q", strings.Count(s, "\n"), s)
	case len(line) > 300:
		t.Errorf("stderr line of %d bytes", len(line))
	case !utf8.ValidString(line):
		t.Errorf("stderr not UTF-8: %.200q", line)
	case strings.Contains(line, "goroutine ") || strings.Contains(line, "runtime."):
		t.Errorf("Go trace in stderr: %.200q", line)
	case !strings.HasPrefix(line, "budgetpdf: "+strconv.Quote(file)+": "):
		t.Errorf("stderr does not name the file: %.200q", line)
	}
	for _, c := range line {
		if c < 0x20 || c == 0x7f || (c >= 0x80 && c < 0xa0) {
			t.Errorf("control character %U in stderr: %.200q", c, line)
			break
		}
	}
}

// TestHostileCorpus runs every reproducer of ../shared/corpus/hostile (and
// mutation/) in a child process and holds it to its README row: the exit
// code, one clean stderr line, the time and the memory bounds; the
// encrypted copies of a real file give that file's output byte for byte
// apart from source.
func TestHostileCorpus(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*.pdf"))
	muts, _ := filepath.Glob(filepath.Join(hostileDir, "mutation", "*.pdf"))
	if len(files) == 0 {
		t.Skipf("no hostile corpus at %s", hostileDir)
	}
	exe := buildCLI(t)
	cases := map[string]hostileWant{}
	for _, f := range append(files, muts...) {
		rel, _ := filepath.Rel(hostileDir, f)
		w, ok := hostileRows[rel]
		if !ok {
			w = hostileWant{exits: []int{0, exitNotPDF, exitCorrupt, exitNeedsPasswd, exitNoText}}
		}
		cases[rel] = w
	}
	for name, w := range hostileRows {
		if strings.Contains(name, "+") || strings.HasPrefix(name, "../") {
			if _, err := os.Stat(filepath.Join(hostileDir, strings.Split(name, "+")[0])); err == nil {
				cases[name] = w
			}
		}
	}
	outputs := map[string][]byte{}
	for name, w := range cases {
		t.Run(name, func(t *testing.T) {
			file := filepath.Join(hostileDir, strings.Split(name, "+")[0])
			bound := w.seconds
			if bound == 0 {
				bound = 5 * time.Second
			}
			mb := w.mb
			if mb == 0 {
				mb = 500
			}
			r := runChild(t, exe, 2*bound+5*time.Second, append([]string{"extract", file}, w.args...)...)
			t.Logf("exit %d, %v wall, %v CPU, %d MB peak RSS", r.exit, r.wall.Round(time.Millisecond), r.cpu.Round(time.Millisecond), r.maxRSS>>10)
			allowed := false
			for _, e := range w.exits {
				allowed = allowed || r.exit == e
			}
			if !allowed {
				t.Errorf("exit %d, want one of %v; stderr %.200q", r.exit, w.exits, r.stderr)
			}
			checkStderr(t, r, file)
			// The bound holds for the CPU time the child used; the wall
			// clock gets twice the bound, as the machine is shared.
			if r.cpu > bound {
				t.Errorf("used %v of CPU, bound %v", r.cpu.Round(time.Millisecond), bound)
			}
			if r.wall > 2*bound {
				t.Errorf("took %v, bound %v", r.wall.Round(time.Millisecond), bound)
			}
			if r.maxRSS > mb<<10 {
				t.Errorf("peak RSS %d MB, bound %d MB", r.maxRSS>>10, mb)
			}
			if r.exit != 0 {
				return
			}
			var doc struct {
				Warnings []struct {
					Page    int
					Code    string
					Message string
				}
			}
			if err := json.Unmarshal(r.stdout, &doc); err != nil {
				t.Fatalf("exit 0 with invalid JSON: %v", err)
			}
			if w.warning != "" {
				found := false
				for _, x := range doc.Warnings {
					found = found || x.Page > 0 && strings.Contains(x.Message, w.warning)
				}
				if !found {
					t.Errorf("no page warning naming %s: %+v", w.warning, doc.Warnings)
				}
			}
			outputs[name] = r.stdout
		})
	}
	// The encrypted copies of js-swbgt-2017-tables give its output.
	plain, ok := outputs["../real/js-swbgt-2017-tables.pdf"]
	if !ok {
		return
	}
	for _, name := range []string{"enc_s02_owner_rc4-40.pdf", "enc_s02_owner_aes128.pdf", "enc_s02_user_aes256.pdf+owner", "enc_s02_user_aes256.pdf+user"} {
		if got, ok := outputs[name]; ok {
			if d := diffApartFromSource(plain, got); d != "" {
				t.Errorf("%s: output differs from the plain file's: %s", name, d)
			}
		} else {
			t.Errorf("%s: no output", name)
		}
	}
}

// diffApartFromSource compares two JSON documents with their source
// objects removed, and says where they first differ ("" when equal).
func diffApartFromSource(a, b []byte) string {
	strip := func(data []byte) []string {
		var m map[string]json.RawMessage
		if err := json.Unmarshal(data, &m); err != nil {
			return []string{"invalid JSON: " + err.Error()}
		}
		delete(m, "source")
		out, _ := json.MarshalIndent(m, "", " ")
		return strings.Split(string(out), "\n")
	}
	la, lb := strip(a), strip(b)
	for i := 0; i < max(len(la), len(lb)); i++ {
		if i >= len(la) || i >= len(lb) || la[i] != lb[i] {
			get := func(l []string) string {
				if i < len(l) {
					return l[i]
				}
				return "(end)"
			}
			return "line " + strconv.Itoa(i+1) + ": " + get(la) + " vs " + get(lb)
		}
	}
	return ""
}
