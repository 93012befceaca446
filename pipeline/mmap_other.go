//go:build !linux

package pipeline

// mapFile: outside Linux a file is read into memory (ReadFile).
func mapFile(string) (*mapping, bool) { return nil, false }

type mapping struct{ data []byte }

func (*mapping) forget() {}
func (*mapping) unmap()  {}
