package schema

import (
	"strings"
	"testing"
)

// columnWordings are printed column headings (the last header part) and
// the key each names; TestColumnSynonymsCovered requires one per synonym.
var columnWordings = []struct {
	heading string
	key     Key
}{
	{"因公出国（境）费", KeyOverseasTravel}, {"公务接待费", KeyOfficialReception},
	{"公务用车购置经费", KeyVehiclePurchase}, {"公务用车运行维护费", KeyVehicleOperation},
	{"运行费", KeyVehicleOperation}, {"公务用车运行维护", KeyVehicleOperation}, {"购置费", KeyVehiclePurchase},
	{"会议费", KeyMeeting}, {"培训费", KeyTraining},
	{"机关运行经费", KeyAgencyOperating}, {"单位预留机动经费", KeyReserveFund},
	{"采购品目", KeyProcurementCategory}, {"采购物品", KeyProcurementItem}, {"采购组织形式", KeyProcurementMethod}, {"实施采购时间", KeyProcurementTime},
	{"专项名称", KeyProgramName},
	{"公共预算拨款", KeyGeneralPublicBudget},
	{"财政拨款收入", KeyFiscalAppropriation}, {"上级补助收入", KeySuperiorSubsidy},
	{"附属单位上缴收入", KeySubordinateRemittance}, {"事业单位经营收入", KeyOperatingIncome},
	{"经营收入", KeyOperatingIncome}, {"事业收入", KeyBusinessIncome},
	{"上缴上级支出", KeyRemittanceToSuperior}, {"经营支出", KeyOperatingExpenditure},
	{"对附属单位补助支出", KeySubsidyToSubordinate},
	{"年初结转和结余", KeyOpeningBalance}, {"年末结转和结余", KeyClosingBalance},
	{"本年收入合计", KeyTotal}, {"本年支出合计", KeyTotal}, {"本年收入", KeyCurrentIncome},
	{"年初预算数", KeyInitialBudget}, {"调整预算数", KeyAdjustedBudget}, {"全年预算数", KeyAdjustedBudget},
	{"部门预算支出经济科目", KeyDeptSubject}, {"政府预算支出经济科目", KeyGovSubject},
	{"科目编码", KeySubjectCode}, {"功能分类科目代码", KeySubjectCode}, {"类款项", KeySubjectCode},
	{"科目名称", KeySubjectName},
	{"单位名称", KeyUnitName}, {"预算单位", KeyUnitName},
	{"项目名称", KeyItem},
	{"上年结转", KeyCarryover}, {"结转资金", KeyCarryover},
	{"当年预算安排", KeyCurrentYear}, {"当年财政拨款", KeyCurrentYear}, {"本年预算安排", KeyCurrentYear},
	{"行次", KeyLineNumber}, {"栏次", KeyLineNumber}, {"序号", KeySerialNumber}, {"数量", KeyQuantity},
	{"人员支出", KeyPersonnel}, {"日常公用支出", KeyPublic}, {"专项业务经费", KeyProject},
	{"部门支出经济分类", KeyDeptSubject}, {"政府支出经济分类", KeyGovSubject},
	{"基本支出", KeyBasic}, {"项目支出", KeyProject},
	{"人员经费", KeyPersonnel}, {"公用经费", KeyPublic},
	{"一般公共预算", KeyGeneralPublicBudget}, {"政府性基金预算", KeyGovernmentFund},
	{"国有资本经营预算", KeyStateCapital}, {"财政专户管理资金", KeyFiscalSpecialAccount},
	{"单位资金", KeyUnitFunds}, {"其他收入", KeyUnitFunds},
	{"合计", KeyTotal}, {"小计", KeyTotal}, {"总计", KeyTotal}, {"金额", KeyTotal},
	{"预算数", KeyTotal}, {"决算数", KeyTotal},
	{"项目", KeyItem}, {"科目", KeySubjectName},
}

func TestColumnWordings(t *testing.T) {
	for _, tt := range columnWordings {
		if got := partsKey([]string{tt.heading}); got != tt.key {
			t.Errorf("partsKey(%q) = %q, want %q", tt.heading, got, tt.key)
		}
	}
}

// TestColumnSynonymsCovered: every synonym is the one that names some
// heading of columnWordings (a synonym none reaches is shadowed by one above).
func TestColumnSynonymsCovered(t *testing.T) {
	hit := map[int]bool{}
	for _, tt := range columnWordings {
		for i, syn := range columnSynonyms {
			if strings.Contains(tt.heading, syn.word) {
				hit[i] = true
				break
			}
		}
	}
	for i, syn := range columnSynonyms {
		if !hit[i] {
			t.Errorf("synonym %q → %s: no heading in columnWordings reaches it", syn.word, syn.key)
		}
	}
}

// TestKeysListed: every key the vocabulary gives is in Keys, once.
func TestKeysListed(t *testing.T) {
	seen := map[Key]bool{}
	for _, k := range Keys {
		if seen[k.Key] {
			t.Errorf("%s listed twice", k.Key)
		}
		seen[k.Key] = true
	}
	var given []Key
	for _, s := range columnSynonyms {
		given = append(given, s.key)
	}
	for _, k := range subtotalParents {
		given = append(given, k)
	}
	for _, k := range lastWords {
		given = append(given, k)
	}
	for _, k := range given {
		if !seen[k] {
			t.Errorf("the vocabulary gives key %s, not in Keys", k)
		}
	}
}

func TestIsLabelKey(t *testing.T) {
	for key, want := range map[Key]bool{
		KeyItem: true, KeySubjectCode: true, KeyUnitCode: true, KeyDeptSubject: true,
		KeyTotal: false, KeyProcurementMethod: false, KeyLineNumber: false, "col_2": false,
	} {
		if got := IsLabelKey(key); got != want {
			t.Errorf("IsLabelKey(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestIsAmountKey(t *testing.T) {
	for key, want := range map[string]bool{
		"total": true, "expenditure_basic": true, "income_amount": true, "right_total": true,
		"overseas_travel_final": true, "vehicle_total_budget": true, "meeting": true, "opening_balance": true,
		"subject_code": false, "sub_item": false, "right_subject_name": false, "procurement_method": false, "col_3": false,
	} {
		if got := IsAmountKey(key); got != want {
			t.Errorf("IsAmountKey(%q) = %v, want %v", key, got, want)
		}
	}
}

func TestIsAmountKeyPrefixes(t *testing.T) {
	for key, want := range map[string]bool{
		"prior_year_total": true, "prior_year_overseas_travel": true, "right_total": true, "expenditure_total": true,
		"line_number": false, "serial_number": false, "income_line_number": false, "prior_year_item": false,
	} {
		if got := IsAmountKey(key); got != want {
			t.Errorf("IsAmountKey(%q) = %v, want %v", key, got, want)
		}
	}
}
