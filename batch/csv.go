package batch

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// csvSink writes one CSV file per sheet (UTF-8, a header line, NULL as an
// empty field; with bom, a byte order mark first, for Excel). Each file is
// written beside its final name and renamed into place by commit.
type csvSink struct {
	dir   string
	files map[*Sheet]*csvFile
}

// utf8BOM makes Excel read a CSV file as UTF-8 rather than the system's
// code page (GBK on Chinese Windows).
const utf8BOM = "\ufeff"

type csvFile struct {
	f   *os.File
	buf *bufio.Writer
	w   *csv.Writer
}

func newCSVSink(dir string, bom bool) (*csvSink, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("batch: csv: %w", err)
	}
	s := &csvSink{dir: dir, files: map[*Sheet]*csvFile{}}
	for _, sh := range Sheets {
		f, err := os.CreateTemp(dir, "."+sh.Name+".csv.*")
		if err != nil {
			s.abort()
			return nil, fmt.Errorf("batch: csv: %w", err)
		}
		if err := f.Chmod(0o644); err != nil {
			f.Close()
			os.Remove(f.Name())
			s.abort()
			return nil, fmt.Errorf("batch: csv: %w", err)
		}
		buf := bufio.NewWriterSize(f, 64<<10)
		if bom {
			buf.WriteString(utf8BOM)
		}
		cf := &csvFile{f: f, buf: buf, w: csv.NewWriter(buf)}
		s.files[sh] = cf
		header := make([]string, len(sh.Columns))
		for i, c := range sh.Columns {
			header[i] = c.Name
		}
		if err := cf.w.Write(header); err != nil {
			s.abort()
			return nil, fmt.Errorf("batch: csv: %w", err)
		}
	}
	return s, nil
}

func (s *csvSink) write(r *row) error {
	rec := make([]string, len(r.vals))
	for i, v := range r.vals {
		switch v := v.(type) {
		case nil:
		case string:
			rec[i] = SpreadsheetText(v)
		case int:
			rec[i] = strconv.Itoa(v)
		case int64:
			rec[i] = strconv.FormatInt(v, 10)
		case float64:
			rec[i] = strconv.FormatFloat(v, 'f', -1, 64)
		case bool:
			rec[i] = strconv.FormatBool(v)
		default:
			return fmt.Errorf("batch: csv: %s column %s: unexpected %T", r.sh.Name, r.sh.Columns[i].Name, v)
		}
	}
	return s.files[r.sh].w.Write(rec)
}

// writeCSV writes the CSV files of the run's inputs and distinct documents.
func writeCSV(o Options, recs []Record, ph *phase) error {
	docs, err := distinctDocuments(o.Out, recs)
	if err != nil {
		return err
	}
	s, err := newCSVSink(o.CSVDir, o.CSVBOM)
	if err != nil {
		return err
	}
	err = func() error {
		for _, r := range recs {
			if err := flattenInput(r, s.write); err != nil {
				return err
			}
		}
		ph.start(len(docs))
		for _, d := range docs {
			doc, err := ReadDocument(filepath.Join(o.Out, filepath.FromSlash(d.rec.Output)))
			if err != nil {
				return err
			}
			if err := flattenDocument(d.rec, doc, s.write); err != nil {
				return fmt.Errorf("batch: csv: %s: %w", d.rec.Path, err)
			}
			ph.step()
		}
		return s.commit()
	}()
	if err != nil {
		s.abort()
		return err
	}
	ph.end(fmt.Sprintf("%d documents written", len(docs)))
	return nil
}

func (s *csvSink) commit() error {
	for _, sh := range Sheets {
		cf := s.files[sh]
		cf.w.Flush()
		err := cf.w.Error()
		if err == nil {
			err = cf.buf.Flush()
		}
		if cerr := cf.f.Close(); err == nil {
			err = cerr
		}
		if err == nil {
			err = os.Rename(cf.f.Name(), filepath.Join(s.dir, sh.Name+".csv"))
		}
		if err != nil {
			return fmt.Errorf("batch: csv: %w", err)
		}
		delete(s.files, sh)
	}
	return nil
}

func (s *csvSink) abort() {
	for sh, cf := range s.files {
		cf.f.Close()
		os.Remove(cf.f.Name())
		delete(s.files, sh)
	}
}
