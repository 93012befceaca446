package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// TestStartupDeps keeps package-level work that costs milliseconds per
// process out of the binary: go-runewidth's init builds width tables (~20 ms)
// and comes with pdfcpu's api package (through pkg/pdfcpu/form); excelize's
// (its number formats, function tables and regexps) took 2 ms and 1.3 MB
// (the workbook is written by batch/workbook.go instead). The start-up
// time itself is printed by BenchmarkStartup; asserting a time here would be
// flaky on a shared machine.
func TestStartupDeps(t *testing.T) {
	if _, err := exec.LookPath("go"); err != nil {
		t.Skip("no go command")
	}
	out, err := exec.Command("go", "list", "-deps", ".").Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := strings.Fields(string(out))
	if len(deps) < 50 {
		t.Fatalf("go list -deps listed %d packages; expected the whole tree", len(deps))
	}
	banned := []string{
		"github.com/mattn/go-runewidth",
		"github.com/pdfcpu/pdfcpu/pkg/api",
		"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/form",
		"github.com/xuri/excelize/v2",
	}
	for _, d := range deps {
		for _, b := range banned {
			if d == b {
				t.Errorf("budgetpdf links %s (its init runs in every process)", b)
			}
		}
	}
}

// initBudget bounds what package initialization allocates in one process
// (GODEBUG=inittrace=1 reports each package's heap bytes; unlike its clock
// times they do not move with the machine's load): in all, and in any one
// package of this module. Measured: 0.51 MB in all (2.35 MB with excelize,
// whose init allocated 1.34 MB; checks allocated 221 KB and schema 171 KB
// compiling their regexps at init), 33 KB at most in a package of ours.
const (
	initBytesTotal = 800 << 10
	initBytesOurs  = 64 << 10
)

// TestStartupInit runs `budgetpdf version` with GODEBUG=inittrace=1 and
// holds the heap bytes of package initialization to initBudget.
func TestStartupInit(t *testing.T) {
	exe := buildCLI(t)
	cmd := exec.Command(exe, "version")
	cmd.Env = append(os.Environ(), "GODEBUG=inittrace=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("budgetpdf version: %v\n%s", err, stderr.String())
	}
	inits, err := parseInitTrace(stderr.String())
	if err != nil {
		t.Fatal(err)
	}
	if len(inits) < 50 {
		t.Fatalf("inittrace listed %d packages; expected the whole tree:\n%s", len(inits), stderr.String())
	}
	total := 0
	for _, in := range inits {
		total += in.bytes
		if strings.HasPrefix(in.pkg, "github.com/budgetpdf/budgetpdf/") && in.bytes > initBytesOurs {
			t.Errorf("init of %s allocates %d bytes (at most %d): make its tables and regexps on first use", in.pkg, in.bytes, initBytesOurs)
		}
	}
	t.Logf("%d packages initialized, %d bytes allocated", len(inits), total)
	if total > initBytesTotal {
		t.Errorf("package initialization allocates %d bytes in all (at most %d)", total, initBytesTotal)
	}
}

// initTrace is one line of GODEBUG=inittrace=1.
type initTrace struct {
	pkg   string
	bytes int
}

// parseInitTrace reads the lines "init PKG @T ms, C ms clock, B bytes, A
// allocs" of GODEBUG=inittrace=1, skipping the others.
func parseInitTrace(s string) ([]initTrace, error) {
	var out []initTrace
	for _, line := range strings.Split(s, "\n") {
		f := strings.Fields(line)
		if len(f) != 11 || f[0] != "init" || f[8] != "bytes," {
			continue
		}
		n, err := strconv.Atoi(f[7])
		if err != nil {
			return nil, fmt.Errorf("inittrace line %q: %w", line, err)
		}
		out = append(out, initTrace{f[1], n})
	}
	return out, nil
}

// TestParseInitTrace reads the runtime's lines and skips the others.
func TestParseInitTrace(t *testing.T) {
	got, err := parseInitTrace("init internal/bytealg @0.008 ms, 0 ms clock, 0 bytes, 0 allocs\n" +
		"budgetpdf (devel)\n" +
		"init github.com/budgetpdf/budgetpdf/checks @4.9 ms, 0.46 ms clock, 221168 bytes, 2542 allocs\n")
	if err != nil || len(got) != 2 || got[1] != (initTrace{"github.com/budgetpdf/budgetpdf/checks", 221168}) || got[0].bytes != 0 {
		t.Errorf("parseInitTrace = %+v, %v", got, err)
	}
	if _, err := parseInitTrace("init x @1 ms, 1 ms clock, many bytes, 1 allocs"); err == nil {
		t.Error("a line without a byte count passes")
	}
}

// TestRegexpsCompile compiles every pattern the packages of the command
// make with textutil.NewRegexp (compiled on first use, so a typo would
// otherwise show only when a document reaches it).
func TestRegexpsCompile(t *testing.T) {
	if err := textutil.CompileRegexps(); err != nil {
		t.Error(err)
	}
}
