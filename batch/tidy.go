package batch

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// Sheet is one tidy table of the analytics outputs: a CSV file and an SQLite
// table of the same name and columns. Every sheet but inputs starts with
// sha256, the document's key.
type Sheet struct {
	Name    string
	Columns []Column
	Key     []string   // primary key
	Parent  *Sheet     // the rows belong to a row of Parent (foreign key on Parent's key, cascading deletes)
	Indexes [][]string // further indexes

	posOnce sync.Once
	pos     map[string]int // column index by name, made on first use (the sheets are package variables: no work at init)
}

// Column is one column of a sheet. Printed amounts are TEXT holding the
// exact decimal as printed, in the row's unit; their *_fen twin is the same
// amount as an INTEGER number of 分 of 元.
type Column struct {
	Name string
	Type string // TEXT, INTEGER, REAL or BOOLEAN (0/1 in SQLite, true/false in CSV)
}

// sheet builds a sheet from "name" (TEXT), "name:int", "name:real",
// "name:bool" and "name:fen" (a printed amount: name TEXT and name_fen
// INTEGER).
func sheet(name string, names ...string) *Sheet {
	sh := &Sheet{Name: name, Columns: make([]Column, 0, len(names)+strings.Count(strings.Join(names, " "), ":fen"))}
	add := func(n, typ string) {
		sh.Columns = append(sh.Columns, Column{n, typ})
	}
	for _, n := range names {
		name, typ, _ := strings.Cut(n, ":")
		switch typ {
		case "int":
			add(name, "INTEGER")
		case "real":
			add(name, "REAL")
		case "bool":
			add(name, "BOOLEAN")
		case "fen":
			add(name, "TEXT")
			add(name+"_fen", "INTEGER")
		default:
			add(name, "TEXT")
		}
	}
	return sh
}

// column is the index of the column named name.
func (sh *Sheet) column(name string) (int, bool) {
	sh.posOnce.Do(func() {
		sh.pos = make(map[string]int, len(sh.Columns))
		for i, c := range sh.Columns {
			sh.pos[c.Name] = i
		}
	})
	i, ok := sh.pos[name]
	return i, ok
}

func (sh *Sheet) keyed(parent *Sheet, key ...string) *Sheet {
	sh.Parent, sh.Key = parent, key
	return sh
}

func (sh *Sheet) indexed(cols ...string) *Sheet {
	sh.Indexes = append(sh.Indexes, cols)
	return sh
}

// row is one row of a sheet under construction.
type row struct {
	sh   *Sheet
	vals []any
}

func (sh *Sheet) row() *row { return &row{sh, make([]any, len(sh.Columns))} }

// set puts v (nil, string, *string, int, int64, float64 or bool) under
// column name; a *string is nil or its text.
func (r *row) set(name string, v any) *row {
	i, ok := r.sh.column(name)
	if !ok {
		panic(fmt.Sprintf("batch: sheet %s has no column %s", r.sh.Name, name))
	}
	if p, ok := v.(*string); ok {
		v = str(p)
	}
	r.vals[i] = v
	return r
}

// amount puts a printed amount under name and its 分 under name_fen.
func (r *row) amount(name string, value, unit *string) *row {
	return r.set(name, value).set(name+"_fen", fen(value, unit))
}

// fundFields are a form's 项目资金 figures, by column name stem.
var fundFields = []struct {
	name string
	get  func(*schema.FundFigures) *string
}{
	{"total", func(f *schema.FundFigures) *string { return f.Total }},
	{"central", func(f *schema.FundFigures) *string { return f.Central }},
	{"provincial", func(f *schema.FundFigures) *string { return f.Provincial }},
	{"local", func(f *schema.FundFigures) *string { return f.Local }},
	{"self_raised", func(f *schema.FundFigures) *string { return f.SelfRaised }},
	{"other", func(f *schema.FundFigures) *string { return f.Other }},
	{"fiscal", func(f *schema.FundFigures) *string { return f.Fiscal }},
	{"carried_over", func(f *schema.FundFigures) *string { return f.CarriedOver }},
	{"executed", func(f *schema.FundFigures) *string { return f.Executed }},
}

func fundColumns() []string {
	var out []string
	for _, scope := range []string{"period", "annual"} {
		for _, f := range fundFields {
			out = append(out, scope+"_"+f.name+":fen")
		}
	}
	return out
}

// The sheets. Indexes (table_index, row, form, idx) count from 0, as the
// arrays of the document do. Documents are keyed by the sha256 of their
// input; identical inputs make one document.
var (
	Inputs = sheet("inputs", "path", "sha256", "output", "status", "code", "message", "pages:int", "duplicate_of").
		keyed(nil, "path").indexed("sha256")
	Documents = sheet("documents", "sha256", "path", "output", "status", "title", "department", "year:int",
		"kind", "region", "pages:int", "producer", "creator", "parts:int",
		"tables:int", "projects:int", "forms:int", "indicators:int", "failed_checks:int", "warnings:int").
		keyed(nil, "sha256").indexed("department", "year").indexed("region", "year")
	Tables = sheet("tables", "sha256", "table_index:int", "kind", "number:int", "title", "department", "unit",
		"pages", "empty:bool", "rows:int", "columns:int").
		keyed(Documents, "sha256", "table_index").indexed("kind")
	Cells = sheet("cells", "sha256", "table_index:int", "table_kind", "unit", "row:int", "row_label",
		"column_index:int", "column_key", "column_label", "value", "amount_fen:int").
		keyed(Tables).indexed("sha256", "table_index").indexed("table_kind", "column_key", "column_index")
	EconomicRows = sheet("economic_rows", "sha256", "row:int", "table_index:int", "level", "code", "gov_code",
		"category", "dept_subject", "gov_subject", "unit", "total:fen", "personnel:fen", "public:fen").
		keyed(Documents, "sha256", "row").indexed("code")
	Projects = sheet("projects", "sha256", "row:int", "name", "carryover:bool", "unit", "total:fen",
		"general_public_budget:fen", "government_fund:fen", "state_capital:fen", "fiscal_special_account:fen",
		"unit_funds:fen").
		keyed(Documents, "sha256", "row").indexed("total_fen")
	PerformanceForms = sheet("performance_forms", append([]string{"sha256", "form:int", "project", "project_code",
		"department_code", "department", "implementing_unit", "attribute", "period", "funds_unit"},
		append(fundColumns(), "goals_period", "goals_annual", "indicators:int", "pages")...)...).
		keyed(Documents, "sha256", "form").indexed("project")
	Indicators = sheet("indicators", "sha256", "form:int", "idx:int", "project", "scope", "level1", "level2",
		"level3", "level3_full", "value", "op", "number:real", "number_max:real", "unit", "number_fen:int",
		"weight", "direction").
		keyed(PerformanceForms, "sha256", "form", "idx")
	Checks = sheet("checks", "sha256", "idx:int", "rule", "table_kind", "status", "message", "unit", "pages").
		keyed(Documents, "sha256", "idx").indexed("status", "rule")
	ThreePublic = sheet("three_public_totals", "sha256", "basis", "table_index:int", "row:int", "column_key", "unit", "total:fen").
			keyed(Documents, "sha256", "basis")
	Warnings = sheet("warnings", "sha256", "idx:int", "page:int", "code", "message").
			keyed(Documents, "sha256", "idx")

	// Sheets in dependency order: a parent before its children.
	Sheets = []*Sheet{Inputs, Documents, Tables, Cells, EconomicRows, Projects, PerformanceForms, Indicators, Checks, ThreePublic, Warnings}
)

// foreignKey is the columns of sh that refer to its parent: the parent's key.
func (sh *Sheet) foreignKey() []string {
	if sh.Parent == nil {
		return nil
	}
	return sh.Parent.Key
}

// labelKeys are the column keys whose cell names a row, in order of preference.
var labelKeys = []string{schema.KeySubjectName, schema.KeyItem, schema.KeyUnitName, schema.SideIncome + schema.KeyItem, schema.SideExpenditure + schema.KeyItem}

// emitFunc receives the rows of the sheets.
type emitFunc func(*row) error

// flattenInput emits the inputs row of one summary record.
func flattenInput(rec Record, emit emitFunc) error {
	output := rec.Output
	if rec.Status == StatusError || rec.Status == StatusDuplicate {
		output = "" // not written
	}
	return emit(Inputs.row().set("path", rec.Path).set("sha256", nilIfEmpty(rec.SHA256)).set("output", nilIfEmpty(output)).
		set("status", rec.Status).set("code", nilIfEmpty(rec.Code)).set("message", nilIfEmpty(rec.Message)).
		set("pages", nilIfZero(rec.Pages)).set("duplicate_of", nilIfEmpty(rec.DuplicateOf)))
}

// flattenDocument emits the rows of every sheet but inputs for one
// converted document, the record being the input it was converted from.
func flattenDocument(rec Record, doc *schema.Document, emit emitFunc) error {
	sha := rec.SHA256
	di, src := doc.Document, doc.Source
	d := Documents.row().set("sha256", sha).set("path", rec.Path).set("output", rec.Output).set("status", rec.Status).
		set("title", nilIfEmpty(di.Title)).set("department", nilIfEmpty(di.Department)).set("year", nilIfZero(di.Year)).
		set("kind", nilIfEmpty(di.Kind)).set("region", nilIfEmpty(region(di.Department, di.Title))).
		set("pages", nilIfZero(rec.Pages)).set("producer", nilIfEmpty(src.Producer)).set("creator", nilIfEmpty(src.Creator)).
		set("parts", max(1, len(src.Parts))).
		set("tables", rec.Tables).set("projects", rec.Projects).set("forms", rec.Forms).set("indicators", rec.Indicators).
		set("failed_checks", rec.FailedChecks).set("warnings", rec.Warnings)
	if err := emit(d); err != nil {
		return err
	}
	for ti, t := range doc.Tables {
		if err := emit(Tables.row().set("sha256", sha).set("table_index", ti).set("kind", t.Kind).set("number", intPtr(t.Number)).
			set("title", t.Title).set("department", t.Department).set("unit", t.Unit).set("pages", pages(t.Pages)).
			set("empty", t.Empty).set("rows", len(t.Rows)).set("columns", len(t.Columns))); err != nil {
			return err
		}
		labels := make(map[string]string, len(t.Columns))
		index := make(map[string]int, len(t.Columns))
		for i, c := range t.Columns {
			labels[c.Key], index[c.Key] = c.Label, i
		}
		for ri, r := range t.Rows {
			label := rowLabel(r)
			for _, c := range r {
				cr := Cells.row().set("sha256", sha).set("table_index", ti).set("table_kind", t.Kind).set("unit", t.Unit).
					set("row", ri).set("row_label", label).set("column_key", c.Key).set("column_label", nilIfEmpty(labels[c.Key])).
					set("value", c.Value)
				if i, ok := index[c.Key]; ok {
					cr.set("column_index", i)
				}
				if amountKey(c.Key) {
					cr.set("amount_fen", fen(c.Value, t.Unit))
				}
				if err := emit(cr); err != nil {
					return err
				}
			}
		}
	}
	for i, e := range economicSources(doc) {
		r := EconomicRows.row().set("sha256", sha).set("row", i).set("level", e.Level).set("category", e.Category).
			set("dept_subject", e.DeptSubject).set("gov_subject", e.GovSubject).set("unit", e.unit).
			amount("total", e.Total, e.unit).amount("personnel", e.Personnel, e.unit).amount("public", e.Public, e.unit)
		if e.table >= 0 {
			r.set("table_index", e.table).set("code", e.code).set("gov_code", e.govCode)
		}
		if err := emit(r); err != nil {
			return err
		}
	}
	for i, p := range doc.Projects {
		u := p.Unit
		if err := emit(Projects.row().set("sha256", sha).set("row", i).set("name", p.Name).set("carryover", p.Carryover).set("unit", u).
			amount("total", p.Total, u).amount("general_public_budget", p.GeneralPublicBudget, u).
			amount("government_fund", p.GovernmentFund, u).amount("state_capital", p.StateCapital, u).
			amount("fiscal_special_account", p.FiscalSpecialAccount, u).amount("unit_funds", p.UnitFunds, u)); err != nil {
			return err
		}
	}
	for fi, f := range doc.PerformanceForms {
		u := f.Funds.Unit
		r := PerformanceForms.row().set("sha256", sha).set("form", fi).set("project", f.Project).set("project_code", f.ProjectCode).
			set("department_code", f.DepartmentCode).set("department", f.Department).set("implementing_unit", f.ImplementingUnit).
			set("attribute", f.Attribute).set("period", f.Period).set("funds_unit", u).
			set("goals_period", f.Goals.Period).set("goals_annual", f.Goals.Annual).
			set("indicators", len(f.Indicators)).set("pages", pages(f.Pages))
		for _, scope := range []struct {
			name string
			figs *schema.FundFigures
		}{{"period", &f.Funds.Period}, {"annual", &f.Funds.Annual}} {
			for _, ff := range fundFields {
				r.amount(scope.name+"_"+ff.name, ff.get(scope.figs), u)
			}
		}
		if err := emit(r); err != nil {
			return err
		}
		for ii, in := range f.Indicators {
			r := Indicators.row().set("sha256", sha).set("form", fi).set("idx", ii).set("project", f.Project).set("scope", in.Scope).
				set("level1", in.Level1).set("level2", in.Level2).set("level3", in.Level3).set("level3_full", nilIfEmpty(in.Level3Full)).
				set("value", in.Value).set("op", in.Op).set("number", number(in.Number)).set("number_max", number(in.NumberMax)).
				set("unit", in.Unit).set("weight", in.Weight).set("direction", in.Direction)
			if moneyUnit(in.Unit) {
				r.set("number_fen", fen(in.Number, in.Unit))
			}
			if err := emit(r); err != nil {
				return err
			}
		}
	}
	units := tableUnits(doc)
	for i, c := range doc.Checks {
		if err := emit(Checks.row().set("sha256", sha).set("idx", i).set("rule", c.Rule).set("table_kind", nilIfEmpty(c.Table)).
			set("status", c.Status).set("message", c.Message).set("unit", nilIfEmpty(units[c.Table])).set("pages", pages(c.Pages))); err != nil {
			return err
		}
	}
	for _, tp := range threePublicTotals(doc) {
		if err := emit(ThreePublic.row().set("sha256", sha).set("basis", tp.basis).set("table_index", tp.table).set("row", tp.row).
			set("column_key", tp.column).set("unit", tp.unit).amount("total", tp.value, tp.unit)); err != nil {
			return err
		}
	}
	for i, w := range doc.Warnings {
		if err := emit(Warnings.row().set("sha256", sha).set("idx", i).set("page", w.Page).set("code", w.Code).set("message", w.Message)); err != nil {
			return err
		}
	}
	return nil
}

// tableUnits is the unit of each table kind in doc (its first table's), for
// the figures of the checks on it.
func tableUnits(doc *schema.Document) map[string]string {
	out := map[string]string{}
	for _, t := range doc.Tables {
		if _, ok := out[t.Kind]; !ok && t.Unit != nil {
			out[t.Kind] = *t.Unit
		}
	}
	return out
}

// economicSource is an economic row with the table it came from, its unit
// and its codes.
type economicSource struct {
	schema.EconomicRow
	table         int // -1 when the rows could not be traced to their tables
	unit          *string
	code, govCode *string
}

// economicSources traces the document's economic rows back to the
// basic-expenditure-by-economic-classification tables they were drawn from
// (schema.EconomicRows on each, in order), for each row's unit and its
// economic codes. When the tables no longer give the document's rows (a
// document edited by hand), the rows keep no table, unit or code.
func economicSources(doc *schema.Document) []economicSource {
	out := make([]economicSource, len(doc.EconomicRows))
	for i, e := range doc.EconomicRows {
		out[i] = economicSource{EconomicRow: e, table: -1}
	}
	var traced []economicSource
	for ti, t := range doc.Tables {
		if strings.TrimSuffix(t.Kind, schema.FinalSuffix) != schema.TableBasicExpenditureEconomic {
			continue
		}
		rows := schema.EconomicRows(t)
		src := economicRowSources(t)
		if len(src) != len(rows) {
			return out
		}
		for i, e := range rows {
			traced = append(traced, economicSource{EconomicRow: e, table: ti, unit: t.Unit,
				code: src[i].Get("subject_code"), govCode: src[i].Get("gov_subject_code")})
		}
	}
	if len(traced) != len(out) {
		return out
	}
	for i := range traced {
		if traced[i].DeptSubject != out[i].DeptSubject || !sameText(traced[i].Total, out[i].Total) {
			return out
		}
	}
	return traced
}

// economicRowSources are the table rows schema.EconomicRows makes a row
// of: those that name a subject.
func economicRowSources(t schema.Table) []schema.Row {
	var out []schema.Row
	for _, r := range t.Rows {
		if r.Get("dept_subject") != nil || r.Get("subject_name") != nil {
			out = append(out, r)
		}
	}
	return out
}

func sameText(a, b *string) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
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

// number is a number (an indicator's target) as a float for a REAL column:
// targets are counts and rates, not sums of money (their 分 figure is
// number_fen). nil when blank or not a number.
func number(p *string) any {
	if p == nil {
		return nil
	}
	d, err := decimal.NewFromString(strings.TrimSpace(*p))
	if err != nil {
		return nil
	}
	f, _ := d.Float64()
	return f
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
