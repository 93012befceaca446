package checks

import (
	"strings"
	"testing"

	"github.com/budgetpdf/budgetpdf/schema"
)

func TestFormFunds(t *testing.T) {
	s := schema.Str
	doc := &schema.Document{PerformanceForms: []schema.PerformanceForm{
		// Shanghai's printed error: 10903043.00 != 11419043.00 + 0.00 + 0.00.
		{Project: "a", Pages: []int{3}, Funds: schema.Funds{Unit: s("元"), Annual: schema.FundFigures{Total: s("10903043.00"), Fiscal: s("11419043.00"), CarriedOver: s("0.00"), Other: s("0.00")}}},
		{Project: "b", Pages: []int{4}, Funds: schema.Funds{Unit: s("元"),
			Period: schema.FundFigures{Total: s("24000"), Central: s("0"), Provincial: s("0"), Local: s("24000"), SelfRaised: s("0")},
			Annual: schema.FundFigures{Total: s("8000")}}},
	}}
	got := formFunds(doc)
	if len(got) != 2 {
		t.Fatalf("%d checks: %+v", len(got), got)
	}
	if got[0].Status != schema.StatusFail || !strings.Contains(got[0].Message, "10903043.00 != 11419043.00 + 0.00 + 0.00") || got[0].Pages[0] != 3 {
		t.Errorf("a: %+v", got[0])
	}
	if got[1].Status != schema.StatusPass || !strings.Contains(got[1].Message, "实施期资金总额 24000 = 0 + 0 + 24000 + 0") {
		t.Errorf("b: %+v", got[1])
	}
}

func TestFormCount(t *testing.T) {
	s := schema.Str
	form := func(total, unit string) schema.PerformanceForm {
		return schema.PerformanceForm{Project: total, Funds: schema.Funds{Unit: s(unit), Annual: schema.FundFigures{Total: s(total)}}}
	}
	doc := &schema.Document{PerformanceForms: []schema.PerformanceForm{form("100000", "元"), form("12.34", "万元")}}
	text := []Text{{Page: 9, Text: "按照要求，编报绩效目标的项目2个，涉及项目预算资金22.34万元。"}}
	got := formCount(doc, text)
	if len(got) != 2 || got[0].Status != schema.StatusPass || got[1].Status != schema.StatusPass || got[0].Pages[0] != 9 {
		t.Fatalf("%+v", got)
	}
	// A form missing, or funds that differ, fail.
	bad := &schema.Document{PerformanceForms: doc.PerformanceForms[:1]}
	got = formCount(bad, text)
	if got[0].Status != schema.StatusFail || got[1].Status != schema.StatusFail {
		t.Errorf("%+v", got)
	}
	if got := formCount(doc, []Text{{Page: 1, Text: "没有这句话。"}}); len(got) != 0 {
		t.Errorf("%+v", got)
	}
}
