package parallel

import (
	"sync/atomic"
	"testing"
)

// TestFor: every index is called once, for any worker count, including
// none and more workers than indexes.
func TestFor(t *testing.T) {
	cases := []struct{ n, workers int }{{0, 2}, {1, 2}, {5, 1}, {5, 0}, {100, 2}, {3, 8}}
	for _, c := range cases {
		calls := make([]atomic.Int32, c.n)
		For(c.n, c.workers, func(i int) { calls[i].Add(1) })
		for i := range calls {
			if got := calls[i].Load(); got != 1 {
				t.Errorf("n %d, workers %d: index %d called %d times", c.n, c.workers, i, got)
			}
		}
	}
}

// TestForPanic: a panic in a call comes back on the caller's goroutine,
// serially and in parallel.
func TestForPanic(t *testing.T) {
	for _, workers := range []int{1, 2} {
		func() {
			defer func() {
				if x := recover(); x != "call 3" {
					t.Errorf("workers %d: recovered %v, want the call's panic", workers, x)
				}
			}()
			For(10, workers, func(i int) {
				if i == 3 {
					panic("call 3")
				}
			})
			t.Errorf("workers %d: no panic", workers)
		}()
	}
}
