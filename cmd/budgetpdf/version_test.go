package main

import (
	"bytes"
	"os/exec"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"
)

func TestVersionText(t *testing.T) {
	main := debug.Module{Path: "github.com/budgetpdf/budgetpdf", Version: "v1.2.3"}
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	tests := []struct {
		name string
		info *debug.BuildInfo
		want string
	}{
		{"release", &debug.BuildInfo{GoVersion: "go1.26.8", Main: main, Settings: vcs("vcs", "git", "vcs.revision", "0123abcd", "vcs.time", "2026-12-04T14:31:10Z", "vcs.modified", "false")},
			"budgetpdf v1.2.3 (github.com/budgetpdf/budgetpdf)\nrevision 0123abcd 2026-12-04T14:31:10Z\ngo1.26.8\n"},
		{"modified tree", &debug.BuildInfo{GoVersion: "go1.26.8", Main: debug.Module{Path: main.Path, Version: "(devel)"}, Settings: vcs("vcs.revision", "0123abcd", "vcs.modified", "true")},
			"budgetpdf (devel) (github.com/budgetpdf/budgetpdf)\nrevision 0123abcd modified\ngo1.26.8\n"},
		{"no vcs", &debug.BuildInfo{GoVersion: "go1.26.8", Main: main},
			"budgetpdf v1.2.3 (github.com/budgetpdf/budgetpdf)\nrevision unknown (not built from a VCS checkout)\ngo1.26.8\n"},
		{"no build info", nil, "budgetpdf: no build information in this binary\n"},
	}
	for _, tt := range tests {
		if got := versionText(tt.info); got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestVersionCommand: the command prints this binary's Go version, and a
// binary built from a git checkout names the checkout's HEAD.
func TestVersionCommand(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"version"}, &stdout, &stderr); code != 0 || stderr.Len() != 0 ||
		!strings.HasPrefix(stdout.String(), "budgetpdf ") || !strings.HasSuffix(stdout.String(), runtime.Version()+"\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, stdout.String(), stderr.String())
	}
	head, err := exec.Command("git", "rev-parse", "HEAD").Output()
	if err != nil {
		t.Skipf("not a git checkout: %v", err)
	}
	exe := filepath.Join(t.TempDir(), "budgetpdf")
	if out, err := exec.Command("go", "build", "-buildvcs=true", "-o", exe, ".").CombinedOutput(); err != nil {
		t.Skipf("go build -buildvcs=true: %v\n%s", err, out)
	}
	out, err := exec.Command(exe, "version").Output()
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(out), "\n")
	if len(lines) < 2 || lines[1] == "revision unknown (not built from a VCS checkout)" {
		t.Skipf("the go command stamped no revision in this checkout: %q", out)
	}
	if !strings.HasPrefix(lines[1], "revision "+strings.TrimSpace(string(head))) {
		t.Errorf("version says %q, HEAD is %s", lines[1], head)
	}
}
