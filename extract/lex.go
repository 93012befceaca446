package extract

import (
	"bytes"
	"math"
	"strconv"
	"sync"
)

// A content-stream tokenizer. It works on the decoded bytes of a page's
// content streams and hands back one operator at a time with its operands,
// without building library Values: the operator set of a content stream is
// small and its operands are numbers, strings, names and (for TJ and d)
// arrays.

type argKind uint8

const (
	argNull argKind = iota
	argNum
	argStr
	argName
	argArray
	argDict
	argBool
)

// arg is one operand.
type arg struct {
	kind argKind
	num  float64
	str  []byte // string bytes, or a name without its slash
	arr  []arg
}

func (a arg) name() string {
	if a.kind != argName {
		return ""
	}
	return string(a.str)
}

// lexer walks content-stream bytes.
type lexer struct {
	b        []byte
	pos      int
	args     []arg
	depth    int // arrays open at pos
	maxDepth int // Limits.Nesting; 0 means DefaultLimits'
	tooDeep  bool
	maxArgs  int // Limits.Operands; 0 means DefaultLimits'
	dropped  int // operands and array elements dropped past maxArgs

	// The operands of one operator live in these, reused from one operator
	// to the next: the bytes of strings that need decoding, array
	// elements, and per nesting depth the elements of an open array.
	strBuf []byte
	arrBuf []arg
	open   [][]arg
	bufs   *lexBufs // where they came from (borrow), nil for a lexer's own
}

// lexBufs are a lexer's operand buffers, lent from one stream's lexer to
// the next (borrow, giveBack): a page's content streams and a font's
// CMap each started them empty (5,000 national pages: 65 MB allocated
// growing them, two thirds in the CMaps' long bfchar and bfrange lists).
type lexBufs struct {
	args, arrBuf []arg
	strBuf       []byte
	open         [][]arg
}

var lexBufPool = sync.Pool{New: func() any { return new(lexBufs) }}

// borrow gives l buffers lent by an earlier lexer.
func (l *lexer) borrow() {
	b := lexBufPool.Get().(*lexBufs)
	l.bufs, l.args, l.arrBuf, l.strBuf, l.open = b, b.args[:0], b.arrBuf[:0], b.strBuf[:0], b.open
}

// giveBack lends l's buffers to a later lexer, holding nothing of the
// stream (its strings and arrays): call it once l is done.
func (l *lexer) giveBack() {
	b := l.bufs
	if b == nil {
		return
	}
	l.bufs = nil
	clear(l.args[:cap(l.args)])
	clear(l.arrBuf[:cap(l.arrBuf)])
	for i, o := range l.open {
		clear(o[:cap(o)])
		l.open[i] = o[:0]
	}
	b.args, b.arrBuf, b.strBuf, b.open = l.args[:0], l.arrBuf[:0], l.strBuf[:0], l.open
	l.args, l.arrBuf, l.strBuf, l.open = nil, nil, nil, nil
	lexBufPool.Put(b)
}

func (l *lexer) argLimit() int {
	if l.maxArgs > 0 {
		return l.maxArgs
	}
	return DefaultLimits.Operands
}

// Byte classes of the content-stream syntax.
const (
	classRegular = iota
	classWhite
	classDelim
)

var byteClass = func() (t [256]uint8) {
	for _, c := range []byte(" \n\r\t\f\x00") {
		t[c] = classWhite
	}
	for _, c := range []byte("()<>[]{}/%") {
		t[c] = classDelim
	}
	return t
}()

func isWhite(c byte) bool { return byteClass[c] == classWhite }

func isDelimiter(c byte) bool { return byteClass[c] == classDelim }

// isRegular reports whether c continues a keyword, name or number.
func isRegular(c byte) bool { return byteClass[c] == classRegular }

func (l *lexer) skipWhite() {
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		if byteClass[c] == classWhite {
			l.pos++
			continue
		}
		if c == '%' {
			for l.pos < len(l.b) && l.b[l.pos] != '\n' && l.b[l.pos] != '\r' {
				l.pos++
			}
			continue
		}
		return
	}
}

// next returns the next operator, with its operands in l.args.
// It returns ok=false at the end of the stream.
func (l *lexer) next() (op string, ok bool) {
	l.args = l.args[:0]
	l.strBuf, l.arrBuf = l.strBuf[:0], l.arrBuf[:0]
	for {
		l.skipWhite()
		if l.pos >= len(l.b) {
			return "", false
		}
		c := l.b[l.pos]
		if c == ']' || c == '>' || c == ')' || c == '}' || c == '{' {
			l.pos++ // stray delimiter
			continue
		}
		if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
			// A number, the most common operand, parsed here.
			start := l.pos
			for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
				l.pos++
			}
			if f, ok := parseNum(l.b[start:l.pos]); ok {
				l.pushNum(f)
				continue
			}
			l.pos = start
		} else if isDelimiter(c) {
			a, isObj := l.object()
			if isObj {
				l.push(a)
				continue
			}
		}
		start := l.pos
		for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
			l.pos++
		}
		if l.pos == start { // lone delimiter byte
			l.pos++
			continue
		}
		kw := l.b[start:l.pos]
		switch string(kw) {
		case "true", "false":
			l.args = append(l.args, arg{kind: argBool, num: boolNum(kw[0] == 't')})
			continue
		case "null":
			l.args = append(l.args, arg{})
			continue
		}
		return opName(kw), true
	}
}

// push adds an operand.
func (l *lexer) push(a arg) {
	if len(l.args) >= l.argLimit() {
		// Operators use their last operands: drop the oldest half.
		n := copy(l.args, l.args[len(l.args)/2:])
		l.dropped += len(l.args) - n
		l.args = l.args[:n]
	}
	l.args = append(l.args, a)
}

// pushNum is push(arg{kind: argNum, num: f}) without copying the whole
// operand into the slice: a slot within capacity has its kind and number
// set and its slices cleared only when set, so that no write barrier runs
// for a number while the collector marks (copying the operand, two slices
// and all, was a bulk barrier for every operand: 2% of a corpus pass).
func (l *lexer) pushNum(f float64) {
	n := len(l.args)
	if n >= l.argLimit() || n == cap(l.args) {
		l.push(arg{kind: argNum, num: f})
		return
	}
	l.args = l.args[:n+1]
	a := &l.args[n]
	a.kind, a.num = argNum, f
	if a.str != nil {
		a.str = nil
	}
	if a.arr != nil {
		a.arr = nil
	}
}

func boolNum(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// opName returns the operator kw as a string; the operators of the
// content-stream language come back as constants, so reading one
// allocates nothing.
func opName(kw []byte) string {
	switch len(kw) {
	case 1:
		switch kw[0] {
		case 'b':
			return "b"
		case 'B':
			return "B"
		case 'c':
			return "c"
		case 'd':
			return "d"
		case 'f':
			return "f"
		case 'F':
			return "F"
		case 'G':
			return "G"
		case 'g':
			return "g"
		case 'h':
			return "h"
		case 'i':
			return "i"
		case 'j':
			return "j"
		case 'J':
			return "J"
		case 'K':
			return "K"
		case 'k':
			return "k"
		case 'l':
			return "l"
		case 'm':
			return "m"
		case 'M':
			return "M"
		case 'n':
			return "n"
		case 'q':
			return "q"
		case 'Q':
			return "Q"
		case 's':
			return "s"
		case 'S':
			return "S"
		case 'v':
			return "v"
		case 'w':
			return "w"
		case 'W':
			return "W"
		case 'y':
			return "y"
		case '\'':
			return "'"
		case '"':
			return "\""
		}
	case 2:
		switch string(kw) {
		case "b*":
			return "b*"
		case "B*":
			return "B*"
		case "BI":
			return "BI"
		case "BT":
			return "BT"
		case "BX":
			return "BX"
		case "cm":
			return "cm"
		case "CS":
			return "CS"
		case "cs":
			return "cs"
		case "d0":
			return "d0"
		case "d1":
			return "d1"
		case "Do":
			return "Do"
		case "DP":
			return "DP"
		case "EI":
			return "EI"
		case "ET":
			return "ET"
		case "EX":
			return "EX"
		case "f*":
			return "f*"
		case "gs":
			return "gs"
		case "ID":
			return "ID"
		case "MP":
			return "MP"
		case "re":
			return "re"
		case "RG":
			return "RG"
		case "rg":
			return "rg"
		case "ri":
			return "ri"
		case "SC":
			return "SC"
		case "sc":
			return "sc"
		case "sh":
			return "sh"
		case "T*":
			return "T*"
		case "Tc":
			return "Tc"
		case "Td":
			return "Td"
		case "TD":
			return "TD"
		case "Tf":
			return "Tf"
		case "TJ":
			return "TJ"
		case "Tj":
			return "Tj"
		case "TL":
			return "TL"
		case "Tm":
			return "Tm"
		case "Tr":
			return "Tr"
		case "Ts":
			return "Ts"
		case "Tw":
			return "Tw"
		case "Tz":
			return "Tz"
		case "W*":
			return "W*"
		}
	case 3:
		switch string(kw) {
		case "BDC":
			return "BDC"
		case "BMC":
			return "BMC"
		case "EMC":
			return "EMC"
		case "SCN":
			return "SCN"
		case "scn":
			return "scn"
		}
	}
	return string(kw)
}

// object reads one operand at l.pos. isObj is false when the bytes there
// are not an operand (a keyword that begins like a number, say).
func (l *lexer) object() (a arg, isObj bool) {
	c := l.b[l.pos]
	switch c {
	case '/':
		l.pos++
		return arg{kind: argName, str: l.name()}, true
	case '(':
		l.pos++
		return arg{kind: argStr, str: l.literal()}, true
	case '<':
		if l.pos+1 < len(l.b) && l.b[l.pos+1] == '<' {
			l.pos += 2
			l.skipDict()
			return arg{kind: argDict}, true
		}
		l.pos++
		return arg{kind: argStr, str: l.hex()}, true
	case '[':
		max := l.maxDepth
		if max <= 0 {
			max = DefaultLimits.Nesting
		}
		if l.depth >= max {
			// Nested past the limit: the rest of the stream is not read.
			l.tooDeep = true
			l.pos = len(l.b)
			return arg{}, true
		}
		return l.array(), true
	}
	if c == '+' || c == '-' || c == '.' || (c >= '0' && c <= '9') {
		start := l.pos
		for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
			l.pos++
		}
		f, ok := parseNum(l.b[start:l.pos])
		if !ok {
			l.pos = start
			return arg{}, false
		}
		return arg{kind: argNum, num: f}, true
	}
	if c == ']' || c == '>' || c == ')' || c == '{' || c == '}' {
		l.pos++
		return arg{}, true
	}
	return arg{}, false
}

// array reads an array's elements after its '['.
func (l *lexer) array() arg {
	l.depth++
	l.pos++
	for len(l.open) < l.depth {
		l.open = append(l.open, nil)
	}
	arr := l.open[l.depth-1][:0]
	for {
		l.skipWhite()
		if l.pos >= len(l.b) {
			break
		}
		if l.b[l.pos] == ']' {
			l.pos++
			break
		}
		e, ok := l.object()
		if !ok {
			// a keyword inside an array: skip it
			for l.pos < len(l.b) && !isWhite(l.b[l.pos]) && !isDelimiter(l.b[l.pos]) {
				l.pos++
			}
			if l.pos < len(l.b) && (l.b[l.pos] == ')' || l.b[l.pos] == '>' || l.b[l.pos] == '}' || l.b[l.pos] == '{') {
				l.pos++
			}
			continue
		}
		if len(arr) >= l.argLimit() {
			l.dropped++
			continue
		}
		arr = append(arr, e)
	}
	l.open[l.depth-1] = arr
	start := len(l.arrBuf)
	l.arrBuf = append(l.arrBuf, arr...)
	l.depth--
	return arg{kind: argArray, arr: l.arrBuf[start:len(l.arrBuf):len(l.arrBuf)]}
}

// parseNum parses a PDF number: optional sign, digits, optional point.
// It tolerates the doubled signs and trailing junk some producers write.
func parseNum(s []byte) (float64, bool) {
	i, neg := 0, false
	for i < len(s) && (s[i] == '+' || s[i] == '-') {
		if s[i] == '-' {
			neg = !neg
		}
		i++
	}
	var v float64
	digits := 0
	for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
		v = v*10 + float64(s[i]-'0')
		digits++
	}
	if i < len(s) && s[i] == '.' {
		i++
		for k := 0; i < len(s) && s[i] >= '0' && s[i] <= '9'; i, k = i+1, k+1 {
			v += float64(s[i]-'0') * fracScale(k)
			digits++
		}
	}
	if digits == 0 {
		return 0, false
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		f, err := strconv.ParseFloat(string(s), 64)
		if err == nil && !math.IsInf(f, 0) {
			return f, true
		}
	}
	if neg {
		v = -v
	}
	if math.IsInf(v, 0) {
		return 0, false
	}
	return v, true
}

// fracScales[k] is the weight of the (k+1)th decimal: 0.1 divided by 10
// k times, as a loop dividing by 10 computes it (so numbers parse to the
// same float64 as they always did).
var fracScales = func() (t [24]float64) {
	s := 0.1
	for k := range t {
		t[k] = s
		s /= 10
	}
	return t
}()

func fracScale(k int) float64 {
	if k < len(fracScales) {
		return fracScales[k]
	}
	s := fracScales[len(fracScales)-1]
	for j := len(fracScales) - 1; j < k; j++ {
		s /= 10
	}
	return s
}

func (l *lexer) name() []byte {
	start := l.pos
	hasEsc := false
	for l.pos < len(l.b) && isRegular(l.b[l.pos]) {
		if l.b[l.pos] == '#' {
			hasEsc = true
		}
		l.pos++
	}
	n := l.b[start:l.pos]
	if !hasEsc {
		return n
	}
	return unescapeName(n)
}

// unescapeName decodes #xx escapes in a name.
func unescapeName(n []byte) []byte {
	out := make([]byte, 0, len(n))
	for i := 0; i < len(n); i++ {
		if n[i] == '#' && i+2 < len(n) {
			h, ok1 := unhexByte(n[i+1])
			lo, ok2 := unhexByte(n[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|lo)
				i += 2
				continue
			}
		}
		out = append(out, n[i])
	}
	return out
}

func unhexByte(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

func (l *lexer) hex() []byte {
	start := len(l.strBuf)
	out := l.strBuf
	var hi byte
	half := false
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		if c == '>' {
			break
		}
		v, ok := unhexByte(c)
		if !ok {
			continue
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	if half {
		out = append(out, hi<<4)
	}
	l.strBuf = out
	return out[start:len(out):len(out)]
}

func (l *lexer) literal() []byte {
	// Fast path: no escapes and no nested parentheses.
	start := l.pos
	for i := l.pos; i < len(l.b); i++ {
		c := l.b[i]
		if c == '\\' || c == '(' || c == '\r' {
			break
		}
		if c == ')' {
			l.pos = i + 1
			return l.b[start:i]
		}
	}
	begin := len(l.strBuf)
	out := l.strBuf
	done := func() []byte {
		l.strBuf = out
		return out[begin:len(out):len(out)]
	}
	depth := 1
	for l.pos < len(l.b) {
		c := l.b[l.pos]
		l.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return done()
			}
		case '\r':
			if l.pos < len(l.b) && l.b[l.pos] == '\n' {
				l.pos++
			}
			c = '\n'
		case '\\':
			if l.pos >= len(l.b) {
				return done()
			}
			e := l.b[l.pos]
			l.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.pos < len(l.b) && l.b[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for k := 0; k < 2 && l.pos < len(l.b) && l.b[l.pos] >= '0' && l.b[l.pos] <= '7'; k++ {
					v = v*8 + int(l.b[l.pos]-'0')
					l.pos++
				}
				c = byte(v)
			default:
				c = e
			}
		}
		out = append(out, c)
	}
	return done()
}

// skipDict skips an inline dictionary (after "<<"), nested ones included.
func (l *lexer) skipDict() {
	depth := 1
	for l.pos < len(l.b) && depth > 0 {
		l.skipWhite()
		if l.pos >= len(l.b) {
			return
		}
		switch c := l.b[l.pos]; {
		case c == '>' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '>':
			depth--
			l.pos += 2
		case c == '<' && l.pos+1 < len(l.b) && l.b[l.pos+1] == '<':
			depth++
			l.pos += 2
		case c == '(':
			l.pos++
			l.literal()
		case c == '<':
			l.pos++
			l.hex()
		default:
			l.pos++
		}
	}
}

// skipInlineImage skips from just after BI to just after EI.
// The image dictionary's /L or /Length is trusted when present; otherwise
// the data ends at the first "EI" between white space.
func (l *lexer) skipInlineImage() {
	length := -1
	for {
		l.skipWhite()
		if l.pos >= len(l.b) {
			return
		}
		if l.b[l.pos] == 'I' && l.pos+1 < len(l.b) && l.b[l.pos+1] == 'D' &&
			(l.pos+2 >= len(l.b) || isWhite(l.b[l.pos+2])) {
			l.pos += 3
			break
		}
		a, ok := l.object()
		if !ok {
			l.pos++
			continue
		}
		if a.kind == argName && (string(a.str) == "L" || string(a.str) == "Length") {
			l.skipWhite()
			if l.pos < len(l.b) {
				if v, ok := l.object(); ok && v.kind == argNum {
					length = int(v.num)
				}
			}
		}
	}
	if length >= 0 && l.pos+length <= len(l.b) {
		rest := l.b[l.pos+length:]
		i := 0
		for i < len(rest) && isWhite(rest[i]) {
			i++
		}
		if bytes.HasPrefix(rest[i:], []byte("EI")) {
			l.pos += length + i + 2
			return
		}
	}
	for i := l.pos; i+1 < len(l.b); i++ {
		if l.b[i] == 'E' && l.b[i+1] == 'I' && i > 0 && isWhite(l.b[i-1]) &&
			(i+2 == len(l.b) || isWhite(l.b[i+2]) || isDelimiter(l.b[i+2])) {
			l.pos = i + 2
			return
		}
	}
	l.pos = len(l.b)
}
