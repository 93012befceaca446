package extract

import (
	"fmt"
	"math"
	"strconv"
	"strings"
	"testing"
)

// fmtArg prints an operand for comparison.
func fmtArg(a arg) string {
	switch a.kind {
	case argNum:
		return strconv.FormatFloat(a.num, 'g', -1, 64)
	case argStr:
		return fmt.Sprintf("(%q)", a.str)
	case argName:
		return "/" + string(a.str)
	case argArray:
		var parts []string
		for _, e := range a.arr {
			parts = append(parts, fmtArg(e))
		}
		return "[" + strings.Join(parts, " ") + "]"
	case argDict:
		return "<<>>"
	case argBool:
		return fmt.Sprint(a.num == 1)
	}
	return "null"
}

// lexOps reads l to its end: each operator after its operands, printed
// before the next is read (they live in buffers reused from one operator
// to the next), the operators parted by " | ".
func lexOps(l *lexer) string {
	var ops []string
	for {
		op, ok := l.next()
		if !ok {
			break
		}
		var parts []string
		for _, a := range l.args {
			parts = append(parts, fmtArg(a))
		}
		ops = append(ops, strings.Join(append(parts, op), " "))
	}
	return strings.Join(ops, " | ")
}

// TestLexer checks operators and operands, each operator's operands
// printed before the next is read (they live in buffers reused from one
// operator to the next).
func TestLexer(t *testing.T) {
	tests := []struct{ in, want string }{
		{"1 0 0 1 10.5 -20 cm", `1 0 0 1 10.5 -20 cm`},
		{"[<4142> 120 (C\\)D) -3.25 [<43>]] TJ <44> Tj", `[("AB") 120 ("C)D") -3.25 [("C")]] TJ | ("D") Tj`},
		{"(a\\101b) Tj (plain) Tj <4>Tj", `("aAb") Tj | ("plain") Tj | ("@") Tj`},
		{"/F#31 12 Tf /Name Do", `/F1 12 Tf | /Name Do`},
		{"/P <</MCID 3>> BDC EMC", `/P <<>> BDC | EMC`},
		{"true false null 5 d0", `true false null 5 d0`},
		{"--5 +.5 .25 3. d", `5 0.5 0.25 3 d`},
		{"% comment\n q Q", `q | Q`},
		{"1 2 foo", `1 2 foo`},
		{"[1 2] 0 d ] ) 3 w", `[1 2] 0 d | 3 w`},
	}
	for _, tt := range tests {
		l := lexer{b: []byte(tt.in)}
		if got := lexOps(&l); got != tt.want {
			t.Errorf("%q:\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

// TestParseNum compares parseNum with strconv on plain decimals (equal to
// within rounding) and checks the tolerated forms.
func TestParseNum(t *testing.T) {
	tests := []struct {
		in   string
		want float64
		ok   bool
	}{
		{"0", 0, true}, {"12", 12, true}, {"-3.5", -3.5, true}, {".125", 0.125, true},
		{"612.000", 612, true}, {"--2", 2, true}, {"+-1", -1, true}, {"1e3", 1000, true},
		{"4.2x", 4.2, true}, {"-", 0, false}, {".", 0, false}, {"x1", 0, false},
		{"0.000000000000000000000000001", 1e-27, true},
	}
	for _, tt := range tests {
		got, ok := parseNum([]byte(tt.in))
		if ok != tt.ok || math.Abs(got-tt.want) > 1e-12*math.Max(1, math.Abs(tt.want)) {
			t.Errorf("parseNum(%q) = %v, %v; want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, s := range []string{"841.89", "595.276", "-0.0013", "12345.6789"} {
		got, _ := parseNum([]byte(s))
		want, _ := strconv.ParseFloat(s, 64)
		if math.Abs(got-want) > 1e-9*math.Abs(want) {
			t.Errorf("parseNum(%q) = %v, strconv %v", s, got, want)
		}
	}
}

// TestLexBufsLent: a lexer on buffers lent by an earlier one (borrow,
// giveBack) reads every stream as a lexer of its own does, strings and
// nested arrays included, and the lent buffers hold nothing of the stream
// once given back.
func TestLexBufsLent(t *testing.T) {
	read := lexOps
	streams := []string{
		"[<4142> 120 (C\\)D) -3.25 [<43> [(deep) [1 2 3]]]] TJ <44> Tj",
		strings.Repeat("<0001> <4E00> ", 300) + "endbfchar",
		"/F1 12 Tf (x) Tj [(a) 5 (b)] TJ",
		"1 0 0 1 10.5 -20 cm [[[[(four)]]]] 0 d",
	}
	for round := range 2 {
		for _, s := range streams {
			own := lexer{b: []byte(s)}
			want := read(&own)
			l := lexer{b: []byte(s)}
			l.borrow()
			got := read(&l)
			b := l.bufs
			l.giveBack()
			if got != want {
				t.Errorf("round %d: on lent buffers\n%s\nwant\n%s", round, got, want)
			}
			if l.bufs != nil || l.args != nil {
				t.Error("the lexer keeps the buffers it gave back")
			}
			for i, a := range b.args[:cap(b.args)] {
				if a.str != nil || a.arr != nil || a.kind != 0 {
					t.Fatalf("given back: operand %d still holds %s", i, fmtArg(a))
				}
			}
			for i, a := range b.arrBuf[:cap(b.arrBuf)] {
				if a.str != nil || a.arr != nil {
					t.Fatalf("given back: array element %d still holds %s", i, fmtArg(a))
				}
			}
			for d, o := range b.open {
				for i, a := range o[:cap(o)] {
					if a.str != nil || a.arr != nil {
						t.Fatalf("given back: open array %d element %d still holds %s", d, i, fmtArg(a))
					}
				}
			}
		}
	}
}

// TestLexNumberSlots: a number read into a slot that held a name, a string
// or an array for the operator before is a number only, with no bytes or
// elements left over from the slot's last use.
func TestLexNumberSlots(t *testing.T) {
	l := lexer{b: []byte("/F1 (ab) [1 (c)] x 3 4 5 Td [2] 7 y")}
	var got [][]arg
	for {
		_, ok := l.next()
		if !ok {
			break
		}
		got = append(got, append([]arg(nil), l.args...))
	}
	if len(got) != 3 || len(got[1]) != 3 {
		t.Fatalf("operands %v", got)
	}
	for i, a := range got[1] {
		if a.kind != argNum || a.num != float64(3+i) || a.str != nil || a.arr != nil {
			t.Errorf("Td operand %d: %+v, want the number %d alone", i, a, 3+i)
		}
	}
	if a := got[2][1]; a.kind != argNum || a.num != 7 || a.str != nil || a.arr != nil {
		t.Errorf("y operand 1: %+v, want the number 7 alone", a)
	}
}
