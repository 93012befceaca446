package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// Record statuses.
const (
	StatusOK      = "ok"      // converted, no warning and no failed check
	StatusWarning = "warning" // converted with warnings or failed checks
	StatusError   = "error"   // not converted; Code says why
)

// Codes of failures batch finds itself (the others are the pipeline's, pipeline.Code).
const (
	CodeTimeout      = "timeout"
	CodeTooManyPages = "too_many_pages"
	CodeUnreadable   = "unreadable" // the input cannot be read
	CodeUnwritable   = "unwritable" // the output cannot be written
	CodeInternal     = "internal"
)

// Record is one line of summary.jsonl.
type Record struct {
	Path         string  `json:"path"`   // the input as found
	Output       string  `json:"output"` // relative to the output folder; not written when Status is error
	SHA256       string  `json:"sha256"`
	Status       string  `json:"status"`
	Code         string  `json:"code,omitempty"`
	Message      string  `json:"message,omitempty"`
	Tables       int     `json:"tables"`
	Projects     int     `json:"projects"`
	Forms        int     `json:"forms"`
	Indicators   int     `json:"indicators"`
	FailedChecks int     `json:"failed_checks"`
	Warnings     int     `json:"warnings"`
	Pages        int     `json:"pages"`
	Seconds      float64 `json:"seconds"`
	Resumed      bool    `json:"resumed,omitempty"` // taken over from an earlier run
}

// docRecord fills the counts of rec from a converted document.
func docRecord(rec *Record, doc *schema.Document) {
	rec.Tables = len(doc.Tables)
	rec.Projects = len(doc.Projects)
	rec.Forms = len(doc.PerformanceForms)
	rec.Indicators = 0
	for _, f := range doc.PerformanceForms {
		rec.Indicators += len(f.Indicators)
	}
	_, rec.FailedChecks, _ = checks.Summary(doc.Checks)
	rec.Warnings = len(doc.Warnings)
	if doc.Source.Pages > 0 {
		rec.Pages = doc.Source.Pages
	}
	rec.Status = StatusOK
	if rec.FailedChecks > 0 || rec.Warnings > 0 {
		rec.Status = StatusWarning
	}
}

// appendRecord writes rec as one JSON line.
func appendRecord(w io.Writer, rec Record) error {
	b, err := json.Marshal(rec)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// writeSummary writes all records to path atomically.
func writeSummary(path string, recs []Record) error {
	var buf bytes.Buffer
	for _, r := range recs {
		if err := appendRecord(&buf, r); err != nil {
			return fmt.Errorf("batch: summary: %w", err)
		}
	}
	if err := pipeline.WriteFileAtomic(path, buf.Bytes()); err != nil {
		return fmt.Errorf("batch: summary: %w", err)
	}
	return nil
}

// ReadSummary reads a summary.jsonl (or a journal). A last line cut short
// by a kill is ignored.
func ReadSummary(path string) ([]Record, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var recs []Record
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 64<<10), 16<<20)
	for sc.Scan() {
		var r Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			continue
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("batch: reading %s: %w", path, err)
	}
	return recs, nil
}

// loadPrevious returns the earlier run's records by output name: the
// summary, then the journal of a run that did not finish (newer, so it wins).
func loadPrevious(out string) (map[string]Record, error) {
	prev := map[string]Record{}
	for _, name := range []string{SummaryName, journalName} {
		recs, err := ReadSummary(filepath.Join(out, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			prev[r.Output] = r
		}
	}
	return prev, nil
}
