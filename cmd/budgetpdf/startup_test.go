package main

import (
	"os/exec"
	"strings"
	"testing"
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
