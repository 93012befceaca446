package batch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// The tests here drive the batch machinery with a fake pipeline: each input
// is a one-line instruction ("ok DEPARTMENT YEAR", "warn ...", "not_pdf",
// "internal", "hang", "big") and the document it yields is written out below,
// so that what the summary, the CSV and the database must hold is known
// without running the real pipeline (package pipeline's tests do that).

// fakeFailure is a failure with a contract code, as the real pipeline's.
func fakeFailure(code string) error {
	return &pipeline.Failure{Code: code, Message: code + ": fake failure"}
}

// fakeDoc is the document of "ok DEPT YEAR" (failed: "warn DEPT YEAR").
func fakeDoc(dept string, year int, failed bool) *schema.Document {
	status := schema.StatusPass
	if failed {
		status = schema.StatusFail
	}
	n := 10
	return &schema.Document{
		SchemaVersion: schema.SchemaVersion,
		Source:        schema.Source{File: "in", Pages: 3},
		Document:      schema.DocumentInfo{Title: fmt.Sprintf("%d年度部门预算公开", year), Department: dept, Year: year, Kind: schema.KindBudget},
		Tables: []schema.Table{{
			Kind: schema.TableThreePublic, Title: "“三公”经费支出预算表", Number: &n, Unit: schema.Str("万元"), Pages: []int{2, 3},
			Columns: []schema.Column{{Key: "item", Label: "项目"}, {Key: "total", Label: "合计"}},
			Rows: []schema.Row{
				{{Key: "item", Value: schema.Str("公务接待费")}, {Key: "total"}},
				{{Key: "item", Value: schema.Str("合计")}, {Key: "total", Value: schema.Str("17.50")}},
			},
		}, {Kind: schema.TableStateCapital, Title: "国有资本经营预算收支表", Pages: []int{4}, Empty: true}},
		EconomicRows: []schema.EconomicRow{{Level: schema.LevelTotal, DeptSubject: "合计", Total: schema.Str("1530.68")}},
		Projects:     []schema.Project{{Name: "专线年租金", Total: schema.Str("0.80"), GeneralPublicBudget: schema.Str("0.80"), Unit: schema.Str("万元")}},
		PerformanceForms: []schema.PerformanceForm{{
			Project: "专线年租金", Department: schema.Str(dept),
			Indicators: []schema.Indicator{
				{Scope: schema.ScopeAnnual, Level1: "产出指标", Level2: "数量指标", Level3: "租赁线路数量", Value: schema.Str("1条"), Op: schema.Str("="), Number: schema.Str("1"), Unit: schema.Str("条")},
				{Scope: schema.ScopeAnnual, Level1: "产出指标", Level2: "时效指标", Level3: "支付及时性", Value: schema.Str("及时")},
			},
		}},
		Checks: []schema.Check{{Rule: "row_total", Table: schema.TableThreePublic, Status: status, Message: "合计 = Σ items", Pages: []int{2}}},
	}
}

// fakePipeline converts the instruction files; calls counts conversions.
type fakePipeline struct{ calls atomic.Int32 }

// convert reads the instruction from the bytes batch hands on (the file
// is read once); "internal" stands for a stage's panic, which the
// pipeline recovers as an internal failure.
func (f *fakePipeline) convert(ctx context.Context, in pipeline.File, opts pipeline.Options) (*schema.Document, error) {
	if bytes.HasPrefix(in.Data, []byte("big")) && opts.MaxPages > 0 && opts.MaxPages < fakeBigPages {
		// refused as the pipeline does, before any conversion
		return nil, &pipeline.Failure{Code: pipeline.CodeTooManyPages, Message: fmt.Sprintf("%d pages, more than the limit of %d", fakeBigPages, opts.MaxPages), Pages: fakeBigPages}
	}
	f.calls.Add(1)
	if want, err := os.ReadFile(in.Path); err != nil || !bytes.Equal(want, in.Data) || in.SHA256 == "" {
		return nil, fmt.Errorf("the input's bytes were not handed on: %v", err)
	}
	var word, dept string
	var year int
	fmt.Sscan(string(in.Data), &word, &dept, &year)
	switch word {
	case "ok", "warn":
		return fakeDoc(dept, year, word == "warn"), nil
	case "hang":
		<-ctx.Done()
		return nil, ctx.Err()
	}
	return nil, fakeFailure(word)
}

// fakeBigPages is the page count of a "big" file.
const fakeBigPages = 5000

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, body := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

var corpus = map[string]string{
	"a-ok.txt":         "ok 财政局 2023",
	"b-warn.md":        "warn 教育局 2024",
	"c-not_pdf.pdf":    "not_pdf",
	"d-panic.txt":      "internal",
	"sub/e-hang.pdf":   "hang",
	"sub/f-big.pdf":    "big",
	"sub/notes.docx":   "ok 不是输入 2020",
	".hidden/g-ok.txt": "ok 隐藏 2020",
}

func options(in, out string, p *fakePipeline) Options {
	return Options{
		Inputs: []string{in}, Out: out, Workers: 2,
		Timeout: 200 * time.Millisecond, MaxPages: 2000,
		convert: p.convert,
		CSVDir:  filepath.Join(out, "csv"), SQLite: filepath.Join(out, "db.sqlite"),
	}
}

func TestRun(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFiles(t, in, corpus)
	var p fakePipeline
	res, err := Run(context.Background(), options(in, out, &p))
	if err != nil {
		t.Fatal(err)
	}
	type want struct {
		rel, output, status, code                          string
		tables, projects, forms, indicators, failed, pages int
	}
	wants := []want{
		{"a-ok.txt", "a-ok.json", StatusOK, "", 2, 1, 1, 2, 0, 3},
		{"b-warn.md", "b-warn.json", StatusWarning, "", 2, 1, 1, 2, 1, 3},
		{"c-not_pdf.pdf", "c-not_pdf.json", StatusError, "not_pdf", 0, 0, 0, 0, 0, 0},
		{"d-panic.txt", "d-panic.json", StatusError, CodeInternal, 0, 0, 0, 0, 0, 0},
		{"sub/e-hang.pdf", "sub/e-hang.json", StatusError, CodeTimeout, 0, 0, 0, 0, 0, 0},
		{"sub/f-big.pdf", "sub/f-big.json", StatusError, CodeTooManyPages, 0, 0, 0, 0, 0, 5000},
	}
	if len(res.Records) != len(wants) {
		t.Fatalf("%d records, want %d: %+v", len(res.Records), len(wants), res.Records)
	}
	for i, w := range wants {
		r := res.Records[i]
		got := want{filepath.ToSlash(strings.TrimPrefix(r.Path, in+string(os.PathSeparator))), r.Output, r.Status, r.Code,
			r.Tables, r.Projects, r.Forms, r.Indicators, r.FailedChecks, r.Pages}
		if got != w {
			t.Errorf("record %d:\n got %+v\nwant %+v", i, got, w)
		}
		if len(r.SHA256) != 64 {
			t.Errorf("%s: sha256 %q", w.rel, r.SHA256)
		}
		_, err := os.Stat(filepath.Join(out, w.output))
		if exists := err == nil; exists != (w.status != StatusError) {
			t.Errorf("%s: output exists %v, status %s", w.rel, exists, w.status)
		}
	}
	if res.Converted != 6 || res.Resumed != 0 || res.Failed != 4 {
		t.Errorf("converted %d resumed %d failed %d, want 6 0 4", res.Converted, res.Resumed, res.Failed)
	}
	if n := p.calls.Load(); n != 5 { // the big file is not converted
		t.Errorf("%d conversions, want 5", n)
	}
	sum, err := ReadSummary(filepath.Join(out, SummaryName))
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(sum, res.Records) {
		t.Errorf("summary.jsonl differs from the records:\n%+v\n%+v", sum, res.Records)
	}
	if _, err := os.Stat(filepath.Join(out, journalName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("journal left after a finished run: %v", err)
	}
	doc, err := ReadDocument(filepath.Join(out, "b-warn.json"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Document.Department != "教育局" || *doc.Tables[0].Rows[1].Get("total") != "17.50" {
		t.Errorf("b-warn.json: %+v", doc.Document)
	}
}

func TestAnalytics(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	// d.txt has a.txt's bytes: one document, two inputs.
	writeFiles(t, in, map[string]string{"a.txt": "ok 财政局 2023", "b.txt": "warn 教育局 2024", "c.pdf": "not_pdf", "d.txt": "ok 财政局 2023"})
	var p fakePipeline
	if _, err := Run(context.Background(), options(in, out, &p)); err != nil {
		t.Fatal(err)
	}
	a, b, c, d := filepath.Join(in, "a.txt"), filepath.Join(in, "b.txt"), filepath.Join(in, "c.pdf"), filepath.Join(in, "d.txt")
	A, B, C := sha("ok 财政局 2023"), sha("warn 教育局 2024"), sha("not_pdf")
	// The 分 by hand: 17.50 万元 = 175,000 元; 0.80 万元 = 8,000 元. The
	// economic row's table is not in the document, so it has no unit and
	// no 分.
	csvWant := map[string][]string{
		"inputs": {
			"path,sha256,output,status,code,message,pages,duplicate_of",
			a + "," + A + ",a.json,ok,,,3,",
			b + "," + B + ",b.json,warning,,,3,",
			c + "," + C + ",,error,not_pdf,not_pdf: fake failure,,",
			d + "," + A + ",,duplicate,,,," + a, // a's bytes: not converted
		},
		"documents": {
			"sha256,path,output,status,title,department,year,kind,region,pages,producer,creator,parts,tables,projects,forms,indicators,failed_checks,warnings",
			A + "," + a + ",a.json,ok,2023年度部门预算公开,财政局,2023,budget,,3,,,1,2,1,1,2,0,0",
			B + "," + b + ",b.json,warning,2024年度部门预算公开,教育局,2024,budget,,3,,,1,2,1,1,2,1,0",
		},
		"projects": {
			"sha256,row,name,carryover,unit,total,total_fen,general_public_budget,general_public_budget_fen,government_fund,government_fund_fen,state_capital,state_capital_fen,fiscal_special_account,fiscal_special_account_fen,unit_funds,unit_funds_fen",
			A + ",0,专线年租金,false,万元,0.80,800000,0.80,800000,,,,,,,,",
			B + ",0,专线年租金,false,万元,0.80,800000,0.80,800000,,,,,,,,",
		},
		"tables": {
			"sha256,table_index,kind,number,title,department,unit,pages,empty,rows,columns",
			A + ",0,three_public,10,“三公”经费支出预算表,,万元,\"2,3\",false,2,2",
			A + ",1,state_capital,,国有资本经营预算收支表,,,4,true,0,0",
			B + ",0,three_public,10,“三公”经费支出预算表,,万元,\"2,3\",false,2,2",
			B + ",1,state_capital,,国有资本经营预算收支表,,,4,true,0,0",
		},
		"cells": {
			"sha256,table_index,table_kind,unit,row,row_label,column_index,column_key,column_label,value,amount_fen",
			A + ",0,three_public,万元,0,公务接待费,0,item,项目,公务接待费,",
			A + ",0,three_public,万元,0,公务接待费,1,total,合计,,",
			A + ",0,three_public,万元,1,合计,0,item,项目,合计,",
			A + ",0,three_public,万元,1,合计,1,total,合计,17.50,17500000",
			B + ",0,three_public,万元,0,公务接待费,0,item,项目,公务接待费,",
			B + ",0,three_public,万元,0,公务接待费,1,total,合计,,",
			B + ",0,three_public,万元,1,合计,0,item,项目,合计,",
			B + ",0,three_public,万元,1,合计,1,total,合计,17.50,17500000",
		},
		"indicators": {
			"sha256,form,idx,project,scope,level1,level2,level3,level3_full,value,op,number,number_max,unit,number_fen,weight,direction",
			A + ",0,0,专线年租金,annual,产出指标,数量指标,租赁线路数量,,1条,=,1,,条,,,",
			A + ",0,1,专线年租金,annual,产出指标,时效指标,支付及时性,,及时,,,,,,,",
			B + ",0,0,专线年租金,annual,产出指标,数量指标,租赁线路数量,,1条,=,1,,条,,,",
			B + ",0,1,专线年租金,annual,产出指标,时效指标,支付及时性,,及时,,,,,,,",
		},
		"economic_rows": {
			"sha256,row,table_index,level,code,gov_code,category,dept_subject,gov_subject,unit,total,total_fen,personnel,personnel_fen,public,public_fen",
			A + ",0,,total,,,,合计,,,1530.68,,,,,",
			B + ",0,,total,,,,合计,,,1530.68,,,,,",
		},
		"checks": {
			"sha256,idx,rule,table_kind,status,message,unit,pages",
			A + ",0,row_total,three_public,pass,合计 = Σ items,万元,2",
			B + ",0,row_total,three_public,fail,合计 = Σ items,万元,2",
		},
	}
	for name, want := range csvWant {
		data, err := os.ReadFile(filepath.Join(out, "csv", name+".csv"))
		if err != nil {
			t.Fatal(err)
		}
		if got := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n"); !reflect.DeepEqual(got, want) {
			t.Errorf("%s.csv:\n got %q\nwant %q", name, got, want)
		}
	}

	db, err := sql.Open("sqlite", filepath.Join(out, "db.sqlite"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	queries := []struct{ q, want string }{
		{`SELECT department, year, total_fen, typeof(total_fen) FROM wide_three_public WHERE row_label = '合计' ORDER BY year`,
			"财政局|2023|17500000|integer\n教育局|2024|17500000|integer\n"},
		{`SELECT i.status, ifnull(i.code, '-'), ifnull(d.department, '-'), ifnull(d.year, 0), ifnull(d.failed_checks, 0)
		  FROM inputs i LEFT JOIN documents d ON d.sha256 = i.sha256 ORDER BY i.path`,
			"ok|-|财政局|2023|0\nwarning|-|教育局|2024|1\nerror|not_pdf|-|0|0\nduplicate|-|财政局|2023|0\n"},
		{`SELECT name, carryover, typeof(total), total, typeof(total_fen), total_fen FROM projects WHERE sha256 = '` + A + `'`,
			"专线年租金|0|text|0.80|integer|800000\n"},
		{`SELECT count(*), count(level3_full), count(op), typeof(max(number)) FROM indicators`, "4|0|2|real\n"},
		{`SELECT status, count(*) FROM checks GROUP BY status ORDER BY status`, "fail|1\npass|1\n"},
		{`SELECT count(*), count(value), count(amount_fen) FROM cells`, "8|6|2\n"},
		{`SELECT kind, empty, rows FROM tables WHERE kind = 'state_capital'`, "state_capital|1|0\nstate_capital|1|0\n"},
		{`PRAGMA user_version`, fmt.Sprintf("%d\n", DBVersion)},
		{`SELECT "table", "from", "to" FROM pragma_foreign_key_list('cells') ORDER BY seq`, "tables|sha256|sha256\ntables|table_index|table_index\n"},
		{`SELECT "table" FROM pragma_foreign_key_list('indicators') LIMIT 1`, "performance_forms\n"},
		{`SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' ORDER BY name`,
			"documents_department_year\ndocuments_region_year\nsqlite_autoindex_documents_1\n"},
		{`SELECT count(*) FROM pragma_foreign_key_check`, "0\n"},
	}
	for _, q := range queries {
		if got := query(t, db, q.q); got != q.want {
			t.Errorf("%s:\n got %q\nwant %q", q.q, got, q.want)
		}
	}
}

func sha(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}

// queryRows runs q and returns its rows, each value as the driver gives it.
func queryRows(t *testing.T, db *sql.DB, q string) [][]any {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var out [][]any
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		out = append(out, vals)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// query runs q and renders the rows as "a|b\n".
func query(t *testing.T, db *sql.DB, q string) string {
	t.Helper()
	var b strings.Builder
	for _, vals := range queryRows(t, db, q) {
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('|')
			}
			if bs, ok := v.([]byte); ok {
				v = string(bs)
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	return b.String()
}

func TestResume(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFiles(t, in, corpus)
	var p fakePipeline
	opts := options(in, out, &p)
	if _, err := Run(context.Background(), opts); err != nil {
		t.Fatal(err)
	}
	before := readOutputs(t, out)

	steps := []struct {
		name      string
		change    func(*Options)
		calls     int32 // conversions in this step
		converted int
	}{
		// The timeout is retried (the machine may be less busy); the
		// others hold. The big file is re-counted, not converted.
		{"rerun", func(*Options) {}, 1, 2},
		{"edited input", func(*Options) { writeFiles(t, in, map[string]string{"a-ok.txt": "ok 财政局 2025"}) }, 2, 3},
		{"deleted output", func(*Options) { os.Remove(filepath.Join(out, "b-warn.json")) }, 2, 3},
		{"force", func(o *Options) { o.Force = true }, 5, 6},
	}
	for _, s := range steps {
		p.calls.Store(0)
		o := opts
		s.change(&o)
		res, err := Run(context.Background(), o)
		if err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := p.calls.Load(); got != s.calls || res.Converted != s.converted || res.Resumed != 6-s.converted {
			t.Errorf("%s: %d calls, %d converted, %d resumed; want %d, %d, %d", s.name, got, res.Converted, res.Resumed, s.calls, s.converted, 6-s.converted)
		}
		for _, r := range res.Records {
			if r.Output == "a-ok.json" && s.name == "edited input" && r.Resumed {
				t.Errorf("%s: edited input resumed", s.name)
			}
		}
	}
	after := readOutputs(t, out)
	if !bytes.Equal(before["b-warn.json"], after["b-warn.json"]) {
		t.Error("b-warn.json changed across reruns")
	}
	if bytes.Equal(before["a-ok.json"], after["a-ok.json"]) {
		t.Error("a-ok.json not redone after its input changed")
	}
}

// readOutputs returns every document under out by its relative name.
func readOutputs(t *testing.T, out string) map[string][]byte {
	t.Helper()
	docs := map[string][]byte{}
	err := filepath.WalkDir(out, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".json" {
			return err
		}
		b, err := os.ReadFile(p)
		rel, _ := filepath.Rel(out, p)
		docs[filepath.ToSlash(rel)] = b
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

func TestInterrupted(t *testing.T) {
	in := t.TempDir()
	files := map[string]string{}
	for i := range 8 {
		files[fmt.Sprintf("d%d.txt", i)] = fmt.Sprintf("ok 部门%d %d", i, 2020+i)
	}
	writeFiles(t, in, files)

	clean := t.TempDir()
	var p fakePipeline
	if _, err := Run(context.Background(), options(in, clean, &p)); err != nil {
		t.Fatal(err)
	}

	// Kill the run while the second file converts, one worker going.
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	opts := options(in, out, &p)
	opts.Workers = 1
	var calls atomic.Int32
	opts.convert = func(c context.Context, path pipeline.File, po pipeline.Options) (*schema.Document, error) {
		if calls.Add(1) == 2 {
			cancel()
			<-c.Done()
			return nil, c.Err()
		}
		return p.convert(c, path, po)
	}
	res, err := Run(ctx, opts)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("interrupted run: err %v", err)
	}
	if res.Converted != 1 {
		t.Fatalf("interrupted run converted %d of 8, want 1", res.Converted)
	}
	if _, err := os.Stat(filepath.Join(out, SummaryName)); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("summary written by an interrupted run: %v", err)
	}
	journal, err := ReadSummary(filepath.Join(out, journalName))
	if err != nil || len(journal) != res.Converted {
		t.Fatalf("journal: %d lines, %v; want %d", len(journal), err, res.Converted)
	}
	// A kill can cut the journal's last line short: it is ignored.
	f, _ := os.OpenFile(filepath.Join(out, journalName), os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"path":"cut sh`)
	f.Close()

	p.calls.Store(0)
	res2, err := Run(context.Background(), options(in, out, &p))
	if err != nil {
		t.Fatal(err)
	}
	if int(p.calls.Load()) != 8-res.Converted || res2.Resumed != res.Converted {
		t.Errorf("restart: %d calls, %d resumed; want %d, %d", p.calls.Load(), res2.Resumed, 8-res.Converted, res.Converted)
	}
	if got, want := readOutputs(t, out), readOutputs(t, clean); !reflect.DeepEqual(got, want) {
		t.Errorf("outputs after restart differ from a clean run: %d vs %d files", len(got), len(want))
	}
	for _, name := range []string{"documents", "tables", "projects"} {
		got, _ := os.ReadFile(filepath.Join(out, "csv", name+".csv"))
		want, _ := os.ReadFile(filepath.Join(clean, "csv", name+".csv"))
		if len(want) == 0 || !bytes.Equal(bytes.ReplaceAll(got, []byte(out), nil), bytes.ReplaceAll(want, []byte(clean), nil)) {
			t.Errorf("%s.csv after restart differs from a clean run", name)
		}
	}
}

func TestCollect(t *testing.T) {
	root, other := t.TempDir(), t.TempDir()
	writeFiles(t, root, map[string]string{
		"A.txt": "x", "a.pdf": "x", "sub/b.md": "x", "sub/c.PDF": "x",
		".hidden/d.pdf": "x", "notes.docx": "x", "sub/.e.pdf": "x",
	})
	writeFiles(t, other, map[string]string{"a.pdf": "x", "plain": "x"})
	if err := os.Symlink(filepath.Join(root, "sub", "b.md"), filepath.Join(root, "link.pdf")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(root, "missing"), filepath.Join(root, "dangling.pdf")); err != nil {
		t.Fatal(err)
	}
	linked := filepath.Join(t.TempDir(), "linked")
	if err := os.Symlink(filepath.Join(root, "sub"), linked); err != nil {
		t.Fatal(err)
	}
	inputs, err := Collect([]string{root, filepath.Join(other, "a.pdf"), filepath.Join(root, "a.pdf"), filepath.Join(other, "plain"), linked}, "json")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, in := range inputs {
		got = append(got, in.Rel+" -> "+in.Output)
	}
	want := []string{
		"A.txt -> A.json",
		"a.pdf -> a-2.json", // a.json is taken, whatever the case
		"link.pdf -> link.json",
		"sub/b.md -> sub/b.json",
		"sub/c.PDF -> sub/c.json",
		"a.pdf -> a-3.json", // the other root's a.pdf; root/a.pdf listed again is taken once
		"plain -> plain.json",
		"b.md -> b.json", // a link to a folder is walked
		"c.PDF -> c.json",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Collect:\n got %q\nwant %q", got, want)
	}
	if _, err := Collect([]string{filepath.Join(root, "nope")}, "json"); !errors.Is(err, ErrUsage) {
		t.Errorf("missing input: %v, want ErrUsage", err)
	}
}

func TestParseShard(t *testing.T) {
	tests := []struct {
		in   string
		i, n int
		ok   bool
	}{
		{"0/1", 0, 1, true}, {"2/3", 2, 3, true}, {"3/3", 0, 0, false}, {"-1/3", 0, 0, false},
		{"1/0", 0, 0, false}, {"1", 0, 0, false}, {"a/b", 0, 0, false}, {"", 0, 0, false},
	}
	for _, tt := range tests {
		i, n, err := ParseShard(tt.in)
		if (err == nil) != tt.ok || i != tt.i || n != tt.n {
			t.Errorf("ParseShard(%q) = %d, %d, %v", tt.in, i, n, err)
		}
	}
}

func TestShards(t *testing.T) {
	var inputs []Input
	for i := range 200 {
		inputs = append(inputs, Input{Rel: fmt.Sprintf("dir%d/file%d.pdf", i%7, i)})
	}
	seen := map[string]int{}
	for i := range 3 {
		part := shard(inputs, i, 3)
		if len(part) < 40 { // FNV spreads 200 names evenly enough
			t.Errorf("shard %d/3 has %d of 200 inputs", i, len(part))
		}
		for _, in := range part {
			seen[in.Rel]++
		}
	}
	for _, in := range inputs {
		if seen[in.Rel] != 1 {
			t.Errorf("%s is in %d shards", in.Rel, seen[in.Rel])
		}
	}
	// FNV-1a 64 of "a.pdf" is 0xa27e24b56b97e31c (computed apart, in Python,
	// from the offset basis and prime of the FNV specification).
	if got := ShardOf("a.pdf", 1<<16); got != 0xe31c {
		t.Errorf("ShardOf(a.pdf) = %#x", got)
	}
}

func TestOptionsUsage(t *testing.T) {
	var p fakePipeline
	base := options(t.TempDir(), t.TempDir(), &p)
	bad := []func(*Options){
		func(o *Options) { o.Format = "xml" },
		func(o *Options) { o.Out = "" },
		func(o *Options) { o.Inputs = nil },
		func(o *Options) { o.Shard, o.Shards = 3, 3 },
		func(o *Options) { o.Workers = -1 },
	}
	for i, f := range bad {
		o := base
		f(&o)
		if _, err := Run(context.Background(), o); !errors.Is(err, ErrUsage) {
			t.Errorf("case %d: %v, want ErrUsage", i, err)
		}
	}
}

func TestProgress(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	writeFiles(t, in, map[string]string{"a.txt": "ok 财政局 2023", "b.txt": "not_pdf"})
	var p fakePipeline
	for _, terminal := range []bool{false, true} {
		var buf bytes.Buffer
		o := options(in, out, &p)
		o.Force, o.Progress, o.Terminal = true, &buf, terminal
		if _, err := Run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		s := buf.String()
		if !strings.Contains(s, "2/2 files, 1 failed, 0 duplicates, 0 resumed") || strings.Contains(s, "\r") != terminal {
			t.Errorf("terminal %v: progress %q", terminal, s)
		}
	}
}

// TestYAMLAnalytics: documents written as YAML give the same CSV rows as
// JSON ones, since the analytics read the documents back.
func TestYAMLAnalytics(t *testing.T) {
	in := t.TempDir()
	writeFiles(t, in, map[string]string{"a.txt": "ok 财政局 2023", "b.txt": "warn 教育局 2024"})
	var p fakePipeline
	csv := map[string][]byte{}
	for _, format := range []string{"json", "yaml"} {
		out := t.TempDir()
		o := options(in, out, &p)
		o.Format = format
		if _, err := Run(context.Background(), o); err != nil {
			t.Fatal(err)
		}
		for _, sh := range Sheets {
			b, err := os.ReadFile(filepath.Join(out, "csv", sh.Name+".csv"))
			if err != nil {
				t.Fatal(err)
			}
			if sh == Documents || sh == Inputs {
				b = bytes.ReplaceAll(b, []byte(".yaml,"), []byte(".json,"))
			}
			if prev, ok := csv[sh.Name]; ok && !bytes.Equal(prev, b) {
				t.Errorf("%s.csv differs between JSON and YAML documents:\n%s\n%s", sh.Name, prev, b)
			}
			csv[sh.Name] = b
		}
	}
}
