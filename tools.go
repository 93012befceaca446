//go:build tools

// Package budgetpdf pins the modules the stages use, so that go mod tidy keeps
// them while a stage is still being written. Remove entries as real imports land.
package budgetpdf

import (
	_ "github.com/go-pdf/fpdf"
	_ "github.com/ledongthuc/pdf"
	_ "github.com/shopspring/decimal"
	_ "github.com/xuri/excelize/v2"
	_ "golang.org/x/text/encoding/simplifiedchinese"
	_ "golang.org/x/text/unicode/norm"
	_ "gopkg.in/yaml.v3"
)
