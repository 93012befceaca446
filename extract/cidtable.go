package extract

import (
	"container/heap"
	"sort"
)

// cidTable maps CIDs to metrics as a CID font's /W or /W2 array gives
// them: single codes and ranges, a later entry overriding an earlier one.
// Ranges stay ranges, so building it is linear in the array's length and a
// lookup is a map probe plus a binary search.
type cidTable[T any] struct {
	single map[uint32]cidEntry[T]
	ranges []cidRange[T] // sorted and disjoint after done
	n      int           // entries so far, for precedence
}

type cidEntry[T any] struct {
	v     T
	order int
}

type cidRange[T any] struct {
	first, last uint32
	cidEntry[T]
}

func (t *cidTable[T]) set(c uint32, v T) {
	if t.single == nil {
		t.single = map[uint32]cidEntry[T]{}
	}
	t.n++
	t.single[c] = cidEntry[T]{v, t.n}
}

func (t *cidTable[T]) setRange(first, last uint32, v T) {
	t.n++
	t.ranges = append(t.ranges, cidRange[T]{first, last, cidEntry[T]{v, t.n}})
}

// done flattens the ranges, once they are all in, into sorted disjoint
// ones, each with the value of the latest range covering it (a sweep over
// the range ends with a heap of the open ranges: n log n).
func (t *cidTable[T]) done() {
	rs := t.ranges
	if len(rs) < 2 {
		return
	}
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].first < rs[j].first })
	disjoint := true
	for i := 1; i < len(rs); i++ {
		if rs[i].first <= rs[i-1].last {
			disjoint = false
			break
		}
	}
	if disjoint {
		return
	}
	// Boundaries: every first and every last+1.
	bounds := make([]uint64, 0, 2*len(rs))
	for _, r := range rs {
		bounds = append(bounds, uint64(r.first), uint64(r.last)+1)
	}
	sort.Slice(bounds, func(i, j int) bool { return bounds[i] < bounds[j] })
	h := &rangeHeap[T]{}
	var out []cidRange[T]
	next := 0
	for bi := 0; bi < len(bounds); bi++ {
		lo := bounds[bi]
		if bi > 0 && lo == bounds[bi-1] {
			continue
		}
		for next < len(rs) && uint64(rs[next].first) <= lo {
			heap.Push(h, rs[next])
			next++
		}
		for h.Len() > 0 && uint64((*h)[0].last) < lo {
			heap.Pop(h)
		}
		if h.Len() == 0 || bi+1 >= len(bounds) {
			continue
		}
		hi := bounds[len(bounds)-1]
		for k := bi + 1; k < len(bounds); k++ {
			if bounds[k] > lo {
				hi = bounds[k]
				break
			}
		}
		top := (*h)[0]
		if n := len(out); n > 0 && uint64(out[n-1].last)+1 == lo && out[n-1].order == top.order {
			out[n-1].last = uint32(hi - 1)
			continue
		}
		out = append(out, cidRange[T]{uint32(lo), uint32(hi - 1), top.cidEntry})
	}
	t.ranges = out
}

// rangeHeap holds the open ranges, the latest on top.
type rangeHeap[T any] []cidRange[T]

func (h rangeHeap[T]) Len() int           { return len(h) }
func (h rangeHeap[T]) Less(i, j int) bool { return h[i].order > h[j].order }
func (h rangeHeap[T]) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *rangeHeap[T]) Push(x any)        { *h = append(*h, x.(cidRange[T])) }
func (h *rangeHeap[T]) Pop() any {
	old := *h
	x := old[len(old)-1]
	*h = old[:len(old)-1]
	return x
}

// get returns the latest entry that covers c.
func (t *cidTable[T]) get(c uint32) (T, bool) {
	var zero T
	if t == nil {
		return zero, false
	}
	best, ok := t.single[c]
	i := sort.Search(len(t.ranges), func(i int) bool { return t.ranges[i].last >= c })
	if i < len(t.ranges) && t.ranges[i].first <= c && (!ok || t.ranges[i].order > best.order) {
		best, ok = t.ranges[i].cidEntry, true
	}
	return best.v, ok
}
