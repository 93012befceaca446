package layout

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func seedDoc(t *testing.T) *Document {
	t.Helper()
	f, err := os.Open(filepath.Join("..", "seeds", "luliang-swbgs-2023-budget.txt"))
	if err != nil {
		t.Skip("seed missing:", err)
	}
	defer f.Close()
	d, err := FromText(f)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// The seed's 13 budget tables, titles as printed in the dump.
var seedTitles = []string{
	"2023年预算收支总表",
	"2023年预算收入总表",
	"2023年预算支出总表",
	"2023年财政拨款收支总表",
	"2023年一般公共预算支出预算表（不含上年结转）",
	"2023年一般公共预算安排基本支出分经济科目表（不含上年结转）",
	"2023年政府性基金预算收入表（不含上年结转）",
	"2023年政府性基金预算支出表（不含上年结转）",
	"2023年国有资本经营预算收支预算表（不含上年结转）",
	"2023年一般公共预算“三公”经费支出预算表",
	"2023年机关运行经费预算财政拨款情况统计表",
	"2023年项目支出预算表（本年预算）",
	"2023年项目支出预算表（上年结转）",
}

func TestFromTextSeedTables(t *testing.T) {
	d := seedDoc(t)
	var budget, forms []Table
	for _, tb := range d.Tables {
		if strings.Contains(tb.Title, "绩效目标") {
			forms = append(forms, tb)
		} else {
			budget = append(budget, tb)
		}
	}
	if len(budget) != len(seedTitles) {
		for _, tb := range budget {
			t.Log(tb.Title)
		}
		t.Fatalf("found %d budget tables, want %d", len(budget), len(seedTitles))
	}
	for i, want := range seedTitles {
		tb := budget[i]
		if tb.Title != want {
			t.Errorf("table %d title %q, want %q", i, tb.Title, want)
		}
		if tb.Department != "中国共产党吕梁市委员会办公室" || tb.Unit != "万元" {
			t.Errorf("table %d department %q unit %q", i, tb.Department, tb.Unit)
		}
	}
	if budget[0].Label != "预算公开表1" || budget[9].Label != "预算公开表10" {
		t.Errorf("labels %q, %q", budget[0].Label, budget[9].Label)
	}
	for _, i := range []int{6, 7, 8, 12} {
		if budget[i].Note != "注：本表无数据" {
			t.Errorf("table %d note %q", i, budget[i].Note)
		}
	}
	if len(forms) == 0 {
		t.Error("no performance-form tables")
	}
	for _, f := range forms {
		if len(f.Header) != 0 || len(f.Rows) == 0 {
			t.Errorf("form table: %d header rows, %d rows", len(f.Header), len(f.Rows))
		}
	}
}

func TestFromTextExpenditureSummary(t *testing.T) {
	d := seedDoc(t)
	var tb *Table
	for i := range d.Tables {
		if d.Tables[i].Title == "2023年预算支出总表" {
			tb = &d.Tables[i]
		}
	}
	if tb == nil {
		t.Fatal("支出总表 not found")
	}
	wantLabels := []string{"项目/科目编码", "项目/科目名称", "2023年预算数/合计", "2023年预算数/基本支出", "2023年预算数/项目支出"}
	if got := tb.HeaderLabels(); strings.Join(got, "|") != strings.Join(wantLabels, "|") {
		t.Errorf("labels %q, want %q", got, wantLabels)
	}
	// The merged header keeps its structure.
	if c := tb.Header[0][1]; c.Text != "2023年预算数" || c.Col != 2 || c.ColSpan != 3 {
		t.Errorf("merged header cell %+v", c)
	}
	want := [][]string{
		{"", "合计", "1,738.50", "1,530.68", "207.82"},
		{"201", "一般公共服务支出", "1,346.54", "1,138.72", "207.82"},
		{"20131", "党委办公厅（室）及相关机构事务", "1,346.54", "1,138.72", "207.82"},
		{"2013101", "行政运行", "1,346.54", "1,138.72", "207.82"},
		{"208", "社会保障和就业支出", "239.93", "239.93", ""},
		{"20805", "行政事业单位养老支出", "239.93", "239.93", ""},
		{"2080501", "行政单位离退休", "94.71", "94.71", ""},
		{"2080505", "机关事业单位基本养老保险缴费支出", "131.74", "131.74", ""},
		{"2080506", "机关事业单位职业年金缴费支出", "13.48", "13.48", ""},
		{"221", "住房保障支出", "152.03", "152.03", ""},
		{"22102", "住房改革支出", "152.03", "152.03", ""},
		{"2210201", "住房公积金", "152.03", "152.03", ""},
	}
	// The dump prints 合计 in the first column.
	want[0] = []string{"合计", "", "1,738.50", "1,530.68", "207.82"}
	if len(tb.Rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(tb.Rows), len(want))
	}
	for i, w := range want {
		got := RowTexts(tb.Rows[i], tb.NCols)
		if strings.Join(got, "|") != strings.Join(w, "|") {
			t.Errorf("row %d = %q, want %q", i, got, w)
		}
	}
}

func TestFromTextProjects(t *testing.T) {
	d := seedDoc(t)
	var tb *Table
	for i := range d.Tables {
		if d.Tables[i].Title == "2023年项目支出预算表（本年预算）" {
			tb = &d.Tables[i]
		}
	}
	if tb == nil {
		t.Fatal("项目支出表 not found")
	}
	if len(tb.Rows) != 21 {
		t.Fatalf("%d project rows, want 21", len(tb.Rows))
	}
	first := RowTexts(tb.Rows[0], tb.NCols)
	last := RowTexts(tb.Rows[20], tb.NCols)
	if first[0] != "保密室互联网监测平台专线年租金" || first[1] != "0.80" {
		t.Errorf("first project %q", first)
	}
	if last[0] != "党建工作经费" || last[1] != "7.44" {
		t.Errorf("last project %q", last)
	}
	labels := tb.HeaderLabels()
	want := []string{"项目名称", "合计", "2023年财政拨款/一般公共预算", "2023年财政拨款/政府性基金预算",
		"2023年财政拨款/国有资本经营预算", "财政专户管理资金", "单位资金"}
	if strings.Join(labels, "|") != strings.Join(want, "|") {
		t.Errorf("labels %q, want %q", labels, want)
	}
}

func TestFromTextIncomeExpenditureSummary(t *testing.T) {
	d := seedDoc(t)
	tb := d.Tables[0]
	// The blank line inside the dump (a page break) does not end the table.
	if len(tb.Rows) != 33 {
		t.Errorf("%d body rows, want 33", len(tb.Rows))
	}
	last := RowTexts(tb.Rows[len(tb.Rows)-1], tb.NCols)
	if last[0] != "收入总计" || last[1] != "1,738.50" {
		t.Errorf("last row %q", last)
	}
	if got := RowTexts(tb.Rows[0], tb.NCols)[0]; got != "一、一般公共预算" {
		t.Errorf("first cell %q", got)
	}
}

func TestFromTextSmall(t *testing.T) {
	dump := strings.Join([]string{
		"# 目 录",
		"<b>第一部分 概况</b> .....\t<b>1</b>",
		"",
		"## 第二部分 2023年部门预算报表",
		"预算公开表1",
		"### 2023年预算支出总表",
		"部门名称：测试办公室",
		"单位：万元",
		"项目\t\t2023年预算数\t\t",
		"科目编码\t科目名称\t合计\t基本支出\t项目支出",
		"合计\t\t<b>3.00</b>\t3.00\t",
		"",
		"201\t一般公共服务支出\t3.00\t3.00\t",
		"注：测试",
		"一段说明文字。",
		"某某项目支出绩效目标申报表",
		"（2023年度）",
		"项目名称\t\t测试项目",
		"项目资金 (元)\t\t实施期资金总额:\t\t24,000",
		"",
	}, "\n")
	d, err := FromText(strings.NewReader(dump))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Tables) != 2 {
		t.Fatalf("%d tables", len(d.Tables))
	}
	tb := d.Tables[0]
	if tb.Title != "2023年预算支出总表" || tb.Label != "预算公开表1" || tb.Department != "测试办公室" || tb.Unit != "万元" || tb.Note != "注：测试" {
		t.Errorf("meta %q %q %q %q %q", tb.Title, tb.Label, tb.Department, tb.Unit, tb.Note)
	}
	sameRows(t, cellTexts(&tb, tb.Rows), [][]string{{"合计", "", "3.00", "3.00", ""}, {"201", "一般公共服务支出", "3.00", "3.00", ""}})
	form := d.Tables[1]
	if form.Title != "某某项目支出绩效目标申报表" || len(form.Header) != 0 || len(form.Rows) != 2 {
		t.Errorf("form %q, %d header rows, %d rows", form.Title, len(form.Header), len(form.Rows))
	}
	var narrative []string
	for _, l := range d.Pages[0].Lines {
		narrative = append(narrative, l.Text)
	}
	if got := strings.Join(narrative, "|"); !strings.Contains(got, "第一部分 概况 ..... 1") || !strings.Contains(got, "一段说明文字。") {
		t.Errorf("narrative %q", got)
	}
}
