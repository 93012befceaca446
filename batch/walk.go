package batch

import (
	"fmt"
	"hash/fnv"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/pipeline"
)

// Input is one file to convert.
type Input struct {
	Path   string // as found: the root joined with Rel
	Rel    string // slash-separated path relative to its root (the base name for a file root)
	Output string // slash-separated output path relative to the output folder
}

// inputExts are the files a folder walk picks up: PDFs and text dumps.
var inputExts = map[string]bool{".pdf": true, ".txt": true, ".md": true}

// Collect expands roots into inputs: a file is taken as is, a folder (or a
// link to one) is walked (links to files followed, links to folders inside
// it not, hidden entries skipped) for
// .pdf, .txt and .md files in lexical order. Each input gets an output name:
// its relative path with the extension replaced by format's, and "-2",
// "-3", ... before the extension when an earlier input already has the name
// (compared ignoring case, for case-insensitive file systems). A path listed
// twice is taken once.
func Collect(roots []string, format string) ([]Input, error) {
	f, err := pipeline.FormatNamed(format)
	if err != nil {
		return nil, err
	}
	var out []Input
	seen := map[string]bool{}
	add := func(p, rel string) {
		if abs, err := filepath.Abs(p); err == nil {
			if seen[abs] {
				return
			}
			seen[abs] = true
		}
		out = append(out, Input{Path: p, Rel: filepath.ToSlash(rel)})
	}
	for _, root := range roots {
		st, err := os.Stat(root)
		if err != nil {
			return nil, fmt.Errorf("%w: %w", ErrUsage, err)
		}
		if !st.IsDir() {
			add(root, filepath.Base(root))
			continue
		}
		var found []string
		walkRoot := root
		if lst, err := os.Lstat(root); err == nil && lst.Mode()&fs.ModeSymlink != 0 {
			walkRoot += string(filepath.Separator) // a trailing slash makes WalkDir enter the linked folder
		}
		err = filepath.WalkDir(walkRoot, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != walkRoot && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() || !inputExts[strings.ToLower(filepath.Ext(p))] {
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if st, err := os.Stat(p); err != nil || !st.Mode().IsRegular() {
					return nil // a dangling link or a link to a folder
				}
			} else if !d.Type().IsRegular() {
				return nil
			}
			found = append(found, p)
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("batch: walking %q: %w", root, err)
		}
		sort.Strings(found)
		for _, p := range found {
			rel, err := filepath.Rel(root, p)
			if err != nil {
				return nil, fmt.Errorf("batch: %w", err)
			}
			add(p, rel)
		}
	}
	name(out, f.Ext)
	return out, nil
}

// name gives each input its output name, avoiding collisions.
func name(inputs []Input, ext string) {
	taken := map[string]bool{SummaryName: true, journalName: true}
	for i := range inputs {
		rel := inputs[i].Rel
		stem := strings.TrimSuffix(rel, path.Ext(rel))
		o := stem + ext
		for n := 2; taken[strings.ToLower(o)]; n++ {
			o = stem + "-" + strconv.Itoa(n) + ext
		}
		taken[strings.ToLower(o)] = true
		inputs[i].Output = o
	}
}

// ShardOf is the shard of n that an input with relative path rel falls in:
// the 64-bit FNV-1a hash of rel modulo n. It depends on rel only, so every
// machine splits an archive the same way wherever it is mounted.
func ShardOf(rel string, n int) int {
	h := fnv.New64a()
	h.Write([]byte(rel))
	return int(h.Sum64() % uint64(n))
}

// shard keeps the inputs of shard i of n (all when n is 0). Names were
// given before, so an input's output name does not depend on the shard.
func shard(inputs []Input, i, n int) []Input {
	if n <= 0 {
		return inputs
	}
	var out []Input
	for _, in := range inputs {
		if ShardOf(in.Rel, n) == i {
			out = append(out, in)
		}
	}
	return out
}

// ParseShard reads "i/n".
func ParseShard(s string) (i, n int, err error) {
	a, b, ok := strings.Cut(s, "/")
	if ok {
		i, err = strconv.Atoi(a)
		if err == nil {
			n, err = strconv.Atoi(b)
		}
	}
	if !ok || err != nil || n <= 0 || i < 0 || i >= n {
		return 0, 0, fmt.Errorf("%w: --shard wants i/n with 0 <= i < n, not %q", ErrUsage, s)
	}
	return i, n, nil
}
