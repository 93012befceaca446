// Package parallel runs the independent steps of one conversion on several
// goroutines, with the serial order's results.
package parallel

import (
	"sync"
	"sync/atomic"
)

// For calls f(i) for every i in [0, n) on up to workers goroutines (one
// after the other in order when workers ≤ 1 or n ≤ 1). Each call must be
// independent of the others: f writes its result where i says (a slot of a
// slice), so the caller reads them in order. A panic in a call stops the
// calls not yet begun and is raised again on the caller's goroutine, where
// its recover is.
func For(n, workers int, f func(i int)) {
	workers = min(workers, n)
	if workers <= 1 {
		for i := range n {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var panicked atomic.Value
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if x := recover(); x != nil {
					panicked.CompareAndSwap(nil, panicValue{x})
					next.Store(int64(n)) // the others stop too
				}
			}()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
	if p, ok := panicked.Load().(panicValue); ok {
		panic(p.v)
	}
}

// panicValue boxes a recovered value (atomic.Value holds one concrete type).
type panicValue struct{ v any }
