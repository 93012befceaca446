package textutil

import (
	"slices"
	"strings"
)

// IsSubjectCode reports whether s is a functional or economic subject code
// of the classification's shape: 3, 5 or 7 ASCII digits (201, 20131,
// 2013101; economic codes also come as 3 digits).
func IsSubjectCode(s string) bool {
	s = strings.TrimSpace(s)
	switch len(s) {
	case 3, 5, 7:
	default:
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}

// IsIndexRow reports whether the non-empty texts of a row are the column
// numbers printed under some headers: 1 2 3 … (possibly starting later, as
// after a 栏次 or 行次 label), at least two of them, none of more than four
// digits.
func IsIndexRow(texts []string) bool {
	n, prev := 0, -1
	for _, t := range texts {
		t = Squeeze(t)
		if t == "" {
			continue
		}
		if t == "栏次" || t == "行次" {
			continue
		}
		v := 0
		for _, r := range t {
			if r < '0' || r > '9' || v > 100 {
				return false
			}
			v = v*10 + int(r-'0')
		}
		if prev >= 0 && v != prev+1 {
			return false
		}
		prev = v
		n++
	}
	return n >= 2
}

// HanDigits are the Chinese numerals of list numbering (一、 （二） 第三部分).
const HanDigits = "一二三四五六七八九十"

// HanNumber reads a Chinese numeral from 1 to 99 (七, 十二, 二十一), 0 otherwise.
func HanNumber(s string) int {
	digits := map[rune]int{'一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}
	rs := []rune(s)
	tens, ones := 0, 0
	switch i := slices.Index(rs, '十'); {
	case len(rs) == 0 || len(rs) > 3:
		return 0
	case i < 0 && len(rs) == 1:
		return digits[rs[0]]
	case i < 0:
		return 0
	case i == 0:
		tens = 1
	case i == 1:
		tens = digits[rs[0]]
	default:
		return 0
	}
	if rest := rs[slices.Index(rs, '十')+1:]; len(rest) == 1 {
		d, ok := digits[rest[0]]
		if !ok {
			return 0
		}
		ones = d
	} else if len(rest) > 1 {
		return 0
	}
	if tens == 0 {
		return 0
	}
	return tens*10 + ones
}
