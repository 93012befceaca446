package checks

import (
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// A mention is one "label X万元" (or 元, 亿元) figure of the narrative with what follows
// it: a share (占Y%) or a change against last year (比上年增加Z万元，增长W%).
type mention struct {
	page     int
	para     int
	sentence int    // counts 。 in the paragraph
	clause   int    // counts 。 and ；
	label    string // cleaned label: "基本支出"
	end      int    // where the figure ends in the stream
	printed  string // "1,530.68"
	unit     string // 万元, 元, 亿元
	v        decimal.Decimal
	scale    int32
	share    *percent // 占88.05%
	shareOf  string   // what the share is of, when named: 占“三公”经费的13.75% → “三公”经费
	delta    bool     // a change not tied to a figure ("收、支总计各增加…"): no share's base
	change   *change  // 比上年减少910.41万元，下降34.37%
}

// percent is a printed percentage.
type percent struct {
	printed string
	v       decimal.Decimal
	scale   int32
}

// change is a year-on-year change: sign +1 增加/增长, -1 减少/下降.
type change struct {
	printed string
	unit    string
	v       decimal.Decimal
	sign    int
	pct     *percent
	pctSign int
}

var (
	amountRe = textutil.NewRegexp(`([0-9][0-9,]*(?:\.[0-9]+)?)(万元|亿元|元)`)
	shareRe  = textutil.NewRegexp(`^[，,]?占([^0-9，,。；;]{0,10}?)([0-9]+(?:\.[0-9]+)?)%`)
	changeRe = textutil.NewRegexp(`(增加|减少|增长|下降|上升|降低)了?$`)
	// lastYear says a change is against last year ("比上年", "较2022年",
	// "与上年相比，收、支总计各增加").
	lastYear = textutil.NewRegexp(`比|较|上年|同比`)
	pctRe    = textutil.NewRegexp(`^[，,]?(增加|减少|增长|下降|上升|降低)了?([0-9]+(?:\.[0-9]+)?)%`)
	yearRe   = textutil.NewRegexp(`^[0-9]{4}年度?`)
)

// delimiters end a label on the left.
const delimiters = "，,；;：:。、！!？?"

// fillers are words before a label that are not part of it.
var fillers = []string{"其中", "主要包括", "包括", "主要用于以下方面", "主要用于", "收入为", "支出包括", "分别为", "分别是", "即"}

func signOf(word string) int {
	switch word {
	case "减少", "下降", "降低":
		return -1
	}
	return 1
}

func newPercent(s string) *percent {
	d, err := decimal.NewFromString(s)
	if err != nil {
		return nil
	}
	return &percent{s, d, scaleOf(&s)}
}

// cleanLabel trims a label to its words: no year, no filler words.
func cleanLabel(s string) string {
	for {
		t := yearRe.ReplaceAllString(s, "")
		for _, f := range fillers {
			t = strings.TrimPrefix(t, f)
		}
		if t == s {
			return s
		}
		s = t
	}
}

// pageNumber matches a page's number line: "— 10 —", "-3-", "第3页".
var pageNumber = textutil.NewRegexp(`^([-—–－]*[0-9]+[-—–－]*|第[0-9]+页(共[0-9]+页)?)$`)

// heading matches the start of a numbered heading or list item.
var heading = textutil.NewRegexp(`^([一二三四五六七八九十]+、|[（(][一二三四五六七八九十0-9]+[)）]|第[一二三四五六七八九十]+部分|[0-9]+[、．]|[0-9]+\.[^0-9])`)

// stream joins the narrative texts into one string: lines wrapped inside a
// sentence join up again, and a heading or a text after a full stop starts
// a new sentence. pages[i] is the page of the text starting at starts[i].
func stream(texts []Text) (s string, starts, pages []int) {
	var b strings.Builder
	prevHeading := false
	for _, t := range texts {
		x := textutil.Squeeze(t.Text)
		if x == "" || pageNumber.MatchString(x) {
			continue
		}
		if b.Len() > 0 && (heading.MatchString(x) || prevHeading) && !strings.ContainsAny(lastRune(b.String()), "。；;：:，,") {
			b.WriteString("。")
		}
		prevHeading = heading.MatchString(x) && utf8.RuneCountInString(x) <= 30 && !strings.ContainsAny(lastRune(x), "。；;：:，,")
		starts, pages = append(starts, b.Len()), append(pages, t.Page)
		b.WriteString(x)
	}
	return b.String(), starts, pages
}

func lastRune(s string) string {
	for i := len(s) - 1; i >= 0; i-- {
		if utf8.RuneStart(s[i]) {
			return s[i:]
		}
	}
	return ""
}

// parseNarrative finds the figures of the narrative, in order.
func parseNarrative(texts []Text) []*mention {
	s, starts, pages := stream(texts)
	var out []*mention
	var last *mention
	prevEnd, seen, sentence, clause, ti := 0, 0, 0, 0, 0
	for _, m := range amountRe.FindAllStringSubmatchIndex(s, -1) {
		start, end := m[0], m[1]
		for ti+1 < len(starts) && starts[ti+1] <= start {
			ti++
		}
		between := s[seen:start]
		seen = start
		sentence += strings.Count(between, "。")
		clause += strings.Count(between, "。") + strings.Count(between, "；") + strings.Count(between, ";")
		if strings.Contains(between, "。") {
			last = nil
		}
		raw, unit := s[m[2]:m[3]], s[m[4]:m[5]]
		d, err := decimal.NewFromString(strings.ReplaceAll(raw, ",", ""))
		if err != nil {
			continue
		}
		left := s[runeStart(s, max(prevEnd, start-120)):start]
		if i := strings.LastIndexAny(left, delimiters); i >= 0 {
			_, w := firstRune(left[i:])
			left = left[i+w:]
		}
		prevEnd = end
		rest := s[end:runeStart(s, min(len(s), end+60))]
		if cm := changeRe.FindStringSubmatch(left); cm != nil && last != nil && last.change == nil && lastYear.MatchString(s[last.end:start]) {
			c := &change{printed: raw, unit: unit, v: d, sign: signOf(cm[1])}
			if pm := pctRe.FindStringSubmatch(rest); pm != nil {
				c.pct, c.pctSign = newPercent(pm[2]), signOf(pm[1])
				prevEnd = end + len(pm[0])
			}
			last.change = c
			continue
		}
		if changeRe.MatchString(left) && lastYear.MatchString(s[runeStart(s, max(0, start-120)):start]) {
			mt := &mention{page: pages[ti], para: pages[ti], sentence: sentence, clause: clause, delta: true,
				label: cleanLabel(left), end: end, printed: raw, unit: unit, v: d, scale: scaleOf(&raw)}
			if pm := pctRe.FindStringSubmatch(rest); pm != nil {
				prevEnd = end + len(pm[0])
			}
			out = append(out, mt)
			continue
		}
		mt := &mention{page: pages[ti], para: pages[ti], sentence: sentence, clause: clause,
			label: qualify(cleanLabel(left), s[runeStart(s, max(0, start-160)):start]), end: end, printed: raw, unit: unit, v: d, scale: scaleOf(&raw)}
		if sm := shareRe.FindStringSubmatch(rest); sm != nil {
			mt.share = newPercent(sm[2])
			mt.shareOf = strings.TrimSuffix(strings.TrimPrefix(sm[1], "比"), "的") // 占比 names no base
			prevEnd = end + len(sm[0])
		}
		out = append(out, mt)
		last = mt
	}
	return out
}

// qualify prefixes a label that names no subject of its own (涉及预算资金)
// with the word of the clause before it that makes the figure a selection's:
// "拟对…等2个项目开展部门重点绩效评价，涉及预算资金695万元" is the evaluated
// projects' funds, not the project total, and its label 评价涉及预算资金
// matches no target. before is the text up to the figure.
func qualify(label, before string) string {
	if !strings.HasPrefix(label, "涉及") {
		return label
	}
	i := strings.LastIndexAny(before, delimiters)
	if i < 0 {
		return label
	}
	prev := before[:i]
	if j := strings.LastIndexAny(prev, delimiters); j >= 0 {
		_, w := firstRune(prev[j:])
		prev = prev[j+w:]
	}
	for _, w := range selectionWords {
		if strings.Contains(prev, w) {
			return w + label
		}
	}
	return label
}

// runeStart moves byte offset i of s forward to the start of a character,
// so that a window cut by byte count never splits a UTF-8 sequence.
func runeStart(s string, i int) int {
	for i < len(s) && !utf8.RuneStart(s[i]) {
		i++
	}
	return i
}

func firstRune(s string) (rune, int) {
	for _, r := range s {
		return r, len(string(r))
	}
	return 0, 0
}
