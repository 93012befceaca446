package layout

import (
	"testing"
)

func TestLines(t *testing.T) {
	tests := []struct {
		name  string
		page  func() []Line
		lines []string
	}{
		{"cjk no spaces", func() []Line {
			return Lines(defaults.wordsOf(text("一般公共服务支出", 50, 100, 10)))
		}, []string{"一般公共服务支出"}},
		{"amount joined", func() []Line {
			return Lines(defaults.wordsOf(text("1,738.50", 50, 100, 10)))
		}, []string{"1,738.50"}},
		{"letter-spaced label", func() []Line {
			return Lines(defaults.wordsOf(spaced("合计", 50, 100, 10, 25)))
		}, []string{"合计"}},
		{"real space kept", func() []Line {
			return Lines(defaults.wordsOf(text("1. 一般公共预算", 50, 100, 10)))
		}, []string{"1. 一般公共预算"}},
		{"two lines, shuffled glyphs", func() []Line {
			gs := cat(text("单位：万元", 50, 120, 10), text("部门名称：办公室", 50, 100, 10))
			gs[0], gs[len(gs)-1] = gs[len(gs)-1], gs[0]
			return Lines(defaults.wordsOf(gs))
		}, []string{"部门名称：办公室", "单位：万元"}},
		{"cjk and digits", func() []Line {
			return Lines(defaults.wordsOf(text("2023年预算支出总表", 50, 100, 12)))
		}, []string{"2023年预算支出总表"}},
		{"Asian-Latin autospace is no space", func() []Line {
			// Word prints 0.25 em either side of a half-width figure in
			// CJK text (深圳 人社局: 报送 7 个 in pdftotext), no glyph.
			return Lines(defaults.wordsOf(cat(text("报送", 50, 100, 10), text("7", 72.5, 100, 10), text("个", 80, 100, 10))))
		}, []string{"报送7个"}},
		{"wider gap beside a figure is a space", func() []Line {
			return Lines(defaults.wordsOf(cat(text("报送", 50, 100, 10), text("7", 74, 100, 10), text("个", 83, 100, 10))))
		}, []string{"报送 7 个"}},
		{"fake bold", func() []Line {
			gs := text("合计", 50, 100, 10)
			gs = append(gs, text("合计", 50.3, 100, 10)...)
			return Lines(defaults.wordsOf(gs))
		}, []string{"合计"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ls := tt.page()
			if len(ls) != len(tt.lines) {
				t.Fatalf("%d lines %v, want %q", len(ls), ls, tt.lines)
			}
			for i, l := range ls {
				if l.Text != tt.lines[i] {
					t.Errorf("line %d = %q, want %q", i, l.Text, tt.lines[i])
				}
			}
		})
	}
}

func TestLetterSpacedIsOneWord(t *testing.T) {
	ls := Lines(defaults.wordsOf(spaced("合计", 50, 100, 10, 30)))
	if len(ls) != 1 || len(ls[0].Words) != 1 || ls[0].Words[0].Text != "合计" {
		t.Errorf("got %+v", ls)
	}
}
