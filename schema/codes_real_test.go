package schema

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
	"github.com/budgetpdf/budgetpdf/layout"
)

// codeTruth is one row read by hand off a real page (pdftotext -layout):
// the table on page, the n-th row (1-based) printing name in nameKey, and
// the code, unit and inferred flag it must come out with.
type codeTruth struct {
	file     string // under ../../shared/corpus/national
	page     int
	nameKey  string
	name     string
	n        int
	codeKey  string
	code     string
	unit     string // unit_name, "" when not checked
	inferred bool
}

// Each printing of subject codes, checked on the page it comes from.
var codeTruths = []codeTruth{
	// Staggered 类 | 款 | 项 in one column (烟台 公开表5, page 16):
	// 201 / 99 / 99, 204 / 06 / 01 … 08 / 01 … 99.
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "其他一般公共服务支出", 1, "subject_code", "20199", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "其他一般公共服务支出", 2, "subject_code", "2019999", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "司法", 1, "subject_code", "20406", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "律师管理", 1, "subject_code", "2040606", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "强制隔离戒毒", 1, "subject_code", "20408", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "行政运行", 2, "subject_code", "2040801", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "所政设施建设", 1, "subject_code", "2040806", "", false},
	{"025_烟台/司法局_2026年部门预算.pdf", 16, "subject_name", "其他强制隔离戒毒支出", 1, "subject_code", "2040899", "", false},
	// Codes in brackets inside the name (广州 表5, page 15).
	{"005_广州/交通运输局_2026年部门预算.pdf", 15, "subject_name", "一般公共服务支出", 1, "subject_code", "201", "", false},
	{"005_广州/交通运输局_2026年部门预算.pdf", 15, "subject_name", "组织事务", 1, "subject_code", "20132", "", false},
	{"005_广州/交通运输局_2026年部门预算.pdf", 15, "subject_name", "其他组织事务支出", 1, "subject_code", "2013299", "", false},
	{"005_广州/交通运输局_2026年部门预算.pdf", 15, "subject_name", "科技条件专项", 1, "subject_code", "2060503", "", false},
	// Names only, one block per unit (广州 表11, page 24): codes from
	// the catalogue, unit from the unit's row.
	{"005_广州/交通运输局_2026年部门预算.pdf", 24, "item", "工资福利支出", 1, "subject_code", "301", "广州市交通运输局（本级）", true},
	{"005_广州/交通运输局_2026年部门预算.pdf", 24, "item", "资本性支出", 1, "subject_code", "310", "广州市交通运输局（本级）", true},
	{"005_广州/交通运输局_2026年部门预算.pdf", 24, "item", "工资福利支出", 2, "subject_code", "301", "广州市交通管理总站", true},
	// Codes joined to the name by a hyphen (北京 预算06表, page 19): its
	// 政府支出经济分类科目 | 部门支出经济分类科目 columns are gov_subject and
	// dept_subject.
	{"002_北京/统计局_附件2：北京市统计局2026年度部门预算报表.pdf", 19, "dept_subject", "基本工资", 1, "subject_code", "30101", "", false},
	{"002_北京/统计局_附件2：北京市统计局2026年度部门预算报表.pdf", 19, "dept_subject", "差旅费", 1, "subject_code", "3021101", "", false},
	{"002_北京/统计局_附件2：北京市统计局2026年度部门预算报表.pdf", 19, "gov_subject", "社会保障缴费", 1, "gov_subject_code", "50102", "", false},
	// Multi-unit 支出总表 (深圳 表3, page 65): the unit's name on its rows.
	{"003_深圳/人力资源和社会保障局_2026年部门预算.pdf", 65, "subject_name", "技校教育", 1, "subject_code", "2050303", "深圳市人力资源和社会保障局（本级）", false},
	{"003_深圳/人力资源和社会保障局_2026年部门预算.pdf", 65, "subject_name", "培训支出", 1, "subject_code", "2050803", "深圳市人力资源和社会保障局（本级）", false},
	// Names only under unit rows (深圳 表4 基本支出总表, page 114).
	{"003_深圳/人力资源和社会保障局_2026年部门预算.pdf", 114, "item", "工资福利支出", 1, "subject_code", "301", "深圳市人力资源和社会保障局（本级）", true},
	{"003_深圳/人力资源和社会保障局_2026年部门预算.pdf", 114, "item", "住房公积金", 1, "subject_code", "30113", "深圳市人力资源和社会保障局（本级）", true},
	// Indented codes the layout splits over two columns, a name shifted
	// into the second one on the next page (西安 表5, pages 34-35).
	{"020_西安/2026年西安市司法局部门预算.pdf", 34, "subject_name", "司法", 1, "subject_code", "20406", "", false},
	{"020_西安/2026年西安市司法局部门预算.pdf", 34, "subject_name", "住房公积金", 1, "subject_code", "2210201", "", false},
	// Unit codes are not subject codes (西安 表2, page 4: 单位编码 125001).
	{"020_西安/应急管理局_2026年部门预算.pdf", 4, "unit_name", "西安市安全生产监督管理局", 1, "unit_code", "125001", "", false},
}

func TestCodesOnRealPages(t *testing.T) {
	dir := nationalDir(t)
	docs := map[string]*Document{}
	for _, tt := range codeTruths {
		doc := docs[tt.file]
		if doc == nil {
			d, err := extract.Open(filepath.Join(dir, tt.file), extract.Options{})
			if err != nil {
				t.Fatalf("%s: %v", tt.file, err)
			}
			pages, err := d.ReadAll()
			if err != nil {
				t.Fatalf("%s: %v", tt.file, err)
			}
			doc = Build(layout.FromPages(pages))
			docs[tt.file] = doc
		}
		where := tt.file + " page " + itoa(tt.page) + " " + tt.name
		row := findRow(doc, tt)
		if row == nil {
			t.Errorf("%s #%d: row not found", where, tt.n)
			continue
		}
		if got := row.Get(tt.codeKey); got == nil || *got != tt.code {
			t.Errorf("%s #%d: %s = %v, want %s", where, tt.n, tt.codeKey, show(got), tt.code)
		}
		if tt.unit != "" {
			if got := row.Get(KeyUnitName); got == nil || *got != tt.unit {
				t.Errorf("%s #%d: unit_name = %v, want %s", where, tt.n, show(got), tt.unit)
			}
		}
		inf := row.Get(KeyInferred)
		if got := inf != nil && *inf == "true"; got != tt.inferred {
			t.Errorf("%s #%d: subject_code_inferred = %v, want %v", where, tt.n, got, tt.inferred)
		}
	}
}

func findRow(doc *Document, tt codeTruth) Row {
	for _, tab := range doc.Tables {
		if len(tab.Pages) == 0 || tab.Pages[0] > tt.page || tab.Pages[len(tab.Pages)-1] < tt.page {
			continue
		}
		n := 0
		for _, r := range tab.Rows {
			if v := r.Get(tt.nameKey); v != nil && strings.ReplaceAll(*v, " ", "") == tt.name {
				if n++; n == tt.n {
					return r
				}
			}
		}
	}
	return nil
}

func show(p *string) string {
	if p == nil {
		return "null"
	}
	return *p
}

func itoa(n int) string {
	s := ""
	for ; n > 0; n /= 10 {
		s = string(rune('0'+n%10)) + s
	}
	return s
}
