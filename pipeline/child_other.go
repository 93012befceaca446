//go:build !linux

package pipeline

import (
	"os"
	"os/exec"
	"syscall"
)

// ownGroup: outside Linux the child is killed alone when ctx ends, and
// nothing kills it when the parent dies.
func ownGroup(cmd *exec.Cmd) (unlock func()) { return func() {} }

// exitSignal is the signal that ended a process, if one did.
func exitSignal(ps *os.ProcessState) (syscall.Signal, bool) {
	if ws, ok := ps.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
		return ws.Signal(), true
	}
	return 0, false
}
