package batch

import (
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

func TestFen(t *testing.T) {
	s := schema.Str
	for _, c := range []struct {
		value, unit *string
		want        any
	}{
		{s("1738.50"), s("万元"), int64(1738500000)},
		{s("23084662.00"), s("元"), int64(2308466200)},
		{s("7877.76"), s("万元"), int64(7877760000)},
		{s("0.80"), s("万元"), int64(800000)},
		{s("24000"), s("元"), int64(2400000)},
		{s("-27.07"), s("万元"), int64(-27070000)},
		{s("1.5"), s("亿元"), int64(15000000000)},
		{s("0.005"), s("元"), nil},                      // finer than a 分: not an amount
		{s("3677.2330215"), s("万元"), nil},              // 3677.23 run into the code 30215
		{s("2883.542400"), s("万元"), int64(2883542400)}, // six decimals of 万元 are whole 分
		{s("0.00"), s("元"), int64(0)},
		// 999,999,999,999.99 元: exact, where a float64 sum would start to lose cents
		{s("99999999.999999"), s("万元"), int64(99999999999999)},
		{s("99999999999999999999"), s("元"), nil}, // past an INTEGER column
		{nil, s("元"), nil},
		{s("-"), s("元"), nil},
		{s("费"), s("万元"), nil},
		{s("12.00"), nil, nil},
		{s("12.00"), s("个"), nil},
	} {
		if got := fen(c.value, c.unit); got != c.want {
			t.Errorf("fen(%v, %v) = %v, want %v", show(c.value), show(c.unit), got, c.want)
		}
	}
}

func show(p *string) string {
	if p == nil {
		return "nil"
	}
	return *p
}

func TestAmountKey(t *testing.T) {
	for key, want := range map[string]bool{
		"total": true, "basic": true, "three_public_total": true, "right_general_public_budget": true,
		"income_amount": true, "expenditure_total": true, "prior_year_vehicle_operation": true, "carryover": true,
		"subject_code": false, "subject_name": false, "item": false, "sub_item": false, "income_item": false,
		"unit_name": false, "unit_code": false, "dept_subject": false, "gov_subject_code": false,
		"serial_number": false, "right_line_number": false, "procurement_category": false, "procurement_method": false,
		"program_name": false, "subject_code_inferred": false, "col_3": false,
	} {
		if got := amountKey(key); got != want {
			t.Errorf("amountKey(%s) = %v, want %v", key, got, want)
		}
	}
}

func TestMoneyUnit(t *testing.T) {
	for unit, want := range map[string]bool{"元": true, "万元": true, " 亿元 ": true, "元/人": false, "%": false, "个": false} {
		if got := moneyUnit(&unit); got != want {
			t.Errorf("moneyUnit(%q) = %v, want %v", unit, got, want)
		}
	}
	if moneyUnit(nil) {
		t.Error("moneyUnit(nil)")
	}
}
