package extract

import "encoding/binary"

// Just enough of the TrueType 'cmap' table to recover the text of a subset
// font that has neither a ToUnicode map nor a usable encoding: the code is
// mapped to a glyph id by the font's symbol or Mac subtable, and the glyph id
// back to Unicode through the inverted (3,1)/(3,10) subtable.

type ttCmaps struct {
	sub map[[2]uint16]map[uint32]uint16 // (platform, encoding) → code → glyph id
}

// parseTTCmap reads the cmap subtables of a TrueType font program. It
// returns nil when the font has no readable cmap table.
func parseTTCmap(font []byte) *ttCmaps {
	if len(font) < 12 {
		return nil
	}
	be := binary.BigEndian
	n := int(be.Uint16(font[4:]))
	var cm []byte
	for i := 0; i < n; i++ {
		rec := 12 + 16*i
		if rec+16 > len(font) {
			return nil
		}
		if string(font[rec:rec+4]) == "cmap" {
			off, ln := be.Uint32(font[rec+8:]), be.Uint32(font[rec+12:])
			if uint64(off)+uint64(ln) > uint64(len(font)) {
				ln = uint32(len(font)) - min(off, uint32(len(font)))
			}
			if off >= uint32(len(font)) {
				return nil
			}
			cm = font[off : off+ln]
			break
		}
	}
	if len(cm) < 4 {
		return nil
	}
	t := &ttCmaps{sub: map[[2]uint16]map[uint32]uint16{}}
	count := int(be.Uint16(cm[2:]))
	for i := 0; i < count; i++ {
		rec := 4 + 8*i
		if rec+8 > len(cm) {
			break
		}
		pid, eid := be.Uint16(cm[rec:]), be.Uint16(cm[rec+2:])
		off := be.Uint32(cm[rec+4:])
		if off >= uint32(len(cm)) {
			continue
		}
		if m := parseSubtable(cm[off:]); m != nil {
			t.sub[[2]uint16{pid, eid}] = m
		}
	}
	return t
}

func parseSubtable(b []byte) map[uint32]uint16 {
	be := binary.BigEndian
	if len(b) < 6 {
		return nil
	}
	m := map[uint32]uint16{}
	// Segments and groups of up to 65,536 codes each, as many as the table
	// claims: stop at maxTTCodes codes in all.
	budget := maxTTCodes
	switch be.Uint16(b) {
	case 0:
		for c := 0; c < 256 && 6+c < len(b); c++ {
			if g := b[6+c]; g != 0 {
				m[uint32(c)] = uint16(g)
			}
		}
	case 4:
		if len(b) < 14 {
			return nil
		}
		segs := int(be.Uint16(b[6:])) / 2
		end := 14
		start := end + 2*segs + 2
		delta := start + 2*segs
		rangeOff := delta + 2*segs
		if rangeOff+2*segs > len(b) {
			return nil
		}
		for s := 0; s < segs; s++ {
			ec := uint32(be.Uint16(b[end+2*s:]))
			sc := uint32(be.Uint16(b[start+2*s:]))
			d := be.Uint16(b[delta+2*s:])
			ro := int(be.Uint16(b[rangeOff+2*s:]))
			if sc > ec || ec-sc > 0x10000 {
				continue
			}
			if budget -= int(ec-sc) + 1; budget < 0 {
				break
			}
			for c := sc; c <= ec && c != 0xffff; c++ {
				var g uint16
				if ro == 0 {
					g = uint16(c) + d
				} else {
					p := rangeOff + 2*s + ro + 2*int(c-sc)
					if p+2 > len(b) {
						break
					}
					g = be.Uint16(b[p:])
					if g != 0 {
						g += d
					}
				}
				if g != 0 {
					m[c] = g
				}
			}
		}
	case 6:
		if len(b) < 10 {
			return nil
		}
		first, cnt := uint32(be.Uint16(b[6:])), int(be.Uint16(b[8:]))
		for i := 0; i < cnt && 10+2*i+2 <= len(b); i++ {
			if g := be.Uint16(b[10+2*i:]); g != 0 {
				m[first+uint32(i)] = g
			}
		}
	case 12:
		if len(b) < 16 {
			return nil
		}
		groups := int(be.Uint32(b[12:]))
		for i := 0; i < groups && 16+12*i+12 <= len(b); i++ {
			p := 16 + 12*i
			sc, ec, g := be.Uint32(b[p:]), be.Uint32(b[p+4:]), be.Uint32(b[p+8:])
			if ec < sc || ec-sc > 0x10000 {
				continue
			}
			if budget -= int(ec-sc) + 1; budget < 0 {
				break
			}
			for c := sc; c <= ec; c++ {
				m[c] = uint16(g + c - sc)
			}
		}
	default:
		return nil
	}
	return m
}

// unicodeByGlyph inverts the font's Unicode subtable.
func (t *ttCmaps) unicodeByGlyph() map[uint16]rune {
	inv := map[uint16]rune{}
	for _, key := range [][2]uint16{{3, 10}, {0, 4}, {3, 1}, {0, 3}} {
		for c, g := range t.sub[key] {
			if old, ok := inv[g]; !ok || rune(c) < old {
				inv[g] = rune(c)
			}
		}
	}
	return inv
}

// glyphOfCode maps a one-byte code of a simple font to its glyph id.
func (t *ttCmaps) glyphOfCode(code uint32) (uint16, bool) {
	if m := t.sub[[2]uint16{3, 0}]; m != nil {
		for _, c := range []uint32{0xf000 + code, code, 0xf100 + code, 0xf200 + code} {
			if g, ok := m[c]; ok {
				return g, true
			}
		}
	}
	if m := t.sub[[2]uint16{1, 0}]; m != nil {
		if g, ok := m[code]; ok {
			return g, true
		}
	}
	return 0, false
}
