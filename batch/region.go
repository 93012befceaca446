package batch

import (
	"strings"

	"github.com/budgetpdf/budgetpdf/textutil"
)

// provinces are the province-level divisions, full name as printed. A
// name may also be printed short (北京, 江苏, 内蒙古): the full name minus
// its suffix.
var provinces = []string{
	"北京市", "天津市", "上海市", "重庆市",
	"河北省", "山西省", "辽宁省", "吉林省", "黑龙江省", "江苏省", "浙江省", "安徽省", "福建省", "江西省",
	"山东省", "河南省", "湖北省", "湖南省", "广东省", "海南省", "四川省", "贵州省", "云南省", "陕西省",
	"甘肃省", "青海省", "台湾省",
	"内蒙古自治区", "广西壮族自治区", "西藏自治区", "宁夏回族自治区", "新疆维吾尔自治区",
	"香港特别行政区", "澳门特别行政区",
}

var provinceSuffixes = []string{"维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市"}

var (
	// regionNoise is what may print before the place name: a year, a
	// party prefix, a "部门名称：" label.
	regionNoise = textutil.NewRegexp(`^(?:[^：:]{0,8}[：:])?\s*(?:[0-9]{4}年度?)?(?:中国共产党|中共)?`)
	// cityLevel and countyLevel are the next levels below a province.
	cityLevel   = textutil.NewRegexp(`^[\p{Han}]{2,4}?(?:自治州|地区|盟|市)`)
	countyLevel = textutil.NewRegexp(`^[\p{Han}]{2,4}?(?:自治县|新区|区|县|旗)`)
)

// region is the place a document names itself under, as printed at the
// start of its department or title: a province-level name (written in
// full, 北京 gives 北京市), then a city and a district or county where
// printed (上海市普陀区, 吕梁市, 江苏省). Empty when neither starts with one.
func region(texts ...string) string {
	for _, t := range texts {
		if r := regionOf(t); r != "" {
			return r
		}
	}
	return ""
}

func regionOf(s string) string {
	s = strings.TrimSpace(s)
	s = s[len(regionNoise.FindString(s)):]
	var out string
	if p, rest, ok := provincePrefix(s); ok {
		out, s = p, rest
	}
	municipality := strings.HasSuffix(out, "市")
	if !municipality {
		if m := cityLevel.FindString(s); m != "" {
			out, s = out+m, s[len(m):]
		}
	}
	if out == "" {
		return ""
	}
	if m := countyLevel.FindString(s); m != "" {
		out += m
	}
	return out
}

// provincePrefix finds a province-level name, full or short, at the start
// of s. A short name followed by 市 is a city of the same name (吉林市),
// not the province.
func provincePrefix(s string) (full, rest string, ok bool) {
	for _, p := range provinces {
		if strings.HasPrefix(s, p) {
			return p, s[len(p):], true
		}
	}
	for _, p := range provinces {
		short := p
		for _, suf := range provinceSuffixes {
			if strings.HasSuffix(p, suf) {
				short = strings.TrimSuffix(p, suf)
				break
			}
		}
		if strings.HasPrefix(s, short) {
			rest := s[len(short):]
			if strings.HasPrefix(rest, "市") || strings.HasPrefix(rest, "省") {
				continue
			}
			return p, rest, true
		}
	}
	return "", s, false
}
