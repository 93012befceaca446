package schema

import "testing"

func TestParseValue(t *testing.T) {
	tests := []struct{ in, op, num, unit string }{ // "" = nil
		{"≥95%", ">=", "95", "%"},
		{"≤8000元/年", "<=", "8000", "元/年"},
		{"=24小时/天", "=", "24", "小时/天"},
		{"1条", "=", "1", "条"},
		{"<3min", "<", "3", "min"},
		{">=0%", ">=", "0", "%"},
		{"＞90%", ">", "90", "%"},
		{"＜5天", "<", "5", "天"},
		{"≦340元/人", "<=", "340", "元/人"},
		{"≥ 136 人", ">=", "136", "人"},
		{"100%", "=", "100", "%"},
		{"8,000元", "=", "8000", "元"},
		{"0.5万元", "=", "0.5", "万元"},
		{"12", "=", "12", ""},
		{"及时", "", "", ""},
		{"2022年XX月XX日-XX月XX日", "", "", ""},
		{"1-3天", "between", "1", "天"},
		{"90%-95%", "between", "90", "%"},
		{"90-95%", "between", "90", "%"},
		{"1-3天-5天", "", "", ""},
		{"≦核定人数", "", "", ""},
		{"不低于90（%）", ">=", "90", "%"},
		{"100(平方米)", "=", "100", "平方米"},
		{"达到95%", ">=", "95", "%"},
		{"不高于5%", "<=", "5", "%"},
		{"不超过15万元", "<=", "15", "万元"},
		{"≧１００％", ">=", "100", "%"},
		{"＝１", "=", "1", ""},
		{"90%以上", ">=", "90", "%"},
		{"3次及以下", "<=", "3", "次"},
		{"不少于3次", ">=", "3", "次"},
		{"高于90%", ">", "90", "%"},
		{"有效保障", "", "", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		op, num, _, unit := ParseRange(tt.in)
		if s(op) != tt.op || s(num) != tt.num || s(unit) != tt.unit {
			t.Errorf("ParseRange(%q) = %q %q %q, want %q %q %q", tt.in, s(op), s(num), s(unit), tt.op, tt.num, tt.unit)
		}
	}
}

func s(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestParseValueKeepsPrintedUnit(t *testing.T) {
	if _, _, _, u := ParseRange("1台（套）"); s(u) != "台（套）" {
		t.Errorf("unit %q, want 台（套）", s(u))
	}
	if _, n, _, u := ParseRange("≥ ２０ 人次"); s(n) != "20" || s(u) != "人次" {
		t.Errorf("number %q unit %q", s(n), s(u))
	}
}

func TestParseRangeUpper(t *testing.T) {
	for _, tt := range []struct{ in, lo, hi, unit string }{
		{"90%-95%", "90", "95", "%"},
		{"90～95%", "90", "95", "%"},
		{"1至3天", "1", "3", "天"},
	} {
		op, lo, hi, u := ParseRange(tt.in)
		if s(op) != "between" || s(lo) != tt.lo || s(hi) != tt.hi || s(u) != tt.unit {
			t.Errorf("ParseRange(%q) = %q %q %q %q", tt.in, s(op), s(lo), s(hi), s(u))
		}
	}
}

func TestGridValue(t *testing.T) {
	for _, tt := range []struct{ op, value, unit, wop, wnum, wunit string }{
		{"≤", "0.89", "万元", "<=", "0.89", "万元"},
		{"＝", "5", "份", "=", "5", "份"},
		{"定性", "良好", "", "", "", ""},
		{"≥", "90", "(%)", ">=", "90", "%"},
		{"", "≥30", "个数", ">=", "30", "个数"},
	} {
		var ind Indicator
		setGridValue(&ind, tt.op, tt.value, tt.unit)
		if s(ind.Op) != tt.wop || s(ind.Number) != tt.wnum || s(ind.Unit) != tt.wunit || s(ind.Value) != tt.value {
			t.Errorf("grid %q %q %q = %q %q %q", tt.op, tt.value, tt.unit, s(ind.Op), s(ind.Number), s(ind.Unit))
		}
	}
}
