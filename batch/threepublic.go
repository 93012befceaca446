package batch

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/schema"
)

// The labels that pick the 三公 figure's row out of a "三公" table.
var (
	// threePublicBasis: a row labelled with the budget or the final figure
	// (a final account prints both, 预算数 and 决算数).
	threePublicBasis = []struct{ word, basis string }{{"决算", "final"}, {"预算", "budget"}}
	// threePublicTotalRow: the row that holds the 三公 total when no row
	// names a basis: the "三公" line (Guangzhou prints 行政经费 first) or
	// the 合计 line.
	threePublicTotalRow = []string{"三公", "合计", "总计"}
	// threePublicColumns: the total column, the 三公 sum first where the
	// table also prints 会议费 and 培训费 in its total (Jiangsu, Xi'an).
	threePublicColumns = []string{"three_public_total", "total"}
)

// threePublicTotal is the 三公 figure of one document: the table and row it
// was read from, budget or final, in the table's unit and in 分.
type threePublicTotal struct {
	table, row int
	basis      string
	column     string
	value      *string
	unit       *string
}

// threePublicTotals reads the 三公 figures of a document off its first
// "三公" table that gives one: the rows labelled 预算数 / 决算数 when it
// has them, else the first row labelled "三公" or 合计, else its first row
// when that has no label (one wide row: Shanghai, Chongqing). The basis is
// the row's word, else the document's kind. A table whose chosen rows have
// no amount (unnamed columns) gives nothing.
func threePublicTotals(doc *schema.Document) []threePublicTotal {
	docBasis := "budget"
	if doc.Document.Kind == schema.KindFinalAccount {
		docBasis = "final"
	}
	for ti, t := range doc.Tables {
		if strings.TrimSuffix(t.Kind, schema.FinalSuffix) != schema.TableThreePublic || t.Empty {
			continue
		}
		type pick struct {
			row   int
			basis string
		}
		var picks []pick
		seen := map[string]bool{}
		for ri, r := range t.Rows {
			label, _ := rowLabel(r).(string)
			for _, b := range threePublicBasis {
				if strings.Contains(label, b.word) && !seen[b.basis] {
					picks = append(picks, pick{ri, b.basis})
					seen[b.basis] = true
					break
				}
			}
		}
		if len(picks) == 0 {
		rows:
			for ri, r := range t.Rows {
				label, _ := rowLabel(r).(string)
				for _, w := range threePublicTotalRow {
					if strings.Contains(label, w) {
						picks = append(picks, pick{ri, docBasis})
						break rows
					}
				}
			}
		}
		if len(picks) == 0 && len(t.Rows) > 0 && rowLabel(t.Rows[0]) == nil {
			picks = append(picks, pick{0, docBasis})
		}
		var out []threePublicTotal
		for _, p := range picks {
			r := t.Rows[p.row]
			for _, col := range threePublicColumns {
				if v := r.Get(col); v != nil && fen(v, t.Unit) != nil {
					out = append(out, threePublicTotal{table: ti, row: p.row, basis: p.basis, column: col, value: v, unit: t.Unit})
					break
				}
			}
		}
		if len(out) > 0 {
			return out
		}
	}
	return nil
}
