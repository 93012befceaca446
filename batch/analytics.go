package batch

import (
	"fmt"
	"os"

	"github.com/budgetpdf/budgetpdf/pipeline"
	"github.com/budgetpdf/budgetpdf/schema"
)

// writeAnalytics gathers the documents of the summary into the SQLite
// file, the CSV folder and the workbook, if asked, one line of progress per
// phase. It reads the documents back from the output folder one at a time,
// so inputs resumed from an earlier run are included and memory holds one
// document, not the corpus. Identical inputs (the same sha256) give one
// document.
func writeAnalytics(o Options, recs []Record) error {
	if o.SQLite != "" {
		if err := writeSQLite(o, recs, newPhase(&o, "sqlite "+o.SQLite)); err != nil {
			return err
		}
	}
	if o.CSVDir != "" {
		if err := writeCSV(o, recs, newPhase(&o, "csv "+o.CSVDir)); err != nil {
			return err
		}
	}
	if o.XLSX != "" {
		if err := writeXLSX(o, recs, newPhase(&o, "xlsx "+o.XLSX)); err != nil {
			return err
		}
	}
	return nil
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
		return nil, fmt.Errorf("batch: reading %q: %w", path, err)
	}
	return doc, nil
}
