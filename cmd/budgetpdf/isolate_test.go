package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/pipeline"
)

// Environment of the hanging child the tests below plant in the test binary
// (which acts as budgetpdf with batchChildEnv, so its isolated children are
// the test binary too): with hangEnv=DIR an isolated child writes "PID
// PGID" (and its grandchild's PID with hangSpawn=1) to DIR/PID and sleeps
// instead of converting; with hangSleep=1 the process only sleeps (the
// grandchild). A process of a test carries hangEnv=DIR, so /proc finds them.
const (
	hangEnv   = "BUDGETPDF_TEST_HANG"
	hangSpawn = "BUDGETPDF_TEST_HANG_SPAWN"
	hangSleep = "BUDGETPDF_TEST_HANG_SLEEP"
)

// A package variable's initializer runs before every init (batch_test.go's
// init turns the binary into budgetpdf at once).
var _ = hangingChild()

func hangingChild() bool {
	dir := os.Getenv(hangEnv)
	if dir == "" {
		return false
	}
	if os.Getenv(hangSleep) == "1" {
		time.Sleep(10 * time.Minute)
		os.Exit(0)
	}
	if len(os.Args) < 2 || os.Args[1] != pipeline.ChildCommand {
		return false
	}
	note := fmt.Sprintf("%d %d", os.Getpid(), syscall.Getpgrp())
	if os.Getenv(hangSpawn) == "1" {
		exe, _ := os.Executable()
		gc := exec.Command(exe)
		gc.Env = append(os.Environ(), hangSleep+"=1")
		if err := gc.Start(); err != nil {
			os.Exit(3)
		}
		note += " " + strconv.Itoa(gc.Process.Pid)
	}
	if err := os.WriteFile(filepath.Join(dir, strconv.Itoa(os.Getpid())), []byte(note), 0o644); err != nil {
		os.Exit(3)
	}
	time.Sleep(10 * time.Minute)
	os.Exit(0)
	return true
}

// marked lists the live processes whose environment or command line holds
// mark (zombies, whose memory is gone, are dead).
func marked(mark string) []int {
	var pids []int
	ents, _ := os.ReadDir("/proc")
	for _, e := range ents {
		pid, err := strconv.Atoi(e.Name())
		if err != nil || pid == os.Getpid() {
			continue
		}
		env, _ := os.ReadFile("/proc/" + e.Name() + "/environ")
		cmdline, _ := os.ReadFile("/proc/" + e.Name() + "/cmdline")
		if (bytes.Contains(env, []byte(mark)) || bytes.Contains(cmdline, []byte(mark))) && alive(pid) {
			pids = append(pids, pid)
		}
	}
	return pids
}

// alive reports whether pid is a process that has not ended (a zombie has).
func alive(pid int) bool {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		return false
	}
	f := strings.Fields(string(b[bytes.LastIndexByte(b, ')')+1:]))
	return len(f) > 0 && f[0] != "Z" && f[0] != "X"
}

// stillAlive waits up to d for pid to end and reports whether it has not.
// A killed process first stops showing its environment (waitGone no longer
// finds it) and only then becomes a zombie: checked at once, it can still
// be running its exit.
func stillAlive(pid int, d time.Duration) bool {
	end := time.Now().Add(d)
	for alive(pid) && time.Now().Before(end) {
		time.Sleep(10 * time.Millisecond)
	}
	return alive(pid)
}

// waitGone waits up to d for no process to carry mark, and returns those left.
func waitGone(mark string, d time.Duration) []int {
	end := time.Now().Add(d)
	for {
		left := marked(mark)
		if len(left) == 0 || time.Now().After(end) {
			return left
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// hangNotes waits up to d for n children to write their notes, and returns
// them as numbers: PID, PGID and the grandchild's PID if any.
func hangNotes(t *testing.T, dir string, n int, d time.Duration) [][]int {
	t.Helper()
	end := time.Now().Add(d)
	for {
		ents, _ := os.ReadDir(dir)
		var notes [][]int
		for _, e := range ents {
			b, _ := os.ReadFile(filepath.Join(dir, e.Name()))
			var note []int
			for _, f := range strings.Fields(string(b)) {
				v, _ := strconv.Atoi(f)
				note = append(note, v)
			}
			if len(note) >= 2 {
				notes = append(notes, note)
			}
		}
		if len(notes) >= n {
			return notes
		}
		if time.Now().After(end) {
			t.Fatalf("%d of %d children started in %v", len(notes), n, d)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// smallInputs writes n tiny inputs (the hanging child never reads them).
func smallInputs(t *testing.T, n int) []string {
	t.Helper()
	dir := t.TempDir()
	var files []string
	for i := range n {
		f := filepath.Join(dir, fmt.Sprintf("in%d.pdf", i))
		// distinct bytes: the batch converts identical inputs once
		if err := os.WriteFile(f, fmt.Appendf(nil, "%%PDF-1.4\n%% input %d\n%%%%EOF\n", i), 0o644); err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return files
}

// hangBatch starts the test binary as `budgetpdf batch --isolate` over
// files with the hanging child planted; notes go to the returned folder.
func hangBatch(t *testing.T, spawn bool, files []string, args ...string) (*exec.Cmd, string, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	notes, out := t.TempDir(), t.TempDir()
	cmd := exec.Command(exe, append(append([]string{"batch", "--isolate", "--out", out}, args...), files...)...)
	cmd.Env = append(os.Environ(), batchChildEnv+"=1", hangEnv+"="+notes)
	if spawn {
		cmd.Env = append(cmd.Env, hangSpawn+"=1")
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		cmd.Process.Kill()
		cmd.Wait()
		for _, pid := range marked(hangEnv + "=" + notes) {
			syscall.Kill(pid, syscall.SIGKILL) // a failed test leaves nothing behind
		}
	})
	return cmd, notes, out
}

// TestIsolateParentKilled: when the batch parent is killed with SIGKILL
// (nothing of it runs to clean up), its isolated children, each the
// leader of its own process group, die too (Pdeathsig): after a short wait
// no process of the batch is alive.
func TestIsolateParentKilled(t *testing.T) {
	cmd, notes, _ := hangBatch(t, false, smallInputs(t, 3), "-j", "2", "--timeout", "10m")
	children := hangNotes(t, notes, 2, 20*time.Second)
	for _, c := range children {
		if c[1] != c[0] {
			t.Errorf("child %d in process group %d, not its own", c[0], c[1])
		}
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	cmd.Wait()
	left := waitGone(hangEnv+"="+notes, 3*time.Second)
	t.Logf("parent %d killed with 2 children %v running; %d processes left after it", cmd.Process.Pid, children, len(left))
	if len(left) > 0 {
		t.Errorf("processes of the killed batch still alive: %v", left)
	}
	for _, c := range children {
		if stillAlive(c[0], time.Second) {
			t.Errorf("child %d alive", c[0])
		}
	}
}

// TestIsolateTimeoutKillsGroup: a child past --timeout is killed with its
// whole process group, a grandchild it started included, and the file's
// record is a timeout under its name.
func TestIsolateTimeoutKillsGroup(t *testing.T) {
	files := smallInputs(t, 1)
	cmd, notes, out := hangBatch(t, true, files, "--timeout", "2s")
	children := hangNotes(t, notes, 1, 20*time.Second)
	if len(children[0]) != 3 {
		t.Fatalf("child note %v has no grandchild", children[0])
	}
	start := time.Now()
	err := cmd.Wait()
	t.Logf("batch ended %v after the child %d (grandchild %d) started: %v", time.Since(start).Round(time.Millisecond), children[0][0], children[0][2], err)
	if code := cmd.ProcessState.ExitCode(); code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, pid := range []int{children[0][0], children[0][2]} {
		if stillAlive(pid, time.Second) {
			t.Errorf("process %d of the timed-out child's group alive", pid)
		}
	}
	recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
	if err != nil || len(recs) != 1 || recs[0].Path != files[0] || recs[0].Code != batch.CodeTimeout || !strings.Contains(recs[0].Message, "2s") {
		t.Errorf("records %+v, %v; want one timeout of %s", recs, err, files[0])
	}
}

// TestIsolateTimeoutHostile: the built command's isolated batch over a
// Flate bomb of the hostile corpus (a few hundred ms of decompression up to
// the stream limit) with a 20 ms timeout records a timeout under the
// file's name, and when the batch has ended no process of it is left.
func TestIsolateTimeoutHostile(t *testing.T) {
	file := filepath.Join(hostileDir, "bomb_double_flate_1GB.pdf")
	if _, err := os.Stat(file); err != nil {
		t.Skip(err)
	}
	exe := buildCLI(t)
	out := t.TempDir()
	r := runChild(t, exe, time.Minute, "batch", "--isolate", "--timeout", "20ms", "--out", out, file)
	if r.exit != 1 {
		t.Errorf("exit %d, want 1; stderr %.300q", r.exit, r.stderr)
	}
	recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
	if err != nil || len(recs) != 1 || recs[0].Path != file || recs[0].Code != batch.CodeTimeout || !strings.Contains(recs[0].Message, "20ms") {
		t.Errorf("records %+v, %v; want one timeout of %s", recs, err, file)
	}
	if left := marked(exe); len(left) > 0 {
		t.Errorf("processes of %s alive after the batch: %v", exe, left)
	}
}
