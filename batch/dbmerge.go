package batch

import (
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
)

// MergeResult is what MergeDB did.
type MergeResult struct {
	Shards     int
	Documents  int // documents added
	Duplicates int // documents a shard held that were already there (the same sha256)
	Inputs     int // inputs rows added or replaced
}

// MergeDB joins analytics databases written by batch (the shards of an
// archive, each run with --shard i/n --sqlite) into the database at out:
// created when missing, else added to. A document already in out (the same
// sha256) is kept as it is and counted as a duplicate; inputs are added by
// path, a later shard's line replacing an earlier one's. Every database
// must have this schema version. out is written in one transaction (a new
// one through a temporary file renamed into place), so a failure leaves it
// as it was.
func MergeDB(out string, shards []string) (MergeResult, error) {
	var res MergeResult
	if len(shards) == 0 {
		return res, fmt.Errorf("%w: db merge: no shard databases", ErrUsage)
	}
	for _, s := range shards {
		v, err := dbVersion(s)
		if err != nil {
			return res, fmt.Errorf("db merge: %q: %w", s, err)
		}
		if v != DBVersion {
			return res, fmt.Errorf("db merge: %q: schema version %d, want %d (rerun its batch with this budgetpdf)", s, v, DBVersion)
		}
		if a, b := absPath(s), absPath(out); a == b {
			return res, fmt.Errorf("%w: db merge: %q is the output", ErrUsage, s)
		}
	}
	target, tmp := out, ""
	switch v, err := dbVersion(out); {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return res, fmt.Errorf("db merge: %w", err)
		}
		f, err := os.CreateTemp(filepath.Dir(out), "."+filepath.Base(out)+".*")
		if err != nil {
			return res, fmt.Errorf("db merge: %w", err)
		}
		f.Chmod(0o644)
		f.Close()
		tmp, target = f.Name(), f.Name()
	case err != nil:
		return res, fmt.Errorf("db merge: %q: %w", out, err)
	case v != DBVersion:
		return res, fmt.Errorf("db merge: %q: schema version %d, want %d", out, v, DBVersion)
	}
	res, err := mergeInto(target, tmp != "", shards)
	if err == nil && tmp != "" {
		err = os.Rename(tmp, out)
	}
	if err != nil {
		if tmp != "" {
			os.Remove(tmp)
		}
		return res, fmt.Errorf("db merge: %q: %w", out, err)
	}
	return res, nil
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

func mergeInto(path string, fresh bool, shards []string) (MergeResult, error) {
	res := MergeResult{Shards: len(shards)}
	db, err := openDB(path, "PRAGMA synchronous=NORMAL")
	if err != nil {
		return res, err
	}
	defer db.Close()
	if fresh {
		for _, q := range schemaDDL() {
			if _, err := db.Exec(q); err != nil {
				return res, fmt.Errorf("%s: %w", q, err)
			}
		}
	}
	// ATTACH cannot run inside a transaction: attach all shards first (at
	// most SQLite's limit of 10 at a time), then merge in one transaction.
	const attachLimit = 10
	tx, err := db.Begin()
	if err != nil {
		return res, err
	}
	defer tx.Rollback()
	if err := dropWideViews(tx); err != nil {
		return res, err
	}
	if err := tx.Commit(); err != nil {
		return res, err
	}
	for start := 0; start < len(shards); start += attachLimit {
		batch := shards[start:min(len(shards), start+attachLimit)]
		if err := mergeBatch(db, batch, &res); err != nil {
			return res, err
		}
	}
	if err := createWideViews(db); err != nil {
		return res, err
	}
	if _, err := db.Exec("ANALYZE"); err != nil {
		return res, err
	}
	return res, db.Close()
}

func mergeBatch(db *sql.DB, shards []string, res *MergeResult) error {
	for i, s := range shards {
		if _, err := db.Exec(fmt.Sprintf("ATTACH DATABASE %s AS %s", literal(s), quote(fmt.Sprintf("shard%d", i)))); err != nil {
			return fmt.Errorf("%q: %w", s, err)
		}
	}
	defer func() {
		for i := range shards {
			db.Exec(fmt.Sprintf("DETACH DATABASE %s", quote(fmt.Sprintf("shard%d", i))))
		}
	}()
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for i, s := range shards {
		schemaName := quote(fmt.Sprintf("shard%d", i))
		if _, err := tx.Exec("DROP TABLE IF EXISTS temp.merging"); err != nil {
			return err
		}
		if _, err := tx.Exec(fmt.Sprintf(`CREATE TEMP TABLE merging AS SELECT sha256 FROM %s.documents
			WHERE sha256 NOT IN (SELECT sha256 FROM main.documents)`, schemaName)); err != nil {
			return fmt.Errorf("%q: %w", s, err)
		}
		var added, total int
		if err := tx.QueryRow("SELECT count(*) FROM temp.merging").Scan(&added); err != nil {
			return err
		}
		if err := tx.QueryRow(fmt.Sprintf("SELECT count(*) FROM %s.documents", schemaName)).Scan(&total); err != nil {
			return err
		}
		res.Documents += added
		res.Duplicates += total - added
		for _, sh := range Sheets {
			names := make([]string, len(sh.Columns))
			for j, c := range sh.Columns {
				names[j] = c.Name
			}
			cols := quoteList(names)
			q := fmt.Sprintf("INSERT INTO main.%s (%s) SELECT %s FROM %s.%s WHERE sha256 IN (SELECT sha256 FROM temp.merging)",
				quote(sh.Name), cols, cols, schemaName, quote(sh.Name))
			if sh == Inputs {
				q = fmt.Sprintf("INSERT OR REPLACE INTO main.%s (%s) SELECT %s FROM %s.%s", quote(sh.Name), cols, cols, schemaName, quote(sh.Name))
			}
			r, err := tx.Exec(q)
			if err != nil {
				return fmt.Errorf("%q: %s: %w", s, sh.Name, err)
			}
			if sh == Inputs {
				n, _ := r.RowsAffected()
				res.Inputs += int(n)
			}
		}
	}
	if _, err := tx.Exec("DROP TABLE IF EXISTS temp.merging"); err != nil {
		return err
	}
	return tx.Commit()
}

// String is the one-line report of a merge.
func (r MergeResult) String() string {
	return fmt.Sprintf("%d shards: %d documents added, %d duplicates, %d inputs", r.Shards, r.Documents, r.Duplicates, r.Inputs)
}
