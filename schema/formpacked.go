package schema

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// packedFolder folds the separators and digits of a packed cell to ASCII,
// leaving the rest as printed (服务满意度（%） keeps its brackets).
var packedFolder = strings.NewReplacer("；", ";", "，", ",", "：", ":", "－", "-", "—", "-",
	"０", "0", "１", "1", "２", "2", "３", "3", "４", "4", "５", "5", "６", "6", "７", "7", "８", "8", "９", "9")

// A packed indicator cell prints every indicator of a project as one text:
// "1、1-产出指标；11-数量指标；会议活动保障次数；实施周期指标值:每年≥20场；
// 年度指标值:每年≥20场。2、…" or "1.1－产出指标，11－数量指标，…；实施周期
// 指标值：≦核定人数，年度指标值：≦核定人数；2、…".

var (
	// packedItem starts one indicator: its 一级指标 code and name, then the
	// 二级指标 code.
	packedItem = textutil.NewRegexp(`(\d)\s*-\s*([^;,。\d]{2,8}?指标)\s*[;,]\s*(\d{2})\s*-\s*`)
	// packedNumbering is the item number left at the end of the text before
	// the next item ("。2、", ";3.").
	packedNumbering = textutil.NewRegexp(`[;,。]?\s*\d+\s*[、.]\s*$`)
)

// parsePacked splits a packed indicator cell into indicators.
func parsePacked(text string) []Indicator {
	s := packedFolder.Replace(text)
	locs := packedItem.FindAllStringSubmatchIndex(s, -1)
	var out []Indicator
	for k, m := range locs {
		end := len(s)
		if k+1 < len(locs) {
			end = locs[k+1][0]
		}
		level1 := strings.TrimSpace(s[m[4]:m[5]])
		body := packedNumbering.ReplaceAllString(s[m[1]:end], "")
		// level2 up to the first separator
		i := strings.IndexAny(body, ";,")
		if i < 0 {
			continue
		}
		level2, rest := strings.TrimSpace(body[:i]), body[i+1:]
		// level3 up to the first value label
		first := len(rest)
		for _, l := range packedValueLabels {
			if j := strings.Index(rest, l.label); j >= 0 && j < first {
				first = j
			}
		}
		level3 := strings.Trim(textutil.Squeeze(rest[:first]), ";,。")
		values := map[string]string{}
		for li, l := range packedValueLabels {
			j := strings.Index(rest, l.label)
			if j < 0 {
				continue
			}
			v := rest[j+len(l.label):]
			v = strings.TrimLeft(v, ": ")
			for _, o := range packedValueLabels[li+1:] {
				if e := strings.Index(v, o.label); e >= 0 {
					v = v[:e]
				}
			}
			values[l.scope] = strings.Trim(textutil.Squeeze(v), ";,。")
		}
		for _, sc := range []string{ScopePeriod, ScopeAnnual} {
			v, ok := values[sc]
			if !ok {
				continue
			}
			ind := Indicator{Scope: sc, Level1: level1, Level2: level2, Level3: level3}
			if v != "" {
				ind.Value = Str(v)
				ind.Op, ind.Number, ind.NumberMax, ind.Unit = ParseRange(v)
			}
			out = append(out, ind)
		}
	}
	return out
}
