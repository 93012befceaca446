package batch

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/budgetpdf/budgetpdf/schema"
	_ "modernc.org/sqlite" // the "sqlite" driver: pure Go, no cgo
)

// DBVersion is the schema version of the analytics database, in PRAGMA
// user_version. A database of another version is rebuilt, not updated.
const DBVersion = 3

// stampsTable records, per document, the output file it was loaded from
// (its size and modification time), so that a rerun loads only documents
// whose output changed.
const stampsTable = "loaded"

// widePrefix names the wide views, one per table kind: wide_three_public.
const widePrefix = "wide_"

// schemaDDL is the database's tables and indexes.
func schemaDDL() []string {
	var ddl []string
	for _, sh := range Sheets {
		defs := make([]string, 0, len(sh.Columns)+2)
		for _, c := range sh.Columns {
			d := quote(c.Name) + " " + c.Type
			if c.Name == "sha256" && sh != Inputs {
				d += " NOT NULL"
			}
			defs = append(defs, d)
		}
		if len(sh.Key) > 0 {
			defs = append(defs, "PRIMARY KEY ("+quoteList(sh.Key)+")")
		}
		if fk := sh.foreignKey(); fk != nil {
			defs = append(defs, fmt.Sprintf("FOREIGN KEY (%s) REFERENCES %s (%s) ON DELETE CASCADE",
				quoteList(fk), quote(sh.Parent.Name), quoteList(fk)))
		}
		ddl = append(ddl, fmt.Sprintf("CREATE TABLE %s (%s)", quote(sh.Name), strings.Join(defs, ", ")))
		for _, ix := range sh.Indexes {
			ddl = append(ddl, fmt.Sprintf("CREATE INDEX %s ON %s (%s)", quote(sh.Name+"_"+strings.Join(ix, "_")), quote(sh.Name), quoteList(ix)))
		}
	}
	ddl = append(ddl, fmt.Sprintf(`CREATE TABLE %s (sha256 TEXT PRIMARY KEY REFERENCES documents (sha256) ON DELETE CASCADE,
		output TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL)`, stampsTable),
		fmt.Sprintf("PRAGMA user_version = %d", DBVersion))
	return ddl
}

// dbWriter holds a database open for loading, with one prepared insert per
// sheet inside a transaction.
type dbWriter struct {
	db    *sql.DB
	tx    *sql.Tx
	stmts map[*Sheet]*sql.Stmt
	stamp *sql.Stmt
}

func openDB(path string, pragmas ...string) (*sql.DB, error) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	for _, p := range pragmas {
		if _, err := db.Exec(p); err != nil {
			db.Close()
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return db, nil
}

func (w *dbWriter) begin() error {
	var err error
	if w.tx, err = w.db.Begin(); err != nil {
		return err
	}
	w.stmts = map[*Sheet]*sql.Stmt{}
	for _, sh := range Sheets {
		names := make([]string, len(sh.Columns))
		for i, c := range sh.Columns {
			names[i] = c.Name
		}
		q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", quote(sh.Name), quoteList(names),
			strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", "))
		if w.stmts[sh], err = w.tx.Prepare(q); err != nil {
			return err
		}
	}
	w.stamp, err = w.tx.Prepare(fmt.Sprintf("INSERT OR REPLACE INTO %s (sha256, output, size, mtime_ns) VALUES (?, ?, ?, ?)", stampsTable))
	return err
}

func (w *dbWriter) write(r *row) error {
	if _, err := w.stmts[r.sh].Exec(r.vals...); err != nil {
		return fmt.Errorf("%s: %w", r.sh.Name, err)
	}
	return nil
}

// load inserts one document and its stamp.
func (w *dbWriter) load(rec Record, doc *schema.Document, st stamp) error {
	if err := flattenDocument(rec, doc, w.write); err != nil {
		return err
	}
	_, err := w.stamp.Exec(rec.SHA256, rec.Output, st.size, st.mtime)
	return err
}

func (w *dbWriter) close() {
	if w.tx != nil {
		w.tx.Rollback()
		w.tx = nil
	}
	if w.db != nil {
		w.db.Close()
		w.db = nil
	}
}

// stamp identifies the state of an output file.
type stamp struct {
	size, mtime int64
}

func stampOf(path string) (stamp, error) {
	st, err := os.Stat(path)
	if err != nil {
		return stamp{}, err
	}
	return stamp{st.Size(), st.ModTime().UnixNano()}, nil
}

// docEntry is one distinct document of a run: the first input with its
// content, converted.
type docEntry struct {
	rec   Record
	stamp stamp
}

// distinctDocuments lists the converted documents of recs, one per sha256
// (the first input that has it), with their outputs' stamps.
func distinctDocuments(out string, recs []Record) ([]docEntry, error) {
	var docs []docEntry
	seen := map[string]bool{}
	for _, r := range recs {
		if r.Status == StatusError || r.Status == StatusDuplicate || r.SHA256 == "" || seen[r.SHA256] {
			continue
		}
		seen[r.SHA256] = true
		st, err := stampOf(filepath.Join(out, filepath.FromSlash(r.Output)))
		if err != nil {
			return nil, fmt.Errorf("batch: %w", err)
		}
		docs = append(docs, docEntry{r, st})
	}
	return docs, nil
}

// writeSQLite brings the database at path up to date with the run's
// records: a new database (or one of another schema version) is built in
// a temporary file and renamed into place; an existing one is updated in
// one transaction, loading only the documents whose output changed since
// they were loaded and removing those no longer in the summary.
func writeSQLite(o Options, recs []Record, ph *phase) error {
	docs, err := distinctDocuments(o.Out, recs)
	if err != nil {
		return err
	}
	if version, err := dbVersion(o.SQLite); err == nil && version == DBVersion {
		return updateSQLite(o, recs, docs, ph)
	} else if err != nil && !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("batch: sqlite: %q: %w", o.SQLite, err)
	}
	return buildSQLite(o.SQLite, o.Out, recs, docs, ph)
}

// dbVersion reads the user_version of an existing database.
func dbVersion(path string) (int, error) {
	if _, err := os.Stat(path); err != nil {
		return 0, err
	}
	db, err := openDB(path)
	if err != nil {
		return 0, err
	}
	defer db.Close()
	var v int
	err = db.QueryRow("PRAGMA user_version").Scan(&v)
	return v, err
}

// buildSQLite writes a new database at path.
func buildSQLite(path, out string, recs []Record, docs []docEntry, ph *phase) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("batch: sqlite: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("batch: sqlite: %w", err)
	}
	tmp := f.Name()
	f.Chmod(0o644) // CreateTemp makes it private; the database is an ordinary file
	f.Close()
	err = func() error {
		// The file is private until renamed: no journal, no syncs.
		db, err := openDB(tmp, "PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF")
		if err != nil {
			return err
		}
		w := &dbWriter{db: db}
		defer w.close()
		for _, q := range schemaDDL() {
			if _, err := db.Exec(q); err != nil {
				return fmt.Errorf("%s: %w", q, err)
			}
		}
		if err := w.begin(); err != nil {
			return err
		}
		for _, r := range recs {
			if err := flattenInput(r, w.write); err != nil {
				return err
			}
		}
		ph.start(len(docs))
		for _, d := range docs {
			doc, err := ReadDocument(filepath.Join(out, filepath.FromSlash(d.rec.Output)))
			if err != nil {
				return err
			}
			if err := w.load(d.rec, doc, d.stamp); err != nil {
				return fmt.Errorf("%q: %w", d.rec.Path, err)
			}
			ph.step()
		}
		if err := w.tx.Commit(); err != nil {
			return err
		}
		w.tx = nil
		if err := createWideViews(db); err != nil {
			return err
		}
		if _, err := db.Exec("ANALYZE"); err != nil {
			return err
		}
		ph.end(fmt.Sprintf("%d documents loaded", len(docs)))
		return db.Close()
	}()
	if err == nil {
		err = os.Rename(tmp, path)
	}
	if err != nil {
		os.Remove(tmp)
		return fmt.Errorf("batch: sqlite: %w", err)
	}
	return nil
}

// updateSQLite updates an existing database of this schema version.
func updateSQLite(o Options, recs []Record, docs []docEntry, ph *phase) error {
	db, err := openDB(o.SQLite, "PRAGMA foreign_keys=ON", "PRAGMA synchronous=NORMAL")
	if err != nil {
		return fmt.Errorf("batch: sqlite: %w", err)
	}
	w := &dbWriter{db: db}
	defer w.close()
	err = func() error {
		loaded := map[string]docEntry{}
		rows, err := db.Query(fmt.Sprintf("SELECT sha256, output, size, mtime_ns FROM %s", stampsTable))
		if err != nil {
			return err
		}
		for rows.Next() {
			var e docEntry
			if err := rows.Scan(&e.rec.SHA256, &e.rec.Output, &e.stamp.size, &e.stamp.mtime); err != nil {
				rows.Close()
				return err
			}
			loaded[e.rec.SHA256] = e
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		if err := w.begin(); err != nil {
			return err
		}
		// Inputs are few and cheap: rewritten whole.
		if _, err := w.tx.Exec("DELETE FROM inputs"); err != nil {
			return err
		}
		for _, r := range recs {
			if err := flattenInput(r, w.write); err != nil {
				return err
			}
		}
		var stale []docEntry
		want := map[string]bool{}
		for _, d := range docs {
			want[d.rec.SHA256] = true
			if l, ok := loaded[d.rec.SHA256]; !ok || l.stamp != d.stamp || l.rec.Output != d.rec.Output {
				stale = append(stale, d)
			}
		}
		var gone []string
		for sha := range loaded {
			if !want[sha] {
				gone = append(gone, sha)
			}
		}
		del, err := w.tx.Prepare("DELETE FROM documents WHERE sha256 = ?")
		if err != nil {
			return err
		}
		for _, sha := range gone {
			if _, err := del.Exec(sha); err != nil {
				return err
			}
		}
		ph.start(len(stale))
		for _, d := range stale {
			if _, err := del.Exec(d.rec.SHA256); err != nil {
				return err
			}
			doc, err := ReadDocument(filepath.Join(o.Out, filepath.FromSlash(d.rec.Output)))
			if err != nil {
				return err
			}
			if err := w.load(d.rec, doc, d.stamp); err != nil {
				return fmt.Errorf("%q: %w", d.rec.Path, err)
			}
			ph.step()
		}
		// The documents' own lines (path, output, status) follow the summary.
		upd, err := w.tx.Prepare("UPDATE documents SET path = ?, output = ?, status = ? WHERE sha256 = ? AND (path IS NOT ? OR output IS NOT ? OR status IS NOT ?)")
		if err != nil {
			return err
		}
		for _, d := range docs {
			r := d.rec
			if _, err := upd.Exec(r.Path, r.Output, r.Status, r.SHA256, r.Path, r.Output, r.Status); err != nil {
				return err
			}
		}
		changed := len(stale) > 0 || len(gone) > 0
		if changed {
			if err := dropWideViews(w.tx); err != nil {
				return err
			}
		}
		if err := w.tx.Commit(); err != nil {
			return err
		}
		w.tx = nil
		if changed {
			if err := createWideViews(db); err != nil {
				return err
			}
			if _, err := db.Exec("ANALYZE"); err != nil {
				return err
			}
		}
		ph.end(fmt.Sprintf("%d documents loaded, %d unchanged, %d removed", len(stale), len(docs)-len(stale), len(gone)))
		return nil
	}()
	if err != nil {
		return fmt.Errorf("batch: sqlite: %q: %w", o.SQLite, err)
	}
	return nil
}

// execer is a database or a transaction.
type execer interface {
	Exec(query string, args ...any) (sql.Result, error)
	Query(query string, args ...any) (*sql.Rows, error)
}

func dropWideViews(x execer) error {
	rows, err := x.Query("SELECT name FROM sqlite_master WHERE type = 'view' AND name LIKE ? ESCAPE '\\'", strings.ReplaceAll(widePrefix, "_", `\_`)+"%")
	if err != nil {
		return err
	}
	var names []string
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		names = append(names, n)
	}
	rows.Close()
	for _, n := range names {
		if _, err := x.Exec("DROP VIEW " + quote(n)); err != nil {
			return err
		}
	}
	return rows.Err()
}

// wideColumn is one column of a wide view: a column key of a table kind.
type wideColumn struct {
	key    string
	amount bool
}

// name is the view's column name: the key for text, key_fen for amounts.
func (c wideColumn) name() string {
	if c.amount {
		return c.key + "_fen"
	}
	return c.key
}

// wideBase are the columns every wide view starts with.
var wideBase = []string{"sha256", "department", "year", "table_index", "row", "unit", "row_label"}

// wideKinds lists the table kinds of the database with their column keys,
// about in the order of the columns in the tables, unnamed ones (col_N)
// last.
func wideKinds(x execer) (kinds []string, columns map[string][]wideColumn, err error) {
	rows, err := x.Query(`SELECT table_kind, column_key FROM cells GROUP BY table_kind, column_key
		ORDER BY table_kind, column_key GLOB 'col_*', avg(column_index), column_key`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	columns = map[string][]wideColumn{}
	for rows.Next() {
		var kind, key string
		if err := rows.Scan(&kind, &key); err != nil {
			return nil, nil, err
		}
		if _, ok := columns[kind]; !ok {
			kinds = append(kinds, kind)
		}
		columns[kind] = append(columns[kind], wideColumn{key, amountKey(key)})
	}
	return kinds, columns, rows.Err()
}

// createWideViews creates one view per table kind, wide_KIND, with one
// line per table row: the document's department and year, the row's
// unit and label, then one column per column key, text as printed and
// amounts as INTEGER 分 (key_fen).
func createWideViews(x execer) error {
	kinds, columns, err := wideKinds(x)
	if err != nil {
		return err
	}
	for _, kind := range kinds {
		sel := []string{"c.sha256", "d.department", "d.year", "c.table_index", "c.row", "max(c.unit) AS unit", "max(c.row_label) AS row_label"}
		taken := map[string]bool{}
		for _, b := range wideBase {
			taken[b] = true
		}
		for _, c := range columns[kind] {
			name := c.name()
			if taken[name] {
				name += "_cell"
			}
			taken[name] = true
			val := "c.value"
			if c.amount {
				val = "c.amount_fen"
			}
			sel = append(sel, fmt.Sprintf("max(CASE WHEN c.column_key = %s THEN %s END) AS %s", literal(c.key), val, quote(name)))
		}
		q := fmt.Sprintf("CREATE VIEW %s AS SELECT %s FROM cells c JOIN documents d ON d.sha256 = c.sha256 WHERE c.table_kind = %s GROUP BY c.sha256, c.table_index, c.row",
			quote(widePrefix+kind), strings.Join(sel, ", "), literal(kind))
		if _, err := x.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	return nil
}

// phase reports the progress of one phase of the analytics writes (the
// database, the CSV files, the workbook): a line redrawn in place on a
// terminal, else a plain line now and then, and a last line when done.
type phase struct {
	name        string
	o           *Options
	total, n    int
	begun, last time.Time
}

func newPhase(o *Options, name string) *phase {
	return &phase{name: name, o: o}
}

func (p *phase) start(total int) {
	p.total, p.n = total, 0
	p.begun, p.last = time.Now(), time.Now()
}

func (p *phase) step() {
	p.n++
	if p.o.Progress == nil {
		return
	}
	switch {
	case p.o.Terminal:
		fmt.Fprintf(p.o.Progress, "\r\033[Kbatch: %s: %d/%d documents", p.name, p.n, p.total)
	case time.Since(p.last) >= p.o.ProgressEvery:
		fmt.Fprintf(p.o.Progress, "batch: %s: %d/%d documents\n", p.name, p.n, p.total)
		p.last = time.Now()
	}
}

func (p *phase) end(what string) {
	if p.o.Progress == nil {
		return
	}
	if p.o.Terminal {
		fmt.Fprint(p.o.Progress, "\r\033[K")
	}
	fmt.Fprintf(p.o.Progress, "batch: %s: %s in %s\n", p.name, what, time.Since(p.begun).Round(time.Millisecond))
}

// quote quotes an SQL identifier.
func quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func quoteList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quote(n)
	}
	return strings.Join(q, ", ")
}

// literal quotes an SQL string.
func literal(s string) string {
	return `'` + strings.ReplaceAll(s, `'`, `''`) + `'`
}
