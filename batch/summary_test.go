package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadSummaryLines: a summary with a line far past the limit, garbage
// and a cut last line still gives back every whole record, names each
// skipped line by its number, and keeps names that are not UTF-8 byte for
// byte.
func TestReadSummaryLines(t *testing.T) {
	dir := t.TempDir()
	raw := "caf\xe9-\xff.pdf" // Latin-1 bytes, not UTF-8
	var buf bytes.Buffer
	for _, r := range []Record{
		{Path: "a.pdf", Output: "a.json", Status: StatusOK},
		{Path: raw, Output: "caf\xe9-\xff.json", Status: StatusError, Code: "corrupt", Message: strings.Repeat("x\x1b[2J", 100_000)},
	} {
		if err := appendRecord(&buf, r); err != nil {
			t.Fatal(err)
		}
	}
	long := `{"path":"old.pdf","output":"old.json","status":"error","message":"` + strings.Repeat("y", 1<<20) + "\"}\n"
	buf.WriteString(long)                            // line 3: an older version's 1 MB message
	buf.WriteString("not json\n")                    // line 4
	buf.WriteString(`{"path":"b.pdf","output":"b.j`) // line 5: cut by a kill
	path := filepath.Join(dir, SummaryName)
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	recs, skipped, err := ReadSummaryLines(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 2 || recs[0].Output != "a.json" || recs[1].Path != raw || recs[1].Output != "caf\xe9-\xff.json" {
		t.Fatalf("records %+v", recs)
	}
	if m := recs[1].Message; len(m) > 300 || strings.ContainsRune(m, 0x1b) {
		t.Errorf("stored message not bounded or not escaped: %d bytes %q", len(m), m[:min(len(m), 40)])
	}
	wantLines := []int{3, 4, 5}
	if len(skipped) != len(wantLines) {
		t.Fatalf("skipped %v, want lines %v", skipped, wantLines)
	}
	for i, s := range skipped {
		if s.Line != wantLines[i] || !strings.Contains(s.String(), SummaryName) {
			t.Errorf("skipped[%d] = %s, want line %d", i, s, wantLines[i])
		}
	}
	if !strings.Contains(skipped[0].Reason, "1048") || !strings.Contains(skipped[0].Reason, "limit") {
		t.Errorf("long line reason %q", skipped[0].Reason)
	}
	for _, line := range bytes.Split(buf.Bytes()[:bytes.Index(buf.Bytes(), []byte(long))], []byte("\n")) {
		if len(line) > MaxSummaryLine {
			t.Errorf("appendRecord wrote a %d-byte line", len(line))
		}
	}
}

// TestResumeRawName: a file whose name is not UTF-8 is resumed by its raw
// bytes on the second run, not converted again; a summary line of 1 MB
// from an earlier version does not stop the resume.
func TestResumeRawName(t *testing.T) {
	in, out := t.TempDir(), t.TempDir()
	name := "\xb2\xc6\xd5\xfe.txt" // 财政 in GBK
	if err := os.WriteFile(filepath.Join(in, name), []byte("ok 财政局 2023"), 0o644); err != nil {
		t.Skipf("the file system refuses the name: %v", err)
	}
	writeFiles(t, in, map[string]string{"b.txt": "ok 教育局 2024"})
	var p fakePipeline
	if _, err := Run(context.Background(), options(in, out, &p)); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(filepath.Join(out, SummaryName), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(Record{Path: "gone.pdf", Output: "gone.json", Message: strings.Repeat("z", 1<<20)})
	f.Write(append(b, '\n'))
	f.Close()
	var p2 fakePipeline
	var progress bytes.Buffer
	o := options(in, out, &p2)
	o.Progress = &progress
	res, err := Run(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	if n := p2.calls.Load(); n != 0 || res.Resumed != 2 {
		t.Errorf("second run: %d conversions, %d resumed; want 0, 2", n, res.Resumed)
	}
	if !strings.Contains(progress.String(), "line 3: ") || !strings.Contains(progress.String(), "longer than the limit") {
		t.Errorf("the skipped line is not reported: %q", progress.String())
	}
}
