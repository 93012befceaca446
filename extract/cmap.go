package extract

import (
	"unicode/utf16"
)

// A cmap is a parsed CMap stream: a ToUnicode map (code → text) or an
// embedded encoding CMap (code → CID), with its codespace ranges.

type codespace struct {
	n      int // code length in bytes, 1..4
	lo, hi [4]byte
}

type codeRange struct {
	lo, hi uint32
	n      int
	dst    []uint16 // UTF-16 of the first code's text (ToUnicode)
	arr    []string // per-code texts (array form)
	cid    uint32   // first CID (encoding CMap)
}

type cmap struct {
	spaces   []codespace
	texts    map[uint64]string // ToUnicode single codes and small ranges
	cids     map[uint64]uint32 // code → CID single codes and small ranges
	ranges   []codeRange       // large ranges, searched linearly
	usecmap  string            // name of a predefined CMap it builds on
	vertical bool              // WMode 1
}

func codeKey(code uint32, n int) uint64 { return uint64(n)<<32 | uint64(code) }

// expandLimit is the largest range stored code by code in the maps.
const expandLimit = 512

// parseCMap reads the codespace ranges and mappings of a CMap program.
func parseCMap(data []byte) *cmap {
	m := &cmap{texts: map[uint64]string{}, cids: map[uint64]uint32{}}
	l := lexer{b: data}
	l.borrow()
	defer l.giveBack()
	for {
		op, ok := l.next()
		if !ok {
			break
		}
		a := l.args
		switch op {
		case "def":
			if len(a) >= 2 && a[len(a)-2].name() == "WMode" && a[len(a)-1].num == 1 {
				m.vertical = true
			}
		case "usecmap":
			if len(a) > 0 {
				m.usecmap = a[len(a)-1].name()
			}
		case "endcodespacerange":
			for i := 0; i+1 < len(a); i += 2 {
				lo, hi := a[i].str, a[i+1].str
				if len(lo) == 0 || len(lo) > 4 || len(lo) != len(hi) {
					continue
				}
				cs := codespace{n: len(lo)}
				copy(cs.lo[:], lo)
				copy(cs.hi[:], hi)
				m.spaces = append(m.spaces, cs)
			}
		case "endbfchar":
			for i := 0; i+1 < len(a); i += 2 {
				src := a[i].str
				if len(src) == 0 || len(src) > 4 {
					continue
				}
				var t string
				if a[i+1].kind == argName {
					t = glyphNameText(string(a[i+1].str))
				} else {
					t = utf16Text(bytesToUTF16(a[i+1].str))
				}
				m.texts[codeKey(beUint(src), len(src))] = t
			}
		case "endbfrange":
			for i := 0; i+2 < len(a); i += 3 {
				lo, hi := a[i].str, a[i+1].str
				if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) {
					continue
				}
				r := codeRange{lo: beUint(lo), hi: beUint(hi), n: len(lo)}
				if r.hi < r.lo {
					continue
				}
				switch d := a[i+2]; d.kind {
				case argArray:
					for _, e := range d.arr {
						r.arr = append(r.arr, utf16Text(bytesToUTF16(e.str)))
					}
				case argStr:
					r.dst = bytesToUTF16(d.str)
				default:
					continue
				}
				m.addTextRange(r)
			}
		case "endcidchar":
			for i := 0; i+1 < len(a); i += 2 {
				src := a[i].str
				if len(src) == 0 || len(src) > 4 || a[i+1].kind != argNum {
					continue
				}
				m.cids[codeKey(beUint(src), len(src))] = uint32(a[i+1].num)
			}
		case "endcidrange":
			for i := 0; i+2 < len(a); i += 3 {
				lo, hi := a[i].str, a[i+1].str
				if len(lo) == 0 || len(lo) > 4 || len(hi) != len(lo) || a[i+2].kind != argNum {
					continue
				}
				r := codeRange{lo: beUint(lo), hi: beUint(hi), n: len(lo), cid: uint32(a[i+2].num)}
				if r.hi < r.lo {
					continue
				}
				if r.hi-r.lo < expandLimit {
					for c := r.lo; c <= r.hi; c++ {
						m.cids[codeKey(c, r.n)] = r.cid + c - r.lo
					}
				} else if len(m.ranges) < maxCMapRanges {
					m.ranges = append(m.ranges, r)
				}
			}
		}
	}
	return m
}

func (m *cmap) addTextRange(r codeRange) {
	if r.arr != nil && uint64(r.hi-r.lo) >= uint64(len(r.arr)) {
		// Codes past the array have no text: <0000> <FFFFFFFF> [<0041>]
		// is one code, not four billion.
		if len(r.arr) == 0 {
			return
		}
		r.hi = r.lo + uint32(len(r.arr)-1)
	}
	if r.arr == nil && r.hi-r.lo >= expandLimit {
		if len(m.ranges) < maxCMapRanges {
			m.ranges = append(m.ranges, r)
		}
		return
	}
	for c := r.lo; c <= r.hi; c++ {
		k := codeKey(c, r.n)
		if r.arr != nil {
			if int(c-r.lo) < len(r.arr) {
				m.texts[k] = r.arr[c-r.lo]
			}
		} else {
			m.texts[k] = rangeText(r.dst, c-r.lo)
		}
		if c == r.hi { // avoid wrapping at 0xFFFFFFFF
			break
		}
	}
}

// rangeText is the text of the code off places after the range start: the
// last UTF-16 unit of the destination is incremented.
func rangeText(dst []uint16, off uint32) string {
	if len(dst) == 0 {
		return ""
	}
	u := make([]uint16, len(dst))
	copy(u, dst)
	u[len(u)-1] += uint16(off)
	return utf16Text(u)
}

// text looks a code up in a ToUnicode map.
func (m *cmap) text(code uint32, n int) (string, bool) {
	if t, ok := m.texts[codeKey(code, n)]; ok {
		return t, true
	}
	for _, r := range m.ranges {
		if r.n == n && code >= r.lo && code <= r.hi && r.dst != nil {
			return rangeText(r.dst, code-r.lo), true
		}
	}
	return "", false
}

// cid looks a code up in an encoding CMap.
func (m *cmap) cid(code uint32, n int) (uint32, bool) {
	if c, ok := m.cids[codeKey(code, n)]; ok {
		return c, true
	}
	for _, r := range m.ranges {
		if r.n == n && code >= r.lo && code <= r.hi && r.dst == nil && r.arr == nil {
			return r.cid + code - r.lo, true
		}
	}
	return 0, false
}

func beUint(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

func bytesToUTF16(b []byte) []uint16 {
	u := make([]uint16, 0, (len(b)+1)/2)
	for i := 0; i+1 < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	if len(b)%2 == 1 { // a one-byte destination: take it as a code point
		u = append(u, uint16(b[len(b)-1]))
	}
	return u
}

func utf16Text(u []uint16) string {
	return string(utf16.Decode(u))
}

// matchCode splits the next code off s at i using codespace ranges: the
// shortest matching range wins. When nothing matches it takes the shortest
// length the ranges use (or def when there are none), so decoding always
// advances.
func matchCode(spaces []codespace, s []byte, i int, def int) (code uint32, n int) {
	if len(spaces) > 0 {
		for n := 1; n <= 4 && i+n <= len(s); n++ {
			for _, cs := range spaces {
				if cs.n != n {
					continue
				}
				ok := true
				for k := 0; k < n; k++ {
					if c := s[i+k]; c < cs.lo[k] || c > cs.hi[k] {
						ok = false
						break
					}
				}
				if ok {
					return beUint(s[i : i+n]), n
				}
			}
		}
		def = 4
		for _, cs := range spaces {
			def = min(def, cs.n)
		}
	}
	if def < 1 {
		def = 1
	}
	if i+def > len(s) {
		def = len(s) - i
	}
	return beUint(s[i : i+def]), def
}

// Codespaces of the predefined CMaps we decode without an embedded CMap.
var (
	twoByteSpace = []codespace{{n: 2, lo: [4]byte{0, 0}, hi: [4]byte{0xff, 0xff}}}
	gbkSpace     = []codespace{
		{n: 1, lo: [4]byte{0x00}, hi: [4]byte{0x80}},
		{n: 2, lo: [4]byte{0x81, 0x40}, hi: [4]byte{0xfe, 0xfe}},
	}
	gbEUCSpace = []codespace{
		{n: 1, lo: [4]byte{0x00}, hi: [4]byte{0x80}},
		{n: 2, lo: [4]byte{0xa1, 0xa1}, hi: [4]byte{0xfe, 0xfe}},
	}
	utf16Space = []codespace{
		{n: 2, lo: [4]byte{0x00, 0x00}, hi: [4]byte{0xd7, 0xff}},
		{n: 4, lo: [4]byte{0xd8, 0x00, 0xdc, 0x00}, hi: [4]byte{0xdb, 0xff, 0xdf, 0xff}},
		{n: 2, lo: [4]byte{0xe0, 0x00}, hi: [4]byte{0xff, 0xff}},
	}
)
