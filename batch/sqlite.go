package batch

import (
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	_ "modernc.org/sqlite" // the "sqlite" driver: pure Go, no cgo
)

// sqliteSink writes the sheets as tables of an SQLite database, in one
// transaction, into a temporary file that commit renames over path. Besides
// the tables it creates an index on documents(department, year) and one on
// file in every other table.
type sqliteSink struct {
	path, tmp string
	db        *sql.DB
	tx        *sql.Tx
	stmts     map[*Sheet]*sql.Stmt
}

func newSQLiteSink(path string) (*sqliteSink, error) {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("batch: sqlite: %w", err)
	}
	f, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*")
	if err != nil {
		return nil, fmt.Errorf("batch: sqlite: %w", err)
	}
	f.Chmod(0o644) // CreateTemp makes it private; the database is an ordinary file
	f.Close()
	s := &sqliteSink{path: path, tmp: f.Name(), stmts: map[*Sheet]*sql.Stmt{}}
	if err := s.open(); err != nil {
		s.abort()
		return nil, fmt.Errorf("batch: sqlite: %w", err)
	}
	return s, nil
}

// open creates the schema and prepares one insert per sheet.
func (s *sqliteSink) open() error {
	db, err := sql.Open("sqlite", s.tmp)
	if err != nil {
		return err
	}
	s.db = db
	db.SetMaxOpenConns(1)
	// The file is private until renamed: no journal, no syncs.
	for _, p := range []string{"PRAGMA journal_mode=OFF", "PRAGMA synchronous=OFF"} {
		if _, err := db.Exec(p); err != nil {
			return err
		}
	}
	var ddl []string
	for _, sh := range Sheets {
		defs := make([]string, len(sh.Columns))
		for i, c := range sh.Columns {
			defs[i] = quote(c.Name) + " " + c.Type
		}
		ddl = append(ddl, fmt.Sprintf("CREATE TABLE %s (%s)", quote(sh.Name), strings.Join(defs, ", ")))
		if sh == Documents {
			ddl = append(ddl, `CREATE INDEX documents_department_year ON documents (department, year)`,
				`CREATE UNIQUE INDEX documents_file ON documents (file)`)
		} else {
			ddl = append(ddl, fmt.Sprintf("CREATE INDEX %s ON %s (file)", quote(sh.Name+"_file"), quote(sh.Name)))
		}
	}
	for _, q := range ddl {
		if _, err := db.Exec(q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	if s.tx, err = db.Begin(); err != nil {
		return err
	}
	for _, sh := range Sheets {
		names := make([]string, len(sh.Columns))
		for i, c := range sh.Columns {
			names[i] = quote(c.Name)
		}
		q := fmt.Sprintf("INSERT INTO %s (%s) VALUES (%s)", quote(sh.Name), strings.Join(names, ", "),
			strings.TrimSuffix(strings.Repeat("?, ", len(names)), ", "))
		st, err := s.tx.Prepare(q)
		if err != nil {
			return err
		}
		s.stmts[sh] = st
	}
	return nil
}

func (s *sqliteSink) write(sh *Sheet, row []any) error {
	if _, err := s.stmts[sh].Exec(row...); err != nil {
		return fmt.Errorf("batch: sqlite: %s: %w", sh.Name, err)
	}
	return nil
}

func (s *sqliteSink) commit() error {
	err := s.tx.Commit()
	s.tx = nil
	if err == nil {
		_, err = s.db.Exec("ANALYZE")
	}
	if cerr := s.db.Close(); err == nil {
		err = cerr
	}
	s.db = nil
	if err == nil {
		err = os.Rename(s.tmp, s.path)
	}
	if err != nil {
		s.abort()
		return fmt.Errorf("batch: sqlite: %w", err)
	}
	s.tmp = ""
	return nil
}

func (s *sqliteSink) abort() {
	if s.tx != nil {
		s.tx.Rollback()
		s.tx = nil
	}
	if s.db != nil {
		s.db.Close()
		s.db = nil
	}
	if s.tmp != "" {
		os.Remove(s.tmp)
		s.tmp = ""
	}
}

// quote quotes an SQL identifier.
func quote(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}
