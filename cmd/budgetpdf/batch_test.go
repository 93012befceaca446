package main

import (
	"bytes"
	"context"
	"database/sql"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/budgetpdf/budgetpdf/batch"
	"github.com/budgetpdf/budgetpdf/fixtures"
	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// batchChildEnv makes the test binary act as budgetpdf, so that --isolate,
// which runs os.Executable() as a child, can be tested.
const batchChildEnv = "BUDGETPDF_TEST_AS_CLI"

func init() {
	if os.Getenv(batchChildEnv) == "1" {
		os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
	}
}

// batchCorpus builds the mixed folder: a good fixture PDF and a small text
// dump cut from the seed (its header and the "三公" table), and the broken
// variants. It returns the folder and the fixture's truth.
func batchCorpus(t *testing.T) (string, *schema.Document) {
	t.Helper()
	root := moduleRoot(t)
	in := t.TempDir()
	copyTo := func(src, dst string) {
		b, err := os.ReadFile(filepath.Join(root, src))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.MkdirAll(filepath.Dir(filepath.Join(in, dst)), 0o755); err != nil {
			t.Fatal(err)
		}
		write(t, in, dst, b)
	}
	copyTo("fixtures/pdf/luliang-2023-calc.pdf", "good/luliang-2023-calc.pdf")
	for _, v := range []string{"user_password", "scanned", "truncated", "not_pdf"} {
		copyTo("fixtures/pdf/variants/luliang-2023-calc-"+v+".pdf", "broken/"+v+".pdf")
	}
	seed, err := os.ReadFile(filepath.Join(root, "seeds", "luliang-swbgs-2023-budget.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(string(seed), "\n")
	small := strings.Join(append(lines[0:6:6], lines[316:332]...), "\n") + "\n"
	if !strings.Contains(small, "“三公”经费支出预算表") || !strings.Contains(small, "合计\t17.50\t17.50") {
		t.Fatalf("the seed moved: the small dump misses the 三公 table:\n%s", small)
	}
	write(t, filepath.Join(in, "good"), "small-seed.txt", []byte(small))
	truth, err := fixtures.ReadTruth(filepath.Join(root, "fixtures", "truth", "luliang-2023-calc.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	return in, truth
}

// runCLI runs budgetpdf with args and returns exit, stdout and stderr.
func runCLI(args ...string) (int, string, string) {
	var out, errOut bytes.Buffer
	code := run(args, &out, &errOut)
	return code, out.String(), errOut.String()
}

func TestBatch(t *testing.T) {
	in, truth := batchCorpus(t)
	work := t.TempDir()
	out, csvDir, db := filepath.Join(work, "out"), filepath.Join(work, "csv"), filepath.Join(work, "all.db")
	code, stdout, stderr := runCLI("batch", in, "--out", out, "--csv", csvDir, "--sqlite", db, "-j", "2")
	if code != 1 || !strings.Contains(stdout, "6 inputs: 2 converted, 4 failed, 0 duplicates, 0 resumed") {
		t.Fatalf("exit %d, want 1 (some failed)\nstdout: %s\nstderr: %s", code, stdout, stderr)
	}

	// The summary: one line per input in walk order, failures named with
	// the contract's codes.
	recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
	if err != nil {
		t.Fatal(err)
	}
	wants := []struct{ rel, output, code string }{
		{"broken/not_pdf.pdf", "broken/not_pdf.json", "not_pdf"},
		{"broken/scanned.pdf", "broken/scanned.json", "no_text_layer"},
		{"broken/truncated.pdf", "broken/truncated.json", "corrupt"},
		{"broken/user_password.pdf", "broken/user_password.json", "needs_password"},
		{"good/luliang-2023-calc.pdf", "good/luliang-2023-calc.json", ""},
		{"good/small-seed.txt", "good/small-seed.json", ""},
	}
	if len(recs) != len(wants) {
		t.Fatalf("%d summary lines, want %d", len(recs), len(wants))
	}
	for i, w := range wants {
		r := recs[i]
		if r.Path != filepath.Join(in, filepath.FromSlash(w.rel)) || r.Output != w.output || r.Code != w.code ||
			(r.Status == batch.StatusError) != (w.code != "") || r.Message == "" && w.code != "" {
			t.Errorf("line %d: %+v, want %s -> %s code %q", i, r, w.rel, w.output, w.code)
		}
	}
	luliang, seed := recs[4], recs[5]
	want := batch.Record{Tables: len(truth.Tables), Projects: len(truth.Projects), Forms: len(truth.PerformanceForms), Pages: truth.Source.Pages}
	for _, f := range truth.PerformanceForms {
		want.Indicators += len(f.Indicators)
	}
	got := batch.Record{Tables: luliang.Tables, Projects: luliang.Projects, Forms: luliang.Forms, Indicators: luliang.Indicators, Pages: luliang.Pages}
	if got != want || luliang.SHA256 != truth.Source.SHA256 {
		t.Errorf("luliang counts %+v sha %s, want %+v sha %s (the truth)", got, luliang.SHA256, want, truth.Source.SHA256)
	}
	if seed.Tables != 1 || seed.Projects != 0 || seed.Forms != 0 {
		t.Errorf("small dump: %+v, want the one 三公 table", seed)
	}
	doc, err := batch.ReadDocument(filepath.Join(out, "good", "luliang-2023-calc.json"))
	if err != nil {
		t.Fatal(err)
	}
	if doc.Document != truth.Document {
		t.Errorf("document %+v, want %+v", doc.Document, truth.Document)
	}

	// CSV and SQLite: figures across documents, checked against the truth
	// and the seed text.
	inputsCSV, err := os.ReadFile(filepath.Join(csvDir, "inputs.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(inputsCSV), "\n"); n != 7 {
		t.Errorf("inputs.csv has %d lines, want a header and 6", n)
	}
	if want := filepath.Join(in, "broken", "user_password.pdf") + "," + recs[3].SHA256 + ",,error,needs_password,"; !strings.Contains(string(inputsCSV), want) {
		t.Errorf("inputs.csv lacks %q:\n%s", want, inputsCSV)
	}
	docsCSV, err := os.ReadFile(filepath.Join(csvDir, "documents.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(string(docsCSV), "\n"); n != 3 {
		t.Errorf("documents.csv has %d lines, want a header and 2", n)
	}
	if want := ",2023年度部门预算公开,中国共产党吕梁市委员会办公室,2023,budget,吕梁市,50,"; !strings.Contains(string(docsCSV), want) {
		t.Errorf("documents.csv lacks %q:\n%s", want, docsCSV)
	}
	// The truth's economic total row, its amounts in 分 reckoned here
	// from the truth's 万元.
	var econUnit string
	for _, tb := range truth.Tables {
		if tb.Kind == schema.TableBasicExpenditureEconomic {
			econUnit = *tb.Unit
		}
	}
	e := truth.EconomicRows[0]
	toFen := func(s *string) string {
		d, err := decimal.NewFromString(*s)
		if err != nil || econUnit != "万元" {
			t.Fatalf("truth amount %q unit %q", *s, econUnit)
		}
		return d.Mul(decimal.NewFromInt(1000000)).String()
	}
	econCSV, err := os.ReadFile(filepath.Join(csvDir, "economic_rows.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if line := fmt.Sprintf(",%s,,,,%s,,万元,%s,%s,%s,%s,%s,%s\n", e.Level, e.DeptSubject, *e.Total, toFen(e.Total), *e.Personnel, toFen(e.Personnel), *e.Public, toFen(e.Public)); !strings.Contains(string(econCSV), recs[4].SHA256+",0,") || !strings.Contains(string(econCSV), line) {
		t.Errorf("economic_rows.csv lacks the truth's total row %q:\n%.600s", line, econCSV)
	}

	sqlDB, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	defer sqlDB.Close()
	queries := []struct{ q, want string }{
		// The seed prints 合计 17.50 (万元) in its 三公 table, as the fixture
		// does: 175,000 元.
		{`SELECT d.department, d.year, i.output, w.total_fen FROM wide_three_public w JOIN documents d ON d.sha256 = w.sha256
		  JOIN inputs i ON i.sha256 = d.sha256 WHERE w.row_label = '合计' ORDER BY i.output`,
			"中国共产党吕梁市委员会办公室|2023|good/luliang-2023-calc.json|17500000\n中国共产党吕梁市委员会办公室|2023|good/small-seed.json|17500000\n"},
		{`SELECT code FROM inputs WHERE status = 'error' ORDER BY code`, "corrupt\nneeds_password\nno_text_layer\nnot_pdf\n"},
		{`SELECT count(*) FROM projects p JOIN inputs i ON i.sha256 = p.sha256 WHERE i.output = 'good/luliang-2023-calc.json'`,
			fmt.Sprintf("%d\n", len(truth.Projects))},
		{`SELECT count(*) FROM indicators`, fmt.Sprintf("%d\n", want.Indicators)},
		{`SELECT count(*) FROM tables WHERE sha256 = '` + recs[4].SHA256 + `'`, fmt.Sprintf("%d\n", len(truth.Tables))},
	}
	for _, q := range queries {
		if got := batchQuery(t, sqlDB, q.q); got != q.want {
			t.Errorf("%s:\n got %q\nwant %q", q.q, got, q.want)
		}
	}

	// A second run converts nothing and leaves every output as it was.
	before := batchOutputs(t, out)
	code, stdout, _ = runCLI("batch", in, "--out", out, "--csv", csvDir, "--sqlite", db)
	if code != 1 || !strings.Contains(stdout, "6 inputs: 0 converted, 4 failed, 0 duplicates, 2 resumed") {
		t.Errorf("second run: exit %d, %s", code, stdout)
	}
	if after := batchOutputs(t, out); !reflect.DeepEqual(after, before) {
		t.Error("second run changed the outputs")
	}

	// Isolated in child processes, the outputs are the same bytes.
	t.Setenv(batchChildEnv, "1")
	iso := filepath.Join(work, "iso")
	if code, stdout, stderr := runCLI("batch", in, "--out", iso, "--isolate"); code != 1 || !strings.Contains(stdout, "2 converted, 4 failed") {
		t.Fatalf("--isolate: exit %d\n%s%s", code, stdout, stderr)
	}
	isoRecs, err := batch.ReadSummary(filepath.Join(iso, batch.SummaryName))
	if err != nil {
		t.Fatal(err)
	}
	for i := range recs {
		if isoRecs[i].Code != recs[i].Code || isoRecs[i].Status != recs[i].Status {
			t.Errorf("--isolate %s: %s %s, in process %s %s", recs[i].Output, isoRecs[i].Status, isoRecs[i].Code, recs[i].Status, recs[i].Code)
		}
	}
	if got := batchOutputs(t, iso); !reflect.DeepEqual(got, before) {
		t.Error("--isolate outputs differ from in-process ones")
	}
}

// TestBatchRestart kills a run while it converts its second file and
// restarts it: the outputs are the bytes of an uninterrupted run.
func TestBatchRestart(t *testing.T) {
	in, _ := batchCorpus(t)
	clean, out := t.TempDir(), t.TempDir()
	if code, stdout, stderr := runCLI("batch", in, "--out", clean); code != 1 {
		t.Fatalf("clean run: exit %d\n%s%s", code, stdout, stderr)
	}
	want := batchOutputs(t, clean)

	// Cancel a run (as an interrupt does) once its first file is done, one
	// worker going.
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	go func() {
		journal := filepath.Join(out, "summary.jsonl.partial")
		for ctx.Err() == nil {
			if b, _ := os.ReadFile(journal); bytes.Count(b, []byte("\n")) >= 1 {
				cancel()
				return
			}
			time.Sleep(time.Millisecond)
		}
	}()
	res, err := batch.Run(ctx, batch.Options{Inputs: []string{in}, Out: out, Workers: 1})
	if err == nil || res.Converted >= 6 {
		t.Fatalf("interrupted run: %v, %d converted", err, res.Converted)
	}
	resumed := res.Converted
	code, stdout, _ := runCLI("batch", in, "--out", out)
	// The inputs done before the cancel are taken over: failures (the
	// four broken files come first) stay failed, a good one is resumed.
	goodResumed := max(0, resumed-4)
	if code != 1 || !strings.Contains(stdout, fmt.Sprintf("6 inputs: %d converted, 4 failed, 0 duplicates, %d resumed", 2-goodResumed, goodResumed)) {
		t.Errorf("restart: exit %d, %s", code, stdout)
	}
	if recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName)); err == nil {
		n := 0
		for _, r := range recs {
			if r.Resumed {
				n++
			}
		}
		if n != resumed {
			t.Errorf("restart: %d inputs taken over, want the %d done before the cancel", n, resumed)
		}
	} else {
		t.Error(err)
	}
	if got := batchOutputs(t, out); !reflect.DeepEqual(got, want) {
		t.Errorf("restarted outputs differ from a clean run: %d vs %d files", len(got), len(want))
	}

	// A real kill: SIGKILL a child batch once its journal has a line.
	t.Setenv(batchChildEnv, "1")
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	killed := t.TempDir()
	cmd := exec.Command(exe, "batch", in, "--out", killed, "-j", "1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(killed, "summary.jsonl.partial")
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if b, _ := os.ReadFile(journal); bytes.Count(b, []byte("\n")) >= 1 {
			break
		}
	}
	cmd.Process.Kill()
	cmd.Wait()
	code, stdout, stderr := runCLI("batch", in, "--out", killed)
	if code != 1 || !strings.Contains(stdout, "6 inputs") {
		t.Errorf("restart after SIGKILL: exit %d, %s%s", code, stdout, stderr)
	}
	t.Logf("restart after SIGKILL: %s", stdout)
	if got := batchOutputs(t, killed); !reflect.DeepEqual(got, want) {
		t.Errorf("outputs after SIGKILL and restart differ from a clean run: %d vs %d files", len(got), len(want))
	}
	leftovers, _ := filepath.Glob(filepath.Join(killed, "*", ".*"))
	if len(leftovers) > 0 {
		t.Logf("temporary files left by the kill (harmless, never read): %v", leftovers)
	}

	// A deleted output is redone, the same bytes again.
	os.Remove(filepath.Join(out, "good", "luliang-2023-calc.json"))
	if code, stdout, _ := runCLI("batch", in, "--out", out); code != 1 || !strings.Contains(stdout, "1 converted, 4 failed, 0 duplicates, 1 resumed") {
		t.Errorf("after deleting an output: exit %d, %s", code, stdout)
	}
	if got := batchOutputs(t, out); !reflect.DeepEqual(got, want) {
		t.Error("redone output differs")
	}
}

// TestBatchLimits: the page limit, the timeout (in process and isolated),
// shards and the usage failures.
func TestBatchLimits(t *testing.T) {
	in, _ := batchCorpus(t)
	good := filepath.Join(in, "good", "luliang-2023-calc.pdf")
	t.Setenv(batchChildEnv, "1")
	tests := []struct {
		name       string
		args       []string
		exit       int
		code, note string // the luliang line's code, a word of its message
	}{
		{"max-pages", []string{"--max-pages", "49"}, 1, "too_many_pages", "50 pages"},
		{"max-pages=50", []string{"--max-pages=50"}, 0, "", ""},
		{"timeout", []string{"--timeout", "1ms"}, 1, "timeout", "1ms"},
		{"timeout isolated", []string{"--timeout", "1ms", "--isolate"}, 1, "timeout", "1ms"},
	}
	for _, tt := range tests {
		out := t.TempDir()
		code, stdout, stderr := runCLI(append([]string{"batch", good, "--out", out}, tt.args...)...)
		if code != tt.exit {
			t.Errorf("%s: exit %d, want %d\n%s%s", tt.name, code, tt.exit, stdout, stderr)
			continue
		}
		recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
		if err != nil || len(recs) != 1 || recs[0].Code != tt.code || !strings.Contains(recs[0].Message, tt.note) {
			t.Errorf("%s: %+v, %v; want code %q", tt.name, recs, err, tt.code)
		}
	}

	// Two shards split the inputs between them, each input once.
	seen := map[string]int{}
	for _, s := range []string{"0/2", "1/2"} {
		out := t.TempDir()
		runCLI("batch", in, "--out", out, "--shard", s)
		recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range recs {
			seen[r.Output]++
		}
	}
	if len(seen) != 6 {
		t.Errorf("shards covered %d of 6 inputs: %v", len(seen), seen)
	}
	for o, n := range seen {
		if n != 1 {
			t.Errorf("%s in %d shards", o, n)
		}
	}

	usage := [][]string{
		{"batch"},
		{"batch", in},
		{"batch", "--out", t.TempDir()},
		{"batch", in, "--out", t.TempDir(), "--format", "xml"},
		{"batch", in, "--out", t.TempDir(), "--shard", "2/2"},
		{"batch", in, "--out", t.TempDir(), "-j", "0"},
		{"batch", in, "--out", t.TempDir(), "--timeout", "soon"},
		{"batch", in, "--out", t.TempDir(), "--bogus"},
		{"batch", filepath.Join(in, "missing"), "--out", t.TempDir()},
		{"batch", in, "--out"},
	}
	for _, args := range usage {
		if code, _, stderr := runCLI(args...); code != 2 || !strings.Contains(stderr, ": usage: ") {
			t.Errorf("%q: exit %d, stderr %q; want 2 and a usage line", args, code, stderr)
		}
	}
}

// batchOutputs returns the documents under out by relative name.
func batchOutputs(t *testing.T, out string) map[string][]byte {
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

// batchQuery runs q and renders the rows as "a|b\n".
func batchQuery(t *testing.T, db *sql.DB, q string) string {
	t.Helper()
	rows, err := db.Query(q)
	if err != nil {
		t.Fatalf("%s: %v", q, err)
	}
	defer rows.Close()
	cols, _ := rows.Columns()
	var b strings.Builder
	for rows.Next() {
		vals := make([]any, len(cols))
		ptrs := make([]any, len(cols))
		for i := range vals {
			ptrs[i] = &vals[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			t.Fatal(err)
		}
		for i, v := range vals {
			if i > 0 {
				b.WriteByte('|')
			}
			fmt.Fprint(&b, v)
		}
		b.WriteByte('\n')
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

var batchCopies = flag.Int("batch.copies", 50, "BenchmarkBatch: copies of the fixture corpus")

// BenchmarkBatch converts the fixture corpus (fixtures/pdf/*.pdf) copied
// -batch.copies times (symbolic links) with 1 and 2 workers, and reports
// documents per second, the peak heap in use (sampled every 10 ms) and the
// CPU time per document (user + system, from getrusage: on a busy machine
// docs/s says how much CPU the run got, cpu-ms/doc how much it needed).
func BenchmarkBatch(b *testing.B) {
	dir, err := os.Getwd()
	if err != nil {
		b.Fatal(err)
	}
	pdfs, err := filepath.Glob(filepath.Join(dir, "..", "..", "fixtures", "pdf", "*.pdf"))
	if err != nil || len(pdfs) == 0 {
		b.Fatalf("no fixture PDFs: %v", err)
	}
	in := b.TempDir()
	for c := range *batchCopies {
		sub := filepath.Join(in, fmt.Sprintf("copy%02d", c))
		if err := os.Mkdir(sub, 0o755); err != nil {
			b.Fatal(err)
		}
		for _, p := range pdfs {
			if err := os.Symlink(p, filepath.Join(sub, filepath.Base(p))); err != nil {
				b.Fatal(err)
			}
		}
	}
	docs := len(pdfs) * *batchCopies
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			for b.Loop() {
				out := b.TempDir()
				runtime.GC()
				peak, stop := sampleHeap()
				start, cpu0 := time.Now(), cpuTime()
				opts, err := parseBatch([]string{in, "--out", out, "-j", fmt.Sprint(workers)})
				if err != nil {
					b.Fatal(err)
				}
				res, err := batch.Run(context.Background(), opts)
				elapsed, cpu := time.Since(start), cpuTime()-cpu0
				stop()
				if err != nil || res.Failed > 0 || len(res.Records) != docs {
					b.Fatalf("%d records, %d failed, %v", len(res.Records), res.Failed, err)
				}
				b.ReportMetric(float64(docs)/elapsed.Seconds(), "docs/s")
				b.ReportMetric(float64(peak.Load())/(1<<20), "peak-heap-MB")
				b.ReportMetric(float64(cpu.Milliseconds())/float64(docs), "cpu-ms/doc")
			}
		})
	}
}

// cpuTime is the CPU time the process used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// sampleHeap samples runtime.MemStats.HeapInuse until stop is called and
// keeps the largest value.
func sampleHeap() (*atomic.Uint64, func()) {
	var peak atomic.Uint64
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		t := time.NewTicker(10 * time.Millisecond)
		defer t.Stop()
		var m runtime.MemStats
		for {
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
			select {
			case <-done:
				return
			case <-t.C:
			}
		}
	}()
	return &peak, func() { close(done); <-finished }
}

// TestBatchPages: batch --pages reads the chosen pages of each PDF, in
// process and isolated (the child gets the list), records the list in the
// summary, resumes a rerun with the same list and converts again with
// another one.
func TestBatchPages(t *testing.T) {
	matches, _ := filepath.Glob(filepath.Join(nationalDir, "004_重庆", "宣传部_*.pdf"))
	if len(matches) == 0 {
		t.Skipf("no Chongqing 宣传部 file in %s", nationalDir)
	}
	in := t.TempDir()
	data, err := os.ReadFile(matches[0])
	if err != nil {
		t.Fatal(err)
	}
	write(t, in, "a.pdf", data)
	for _, isolate := range []bool{false, true} {
		out := t.TempDir()
		args := []string{"batch", in, "--out", out, "--pages", "8,15,23"}
		if isolate {
			args = append(args, "--isolate")
		}
		code, stdout, stderr := cliChild(t, args...)
		if code != 0 || !strings.Contains(stdout, "1 inputs: 1 converted") {
			t.Fatalf("%v: exit %d, %s%s", args, code, stdout, stderr)
		}
		doc, err := batch.ReadDocument(filepath.Join(out, "a.json"))
		if err != nil {
			t.Fatal(err)
		}
		if doc.Source.PagesRead != "8,15,23" || len(doc.Tables) != 3 {
			t.Errorf("isolate %v: pages_read %q, %d tables; want 8,15,23 and its 3 tables", isolate, doc.Source.PagesRead, len(doc.Tables))
		}
		recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
		if err != nil || len(recs) != 1 || recs[0].PageSelection != "8,15,23" {
			t.Fatalf("isolate %v: summary %+v, %v; want page_selection 8,15,23", isolate, recs, err)
		}
		if _, stdout, _ := cliChild(t, args...); !strings.Contains(stdout, "0 converted") || !strings.Contains(stdout, "1 resumed") {
			t.Errorf("rerun with the same list: %s", stdout)
		}
		if _, stdout, _ := cliChild(t, "batch", in, "--out", out); !strings.Contains(stdout, "1 converted") {
			t.Errorf("rerun without --pages: %s", stdout)
		}
		if doc, err := batch.ReadDocument(filepath.Join(out, "a.json")); err != nil || doc.Source.PagesRead != "" {
			t.Errorf("rerun without --pages: pages_read %q, %v", doc.Source.PagesRead, err)
		}
	}
	for _, list := range []string{"5-3", "", "0"} {
		code, stdout, stderr := cliChild(t, "batch", in, "--out", t.TempDir(), "--pages", list)
		if code != 2 || stdout != "" || strings.Count(stderr, "\n") != 1 || strings.Contains(stderr, "usage: usage") {
			t.Errorf("--pages %q: exit %d, %q %q; want one usage line", list, code, stdout, stderr)
		}
	}
}

// TestBatchDuplicates: a real Chongqing PDF copied three times and another
// file are two conversions and two duplicates of the first copy, loaded as
// two documents; a rerun converts nothing; --keep-duplicates converts all
// four (the database, keyed by sha256, still holds two documents and four
// inputs).
func TestBatchDuplicates(t *testing.T) {
	a, _ := filepath.Glob(filepath.Join(nationalDir, "004_重庆", "宣传部_*.pdf"))
	b, _ := filepath.Glob(filepath.Join(nationalDir, "004_重庆", "规划和自然资源局_*.pdf"))
	if len(a) == 0 || len(b) == 0 {
		t.Skipf("no Chongqing files in %s", nationalDir)
	}
	in := t.TempDir()
	read := func(p string) []byte {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return data
	}
	same, other := read(a[0]), read(b[0])
	os.MkdirAll(filepath.Join(in, "z"), 0o755)
	first := write(t, in, "a.pdf", same)
	write(t, in, "b.pdf", other)
	write(t, in, "c.pdf", same)
	write(t, filepath.Join(in, "z"), "d.pdf", same)

	check := func(out, db string, keep bool, wantLine string, wantOutputs, wantInputs, wantDupRows int) {
		t.Helper()
		args := []string{"batch", in, "--out", out, "--sqlite", db}
		if keep {
			args = append(args, "--keep-duplicates")
		}
		code, stdout, stderr := runCLI(args...)
		if code != 0 || !strings.Contains(stdout, wantLine) {
			t.Fatalf("%v: exit %d, %q %s; want %q", args[3:], code, stdout, stderr, wantLine)
		}
		if got := len(batchOutputs(t, out)); got != wantOutputs {
			t.Errorf("%v: %d documents written, want %d", args[3:], got, wantOutputs)
		}
		recs, err := batch.ReadSummary(filepath.Join(out, batch.SummaryName))
		if err != nil {
			t.Fatal(err)
		}
		var dups []string
		for _, r := range recs {
			if r.Status == batch.StatusDuplicate {
				if r.DuplicateOf != first || r.SHA256 != recs[0].SHA256 {
					t.Errorf("%s: duplicate of %q (sha256 %s), want %q", r.Path, r.DuplicateOf, r.SHA256, first)
				}
				dups = append(dups, filepath.Base(r.Path))
			}
		}
		wantDups := []string{"c.pdf", "d.pdf"}
		if keep {
			wantDups = nil
		}
		if !reflect.DeepEqual(dups, wantDups) {
			t.Errorf("%v: duplicates %v, want %v", args[3:], dups, wantDups)
		}
		sqlDB, err := sql.Open("sqlite", db)
		if err != nil {
			t.Fatal(err)
		}
		defer sqlDB.Close()
		got := batchQuery(t, sqlDB, `SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM inputs),
			(SELECT count(*) FROM inputs WHERE status = 'duplicate' AND duplicate_of IS NOT NULL AND output IS NULL),
			(SELECT count(DISTINCT sha256) FROM tables)`)
		if want := fmt.Sprintf("2|%d|%d|2\n", wantInputs, wantDupRows); got != want {
			t.Errorf("%v: documents|inputs|duplicate inputs|documents with tables %q, want %q", args[3:], got, want)
		}
	}
	out, db := t.TempDir(), filepath.Join(t.TempDir(), "b.db")
	check(out, db, false, "4 inputs: 2 converted, 0 failed, 2 duplicates, 0 resumed", 2, 4, 2)
	check(out, db, false, "4 inputs: 0 converted, 0 failed, 2 duplicates, 2 resumed", 2, 4, 2)
	// Kept: the duplicates are converted now, the first two resumed.
	check(out, db, true, "4 inputs: 2 converted, 0 failed, 0 duplicates, 2 resumed", 4, 4, 0)
	out2, db2 := t.TempDir(), filepath.Join(t.TempDir(), "b.db")
	check(out2, db2, true, "4 inputs: 4 converted, 0 failed, 0 duplicates, 0 resumed", 4, 4, 0)
	check(out2, db2, false, "4 inputs: 0 converted, 0 failed, 2 duplicates, 2 resumed", 4, 4, 2)
}
