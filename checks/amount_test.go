package checks

import (
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
	"github.com/shopspring/decimal"
)

// TestSumStatus: a difference rounding can make is at most half a cent per
// printed figure, the total's included ((n+1)/2 cents for n addends, never
// more than 0.01 × n); anything else fails, and so does any difference on
// figures printed without cents.
func TestSumStatus(t *testing.T) {
	tests := []struct {
		got, sum string
		n        int
		scale    int32
		want     string
	}{
		{"6575.72", "6575.72", 2, 2, schema.StatusPass},
		{"6575.72", "6575.73", 2, 2, schema.StatusWarn}, // Shenzhen 20802: 3222.33 + 3353.40
		{"6575.72", "6575.74", 2, 2, schema.StatusFail}, // 2 cents over 2 addends: not rounding
		{"101833.84", "101833.85", 3, 2, schema.StatusWarn},
		{"8876.23", "8876.21", 3, 2, schema.StatusWarn},    // (3+1)/2 = 2 cents
		{"8876.23", "8876.20", 4, 2, schema.StatusFail},    // 3 cents over 4 addends: 2.5 at most
		{"8876.23", "8876.20", 5, 2, schema.StatusWarn},    // 3 cents over 5 addends
		{"1738.53", "1738.50", 1, 2, schema.StatusFail},    // one addend: half a cent each side
		{"24840779", "24840778", 18, 0, schema.StatusFail}, // 元 without cents: no rounding accepted
		{"2883.542401", "2883.542400", 2, 6, schema.StatusWarn},
		{"2883.542500", "2883.542400", 2, 6, schema.StatusFail}, // 100 units of the last place
		{"10.23", "10.22", 0, 2, schema.StatusFail},             // nothing printed to round
	}
	for _, tt := range tests {
		st, diff := sumStatus(decimal.RequireFromString(tt.got), decimal.RequireFromString(tt.sum), tt.n, tt.scale)
		if st != tt.want {
			t.Errorf("sumStatus(%s, %s, %d, %d) = %s (diff %s), want %s", tt.got, tt.sum, tt.n, tt.scale, st, diff, tt.want)
		}
		if want := decimal.RequireFromString(tt.got).Sub(decimal.RequireFromString(tt.sum)); !diff.Equal(want) {
			t.Errorf("diff %s, want %s", diff, want)
		}
	}
}

// TestRoundingWarned: a row whose parts miss their total by a cent is
// warned with the difference; by more, it fails; the corruption of one
// digit in a column of several printed figures still fails.
func TestRoundingWarned(t *testing.T) {
	tb := tbl(schema.TableExpenditureSummary, []string{"subject_name", "total", "basic", "project"},
		[]string{"合计", "100.00", "70.00", "30.00"},
		[]string{"民政管理事务", "6575.72", "3222.33", "3353.40"},
		[]string{"行政运行", "50.00", "30.00", "20.00"},
	)
	v := newView(&tb)
	cs := v.across(relation{"total", []string{"basic", "project"}})
	if len(cs) != 1 || cs[0].Status != schema.StatusWarn || !strings.Contains(cs[0].Message, "rounding difference -0.01 over 2 printed addends") {
		t.Fatalf("across = %+v", cs)
	}
	tb = set(tb, 1, "total", "6575.75")
	cs = newView(&tb).across(relation{"total", []string{"basic", "project"}})
	if len(cs) != 1 || cs[0].Status != schema.StatusFail {
		t.Fatalf("across, 2 cents off = %+v", cs)
	}
	// Down a column: 合计 = Σ rows, one rounding cent warned.
	col := tbl(schema.TableProjectExpenditure, []string{"item", "total"},
		[]string{"项目一", "10.01"}, []string{"项目二", "20.01"}, []string{"项目三", "30.01"}, []string{"合计", "60.02"})
	if c := newView(&col).sumCheck(sideNone, "合计 = Σ 3 rows", col.Rows[3], col.Rows[:3]); c.Status != schema.StatusWarn {
		t.Errorf("sumCheck = %+v", c)
	}
	col = set(col, 3, "total", "60.06")
	if c := newView(&col).sumCheck(sideNone, "合计 = Σ 3 rows", col.Rows[3], col.Rows[:3]); c.Status != schema.StatusFail {
		t.Errorf("sumCheck, 3 cents off = %+v", c)
	}
}
