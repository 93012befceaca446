package schema

import "strings"

// Key is a column key of a table (Column.Key, Cell.Key). The keys are
// constants: schema names columns with them, checks and batch read cells
// with them, so a key renamed here is renamed everywhere and a key removed
// is a compile error, never a check that silently finds no column.
//
// A key may carry a side prefix (SideIncome, SideExpenditure) in two-sided
// tables, RightPrefix for the same columns printed again to the right,
// PriorYearPrefix for last year's columns, ChangePrefix for the change
// from last year, and SuffixBudget/SuffixFinal
// under a heading printed with both 预算数 and 决算数. Columns no synonym
// names are ColPrefix + their 1-based number.
type Key = string

// Key prefixes and suffixes.
const (
	SideIncome      = "income_"
	SideExpenditure = "expenditure_"
	RightPrefix     = "right_"
	// PriorYearPrefix marks the columns of the year before the budget's,
	// printed beside it (2025年预算数 | 2026年预算数, 上年 | 当年): prior_year_total, ….
	PriorYearPrefix = "prior_year_"
	// ChangePrefix marks the columns of a heading that prints the change
	// from last year (增减变化情况/合计, 比上年增减/…): change_total, ….
	ChangePrefix = "change_"
	SuffixBudget = "_budget"
	SuffixFinal  = "_final"
	ColPrefix    = "col_"
)

// Amount keys: their cells hold money.
const (
	KeyTotal                 Key = "total"
	KeyBasic                 Key = "basic"
	KeyProject               Key = "project"
	KeyPersonnel             Key = "personnel"
	KeyPublic                Key = "public"
	KeyGeneralPublicBudget   Key = "general_public_budget"
	KeyGovernmentFund        Key = "government_fund"
	KeyStateCapital          Key = "state_capital"
	KeyFiscalSpecialAccount  Key = "fiscal_special_account"
	KeyUnitFunds             Key = "unit_funds"
	KeyCarryover             Key = "carryover"
	KeyCurrentYear           Key = "current_year"
	KeyAmount                Key = "amount"
	KeyOverseasTravel        Key = "overseas_travel"
	KeyOfficialReception     Key = "official_reception"
	KeyVehicleTotal          Key = "vehicle_total"
	KeyVehiclePurchase       Key = "vehicle_purchase"
	KeyVehicleOperation      Key = "vehicle_operation"
	KeyThreePublicTotal      Key = "three_public_total"
	KeyMeeting               Key = "meeting"
	KeyTraining              Key = "training"
	KeyAgencyOperating       Key = "agency_operating"
	KeyReserveFund           Key = "reserve_fund"
	KeyFiscalAppropriation   Key = "fiscal_appropriation"
	KeySuperiorSubsidy       Key = "superior_subsidy"
	KeySubordinateRemittance Key = "subordinate_remittance"
	KeyOperatingIncome       Key = "operating_income"
	KeyBusinessIncome        Key = "business_income"
	KeyRemittanceToSuperior  Key = "remittance_to_superior"
	KeyOperatingExpenditure  Key = "operating_expenditure"
	KeySubsidyToSubordinate  Key = "subsidy_to_subordinate"
	KeyOpeningBalance        Key = "opening_balance"
	KeyClosingBalance        Key = "closing_balance"
	KeyCurrentIncome         Key = "current_income"
	KeyInitialBudget         Key = "initial_budget"
	KeyAdjustedBudget        Key = "adjusted_budget"
	// KeyOfWhich is a column headed 其中：… that names no amount of its own
	// (公共预算拨款/其中：专项资金列入部门预算的项目): a part of the column
	// before it, never added to the row's sum.
	KeyOfWhich Key = "of_which"
)

// Label keys: the text that names a row (its item, subject, unit).
const (
	KeyItem           Key = "item"
	KeySubItem        Key = "sub_item"
	KeySubjectCode    Key = "subject_code"
	KeySubjectName    Key = "subject_name"
	KeyUnitName       Key = "unit_name"
	KeyUnitCode       Key = "unit_code"
	KeyDeptSubject    Key = "dept_subject"
	KeyGovSubject     Key = "gov_subject"
	KeyGovSubjectCode Key = "gov_subject_code"
	KeyName           Key = "name"
	KeyCategory       Key = "category"
	KeyLevel          Key = "level"
)

// Other keys: descriptive text, line and column numbers, flags.
const (
	KeyProcurementCategory Key = "procurement_category"
	KeyProcurementItem     Key = "procurement_item"
	KeyProcurementMethod   Key = "procurement_method"
	KeyProcurementTime     Key = "procurement_time"
	KeyProgramName         Key = "program_name"
	KeyLineNumber          Key = "line_number"
	KeySerialNumber        Key = "serial_number"
	// KeyQuantity is a purchase's 数量: a count of things, never money.
	KeyQuantity Key = "quantity"
	// KeyInferred is true on a row whose subject code was not printed but
	// given by the catalogue.
	KeyInferred Key = "subject_code_inferred"
)

// Roles of a column key.
type KeyRole int

const (
	RoleText   KeyRole = iota // descriptive text (采购品目, 专项名称)
	RoleAmount                // money
	RoleLabel                 // names the row: item, subject, unit
	RoleNumber                // 行次, 栏次, 序号: numbers that are never amounts
	RoleFlag                  // a flag added by the recognizer
)

// KeyInfo is one column key: its role and the printed heading it stands for.
type KeyInfo struct {
	Key   Key
	Role  KeyRole
	Label string
}

// Keys lists every column key the recognizer gives, with its role.
var Keys = []KeyInfo{
	{KeyTotal, RoleAmount, "合计"},
	{KeyBasic, RoleAmount, "基本支出"},
	{KeyProject, RoleAmount, "项目支出"},
	{KeyPersonnel, RoleAmount, "人员经费"},
	{KeyPublic, RoleAmount, "公用经费"},
	{KeyGeneralPublicBudget, RoleAmount, "一般公共预算"},
	{KeyGovernmentFund, RoleAmount, "政府性基金"},
	{KeyStateCapital, RoleAmount, "国有资本经营预算"},
	{KeyFiscalSpecialAccount, RoleAmount, "财政专户管理资金"},
	{KeyUnitFunds, RoleAmount, "单位资金"},
	{KeyCarryover, RoleAmount, "上年结转"},
	{KeyCurrentYear, RoleAmount, "当年预算安排"},
	{KeyAmount, RoleAmount, "金额 (the income side of a two-sided table)"},
	{KeyOverseasTravel, RoleAmount, "因公出国（境）费"},
	{KeyOfficialReception, RoleAmount, "公务接待费"},
	{KeyVehicleTotal, RoleAmount, "公务用车购置及运行费/小计"},
	{KeyVehiclePurchase, RoleAmount, "公务用车购置费"},
	{KeyVehicleOperation, RoleAmount, "公务用车运行维护费"},
	{KeyThreePublicTotal, RoleAmount, "“三公”经费/小计"},
	{KeyMeeting, RoleAmount, "会议费"},
	{KeyTraining, RoleAmount, "培训费"},
	{KeyAgencyOperating, RoleAmount, "机关运行经费"},
	{KeyReserveFund, RoleAmount, "单位预留机动经费"},
	{KeyFiscalAppropriation, RoleAmount, "财政拨款收入"},
	{KeySuperiorSubsidy, RoleAmount, "上级补助收入"},
	{KeySubordinateRemittance, RoleAmount, "附属单位上缴收入"},
	{KeyOperatingIncome, RoleAmount, "经营收入"},
	{KeyBusinessIncome, RoleAmount, "事业收入"},
	{KeyRemittanceToSuperior, RoleAmount, "上缴上级支出"},
	{KeyOperatingExpenditure, RoleAmount, "经营支出"},
	{KeySubsidyToSubordinate, RoleAmount, "对附属单位补助支出"},
	{KeyOpeningBalance, RoleAmount, "年初结转和结余"},
	{KeyClosingBalance, RoleAmount, "年末结转和结余"},
	{KeyCurrentIncome, RoleAmount, "本年收入"},
	{KeyInitialBudget, RoleAmount, "年初预算数"},
	{KeyAdjustedBudget, RoleAmount, "调整预算数"},
	{KeyOfWhich, RoleAmount, "其中：… (a part of the column before, naming no amount of its own)"},

	{KeyItem, RoleLabel, "项目"},
	{KeySubItem, RoleLabel, "项目 (its second column)"},
	{KeySubjectCode, RoleLabel, "科目编码"},
	{KeySubjectName, RoleLabel, "科目名称"},
	{KeyUnitName, RoleLabel, "单位名称"},
	{KeyUnitCode, RoleLabel, "单位编码"},
	{KeyDeptSubject, RoleLabel, "部门预算支出经济分类科目"},
	{KeyGovSubject, RoleLabel, "政府预算支出经济分类科目"},
	{KeyGovSubjectCode, RoleLabel, "政府预算支出经济分类科目编码"},
	{KeyName, RoleLabel, "名称"},
	{KeyCategory, RoleLabel, "类"},
	{KeyLevel, RoleLabel, "级次"},

	{KeyProcurementCategory, RoleText, "采购品目"},
	{KeyProcurementItem, RoleText, "采购物品"},
	{KeyProcurementMethod, RoleText, "采购组织形式"},
	{KeyProcurementTime, RoleText, "实施采购时间 (a month, never money)"},
	{KeyProgramName, RoleText, "专项名称"},
	{KeyLineNumber, RoleNumber, "行次, 栏次"},
	{KeySerialNumber, RoleNumber, "序号"},
	{KeyQuantity, RoleNumber, "数量 (政府采购预算表: a count, never money)"},
	{KeyInferred, RoleFlag, "(subject code given by the catalogue)"},
}

// Column wordings: the header words that name each key. This is the table
// to edit for a new column wording (columns_test.go holds a header per
// synonym).

// columnSynonyms maps header words to column keys; the first entry whose
// word the header part contains wins, so specific words come first.
var columnSynonyms = []struct {
	word string
	key  Key
}{
	// 三公 columns and the two that Jiangsu prints beside them.
	{"因公出国", KeyOverseasTravel}, {"公务接待", KeyOfficialReception},
	{"购置经费", KeyVehiclePurchase}, {"运行维护费", KeyVehicleOperation}, {"运行费", KeyVehicleOperation}, {"用车运行维护", KeyVehicleOperation}, {"购置费", KeyVehiclePurchase},
	{"会议费", KeyMeeting}, {"培训费", KeyTraining},
	{"机关运行经费", KeyAgencyOperating},
	{"机动经费", KeyReserveFund},
	// 政府采购预算表.
	{"采购品目", KeyProcurementCategory}, {"采购物品", KeyProcurementItem}, {"采购组织形", KeyProcurementMethod}, {"采购时间", KeyProcurementTime},
	{"专项名称", KeyProgramName},
	// Income sources and expenditure uses of 收入(决算)总表 / 支出(决算)总表.
	{"财政拨款收入", KeyFiscalAppropriation}, {"上级补助收入", KeySuperiorSubsidy},
	{"附属单位上缴", KeySubordinateRemittance}, {"事业单位经营收入", KeyOperatingIncome},
	{"经营收入", KeyOperatingIncome}, {"事业收入", KeyBusinessIncome},
	{"上缴上级", KeyRemittanceToSuperior}, {"经营支出", KeyOperatingExpenditure},
	{"对附属单位补助", KeySubsidyToSubordinate},
	// Final-account balances and budget figures.
	{"年初结转和结余", KeyOpeningBalance}, {"年末结转和结余", KeyClosingBalance},
	{"本年收入合计", KeyTotal}, {"本年支出合计", KeyTotal}, {"本年收入", KeyCurrentIncome},
	{"年初预算数", KeyInitialBudget}, {"调整预算数", KeyAdjustedBudget}, {"全年预算数", KeyAdjustedBudget},
	{"部门预算支出经济科目", KeyDeptSubject},
	{"政府预算支出经济科目", KeyGovSubject},
	{"编码", KeySubjectCode}, {"代码", KeySubjectCode}, {"类款项", KeySubjectCode},
	{"科目名称", KeySubjectName},
	{"单位名称", KeyUnitName}, {"预算单位", KeyUnitName},
	{"项目名称", KeyItem},
	{"上年结转", KeyCarryover}, {"结转", KeyCarryover},
	{"当年预算安排", KeyCurrentYear}, {"当年", KeyCurrentYear}, {"本年预算安排", KeyCurrentYear},
	// Line and column numbers are never amounts.
	{"行次", KeyLineNumber}, {"栏次", KeyLineNumber}, {"序号", KeySerialNumber}, {"数量", KeyQuantity},
	// 人员支出 / 日常公用支出 under 基本支出 (Yantai), 专项业务经费 (Xi'an's 项目支出).
	{"人员支出", KeyPersonnel}, {"公用支出", KeyPublic}, {"专项业务经费", KeyProject},
	// The three name columns of Beijing's 支出总表 and economic table.
	{"部门支出经济分类", KeyDeptSubject}, {"政府支出经济分类", KeyGovSubject},
	{"基本支出", KeyBasic},
	{"项目支出", KeyProject},
	{"人员经费", KeyPersonnel},
	{"公用经费", KeyPublic},
	{"一般公共预算", KeyGeneralPublicBudget}, {"公共预算拨款", KeyGeneralPublicBudget},
	{"政府性基金", KeyGovernmentFund},
	{"国有资本经营", KeyStateCapital},
	{"财政专户", KeyFiscalSpecialAccount},
	{"单位资金", KeyUnitFunds}, {"其他收入", KeyUnitFunds},
	{"合计", KeyTotal}, {"小计", KeyTotal}, {"总计", KeyTotal}, {"金额", KeyTotal}, {"预算数", KeyTotal}, {"决算数", KeyTotal},
	{"项目", KeyItem}, {"科目", KeySubjectName},
}

// lastWords name a column only when they are the whole of its last header
// part: a lone 预算 (Guangzhou 预算 | 收入/预算), where 预算单位 is a unit.
var lastWords = map[string]string{"预算": KeyTotal}

// subtotalParents are the headings whose 小计 / 合计 is the heading's own
// figure (基本支出/小计 is 基本支出, 本年收入/小计 is 本年收入), not the
// table's total (一般公共预算基本支出/合计 is the total of a 基本支出 table).
var subtotalParents = map[string]string{
	"基本支出": KeyBasic, "本年收入": KeyCurrentIncome,
	"上年结转": KeyCarryover, "上年结转结余": KeyCarryover, "上年结转和结余": KeyCarryover,
}

var keyRoles = func() map[Key]KeyRole {
	m := make(map[Key]KeyRole, len(Keys))
	for _, k := range Keys {
		m[k.Key] = k.Role
	}
	return m
}()

// isAmountBase reports whether a bare key (no prefix or suffix) holds money.
func isAmountBase(key Key) bool {
	r, ok := keyRoles[key]
	return ok && r == RoleAmount
}

// isFlagKey reports whether a row key holds a boolean flag
// (subject_code_inferred): written as true/false, its Value holding "true"
// or "false".
func isFlagKey(key Key) bool {
	r, ok := keyRoles[key]
	return ok && r == RoleFlag
}

// IsLabelKey reports whether a bare key names a row (item, subject, unit).
func IsLabelKey(key Key) bool {
	r, ok := keyRoles[key]
	return ok && r == RoleLabel
}

// IsAmountKey reports whether a column key holds money: an amount key with
// or without a side, right_, prior_year_ or change_ prefix, or a _budget / _final
// suffix.
func IsAmountKey(key Key) bool {
	key = strings.TrimPrefix(strings.TrimPrefix(key, SideIncome), SideExpenditure)
	key = strings.TrimPrefix(strings.TrimPrefix(strings.TrimPrefix(key, RightPrefix), PriorYearPrefix), ChangePrefix)
	if isAmountBase(key) {
		return true
	}
	base, ok := strings.CutSuffix(key, SuffixBudget)
	if !ok {
		base, ok = strings.CutSuffix(key, SuffixFinal)
	}
	return ok && isAmountBase(base)
}
