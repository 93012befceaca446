package extract

import (
	"compress/gzip"
	"embed"
	"io"
	"sync"
)

// Adobe's predefined CMaps for the GB1 collection, embedded (see
// cmaps/README) and parsed on first use.

//go:embed cmaps/*.gz
var cmapFiles embed.FS

var (
	predefMu   sync.Mutex
	predefMaps = map[string]*cmap{}
)

// predefinedCMap returns the parsed predefined CMap of this name, or nil
// when it is not embedded.
func predefinedCMap(name string) *cmap {
	predefMu.Lock()
	defer predefMu.Unlock()
	if m, ok := predefMaps[name]; ok {
		return m
	}
	var m *cmap
	if f, err := cmapFiles.Open("cmaps/" + name + ".gz"); err == nil {
		defer f.Close()
		if zr, err := gzip.NewReader(f); err == nil {
			if data, err := io.ReadAll(zr); err == nil {
				m = parseCMap(data)
			}
		}
	}
	predefMaps[name] = m
	return m
}

var (
	gb1Once  sync.Once
	gb1Table []uint16 // CID → UCS-2, 0 where the CID has no text
)

// gb1Text returns the Unicode text of an Adobe-GB1 CID.
func gb1Text(cid uint32) (string, bool) {
	gb1Once.Do(func() {
		m := predefinedCMap("Adobe-GB1-UCS2")
		if m == nil {
			return
		}
		set := func(cid uint32, t string) {
			r := []rune(t)
			if len(r) != 1 || r[0] > 0xffff || cid > 0xffff {
				return
			}
			if int(cid) >= len(gb1Table) {
				gb1Table = append(gb1Table, make([]uint16, int(cid)+1-len(gb1Table))...)
			}
			gb1Table[cid] = uint16(r[0])
		}
		for k, t := range m.texts {
			if k>>32 == 2 {
				set(uint32(k), t)
			}
		}
		for _, r := range m.ranges {
			for c := r.lo; c <= r.hi && r.dst != nil && r.n == 2; c++ {
				set(c, rangeText(r.dst, c-r.lo))
			}
		}
	})
	if int(cid) >= len(gb1Table) || gb1Table[cid] == 0 {
		return "", false
	}
	return string(rune(gb1Table[cid])), true
}
