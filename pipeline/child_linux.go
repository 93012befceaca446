package pipeline

import (
	"os"
	"os/exec"
	"runtime"
	"syscall"
)

// ownGroup makes cmd's child the leader of its own process group, killed
// as a group when ctx ends (so anything it started dies with it), and
// killed by the kernel when the parent dies (Pdeathsig). Pdeathsig fires
// when the thread that started the child ends, so the calling goroutine
// keeps its thread until the returned unlock, after the child is waited.
func ownGroup(cmd *exec.Cmd) (unlock func()) {
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true, Pdeathsig: syscall.SIGKILL}
	cmd.Cancel = func() error {
		if err := syscall.Kill(-cmd.Process.Pid, syscall.SIGKILL); err != nil {
			return cmd.Process.Kill()
		}
		return nil
	}
	runtime.LockOSThread()
	return runtime.UnlockOSThread
}

// exitSignal is the signal that ended a process, if one did.
func exitSignal(ps *os.ProcessState) (syscall.Signal, bool) {
	ws, ok := ps.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() {
		return 0, false
	}
	return ws.Signal(), true
}
