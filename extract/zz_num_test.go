package extract

import (
	"math"
	"math/rand"
	"strconv"
	"testing"
)

func oldParseNum(s []byte) (float64, bool) {
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
		scale := 0.1
		for ; i < len(s) && s[i] >= '0' && s[i] <= '9'; i++ {
			v += float64(s[i]-'0') * scale
			scale /= 10
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

func TestZZNum(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for n := 0; n < 2000000; n++ {
		k := r.Intn(40)
		b := make([]byte, k)
		for i := range b {
			b[i] = "0123456789.-+e"[r.Intn(14)]
			if r.Intn(3) > 0 {
				b[i] = "0123456789"[r.Intn(10)]
			}
		}
		a, ok1 := oldParseNum(b)
		c, ok2 := parseNum(b)
		if ok1 != ok2 || math.Float64bits(a) != math.Float64bits(c) {
			t.Fatalf("%q: %v %v / %v %v", b, a, ok1, c, ok2)
		}
	}
}
