package extract

import "bytes"

// repairObjects is the highest object number + 1 kept when pdfcpu repairs
// a file of size bytes: Limits.Objects, and no more than one object per 8
// bytes of the file (an object header alone takes that), but at least
// 65,536.
func repairObjects(lim Limits, size int) int64 {
	return min(lim.Objects, max(1<<16, int64(size)/8))
}

// blankObjects returns data with every object header "N G obj" whose
// number N is at least limit overwritten by spaces (same length, so no
// offset moves), and how many were blanked. data itself is not changed;
// without such headers it is returned as is.
func blankObjects(data []byte, limit int64) ([]byte, int) {
	out := data
	n := 0
	for i := 0; ; {
		j := bytes.Index(data[i:], []byte("obj"))
		if j < 0 {
			break
		}
		end := i + j + 3
		i = end
		start, num, ok := objHeader(data, end-3)
		if !ok || (num >= 0 && num < limit) {
			continue
		}
		if n == 0 {
			out = bytes.Clone(data)
		}
		for k := start; k < end; k++ {
			out[k] = ' '
		}
		n++
	}
	return out, n
}

// objHeader reads back from the "obj" keyword at kw: white space, the
// generation, white space, the object number. num is -1 when the number
// has more digits than an int64 holds.
func objHeader(data []byte, kw int) (start int, num int64, ok bool) {
	if kw+3 < len(data) && !isWhite(data[kw+3]) && !isDelimiter(data[kw+3]) {
		return 0, 0, false // "objx": another keyword
	}
	i := kw
	skipSpace := func() bool {
		k := i
		for i > 0 && isWhite(data[i-1]) {
			i--
		}
		return i < k
	}
	digits := func() (int, bool) {
		k := i
		for i > 0 && data[i-1] >= '0' && data[i-1] <= '9' {
			i--
		}
		return k - i, i < k
	}
	if !skipSpace() {
		return 0, 0, false
	}
	if _, ok := digits(); !ok {
		return 0, 0, false
	}
	if !skipSpace() {
		return 0, 0, false
	}
	nd, ok := digits()
	if !ok || (i > 0 && !isWhite(data[i-1]) && !isDelimiter(data[i-1])) {
		return 0, 0, false
	}
	if nd > 18 {
		return i, -1, true
	}
	var v int64
	for _, c := range data[i : i+nd] {
		v = v*10 + int64(c-'0')
	}
	return i, v, true
}
