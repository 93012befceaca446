package extract

import (
	"math/rand/v2"
	"testing"
	"time"
)

// TestCIDTable compares the range table with the plain expansion the /W
// reader used to build (a map written entry by entry, later ones winning).
func TestCIDTable(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for round := 0; round < 200; round++ {
		tab := &cidTable[float64]{}
		want := map[uint32]float64{}
		for e := 0; e < 1+rng.IntN(12); e++ {
			c := uint32(rng.IntN(200))
			w := float64(rng.IntN(1000))
			if rng.IntN(2) == 0 {
				tab.set(c, w)
				want[c] = w
				continue
			}
			last := c + uint32(rng.IntN(60))
			tab.setRange(c, last, w)
			for k := c; k <= last; k++ {
				want[k] = w
			}
		}
		tab.done()
		for c := uint32(0); c < 300; c++ {
			got, ok := tab.get(c)
			w, wok := want[c]
			if ok != wok || got != w {
				t.Fatalf("round %d: cid %d: got %v,%v want %v,%v", round, c, got, ok, w, wok)
			}
		}
	}
	var nilTab *cidTable[float64]
	if _, ok := nilTab.get(1); ok {
		t.Fatal("nil table has an entry")
	}
}

// TestCIDTableLinear: 10,000 overlapping ranges of 65,536 codes (the
// hostile font_W file's shape) build in well under a second.
func TestCIDTableLinear(t *testing.T) {
	start := time.Now()
	tab := &cidTable[float64]{}
	for i := 0; i < 10000; i++ {
		tab.setRange(uint32(i), uint32(i)+65535, float64(i))
	}
	tab.done()
	if w, _ := tab.get(70000); w != 9999 {
		t.Fatalf("cid 70000: width %v, want 9999 (the last range covering it)", w)
	}
	if w, _ := tab.get(3); w != 3 {
		t.Fatalf("cid 3: width %v, want 3", w)
	}
	if d := time.Since(start); d > time.Second {
		t.Fatalf("took %v", d)
	}
}
