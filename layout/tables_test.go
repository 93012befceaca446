package layout

import (
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/extract"
)

// ruledPage draws a 支出总表 with a two-row merged header (科目名称 over two
// rows, 2023年预算数 over 合计/基本支出/项目支出) and the given body rows,
// each 20pt high (30pt when its name wraps), with its title lines when
// title is set and its header when header.
func ruledPage(n int, title string, header bool, body [][]string) *extract.Page {
	xs := []float64{50, 170, 270, 370, 470}
	var gs []extract.Glyph
	var segs []extract.Segment
	if title != "" {
		gs = cat(gs, text("预算公开表3", 50, 40, 10), text(title, 170, 60, 14),
			text("部门名称：测试办公室", 50, 85, 10), text("单位：万元", 420, 85, 10))
	}
	y := 100.0
	if header {
		gs = cat(gs, text("科目名称", 60, 115, 10), text("2023年预算数", 300, 103, 10),
			text("合计", 180, 123, 10), text("基本支出", 280, 123, 10), text("项目支出", 380, 123, 10))
		segs = append(segs, hline(100, 50, 470), hline(120, 170, 470),
			vline(50, 100, 140), vline(170, 100, 140), vline(470, 100, 140),
			vline(270, 120, 140), vline(370, 120, 140))
		y = 140
	}
	for _, row := range body {
		h := 20.0
		name := row[0]
		if strings.HasSuffix(name, "|wrap") {
			name = strings.TrimSuffix(name, "|wrap")
			h = 30
			r := []rune(name)
			gs = cat(gs, text(string(r[:10]), 55, y+3, 10), text(string(r[10:]), 55, y+16, 10))
		} else {
			gs = cat(gs, text(name, 55, y+5, 10))
		}
		for k, v := range row[1:] {
			gs = cat(gs, right(v, xs[k+2]-5, y+h/2-5, 10))
		}
		segs = append(segs, hline(y, 50, 470))
		for _, x := range xs {
			segs = append(segs, vline(x, y, y+h))
		}
		y += h
	}
	segs = append(segs, hline(y, 50, 470))
	return page(n, gs, segs)
}

func cellTexts(t *Table, rows [][]Cell) [][]string {
	var out [][]string
	for _, r := range rows {
		out = append(out, RowTexts(r, t.NCols))
	}
	return out
}

func sameRows(t *testing.T, got, want [][]string) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%d rows %q, want %d %q", len(got), got, len(want), want)
	}
	for i := range want {
		if strings.Join(got[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("row %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestRuledMergedHeader(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"党委办公厅（室）及相关机构事务|wrap", "1,346.54", "1,138.72", "207.82"},
		{"住房公积金", "152.03", "152.03", ""},
	})
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if !tb.Ruled || tb.NCols != 4 {
		t.Errorf("ruled %v ncols %d", tb.Ruled, tb.NCols)
	}
	if tb.Title != "2023年预算支出总表" || tb.Label != "预算公开表3" || tb.Department != "测试办公室" || tb.Unit != "万元" {
		t.Errorf("meta %q %q %q %q", tb.Title, tb.Label, tb.Department, tb.Unit)
	}
	if len(tb.Header) != 2 {
		t.Fatalf("%d header rows: %q", len(tb.Header), cellTexts(&tb, tb.Header))
	}
	h0 := tb.Header[0]
	if len(h0) != 2 || h0[0].Text != "科目名称" || h0[0].RowSpan != 2 || h0[1].Text != "2023年预算数" || h0[1].ColSpan != 3 || h0[1].Col != 1 {
		t.Errorf("header row 0 = %+v", h0)
	}
	if got := strings.Join(tb.HeaderLabels(), "|"); got != "科目名称|2023年预算数/合计|2023年预算数/基本支出|2023年预算数/项目支出" {
		t.Errorf("labels %s", got)
	}
	sameRows(t, cellTexts(&tb, tb.Rows), [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"党委办公厅（室）及相关机构事务", "1,346.54", "1,138.72", "207.82"},
		{"住房公积金", "152.03", "152.03", ""},
	})
}

func TestContinuation(t *testing.T) {
	p1 := ruledPage(1, "2023年预算支出总表", true, [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"一般公共服务支出", "1,346.54", "1,138.72", "207.82"},
	})
	p2 := ruledPage(2, "", true, [][]string{ // repeated header
		{"社会保障和就业支出", "239.93", "239.93", ""},
	})
	p3 := ruledPage(3, "", false, [][]string{ // straight into data
		{"住房公积金", "152.03", "152.03", ""},
	})
	p4 := ruledPage(4, "2023年一般公共预算支出预算表", true, [][]string{
		{"合计", "1.00", "1.00", ""},
	})
	d := FromPages([]*extract.Page{p1, p2, p3, p4})
	if len(d.Tables) != 2 {
		t.Fatalf("%d tables, want 2", len(d.Tables))
	}
	tb := d.Tables[0]
	if got := tb.Pages; len(got) != 3 || got[0] != 1 || got[2] != 3 {
		t.Errorf("pages %v", got)
	}
	if len(tb.Header) != 2 {
		t.Errorf("%d header rows", len(tb.Header))
	}
	sameRows(t, cellTexts(&tb, tb.Rows), [][]string{
		{"合计", "1,738.50", "1,530.68", "207.82"},
		{"一般公共服务支出", "1,346.54", "1,138.72", "207.82"},
		{"社会保障和就业支出", "239.93", "239.93", ""},
		{"住房公积金", "152.03", "152.03", ""},
	})
	for i, r := range tb.Rows {
		if r[0].Row != len(tb.Header)+i {
			t.Errorf("row %d numbered %d", i, r[0].Row)
		}
	}
	if d.Tables[1].Pages[0] != 4 || d.Tables[1].Title == "" {
		t.Errorf("second table %+v", d.Tables[1].Pages)
	}
}

func TestUnruled(t *testing.T) {
	var gs []extract.Glyph
	gs = cat(gs, text("2023年预算收入总表", 150, 40, 14), text("单位：万元", 420, 70, 10))
	gs = cat(gs, text("科目编码", 50, 100, 10), text("科目名称", 130, 100, 10), text("合计", 330, 100, 10),
		text("一般公共预算", 400, 100, 10), text("单位资金", 500, 100, 10))
	rows := [][]string{
		{"", "合计", "1,738.50", "1,738.50", ""},
		{"201", "一般公共服务支出", "1,346.54", "1,346.54", ""},
		{"2013101", "行政运行", "1,346.54", "1,346.54", ""},
		{"221", "住房保障支出", "152.03", "", "152.03"},
		{"2210201", "住房公积金", "152.03", "", "152.03"},
	}
	y := 120.0
	for _, r := range rows {
		gs = cat(gs, text(r[0], 50, y, 10), text(r[1], 130, y, 10),
			right(r[2], 370, y, 10), right(r[3], 470, y, 10), right(r[4], 550, y, 10))
		y += 18
	}
	gs = cat(gs, text("注：单位资金为测试。", 50, y+10, 10))
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if tb.Ruled || tb.NCols != 5 || tb.Title != "2023年预算收入总表" || tb.Unit != "万元" {
		t.Errorf("ruled %v ncols %d title %q unit %q", tb.Ruled, tb.NCols, tb.Title, tb.Unit)
	}
	if tb.Note != "注：单位资金为测试。" {
		t.Errorf("note %q", tb.Note)
	}
	if got := strings.Join(tb.HeaderLabels(), "|"); got != "科目编码|科目名称|合计|一般公共预算|单位资金" {
		t.Errorf("labels %s", got)
	}
	sameRows(t, cellTexts(&tb, tb.Rows), rows)
}

func TestWhiteSegmentsIgnored(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "1.00", "1.00", ""}})
	for i := range p.Segments {
		p.Segments[i].Color = [3]uint8{255, 255, 255}
	}
	for _, tb := range FindTables(p, Lines(Words(p))) {
		if tb.Ruled {
			t.Error("white rules made a ruled table")
		}
	}
}

func TestRepeatedTitleContinues(t *testing.T) {
	p1 := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "2.00", "2.00", ""}})
	p2 := ruledPage(2, "2023年预算支出总表", true, [][]string{{"住房公积金", "2.00", "2.00", ""}})
	d := FromPages([]*extract.Page{p1, p2})
	if len(d.Tables) != 1 {
		t.Fatalf("%d tables, want 1", len(d.Tables))
	}
	tb := d.Tables[0]
	sameRows(t, cellTexts(&tb, tb.Rows), [][]string{{"合计", "2.00", "2.00", ""}, {"住房公积金", "2.00", "2.00", ""}})
}

func TestNarrativeIsNoTable(t *testing.T) {
	// Justified narrative leaves wide gaps; a number in it is no table.
	gs := cat(text("一般公共预算收入", 50, 100, 10), text("15897.44", 150, 100, 10), text("万元，占", 220, 100, 10),
		text("100", 300, 100, 10), text("%；", 330, 100, 10),
		text("政府性基金收入", 50, 116, 10), text("0", 150, 116, 10), text("万元。", 220, 116, 10))
	p := page(1, gs, nil)
	if ts := FindTables(p, Lines(Words(p))); len(ts) != 0 {
		t.Errorf("%d tables in narrative: %q", len(ts), cellTexts(&ts[0], ts[0].Rows))
	}
}

func TestLabelOnPreviousPage(t *testing.T) {
	p1 := page(1, cat(text("一、部门主要职责", 50, 100, 12), text("公开02表", 50, 780, 10), text("- 1 -", 290, 810, 9)), nil)
	p2 := ruledPage(2, "", true, [][]string{{"合计", "2.00", "2.00", ""}})
	p2.Glyphs = cat(p2.Glyphs, text("收入预算总表", 200, 60, 14))
	d := FromPages([]*extract.Page{p1, p2})
	if len(d.Tables) != 1 || d.Tables[0].Label != "公开02表" || d.Tables[0].Title != "收入预算总表" {
		t.Fatalf("tables %+v", d.Tables)
	}
}

func TestRowRulesOnlyAreUnruled(t *testing.T) {
	// A table with a frame and rules between rows but no column rules.
	var gs []extract.Glyph
	var segs []extract.Segment
	rows := [][]string{{"科目名称", "合计", "基本支出"}, {"合计", "3.00", "3.00"}, {"住房公积金", "1.00", "1.00"}, {"行政运行", "2.00", "2.00"}}
	y := 100.0
	for _, r := range rows {
		gs = cat(gs, text(r[0], 55, y+5, 10), right(r[1], 300, y+5, 10), right(r[2], 420, y+5, 10))
		segs = append(segs, hline(y, 50, 450))
		y += 20
	}
	segs = append(segs, hline(y, 50, 450), vline(50, 100, y), vline(450, 100, y))
	p := page(1, cat(text("2023年预算支出总表", 150, 60, 14), gs), segs)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if tb.Ruled || tb.NCols != 3 {
		t.Errorf("ruled %v, %d columns", tb.Ruled, tb.NCols)
	}
	sameRows(t, cellTexts(&tb, tb.Rows), rows[1:])
}

func TestBodyWithoutRowRules(t *testing.T) {
	// Column rules run through the body, but rows have no rules between
	// them (spreadsheets printing only outer and column borders).
	xs := []float64{50, 200, 320, 440}
	var gs []extract.Glyph
	segs := []extract.Segment{hline(100, 50, 440), hline(120, 50, 440)}
	gs = cat(gs, text("科目名称", 55, 105, 10), text("合计", 205, 105, 10), text("基本支出", 325, 105, 10))
	rows := [][]string{{"合计", "3.00", "3.00"}, {"住房公积金", "1.00", "1.00"}, {"行政运行", "2.00", "2.00"}}
	y := 125.0
	for _, r := range rows {
		gs = cat(gs, text(r[0], 55, y, 10), right(r[1], 315, y, 10), right(r[2], 435, y, 10))
		y += 16
	}
	segs = append(segs, hline(y, 50, 440))
	for _, x := range xs {
		segs = append(segs, vline(x, 100, y))
	}
	p := page(1, cat(text("2023年预算支出总表", 150, 60, 14), gs), segs)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if !tb.Ruled || len(tb.Header) != 1 {
		t.Errorf("ruled %v, %d header rows", tb.Ruled, len(tb.Header))
	}
	sameRows(t, cellTexts(&tb, tb.Rows), rows)
}

func TestTitleInsideGrid(t *testing.T) {
	// A spreadsheet export: title, department and unit rows and a note row
	// are merged cells inside the table's frame.
	xs := []float64{50, 200, 320, 440}
	var gs []extract.Glyph
	var segs []extract.Segment
	gs = cat(gs, text("2023年预算支出总表", 160, 104, 12), text("部门名称：测试办公室", 55, 124, 10), text("单位：万元", 380, 124, 10))
	segs = append(segs, hline(100, 50, 440), hline(120, 50, 440), hline(140, 50, 440))
	segs = append(segs, vline(50, 100, 140), vline(440, 100, 140))
	rows := [][]string{{"科目名称", "合计", "基本支出"}, {"合计", "3.00", "3.00"}, {"行政运行", "3.00", "3.00"}}
	y := 140.0
	for _, r := range rows {
		gs = cat(gs, text(r[0], 55, y+5, 10), right(r[1], 315, y+5, 10), right(r[2], 435, y+5, 10))
		segs = append(segs, hline(y+20, 50, 440))
		for _, x := range xs {
			segs = append(segs, vline(x, y, y+20))
		}
		y += 20
	}
	gs = cat(gs, text("注：本表为测试", 55, y+5, 10))
	segs = append(segs, hline(y+20, 50, 440), vline(50, y, y+20), vline(440, y, y+20))
	p := page(1, gs, segs)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if tb.Title != "2023年预算支出总表" || tb.Department != "测试办公室" || tb.Unit != "万元" || tb.Note != "注：本表为测试" {
		t.Errorf("meta %q %q %q %q", tb.Title, tb.Department, tb.Unit, tb.Note)
	}
	if len(tb.Header) != 1 || tb.NCols != 3 {
		t.Errorf("%d header rows, %d columns", len(tb.Header), tb.NCols)
	}
	sameRows(t, cellTexts(&tb, tb.Rows), rows[1:])
}

func TestUnruledTwoTierHeader(t *testing.T) {
	// fpdf-style header without rules: 项目名称 and 合计 centred beside the
	// group 2023年财政拨款, whose labels wrap (一般公共预/算); 单位资金 wraps too.
	var gs []extract.Glyph
	gs = cat(gs, text("2023年项目支出表", 200, 40, 14), text("单位：万元", 500, 70, 10))
	gs = cat(gs, text("2023年财政拨款", 358.5, 100, 9), // centred over its three columns
		text("项目名称", 60, 114, 9), text("合计", 241, 114, 9),
		text("一般公共预", 308, 116, 9), text("政府性基金", 368, 116, 9), text("国有资本经", 428, 116, 9),
		text("算", 326, 128, 9), text("预算", 382, 128, 9), text("营预算", 437, 128, 9),
		text("单位资金", 492, 114, 9))
	rows := [][]string{{"合计", "3.00", "2.00", "", "", "1.00"}, {"项目甲", "2.00", "2.00", "", "", ""}, {"项目乙", "1.00", "", "", "", "1.00"}}
	y := 146.0
	for _, r := range rows {
		gs = cat(gs, text(r[0], 40, y, 9), right(r[1], 290, y, 9), right(r[2], 350, y, 9), right(r[5], 530, y, 9))
		y += 16
	}
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	want := "项目名称|合计|2023年财政拨款/一般公共预算|2023年财政拨款/政府性基金预算|2023年财政拨款/国有资本经营预算|单位资金"
	if got := strings.Join(tb.HeaderLabels(), "|"); got != want {
		t.Errorf("labels %s\nwant   %s", got, want)
	}
	if len(tb.Header) != 2 {
		t.Errorf("%d header rows", len(tb.Header))
	}
	sameRows(t, cellTexts(&tb, tb.Rows), rows)
}

func TestContinuedTitle(t *testing.T) {
	p1 := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "2.00", "2.00", ""}})
	p2 := ruledPage(2, "2023年预算支出总表（续）", true, [][]string{{"住房公积金", "2.00", "2.00", ""}})
	d := FromPages([]*extract.Page{p1, p2})
	if len(d.Tables) != 1 || len(d.Tables[0].Rows) != 2 || d.Tables[0].Title != "2023年预算支出总表" {
		t.Fatalf("%d tables", len(d.Tables))
	}
}

func TestWrappedNote(t *testing.T) {
	p := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "2.00", "2.00", ""}})
	p.Glyphs = cat(p.Glyphs, text("注：1.本表反映部门本年度的收支，包括", 50, 170, 10), text("一般公共预算。", 50, 182, 10),
		text("一、部门职责", 50, 240, 12))
	d := FromPages([]*extract.Page{p})
	if got := d.Tables[0].Note; got != "注：1.本表反映部门本年度的收支，包括一般公共预算。" {
		t.Errorf("note %q", got)
	}
	if n := len(d.Pages[0].Lines); n != 1 || d.Pages[0].Lines[0].Text != "一、部门职责" {
		t.Errorf("narrative %+v", d.Pages[0].Lines)
	}
}

func TestClosedTableDoesNotContinue(t *testing.T) {
	p1 := ruledPage(1, "2023年预算支出总表", true, [][]string{{"合计", "2.00", "2.00", ""}})
	p1.Glyphs = cat(p1.Glyphs, text("以上为本部门支出情况，下表为其他单位。", 50, 300, 10))
	p2 := ruledPage(2, "", true, [][]string{{"住房公积金", "2.00", "2.00", ""}})
	if d := FromPages([]*extract.Page{p1, p2}); len(d.Tables) != 2 {
		t.Fatalf("%d tables, want 2: text under the first table closes it", len(d.Tables))
	}
}

func TestUnruledEmptyTable(t *testing.T) {
	// No data: the index row under the header says it is a table.
	gs := cat(text("2023年项目支出表", 200, 40, 14), text("单位：万元", 500, 70, 10),
		text("项目名称", 60, 100, 9), text("合计", 240, 100, 9), text("一般公共预算", 320, 100, 9), text("单位资金", 460, 100, 9),
		text("1", 78, 116, 9), text("2", 247, 116, 9), text("3", 345, 116, 9), text("4", 476, 116, 9),
		text("注：本表无数据", 40, 134, 9))
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[0]
	if tb.Note != "注：本表无数据" || len(tb.Rows) != 0 || tb.NCols != 4 {
		t.Errorf("note %q, %d rows, %d columns", tb.Note, len(tb.Rows), tb.NCols)
	}
	if got := strings.Join(tb.HeaderLabels(), "|"); got != "项目名称|合计|一般公共预算|单位资金" {
		t.Errorf("labels %s", got)
	}
}

// TestUnruledTight covers three printings of rule-less national tables
// (Guangzhou's 收支总体情况表 and 本年支出总体情况表): an amount right-aligned
// in its column printed closer to the next column's text than a column gap
// (225,431.78 一、一般公共服务支出), total rows indented under a flush-left
// one (本年收入合计, 收入总计 under 上年结转结余), and a name wrapped over a
// line above and a line below its code and amounts.
func TestUnruledTight(t *testing.T) {
	var gs []extract.Glyph
	gs = cat(gs, text("收支总体情况表", 200, 40, 14), text("单位：万元", 500, 70, 10))
	gs = cat(gs, text("项目", 80, 100, 10), text("预算", 230, 100, 10), text("项目", 330, 100, 10), text("预算", 480, 100, 10))
	type line struct {
		left   string
		leftX  float64
		amount string
		name   string
		right  string
	}
	body := []line{
		{"一、预算拨款", 50, "225,431.78", "一、一般公共服务支出", "7.00"},
		{"", 0, "", "二、教育支出", "225,424.78"},
		{"", 0, "", "三、科学技术支出", "0.00"},
		{"", 0, "", "四、文化旅游体育与传媒支出", "0.00"},
		{"", 0, "", "五、社会保障和就业支出", "0.00"},
		{"", 0, "", "六、卫生健康支出", "0.00"},
		{"本年收入合计", 106, "225,431.78", "本年支出合计", "225,431.78"},
		{"上年结转结余", 50, "0.00", "结转结余下年", "0.00"},
		{"收入总计", 116, "225,431.78", "支出总计", "225,431.78"},
	}
	y := 120.0
	for _, l := range body {
		if l.left != "" {
			gs = cat(gs, text(l.left, l.leftX, y, 10), right(l.amount, 280, y, 10))
		}
		// the name starts 5.8pt right of the amount column's edge
		gs = cat(gs, text(l.name, 285.8, y, 10), right(l.right, 540, y, 10))
		y += 16
	}
	gs = cat(gs, text("本年支出总体情况表", 200, y+30, 14))
	y += 70
	gs = cat(gs, text("科目编码", 50, y, 10), text("科目名称", 120, y, 10), text("合计", 330, y, 10), text("基本支出", 420, y, 10))
	y += 20
	exp := [][]string{
		{"208", "社会保障和就业支出", "1,325.00", "1,325.00"},
		{"2080505", "机关事业单位基本养老保险缴费支出", "883.13", "883.13"},
		{"2080506", "职业年金缴费支出", "441.87", "441.87"},
	}
	for _, r := range exp {
		if n := []rune(r[1]); len(n) > 10 {
			gs = cat(gs, text(string(n[:13]), 120, y-6, 10), text(string(n[13:]), 120, y+6, 10))
		} else {
			gs = cat(gs, text(r[1], 120, y, 10))
		}
		gs = cat(gs, text(r[0], 50, y, 10), right(r[2], 370, y, 10), right(r[3], 470, y, 10))
		y += 24
	}
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 2 {
		t.Fatalf("%d tables, want 2", len(ts))
	}
	var want [][]string
	for _, l := range body {
		want = append(want, []string{l.left, l.amount, l.name, l.right})
	}
	sameRows(t, cellTexts(&ts[0], ts[0].Rows), want)
	sameRows(t, cellTexts(&ts[1], ts[1].Rows), exp)
}

// TestUnruledTallRows: a rule-less project table (Guangzhou's 部门预算项目支出
// 表) whose 绩效目标 cells wrap over several lines printed centred on the line
// of the row's amounts, the last amount printed 0.8pt from the goal's text
// (one run of glyphs: 0.00示…), a name wrapped above and below its amounts,
// and a last row whose goal runs on below its block to the foot of the page.
func TestUnruledTallRows(t *testing.T) {
	var gs []extract.Glyph
	gs = cat(gs, text("部门预算项目支出表", 200, 30, 14))
	gs = cat(gs, text("项目名称", 50, 60, 10), text("总计", 190, 60, 10), text("其他资金", 240, 60, 10), text("绩效目标", 400, 60, 10))
	type row struct {
		name  []string // lines of the name, centred on the amounts
		total string
		other string
		goal  []string // lines of the goal, centred on the amounts
	}
	rows := []row{
		{[]string{"宣传活动类经费"}, "279.00", "0.00", []string{"通过安排宣传活动类经费，", "围绕重点产业链供需对接，", "开展政策宣贯、资源对接，", "提升政务服务效能。"}},
		{[]string{"课题研究类经费"}, "168.90", "0.00", []string{"通过安排课题研究类经费，", "形成具有前瞻性的政策建议，", "提供理论依据和智力支撑。"}},
		{[]string{"支持民营经济和中小企", "业发展"}, "30,750.00", "0.00", []string{"构建中小企业梯度培育体系，", "推动形成优质企业持续涌现。"}},
		{[]string{"购置经费"}, "4.00", "0.00", []string{"满足单位日常办公需求。"}},
		{[]string{"综合工作经费"}, "560.00", "0.00", []string{"协助开展项目评审、风险评估，", "对中小微企业开展月度监测，", "为决策提供参考，", "提升工作质效，", "保障正常运转。"}},
	}
	const lh = 15.6 // line pitch inside a cell
	y := 90.0
	for _, r := range rows {
		n := max(len(r.name), len(r.goal))
		mid := y + float64(n-1)*lh/2 // the amounts' line, centred on the cell
		put := func(ls []string, x float64) {
			top := mid - float64(len(ls)-1)*lh/2
			for k, s := range ls {
				gs = cat(gs, text(s, x, top+float64(k)*lh, 10))
			}
		}
		put(r.name, 50)
		gs = cat(gs, right(r.total, 225, mid, 10))
		// 其他资金 ends at 279.2, the goal's column starts at 280: the
		// extractor's glyphs of one run
		put(r.goal, 280)
		gs = cat(gs, right(r.other, 279.2, mid, 10))
		y += float64(n)*lh + 1
	}
	if y > 590 {
		t.Fatalf("test page overflows: %v", y)
	}
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 2 && len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	tb := ts[len(ts)-1]
	var want [][]string
	for _, r := range rows {
		want = append(want, []string{strings.Join(r.name, ""), r.total, r.other, strings.Join(r.goal, "")})
	}
	sameRows(t, cellTexts(&tb, tb.Rows), want)
}

// TestFigureEnds: a figure run into the next column's text without a word
// gap (0.00示、技术交流) is two words; a figure and its unit, or a figure in a
// letter-spaced line, stay one.
func TestFigureEnds(t *testing.T) {
	for _, c := range []struct {
		a, b string
		gap  float64 // between the two runs
		each float64 // between every glyph (letter spacing)
		want []string
	}{
		{"0.00", "示、技术交流", 0.8, 0, []string{"0.00", "示、技术交流"}},
		{"1,210.00", "市优越的产业", 0.8, 0, []string{"1,210.00", "市优越的产业"}},
		{"1,309.21", "万元", 0.8, 0, []string{"1,309.21万元"}},
		{"1,309.21", "万元", 0.8, 0.8, []string{"1,309.21万元"}},
		{"2026", "年度预算", 0.8, 0, []string{"2026年度预算"}},
		{"12.5", "%", 0.8, 0, []string{"12.5%"}},
	} {
		var gs []extract.Glyph
		x := 50.0
		for _, part := range []string{c.a, c.b} {
			for _, r := range part {
				g := text(string(r), x, 100, 10)
				gs = append(gs, g...)
				x = g[0].X1 + c.each
			}
			x += c.gap - c.each
		}
		var got []string
		for _, w := range defaults.wordsOf(gs) {
			got = append(got, w.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s + %s: words %q, want %q", c.a, c.b, got, c.want)
		}
	}
}

// TestUnruledSparseColumn: Guangzhou's 财政拨款收支总体情况表 prints three
// income amounts beside 24 expenditure rows; that column is filled on fewer
// lines than columnsOf lets bridge a gap, yet it is a column (its amounts
// were read as part of the expenditure names).
func TestUnruledSparseColumn(t *testing.T) {
	var gs []extract.Glyph
	gs = cat(gs, text("财政拨款收支总体情况表", 200, 30, 14))
	gs = cat(gs, text("项目", 80, 60, 10), text("预算", 230, 60, 10), text("项目", 330, 60, 10), text("预算", 480, 60, 10))
	income := [][2]string{{"一、一般公共预算", "225,431.78"}, {"二、政府性基金预算", "0.00"}, {"三、国有资本经营预算", "0.00"}}
	var want [][]string
	y := 80.0
	for i := 0; i < 24; i++ {
		in := [2]string{}
		if i < len(income) {
			in = income[i]
			gs = cat(gs, text(in[0], 50, y, 10), right(in[1], 280, y, 10))
		}
		name := "支出科目" + string(rune('甲'+i))
		gs = cat(gs, text(name, 285.8, y, 10), right("1.00", 540, y, 10))
		want = append(want, []string{in[0], in[1], name, "1.00"})
		y += 16
	}
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	sameRows(t, cellTexts(&ts[0], ts[0].Rows), want)
}

// TestUnruledHeaderWithUnit: a header label that names its unit (预算数（单位：
// 万元）) in a line of three pieces is the table's header, not a unit line
// that ends the table above it (Guangzhou's 重点项目预算绩效目标情况).
func TestUnruledHeaderWithUnit(t *testing.T) {
	var gs []extract.Glyph
	gs = cat(gs, text("项目", 60, 100, 10), text("预算数（单位：万元）", 160, 100, 10), text("绩效目标", 360, 100, 10))
	rows := [][]string{{"支持新型工业化建设", "164,638.39", "推动经济高质量发展。"}, {"关键办保障工作经费", "48.00", "维持正常办公秩序。"}}
	y := 120.0
	for _, r := range rows {
		gs = cat(gs, text(r[0], 50, y, 10), right(r[1], 260, y, 10), text(r[2], 300, y, 10))
		y += 16
	}
	p := page(1, gs, nil)
	ts := FindTables(p, Lines(Words(p)))
	if len(ts) != 1 {
		t.Fatalf("%d tables", len(ts))
	}
	if got := strings.Join(ts[0].HeaderLabels(), "|"); got != "项目|预算数（单位：万元）|绩效目标" {
		t.Errorf("labels %q", got)
	}
	sameRows(t, cellTexts(&ts[0], ts[0].Rows), rows)
}
