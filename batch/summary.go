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
	"strconv"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/checks"
	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// Record statuses.
const (
	StatusOK      = "ok"      // converted, no warning and no failed check
	StatusWarning = "warning" // converted with warnings or failed checks
	StatusError   = "error"   // not converted; Code says why
	// StatusDuplicate: the bytes (sha256) of an earlier input of the run,
	// named by DuplicateOf; not converted, nothing written.
	StatusDuplicate = "duplicate"
)

// Codes of failures batch finds itself (the others are the pipeline's, pipeline.Code).
const (
	CodeTimeout      = "timeout"
	CodeTooManyPages = pipeline.CodeTooManyPages
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
	// PageSelection is the --pages list the document was converted with
	// (as the option reads back, "1,3-5,10-end"); absent for every page.
	// A rerun with another list converts the input again.
	PageSelection string `json:"page_selection,omitempty"`
	// DuplicateOf is the path of the input a duplicate has the bytes of.
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

// line is a Record as summary.jsonl holds it: with the raw bytes of Path
// and Output when they are not UTF-8 (a JSON string would turn them into
// U+FFFD), so that a rerun finds the same file again.
type line struct {
	Record
	PathBytes   []byte `json:"path_bytes,omitempty"`
	OutputBytes []byte `json:"output_bytes,omitempty"`
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

// appendRecord writes rec as one JSON line, with the raw bytes of a name
// that is not UTF-8 and its message bounded to extract.MaxMessage.
func appendRecord(w io.Writer, rec Record) error {
	l := line{Record: rec}
	if !utf8.ValidString(rec.Path) {
		l.PathBytes = []byte(rec.Path)
	}
	if !utf8.ValidString(rec.Output) {
		l.OutputBytes = []byte(rec.Output)
	}
	l.Message = extract.Sanitize(rec.Message, extract.MaxMessage)
	b, err := json.Marshal(l)
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

// MaxSummaryLine is the longest summary line ReadSummary reads. A line
// appendRecord writes is far shorter (its message is bounded); a longer
// one, from an older version or damage, is skipped without being held in
// memory, and its input is converted again.
const MaxSummaryLine = 64 << 10

// SkippedLine is a summary line ReadSummary could not take: too long, or
// not a record (a last line cut short by a kill is one).
type SkippedLine struct {
	File   string
	Line   int
	Reason string
}

func (s SkippedLine) String() string {
	return fmt.Sprintf("%s line %d: %s", strconv.Quote(s.File), s.Line, s.Reason)
}

// ReadSummary reads a summary.jsonl (or a journal). Lines that are not
// records are skipped; ReadSummaryLines says which.
func ReadSummary(path string) ([]Record, error) {
	recs, _, err := ReadSummaryLines(path)
	return recs, err
}

// ReadSummaryLines reads a summary as ReadSummary does and also returns
// the lines it skipped. It never fails on a line's length or content; its
// memory is bounded by MaxSummaryLine per line.
func ReadSummaryLines(path string) ([]Record, []SkippedLine, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	var recs []Record
	var skipped []SkippedLine
	r := bufio.NewReaderSize(f, 64<<10)
	for n := 1; ; n++ {
		text, long, err := readLine(r, MaxSummaryLine)
		if err != nil && !errors.Is(err, io.EOF) {
			return recs, skipped, fmt.Errorf("batch: reading %s line %d: %w", strconv.Quote(path), n, err)
		}
		if long > 0 {
			skipped = append(skipped, SkippedLine{path, n, fmt.Sprintf("%d bytes, longer than the limit of %d", long, MaxSummaryLine)})
		} else if len(bytes.TrimSpace(text)) > 0 {
			var rec line
			if jerr := json.Unmarshal(text, &rec); jerr != nil {
				skipped = append(skipped, SkippedLine{path, n, "not a record: " + extract.Sanitize(jerr.Error(), 120)})
			} else {
				if rec.PathBytes != nil {
					rec.Path = string(rec.PathBytes)
				}
				if rec.OutputBytes != nil {
					rec.Output = string(rec.OutputBytes)
				}
				recs = append(recs, rec.Record)
			}
		}
		if errors.Is(err, io.EOF) {
			return recs, skipped, nil
		}
	}
}

// readLine reads one line of r without its newline. A line longer than max
// is read to its end and dropped: line is nil and long its length.
func readLine(r *bufio.Reader, max int) (line []byte, long int, err error) {
	for {
		chunk, err := r.ReadSlice('\n')
		switch {
		case long > 0:
			long += len(chunk)
		case len(line)+len(chunk) > max+1:
			long = len(line) + len(chunk)
			line = nil
		default:
			line = append(line, chunk...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if long > 0 {
			if err == nil {
				long-- // the newline
			}
			return nil, long, err
		}
		return bytes.TrimSuffix(line, []byte("\n")), 0, err
	}
}

// loadPrevious returns the earlier run's records by output name: the
// summary, then the journal of a run that did not finish (newer, so it wins).
func loadPrevious(out string, progress io.Writer) (map[string]Record, error) {
	prev := map[string]Record{}
	for _, name := range []string{SummaryName, journalName} {
		recs, skipped, err := ReadSummaryLines(filepath.Join(out, name))
		if errors.Is(err, os.ErrNotExist) {
			continue
		}
		if err != nil {
			return nil, err
		}
		for _, r := range recs {
			prev[r.Output] = r
		}
		if progress != nil {
			for _, sk := range skipped {
				fmt.Fprintf(progress, "batch: %s; skipped, its input is converted again\n", sk)
			}
		}
	}
	return prev, nil
}
