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
		if got := strings.Join(ops, " | "); got != tt.want {
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
