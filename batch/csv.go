package batch

import (
	"bufio"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
)

// csvSink writes one CSV file per sheet (UTF-8, no byte order mark, a header
// line, NULL as an empty field). Each file is written beside its final name
// and renamed into place by commit.
type csvSink struct {
	dir   string
	files map[*Sheet]*csvFile
}

type csvFile struct {
	f   *os.File
	buf *bufio.Writer
	w   *csv.Writer
}

func newCSVSink(dir string) (*csvSink, error) {
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

func (s *csvSink) write(sh *Sheet, row []any) error {
	rec := make([]string, len(row))
	for i, v := range row {
		switch v := v.(type) {
		case nil:
		case string:
			rec[i] = SpreadsheetText(v)
		case int:
			rec[i] = strconv.Itoa(v)
		case bool:
			rec[i] = strconv.FormatBool(v)
		default:
			return fmt.Errorf("batch: csv: %s column %d: unexpected %T", sh.Name, i, v)
		}
	}
	return s.files[sh].w.Write(rec)
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
