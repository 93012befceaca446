package batch

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// TestSQLiteUpdate: a rerun loads only the documents whose output changed
// and removes those gone from the summary; the database it leaves holds
// the rows a fresh build holds. A database of another schema version is
// rebuilt.
func TestSQLiteUpdate(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFiles(t, in, map[string]string{"a.txt": "ok 财政局 2023", "b.txt": "warn 教育局 2024", "c.pdf": "not_pdf"})
	var p fakePipeline
	run := func(o Options) string {
		t.Helper()
		var progress bytes.Buffer
		o.Progress = &progress
		if _, err := Run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		return progress.String()
	}
	opts := options(in, out, &p)
	opts.CSVDir = ""
	if got := run(opts); !strings.Contains(got, "2 documents loaded in") {
		t.Errorf("first run:\n%s", got)
	}
	first := dumpDB(t, opts.SQLite)
	if got := run(opts); !strings.Contains(got, ": 0 documents loaded, 2 unchanged, 0 removed in") {
		t.Errorf("no-op rerun:\n%s", got)
	}
	if again := dumpDB(t, opts.SQLite); !reflect.DeepEqual(again, first) {
		t.Error("a no-op rerun changed the database")
	}

	// b edited, a gone, e new: b and e are loaded, the old a and b removed.
	os.Remove(filepath.Join(in, "a.txt"))
	writeFiles(t, in, map[string]string{"b.txt": "ok 教育局 2025", "e.txt": "ok 卫生健康委员会 2026"})
	if got := run(opts); !strings.Contains(got, ": 2 documents loaded, 0 unchanged, 2 removed in") {
		t.Errorf("rerun after edits:\n%s", got)
	}
	updated := dumpDB(t, opts.SQLite)
	fresh := opts
	fresh.SQLite = filepath.Join(t.TempDir(), "fresh.sqlite")
	run(fresh)
	if want := dumpDB(t, fresh.SQLite); !reflect.DeepEqual(updated, want) {
		t.Errorf("updated database differs from a fresh build:\n got %d rows\nwant %d rows", len(updated), len(want))
		for i := range min(len(updated), len(want)) {
			if updated[i] != want[i] {
				t.Errorf("first difference:\n got %s\nwant %s", updated[i], want[i])
				break
			}
		}
	}
	if got := query(t, openTest(t, opts.SQLite), `SELECT department, year FROM documents ORDER BY year`); got != "教育局|2025\n卫生健康委员会|2026\n" {
		t.Errorf("documents after the update:\n%s", got)
	}

	// Another schema version: rebuilt, not updated.
	db := openTest(t, opts.SQLite)
	if _, err := db.Exec("PRAGMA user_version = 1"); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if got := run(opts); !strings.Contains(got, ": 2 documents loaded in") {
		t.Errorf("rerun on an old schema version:\n%s", got)
	}
	if got := query(t, openTest(t, opts.SQLite), "PRAGMA user_version"); got != fmt.Sprintf("%d\n", DBVersion) {
		t.Errorf("user_version after the rebuild: %s", got)
	}
}

func openTest(t *testing.T, path string) *sql.DB {
	t.Helper()
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// dumpDB renders every row of every table and view, sorted, each prefixed
// with its table's name.
func dumpDB(t *testing.T, path string) []string {
	t.Helper()
	db := openTest(t, path)
	defer db.Close()
	names := strings.Fields(strings.ReplaceAll(query(t, db,
		`SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite%' ORDER BY name`), "\n", " "))
	var out []string
	for _, n := range names {
		cols := "*"
		if n == stampsTable {
			cols = "sha256, output" // mtimes differ between the two folders' runs
		}
		for _, line := range strings.Split(strings.TrimSuffix(query(t, db, "SELECT "+cols+" FROM "+quote(n)), "\n"), "\n") {
			if line != "" {
				out = append(out, n+": "+line)
			}
		}
	}
	sort.Strings(out)
	return out
}
