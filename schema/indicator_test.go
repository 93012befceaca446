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
		{"1-3天", "", "", ""},
		{"不少于3次", ">=", "3", "次"},
		{"高于90%", ">", "90", "%"},
		{"有效保障", "", "", ""},
		{"", "", "", ""},
	}
	for _, tt := range tests {
		op, num, unit := ParseValue(tt.in)
		if s(op) != tt.op || s(num) != tt.num || s(unit) != tt.unit {
			t.Errorf("ParseValue(%q) = %q %q %q, want %q %q %q", tt.in, s(op), s(num), s(unit), tt.op, tt.num, tt.unit)
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
	if _, _, u := ParseValue("1台（套）"); s(u) != "台（套）" {
		t.Errorf("unit %q, want 台（套）", s(u))
	}
	if _, n, u := ParseValue("≥ ２０ 人次"); s(n) != "20" || s(u) != "人次" {
		t.Errorf("number %q unit %q", s(n), s(u))
	}
}
