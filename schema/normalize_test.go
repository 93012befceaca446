package schema

import "testing"

func TestAmount(t *testing.T) {
	tests := []struct {
		in   string
		want string // "null" for blank, "!" for not an amount
	}{
		{"1,738.50", "1738.50"},
		{"1738.50", "1738.50"},
		{"0.00", "0.00"},
		{"24,000", "24000"},
		{"24169.74", "24169.74"},
		{"3990.4", "3990.4"},
		{"80", "80"},
		{" 1,346.54 ", "1346.54"},
		{"(12.50)", "-12.50"},
		{"-910.41", "-910.41"},
		{"（1,000.00）", "-1000.00"},
		{"１，２３４.５０", "1234.50"},
		{"", "null"},
		{"-", "null"},
		{"—", "null"},
		{"合计", "!"},
		{"1,73.50", "!"},
		{"12.", "!"},
		{"2013101", "2013101"},
		{"≥95%", "!"},
	}
	for _, tt := range tests {
		v, ok := Amount(tt.in)
		got := "!"
		if ok {
			got = "null"
			if v != nil {
				got = *v
			}
		}
		if got != tt.want {
			t.Errorf("Amount(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestCleanText(t *testing.T) {
	tests := []struct{ in, want string }{
		{"合   计", "合计"},
		{"1. 一般公共预算", "1. 一般公共预算"},
		{"市委直联县(市、区)委视频会议系统专线\n年租金", "市委直联县(市、区)委视频会议系统专线年租金"},
		{"  项目支出 ", "项目支出"},
		{"2023年 预算数", "2023年预算数"},
	}
	for _, tt := range tests {
		if got := CleanText(tt.in); got != tt.want {
			t.Errorf("CleanText(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
