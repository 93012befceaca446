//go:build linux

package pipeline

import (
	"os"
	"syscall"
)

// mapFile maps the regular file at path read-only: its bytes are the
// kernel's page cache, not the heap, and forget lets go of the process's
// resident copy (MADV_DONTNEED) — a later read faults the pages back in
// from the cache — so a long document's bytes do not count against the
// memory a conversion holds. ok is false when the file is to be read
// instead: not a regular file, empty, or the mapping failed.
func mapFile(path string) (m *mapping, ok bool) {
	f, err := os.Open(path)
	if err != nil {
		return nil, false
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil || !st.Mode().IsRegular() || st.Size() <= 0 || int64(int(st.Size())) != st.Size() {
		return nil, false
	}
	data, err := syscall.Mmap(int(f.Fd()), 0, int(st.Size()), syscall.PROT_READ, syscall.MAP_SHARED)
	if err != nil {
		return nil, false
	}
	return &mapping{data: data}, true
}

// mapping is a file mapped by mapFile.
type mapping struct{ data []byte }

// forget drops the resident pages of the mapping; the bytes stay readable.
func (m *mapping) forget() { _ = syscall.Madvise(m.data, syscall.MADV_DONTNEED) }

// unmap ends the mapping; nothing may read its bytes after.
func (m *mapping) unmap() { _ = syscall.Munmap(m.data) }
