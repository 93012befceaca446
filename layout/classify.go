package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/budgetpdf/budgetpdf/textutil"
)

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// isNumPart reports whether r can be part of a printed amount.
func isNumPart(r rune) bool {
	return r >= '0' && r <= '9' || r == ',' || r == '.' || r == '-' || r == '%'
}

var (
	yearRe     = textutil.NewRegexp(`^(19|20)\d\d$`)
	labelRe    = textutil.NewRegexp(`^(预算公开表|决算公开表|公开表)\s*[0-9一二三四五六七八九十-]+$|^(预算|决算)?公开\s*\d+\s*表$|^附?表\s*[0-9一二三四五六七八九十-]+$`)
	deptRe     = textutil.NewRegexp(`(?:部门名称|单位名称|编制部门|编制单位|预算部门|填报单位|部门)\s*[：:]\s*(.*?)\s*(?:(?:金额)?单位\s*[：:].*)?$`)
	unitRe     = textutil.NewRegexp(`(?:金额)?单位\s*[：:]\s*(万元|元|千元|亿元)`)
	noteRe     = textutil.NewRegexp(`^注\s*[：:0-9１-９]`)
	partRe     = textutil.NewRegexp(`^第[一二三四五六七八九十0-9]+(部分|章|节)`)
	yearLineRe = textutil.NewRegexp(`^[（(]?\d{4}年度?[）)]?$`)
	dotLeader  = textutil.NewRegexp(`(\.{3,}|…{2,}|·{3,})\s*\d*$`)
)

// isYearLine reports whether s (squeezed) is a year line under a title,
// （2023年度）. The regexp is asked only of a text it can match: at most
// 16 bytes ("（" 4 digits "年度" "）") with 年 in it, which every other line
// of a page is not.
func isYearLine(s string) bool {
	return len(s) <= 16 && strings.Contains(s, "年") && yearLineRe.MatchString(s)
}

// isYear reports whether t is a year (2023), not an amount; the regexp is
// asked only of four bytes.
func isYear(t string) bool { return len(t) == 4 && yearRe.MatchString(t) }

// isLabelLine reports whether s is a table label like 预算公开表3, 公开02表
// or 表一.
func isLabelLine(s string) bool {
	if len(s) > 60 || !strings.Contains(s, "表") {
		return false
	}
	return labelRe.MatchString(textutil.Squeeze(s))
}

// department returns the value of a 部门名称：… line.
func department(s string) (string, bool) {
	if !textutil.ContainsAny(s, "：:") || !strings.Contains(s, "部门") && !strings.Contains(s, "单位") {
		return "", false
	}
	m := deptRe.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	return strings.TrimSpace(m[1]), true
}

// unit returns the value of a 单位：万元 line (or the part of a line holding it).
func unit(s string) (string, bool) {
	if !strings.Contains(s, "单位") || !strings.Contains(s, "元") {
		return "", false
	}
	m := unitRe.FindStringSubmatch(textutil.Squeeze(s))
	if m == nil {
		return "", false
	}
	return m[1], true
}

// isNoteLine reports whether s is a note under a table, like 注：本表无数据.
func isNoteLine(s string) bool {
	s = strings.TrimSpace(s)
	return strings.HasPrefix(s, "注") && noteRe.MatchString(s)
}

// isTitleLine reports whether s reads like a table title: short, with 表,
// 预算 or 决算 in it, and not a label, unit, department or note line, a part
// heading (第二部分 …) nor a sentence of narrative.
func isTitleLine(s string) bool {
	if len(s) > 240 {
		return false
	}
	if !strings.Contains(s, "表") && !strings.Contains(s, "预算") && !strings.Contains(s, "决算") {
		return false
	}
	s = textutil.Squeeze(s)
	n := utf8.RuneCountInString(s)
	if n < 4 || n > 60 {
		return false
	}
	if isLabelLine(s) || isNoteLine(s) || hasDotLeader(s) || strings.HasPrefix(s, "第") && partRe.MatchString(s) {
		return false
	}
	if _, ok := department(s); ok {
		return false
	}
	if _, ok := unit(s); ok {
		return false
	}
	if textutil.ContainsAny(s, "。；;") || strings.Count(s, "，") > 0 {
		return false
	}
	return strings.HasSuffix(s, "表") || strings.HasSuffix(s, "续") || strings.Contains(s, "表（") || strings.Contains(s, "表(") ||
		strings.HasSuffix(s, "）") || strings.HasSuffix(s, ")")
}

// hasDotLeader reports whether s ends in a table of contents' dot leader
// (标题……3); dotLeader is tried only on a text with a leader's dot in it.
func hasDotLeader(s string) bool {
	return textutil.ContainsAny(s, ".…·") && dotLeader.MatchString(s)
}

// isTotalLabel reports whether s is the label of a total row.
func isTotalLabel(s string) bool {
	s = textutil.Squeeze(s)
	return s == "合计" || s == "总计" || s == "小计" || s == "部门合计" || s == "本年合计"
}

// isDataRow reports whether a row of texts holds data: an amount, a subject
// code, or a total label (合计, 本年收入合计) as its first text, in one of
// its first two columns, with nothing but amounts after it. Index rows (1 2 3 …) are not data.
func isDataRow(texts []string) bool {
	if textutil.IsIndexRow(texts) {
		return false
	}
	first := true
	for i, t := range texts {
		t = textutil.Squeeze(t)
		if t == "" {
			continue
		}
		if first && i <= 1 && (isTotalLabel(t) || strings.HasSuffix(t, "合计") && !strings.Contains(t, "年")) && onlyAmounts(texts[i+1:]) {
			return true
		}
		first = false
		if textutil.IsSubjectCode(t) {
			return true
		}
		if textutil.IsAmountShape(t) && !isYear(t) {
			return true
		}
	}
	return false
}

// onlyAmounts reports whether every non-empty text is an amount.
func onlyAmounts(texts []string) bool {
	for _, t := range texts {
		if t = textutil.Squeeze(t); t != "" && !textutil.IsAmountShape(t) {
			return false
		}
	}
	return true
}
