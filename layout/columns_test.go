package layout

import (
	"math/rand/v2"
	"reflect"
	"testing"
	"time"
)

// columnsByArray is columnsOf as it was written first: an array with one
// counter per point between the spans' ends. It is the reference the sweep
// must agree with.
func columnsByArray(spans [][2]float64, maxCross int) [][2]float64 {
	if len(spans) == 0 {
		return nil
	}
	lo, hi := spans[0][0], spans[0][1]
	for _, s := range spans {
		lo, hi = min(lo, s[0]), max(hi, s[1])
	}
	n := int(hi-lo) + 2
	cover := make([]int, n)
	for _, s := range spans {
		for x := int(s[0] - lo); x <= int(s[1]-lo) && x < n; x++ {
			cover[x]++
		}
	}
	var cols [][2]float64
	in := false
	for x := 0; x < n; x++ {
		full := cover[x] > maxCross
		if full && !in {
			cols = append(cols, [2]float64{lo + float64(x), lo + float64(x)})
			in = true
		}
		if full {
			cols[len(cols)-1][1] = lo + float64(x) + 1
		}
		if !full {
			in = false
		}
	}
	return cols
}

func TestColumnsOfMatchesArray(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := 0; round < 2000; round++ {
		var spans [][2]float64
		for i := 0; i < 1+rng.IntN(10); i++ {
			x := rng.Float64()*500 + 20
			spans = append(spans, [2]float64{x, x + rng.Float64()*80})
		}
		if rng.IntN(10) == 0 {
			spans = append(spans, [2]float64{300, 290}) // reversed
		}
		maxCross := rng.IntN(3)
		got, want := columnsOf(spans, maxCross), columnsByArray(spans, maxCross)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("spans %v maxCross %d:\n got %v\nwant %v", spans, maxCross, got, want)
		}
	}
}

// TestColumnsOfHugeCoordinates: spans 1e12 points apart (a text matrix
// scaled by 1e9) take neither memory nor time proportional to the distance.
func TestColumnsOfHugeCoordinates(t *testing.T) {
	start := time.Now()
	got := columnsOf([][2]float64{{0, 10}, {1e12, 1e12 + 10}, {5, 8}}, 0)
	want := [][2]float64{{0, 11}, {1e12, 1e12 + 11}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
	if d := time.Since(start); d > 100*time.Millisecond {
		t.Fatalf("took %v", d)
	}
}
