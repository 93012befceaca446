package batch

import (
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
)

// Sheet is one tidy table of the analytics outputs: a CSV file and an SQLite
// table of the same name and columns. Every sheet starts with file, the
// input's path as in the summary, which joins it to documents.
type Sheet struct {
	Name    string
	Columns []Column
}

// Column is one column of a sheet. Amounts are TEXT holding the exact
// decimal as printed, as in the documents.
type Column struct {
	Name string
	Type string // TEXT, INTEGER or BOOLEAN (0/1 in SQLite, true/false in CSV)
}

// cols builds columns from "name" (TEXT), "name:int" and "name:bool".
func cols(names ...string) []Column {
	out := make([]Column, len(names))
	for i, n := range names {
		name, typ, _ := strings.Cut(n, ":")
		switch typ {
		case "int":
			typ = "INTEGER"
		case "bool":
			typ = "BOOLEAN"
		default:
			typ = "TEXT"
		}
		out[i] = Column{name, typ}
	}
	return out
}

// The sheets. Indexes (table_index, row, form) count from 0, as the arrays
// of the document do. Tables has one line per cell (long format) and, for a
// table without rows, one line whose row, column and value are NULL.
var (
	Documents = &Sheet{"documents", cols("file", "output", "sha256", "status", "code", "message",
		"title", "department", "year:int", "kind", "pages:int", "producer", "creator",
		"tables:int", "projects:int", "forms:int", "indicators:int", "failed_checks:int", "warnings:int")}
	Tables = &Sheet{"tables", cols("file", "table_index:int", "table_kind", "table_number:int", "table_title",
		"unit", "pages", "row:int", "row_label", "column_key", "column_label", "value")}
	EconomicRows = &Sheet{"economic_rows", cols("file", "row:int", "level", "category", "dept_subject",
		"gov_subject", "total", "personnel", "public")}
	Projects = &Sheet{"projects", cols("file", "row:int", "name", "carryover:bool", "total",
		"general_public_budget", "government_fund", "state_capital", "fiscal_special_account", "unit_funds", "unit")}
	Indicators = &Sheet{"indicators", cols("file", "form:int", "project", "department", "scope",
		"level1", "level2", "level3", "level3_full", "value", "op", "number", "unit")}
	Checks = &Sheet{"checks", cols("file", "rule", "table_kind", "status", "message", "pages")}

	Sheets = []*Sheet{Documents, Tables, EconomicRows, Projects, Indicators, Checks}
)

// labelKeys are the column keys whose cell names a row, in order of preference.
var labelKeys = []string{schema.KeySubjectName, schema.KeyItem, schema.KeyUnitName, schema.SideIncome + schema.KeyItem, schema.SideExpenditure + schema.KeyItem}

// flatten emits the rows of every sheet for one summary record and its
// document (nil when the input failed). A row's values are nil (NULL),
// string, int or bool, one per column of the sheet.
func flatten(rec Record, doc *schema.Document, emit func(*Sheet, []any) error) error {
	file := rec.Path
	d := []any{file, rec.Output, rec.SHA256, rec.Status, nilIfEmpty(rec.Code), nilIfEmpty(rec.Message),
		nil, nil, nil, nil, nilIfZero(rec.Pages), nil, nil,
		rec.Tables, rec.Projects, rec.Forms, rec.Indicators, rec.FailedChecks, rec.Warnings}
	if doc != nil {
		di, src := doc.Document, doc.Source
		d[6], d[7], d[8], d[9] = nilIfEmpty(di.Title), nilIfEmpty(di.Department), nilIfZero(di.Year), nilIfEmpty(di.Kind)
		d[11], d[12] = nilIfEmpty(src.Producer), nilIfEmpty(src.Creator)
	}
	if err := emit(Documents, d); err != nil || doc == nil {
		return err
	}
	for ti, t := range doc.Tables {
		labels := make(map[string]string, len(t.Columns))
		for _, c := range t.Columns {
			labels[c.Key] = c.Label
		}
		if len(t.Rows) == 0 { // one line with no cell, so that the table is not lost
			row := []any{file, ti, t.Kind, intPtr(t.Number), t.Title, str(t.Unit), pages(t.Pages), nil, nil, nil, nil, nil}
			if err := emit(Tables, row); err != nil {
				return err
			}
		}
		for ri, r := range t.Rows {
			label := rowLabel(r)
			for _, c := range r {
				row := []any{file, ti, t.Kind, intPtr(t.Number), t.Title, str(t.Unit), pages(t.Pages),
					ri, label, c.Key, labels[c.Key], str(c.Value)}
				if err := emit(Tables, row); err != nil {
					return err
				}
			}
		}
	}
	for i, e := range doc.EconomicRows {
		row := []any{file, i, e.Level, str(e.Category), e.DeptSubject, str(e.GovSubject), str(e.Total), str(e.Personnel), str(e.Public)}
		if err := emit(EconomicRows, row); err != nil {
			return err
		}
	}
	for i, p := range doc.Projects {
		row := []any{file, i, p.Name, p.Carryover, str(p.Total), str(p.GeneralPublicBudget), str(p.GovernmentFund),
			str(p.StateCapital), str(p.FiscalSpecialAccount), str(p.UnitFunds), str(p.Unit)}
		if err := emit(Projects, row); err != nil {
			return err
		}
	}
	for fi, f := range doc.PerformanceForms {
		for _, in := range f.Indicators {
			row := []any{file, fi, f.Project, str(f.Department), in.Scope, in.Level1, in.Level2, in.Level3,
				nilIfEmpty(in.Level3Full), str(in.Value), str(in.Op), str(in.Number), str(in.Unit)}
			if err := emit(Indicators, row); err != nil {
				return err
			}
		}
	}
	for _, c := range doc.Checks {
		row := []any{file, c.Rule, nilIfEmpty(c.Table), c.Status, c.Message, pages(c.Pages)}
		if err := emit(Checks, row); err != nil {
			return err
		}
	}
	return nil
}

// rowLabel is the text that names a row: its subject name, item or unit.
func rowLabel(r schema.Row) any {
	for _, k := range labelKeys {
		if v := r.Get(k); v != nil {
			return *v
		}
	}
	return nil
}

// pages renders page numbers as "5,6" (nil for none).
func pages(p []int) any {
	if len(p) == 0 {
		return nil
	}
	s := make([]string, len(p))
	for i, n := range p {
		s[i] = strconv.Itoa(n)
	}
	return strings.Join(s, ",")
}

func str(p *string) any {
	if p == nil {
		return nil
	}
	return *p
}

func intPtr(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func nilIfEmpty(s string) any {
	if s == "" {
		return nil
	}
	return s
}
