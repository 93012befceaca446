package main

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestDBMerge: two shards of the mixed corpus merge into the database of
// the whole; usage errors say so once.
func TestDBMerge(t *testing.T) {
	in, truth := batchCorpus(t)
	work := t.TempDir()
	var shards []string
	for i := range 2 {
		db := filepath.Join(work, fmt.Sprintf("shard-%d.sqlite", i))
		code, stdout, stderr := runCLI("batch", in, "--out", filepath.Join(work, fmt.Sprint("out", i)), "--shard", fmt.Sprintf("%d/2", i), "--sqlite", db)
		if code > 1 {
			t.Fatalf("shard %d: exit %d\n%s%s", i, code, stdout, stderr)
		}
		shards = append(shards, db)
	}
	out := filepath.Join(work, "all.sqlite")
	code, stdout, stderr := runCLI(append([]string{"db", "merge", out}, shards...)...)
	if code != 0 || stdout != "db merge: "+strconv.Quote(out)+": 2 shards: 2 documents added, 0 duplicates, 6 inputs\n" {
		t.Fatalf("db merge: exit %d\n%s%s", code, stdout, stderr)
	}
	db, err := sql.Open("sqlite", out)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if got := batchQuery(t, db, `SELECT count(*) FROM inputs WHERE status = 'error'`); got != "4\n" {
		t.Errorf("failed inputs: %s", got)
	}
	if got, want := batchQuery(t, db, `SELECT count(*) FROM projects`), fmt.Sprintf("%d\n", len(truth.Projects)); got != want {
		t.Errorf("projects: %s, want %s (the truth's)", got, want)
	}
	for _, args := range [][]string{{"db"}, {"db", "merge", out}, {"db", "split", out, shards[0]}, {"db", "merge", out, out}} {
		code, _, stderr := runCLI(args...)
		if code != exitUsage || strings.Count(stderr, "usage") != 1 || !strings.HasPrefix(stderr, "budgetpdf: usage: ") {
			t.Errorf("%q: exit %d, %q", args, code, stderr)
		}
	}
	if code, _, stderr := runCLI("db", "merge", out, filepath.Join(work, "missing.sqlite")); code != exitUsage || !strings.Contains(stderr, "missing.sqlite") {
		t.Errorf("missing shard: exit %d, %q", code, stderr)
	}
}
