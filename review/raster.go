package review

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"time"
)

// Rasterizer renders PDF pages to PNG with an installed tool: poppler's
// pdftoppm, else MuPDF's mutool.
type Rasterizer struct {
	Tool string // "pdftoppm" or "mutool"
	path string
}

// ErrNoRasterizer is returned by FindRasterizer when neither tool is installed.
var ErrNoRasterizer = errors.New("neither pdftoppm (poppler-utils) nor mutool (mupdf-tools) is installed")

// FindRasterizer returns the first installed of pdftoppm and mutool.
func FindRasterizer() (*Rasterizer, error) {
	for _, t := range []string{"pdftoppm", "mutool"} {
		if p, err := exec.LookPath(t); err == nil {
			return &Rasterizer{Tool: t, path: p}, nil
		}
	}
	return nil, ErrNoRasterizer
}

// Render draws pages first..last of pdf at dpi into dir and returns the
// PNG file of each page drawn, by page number. Both tools map the page's
// media box (pdftoppm's default; mutool draws the crop box, the same on
// nearly every disclosure) with its /Rotate applied, as the extractor does.
func (r *Rasterizer) Render(pdf, password string, first, last, dpi int, dir string) (map[int]string, error) {
	tmp, err := os.MkdirTemp(dir, ".raster-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	var cmd *exec.Cmd
	res := strconv.Itoa(dpi)
	switch r.Tool {
	case "pdftoppm":
		args := []string{"-png", "-r", res, "-f", strconv.Itoa(first), "-l", strconv.Itoa(last)}
		if password != "" {
			args = append(args, "-upw", password)
		}
		cmd = exec.CommandContext(ctx, r.path, append(args, pdf, filepath.Join(tmp, "p"))...)
	default:
		args := []string{"draw", "-q", "-r", res, "-o", filepath.Join(tmp, "p-%d.png")}
		if password != "" {
			args = append(args, "-p", password)
		}
		cmd = exec.CommandContext(ctx, r.path, append(args, pdf, fmt.Sprintf("%d-%d", first, last))...)
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("%s: %w: %s", r.Tool, err, firstLine(stderr.String()))
	}
	names, err := os.ReadDir(tmp)
	if err != nil {
		return nil, err
	}
	out := map[int]string{}
	num := regexp.MustCompile(`^p-0*(\d+)\.png$`)
	for _, e := range names {
		m := num.FindStringSubmatch(e.Name())
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		dst := filepath.Join(dir, fmt.Sprintf("page-%03d.png", n))
		if err := os.Rename(filepath.Join(tmp, e.Name()), dst); err != nil {
			return nil, err
		}
		out[n] = dst
	}
	return out, nil
}

func firstLine(s string) string {
	if i := bytes.IndexByte([]byte(s), '\n'); i >= 0 {
		s = s[:i]
	}
	if len(s) > 200 {
		s = s[:200]
	}
	return s
}
