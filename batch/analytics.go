package batch

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// sink receives the tidy rows: a CSV folder or an SQLite database.
type sink interface {
	write(s *Sheet, row []any) error
	commit() error // finish and move into place
	abort()        // remove what was written
}

// writeAnalytics gathers every document of the summary into the CSV folder
// and the SQLite file, if asked. It reads the documents back from the
// output folder one at a time, so inputs resumed from an earlier run are
// included and memory holds one document, not the corpus.
func writeAnalytics(o Options, recs []Record) error {
	var sinks []sink
	if o.CSVDir != "" {
		s, err := newCSVSink(o.CSVDir)
		if err != nil {
			return err
		}
		sinks = append(sinks, s)
	}
	if o.SQLite != "" {
		s, err := newSQLiteSink(o.SQLite)
		if err != nil {
			for _, s := range sinks {
				s.abort()
			}
			return err
		}
		sinks = append(sinks, s)
	}
	if len(sinks) == 0 {
		return nil
	}
	emit := func(s *Sheet, row []any) error {
		for _, k := range sinks {
			if err := k.write(s, row); err != nil {
				return err
			}
		}
		return nil
	}
	err := func() error {
		for _, rec := range recs {
			var doc *schema.Document
			if rec.Status != StatusError {
				var err error
				if doc, err = ReadDocument(filepath.Join(o.Out, filepath.FromSlash(rec.Output))); err != nil {
					return err
				}
			}
			if err := flatten(rec, doc, emit); err != nil {
				return fmt.Errorf("batch: analytics: %s: %w", rec.Path, err)
			}
		}
		for _, k := range sinks {
			if err := k.commit(); err != nil {
				return err
			}
		}
		return nil
	}()
	if err != nil {
		for _, k := range sinks {
			k.abort()
		}
	}
	return err
}

// ReadDocument reads a document written by batch (in the format its
// extension names).
func ReadDocument(path string) (*schema.Document, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("batch: %w", err)
	}
	doc, err := pipeline.FormatOf(path).Decode(data)
	if err != nil {
		return nil, fmt.Errorf("batch: reading %s: %w", path, err)
	}
	return doc, nil
}
