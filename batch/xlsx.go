package batch

import (
	"bytes"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/budgetpdf/budgetpdf/pipeline"
)

// xlsxSheets are the workbook's first sheets, each a query on the
// database; one sheet per table kind (its wide view) follows.
var xlsxSheets = []struct{ name, query string }{
	{"documents", `SELECT sha256, path, title, department, year, kind, region, pages, tables, projects, forms,
		indicators, failed_checks, warnings FROM documents ORDER BY rowid`},
	{"economic_rows", `SELECT e.sha256, d.department, d.year, e.row, e.level, e.code, e.category, e.dept_subject,
		e.gov_code, e.gov_subject, e.unit, e.total, e.total_fen, e.personnel, e.personnel_fen, e.public, e.public_fen
		FROM economic_rows e JOIN documents d ON d.sha256 = e.sha256 ORDER BY d.rowid, e.row`},
	{"projects", `SELECT p.sha256, d.department, d.year, p.row, p.name, p.carryover, p.unit, p.total, p.total_fen,
		p.general_public_budget, p.general_public_budget_fen, p.government_fund, p.government_fund_fen,
		p.state_capital, p.state_capital_fen, p.fiscal_special_account, p.fiscal_special_account_fen,
		p.unit_funds, p.unit_funds_fen FROM projects p JOIN documents d ON d.sha256 = p.sha256 ORDER BY d.rowid, p.row`},
	{"indicators", `SELECT i.sha256, d.department, d.year, i.form, i.project, i.scope, i.level1, i.level2, i.level3,
		i.value, i.op, i.number, i.number_max, i.unit FROM indicators i JOIN documents d ON d.sha256 = i.sha256
		ORDER BY d.rowid, i.form, i.idx`},
	{"three_public_totals", `SELECT t.sha256, d.department, d.year, d.kind, t.basis, t.unit, t.total, t.total_fen
		FROM three_public_totals t JOIN documents d ON d.sha256 = t.sha256 ORDER BY d.rowid, t.basis`},
	{"checks", `SELECT c.sha256, d.department, c.rule, c.table_kind, c.status, c.message, c.unit, c.pages
		FROM checks c JOIN documents d ON d.sha256 = c.sha256 ORDER BY d.rowid, c.idx`},
}

// writeXLSX writes the workbook from the database: o.SQLite, written just
// before, or a temporary one built for the purpose.
func writeXLSX(o Options, recs []Record, ph *phase) error {
	dbPath := o.SQLite
	if dbPath == "" {
		dir, err := os.MkdirTemp("", "budgetpdf-xlsx-")
		if err != nil {
			return fmt.Errorf("batch: xlsx: %w", err)
		}
		defer os.RemoveAll(dir)
		dbPath = filepath.Join(dir, "analytics.sqlite")
		docs, err := distinctDocuments(o.Out, recs)
		if err != nil {
			return err
		}
		if err := buildSQLite(dbPath, o.Out, recs, docs, newPhase(&o, "xlsx: database")); err != nil {
			return err
		}
	}
	if err := WriteWorkbook(dbPath, o.XLSX, ph); err != nil {
		return fmt.Errorf("batch: xlsx: %w", err)
	}
	return nil
}

// WriteWorkbook writes the analytics database at dbPath as an .xlsx
// workbook at path (through a temporary file renamed into place): a
// documents sheet, the economic rows, projects, indicators and checks, then
// one sheet per table kind with one line per table row. Amounts are numeric
// cells in 元 (the header says so: "total (元)"), converted exactly from
// the 分 of the database; counts and years are numbers, the rest text. A
// sheet longer than Excel's 1,048,576 rows goes on in "name~2".
func WriteWorkbook(dbPath, path string, ph *phase) error {
	db, err := openDB(dbPath, "PRAGMA query_only=ON")
	if err != nil {
		return err
	}
	defer db.Close()
	kinds, _, err := wideKinds(db)
	if err != nil {
		return err
	}
	sheets := append([]struct{ name, query string }(nil), xlsxSheets...)
	for _, k := range kinds {
		sheets = append(sheets, struct{ name, query string }{k, fmt.Sprintf("SELECT * FROM %s ORDER BY sha256, table_index, row", quote(widePrefix+k))})
	}
	var buf bytes.Buffer
	wb, err := newWorkbook(&buf)
	if err != nil {
		return err
	}
	names := map[string]bool{}
	ph.start(len(sheets))
	for _, s := range sheets {
		if err := writeSheet(wb, db, s.name, s.query, names); err != nil {
			return fmt.Errorf("sheet %s: %w", s.name, err)
		}
		ph.step()
	}
	if err := wb.close(); err != nil {
		return err
	}
	if err := pipeline.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return err
	}
	ph.end(fmt.Sprintf("%d sheets written", len(sheets)))
	return nil
}

// sheetName makes an Excel sheet name (at most 31 characters, none of
// []:*?/\) unique among names.
func sheetName(name string, names map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, name)
	base := []rune(name)
	if len(base) > xlsxMaxSheetName {
		base = base[:xlsxMaxSheetName]
	}
	out := string(base)
	for n := 2; names[strings.ToLower(out)]; n++ {
		suffix := "~" + strconv.Itoa(n)
		out = string(base[:min(len(base), xlsxMaxSheetName-len(suffix))]) + suffix
	}
	names[strings.ToLower(out)] = true
	return out
}

// xlsxColumn says how one result column is written.
type xlsxColumn struct {
	header string
	skip   bool // a printed amount whose 分 twin follows: the number says it
	fen    bool
}

func writeSheet(wb *workbook, db *sql.DB, name, query string, names map[string]bool) error {
	rows, err := db.Query(query)
	if err != nil {
		return err
	}
	defer rows.Close()
	colNames, err := rows.Columns()
	if err != nil {
		return err
	}
	has := map[string]bool{}
	for _, c := range colNames {
		has[c] = true
	}
	cols := make([]xlsxColumn, len(colNames))
	var header []any
	for i, c := range colNames {
		switch {
		case strings.HasSuffix(c, "_fen"):
			cols[i] = xlsxColumn{header: strings.TrimSuffix(c, "_fen") + " (元)", fen: true}
		case has[c+"_fen"]:
			cols[i].skip = true
		default:
			cols[i].header = c
		}
		if !cols[i].skip {
			header = append(header, cols[i].header)
		}
	}
	if err := wb.newSheet(sheetName(name, names), header); err != nil {
		return err
	}
	vals := make([]any, len(colNames))
	ptrs := make([]any, len(colNames))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return err
		}
		if wb.full() {
			if err := wb.newSheet(sheetName(name, names), header); err != nil {
				return err
			}
		}
		out := make([]any, 0, len(header))
		for i, v := range vals {
			if cols[i].skip {
				continue
			}
			out = append(out, xlsxValue(v, cols[i].fen))
		}
		if err := wb.row(out); err != nil {
			return err
		}
	}
	return rows.Err()
}

// xlsxValue is a database value as a cell value: 分 become 元 (an exact
// decimal written as the shortest float that reads back as it, which is
// the decimal itself below 2^53 分), integers and reals numbers, text text
// (a text a spreadsheet would take for a formula gets a leading ').
func xlsxValue(v any, fen bool) any {
	switch v := v.(type) {
	case nil:
		return nil
	case int64:
		if fen {
			f, _ := strconv.ParseFloat(decimal.New(v, -2).String(), 64)
			return f
		}
		return v
	case float64:
		return v
	case []byte:
		return SpreadsheetText(string(v))
	case string:
		return SpreadsheetText(v)
	case bool:
		return v
	}
	return fmt.Sprint(v)
}
