package batch

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestMergeDB: the shards of a run, each with its own database, merge into
// the database one unsharded run writes; merging a shard again adds
// nothing and counts its documents as duplicates.
func TestMergeDB(t *testing.T) {
	in := t.TempDir()
	files := map[string]string{"x/same.txt": "ok 财政局 2023", "c.pdf": "not_pdf"}
	for i := range 7 {
		files[fmt.Sprintf("d%d.txt", i)] = fmt.Sprintf("ok 部门%d %d", i, 2020+i)
	}
	files["y/same.txt"] = files["x/same.txt"] // one document, two inputs
	writeFiles(t, in, files)
	var p fakePipeline
	whole := t.TempDir()
	o := options(in, whole, &p)
	o.CSVDir = ""
	// Shards dedup within themselves only: the two inputs of same.txt fall
	// in different shards, so the unsharded run to compare keeps both.
	o.KeepDuplicates = true
	if _, err := Run(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	var shards []string
	work := t.TempDir()
	for i := range 3 {
		so := options(in, filepath.Join(work, fmt.Sprint("out", i)), &p)
		so.CSVDir, so.Shard, so.Shards = "", i, 3
		so.SQLite = filepath.Join(work, fmt.Sprintf("shard-%d.sqlite", i))
		if _, err := Run(context.Background(), so); err != nil {
			t.Fatal(err)
		}
		shards = append(shards, so.SQLite)
	}
	merged := filepath.Join(work, "all", "merged.sqlite")
	res, err := MergeDB(merged, shards)
	if err != nil {
		t.Fatal(err)
	}
	if res.Documents != 8 || res.Inputs != 10 {
		t.Errorf("merge: %+v, want 8 documents and 10 inputs", res)
	}
	// The stamps (of the shards' output files) are not merged; everything
	// else is the unsharded run's.
	normalize := func(rows []string) []string {
		var out []string
		for _, r := range rows {
			if strings.HasPrefix(r, stampsTable+":") {
				continue
			}
			out = append(out, r)
		}
		return out
	}
	got, want := normalize(dumpDB(t, merged)), normalize(dumpDB(t, o.SQLite))
	if !reflect.DeepEqual(got, want) {
		t.Errorf("merged database: %d rows, the unsharded run's: %d", len(got), len(want))
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Errorf("first difference:\n got %s\nwant %s", got[i], want[i])
				break
			}
		}
	}
	again, err := MergeDB(merged, shards[:1])
	if err != nil {
		t.Fatal(err)
	}
	if again.Documents != 0 || again.Duplicates == 0 {
		t.Errorf("second merge of shard 0: %+v, want only duplicates", again)
	}
	if _, err := MergeDB(merged, []string{merged}); err == nil {
		t.Error("merging the output into itself: no error")
	}
	if _, err := MergeDB(merged, []string{filepath.Join(work, "missing.sqlite")}); err == nil {
		t.Error("merging a missing shard: no error")
	}
}
