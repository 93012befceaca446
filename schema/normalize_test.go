package schema

import "testing"

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
