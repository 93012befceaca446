// Package schema holds the output contract (../shared/spec/output.md) as Go
// types, the recognizers that map layout tables onto it, and its JSON and YAML
// encodings. Field order in the structs is the contract's order, so encoding
// is stable.
package schema

// SchemaVersion is the contract version written into every document.
const SchemaVersion = "1"

// Document is one converted disclosure.
type Document struct {
	SchemaVersion    string            `json:"schema_version" yaml:"schema_version"`
	Source           Source            `json:"source" yaml:"source"`
	Document         DocumentInfo      `json:"document" yaml:"document"`
	Tables           []Table           `json:"tables" yaml:"tables"`
	EconomicRows     []EconomicRow     `json:"economic_rows" yaml:"economic_rows"`
	Projects         []Project         `json:"projects" yaml:"projects"`
	PerformanceForms []PerformanceForm `json:"performance_forms" yaml:"performance_forms"`
	// DepartmentTargets are the department-level targets (部门整体支出绩效目标表);
	// absent when the document prints none.
	DepartmentTargets []DepartmentTarget `json:"department_targets,omitempty" yaml:"department_targets,omitempty"`
	Checks            []Check            `json:"checks" yaml:"checks"`
	Warnings          []Warning          `json:"warnings" yaml:"warnings"`
}

// Source describes the input file.
type Source struct {
	File      string `json:"file" yaml:"file"`
	SHA256    string `json:"sha256" yaml:"sha256"`
	Pages     int    `json:"pages" yaml:"pages"`
	Producer  string `json:"producer" yaml:"producer"`
	Creator   string `json:"creator" yaml:"creator"`
	Encrypted bool   `json:"encrypted" yaml:"encrypted"`
	// PagesRead lists the pages read when not every page was (extract
	// --pages): ascending, as ranges ("1,3-5,10-31"); absent when all were.
	PagesRead string `json:"pages_read,omitempty" yaml:"pages_read,omitempty"`
	// Parts lists the input files of a document published as several PDFs
	// (a narrative and its tables), in order; absent for one file.
	Parts []Part `json:"parts,omitempty" yaml:"parts,omitempty"`
}

// Part is one input file of a merged document.
type Part struct {
	File     string `json:"file" yaml:"file"`
	SHA256   string `json:"sha256" yaml:"sha256"`
	Pages    int    `json:"pages" yaml:"pages"`
	Producer string `json:"producer" yaml:"producer"`
	Creator  string `json:"creator" yaml:"creator"`
}

// Document kinds.
const (
	KindBudget       = "budget"
	KindFinalAccount = "final_account"
)

// DocumentInfo is what the disclosure says about itself.
type DocumentInfo struct {
	Title      string `json:"title" yaml:"title"`
	Department string `json:"department" yaml:"department"`
	Year       int    `json:"year" yaml:"year"`
	Kind       string `json:"kind" yaml:"kind"` // budget | final_account
}

// Table kinds: see registry.go.

// Table is one table found in the document, recognized or not.
type Table struct {
	Kind       string   `json:"kind" yaml:"kind"`
	Title      string   `json:"title" yaml:"title"`
	Number     *int     `json:"number" yaml:"number"`
	Department *string  `json:"department" yaml:"department"`
	Unit       *string  `json:"unit" yaml:"unit"`
	Pages      []int    `json:"pages" yaml:"pages,flow"`
	Empty      bool     `json:"empty" yaml:"empty"`
	Columns    []Column `json:"columns" yaml:"columns"`
	Rows       []Row    `json:"rows" yaml:"rows"`
}

// Column is one column of a table: its key and its header label, the header
// rows joined with "/".
type Column struct {
	Key   string `json:"key" yaml:"key"`
	Label string `json:"label" yaml:"label"`
}

// Level values of economic rows.
const (
	LevelTotal    = "total"
	LevelCategory = "category"
	LevelItem     = "item"
)

// EconomicRow is one row of the basic-expenditure-by-economic-classification table.
type EconomicRow struct {
	Level       string  `json:"level" yaml:"level"`
	Category    *string `json:"category" yaml:"category"`
	DeptSubject string  `json:"dept_subject" yaml:"dept_subject"`
	GovSubject  *string `json:"gov_subject" yaml:"gov_subject"`
	Total       *string `json:"total" yaml:"total"`
	Personnel   *string `json:"personnel" yaml:"personnel"`
	Public      *string `json:"public" yaml:"public"`
}

// Project is one row of a project expenditure table.
type Project struct {
	Name                 string  `json:"name" yaml:"name"`
	Carryover            bool    `json:"carryover" yaml:"carryover"`
	Total                *string `json:"total" yaml:"total"`
	GeneralPublicBudget  *string `json:"general_public_budget" yaml:"general_public_budget"`
	GovernmentFund       *string `json:"government_fund" yaml:"government_fund"`
	StateCapital         *string `json:"state_capital" yaml:"state_capital"`
	FiscalSpecialAccount *string `json:"fiscal_special_account" yaml:"fiscal_special_account"`
	UnitFunds            *string `json:"unit_funds" yaml:"unit_funds"`
	Unit                 *string `json:"unit" yaml:"unit"`
}

// PerformanceForm is one 项目支出绩效目标申报表.
type PerformanceForm struct {
	Project string `json:"project" yaml:"project"`
	// Family names the printed layout the form was read from (FormFamily*).
	Family string `json:"family,omitempty" yaml:"family,omitempty"`
	// ProjectCode is the project's code where the form prints one apart from
	// or before its name (11000024T000002830551-统计监测… gives the part before "-").
	ProjectCode      *string     `json:"project_code,omitempty" yaml:"project_code,omitempty"`
	DepartmentCode   *string     `json:"department_code" yaml:"department_code"`
	Department       *string     `json:"department" yaml:"department"`
	ImplementingUnit *string     `json:"implementing_unit" yaml:"implementing_unit"`
	Attribute        *string     `json:"attribute" yaml:"attribute"`
	Period           *string     `json:"period" yaml:"period"`
	Funds            Funds       `json:"funds" yaml:"funds"`
	Overview         *string     `json:"overview" yaml:"overview"`
	Basis            *string     `json:"basis" yaml:"basis"`
	Necessity        *string     `json:"necessity" yaml:"necessity"`
	Measures         *string     `json:"measures" yaml:"measures"`
	Plan             *string     `json:"plan" yaml:"plan"`
	Goals            Goals       `json:"goals" yaml:"goals"`
	Indicators       []Indicator `json:"indicators" yaml:"indicators"`
	Contact          Contact     `json:"contact" yaml:"contact"`
	Pages            []int       `json:"pages" yaml:"pages,flow"`
}

// DepartmentTarget is one 部门整体（支出）绩效目标表: the department's
// goals and indicators for the year, with its total funds where printed.
type DepartmentTarget struct {
	Title      string      `json:"title" yaml:"title"`
	Department *string     `json:"department" yaml:"department"`
	Unit       *string     `json:"unit" yaml:"unit"`
	Total      *string     `json:"total" yaml:"total"`
	Goals      *string     `json:"goals" yaml:"goals"`
	Indicators []Indicator `json:"indicators" yaml:"indicators"`
	Pages      []int       `json:"pages" yaml:"pages,flow"`
}

// Funds are a form's 项目资金 block.
type Funds struct {
	Unit   *string     `json:"unit" yaml:"unit"`
	Period FundFigures `json:"period" yaml:"period"`
	Annual FundFigures `json:"annual" yaml:"annual"`
}

// FundFigures is one column of the 项目资金 block (实施期 or 年度).
type FundFigures struct {
	Total      *string `json:"total" yaml:"total"`
	Central    *string `json:"central" yaml:"central"`
	Provincial *string `json:"provincial" yaml:"provincial"`
	Local      *string `json:"local" yaml:"local"`
	SelfRaised *string `json:"self_raised" yaml:"self_raised"`
	Other      *string `json:"other" yaml:"other"`
	// Fiscal is 财政拨款/财政资金 where the block prints it as one line
	// instead of by level of government.
	Fiscal *string `json:"fiscal,omitempty" yaml:"fiscal,omitempty"`
	// CarriedOver is 上年结转 (self-evaluations and some budgets).
	CarriedOver *string `json:"carried_over,omitempty" yaml:"carried_over,omitempty"`
	// Executed is 全年执行数 of a self-evaluation; Total is then 全年预算数.
	Executed *string `json:"executed,omitempty" yaml:"executed,omitempty"`
}

// Goals is the 总体目标 row: 实施期目标 and 年度目标.
type Goals struct {
	Period *string `json:"period" yaml:"period"`
	Annual *string `json:"annual" yaml:"annual"`
}

// Indicator scopes.
const (
	ScopePeriod = "period"
	ScopeAnnual = "annual"
)

// Indicator is one indicator triple (level3, value) under level1/level2, for one scope.
type Indicator struct {
	Scope      string  `json:"scope" yaml:"scope"`
	Level1     string  `json:"level1" yaml:"level1"`
	Level2     string  `json:"level2" yaml:"level2"`
	Level3     string  `json:"level3" yaml:"level3"`
	Level3Full string  `json:"level3_full,omitempty" yaml:"level3_full,omitempty"`
	Value      *string `json:"value" yaml:"value"`
	Op         *string `json:"op" yaml:"op"`
	Number     *string `json:"number" yaml:"number"`
	Unit       *string `json:"unit" yaml:"unit"`
	// NumberMax is the upper end of a range (op "between": 90%-95% gives
	// number 90, number_max 95).
	NumberMax *string `json:"number_max,omitempty" yaml:"number_max,omitempty"`
	// Weight is 指标权重 (or 分值 of a self-evaluation) as printed.
	Weight *string `json:"weight,omitempty" yaml:"weight,omitempty"`
	// Direction is 正向 or 反向 where the form prints it.
	Direction *string `json:"direction,omitempty" yaml:"direction,omitempty"`
	// Core is 是否核心: true for 是, false for 否, absent when not printed.
	Core *bool `json:"core,omitempty" yaml:"core,omitempty"`
	// Planned, Actual and Score are a self-evaluation's 年度指标值,
	// 实际完成值 and 得分 (Value is the planned value too).
	Planned *string `json:"planned,omitempty" yaml:"planned,omitempty"`
	Actual  *string `json:"actual,omitempty" yaml:"actual,omitempty"`
	Score   *string `json:"score,omitempty" yaml:"score,omitempty"`
}

// Contact is the form's bottom line.
type Contact struct {
	Responsible *string `json:"responsible" yaml:"responsible"`
	Handler     *string `json:"handler" yaml:"handler"`
	Phone       *string `json:"phone" yaml:"phone"`
	FilledAt    *string `json:"filled_at" yaml:"filled_at"`
}

// Check statuses.
const (
	StatusPass    = "pass"
	StatusFail    = "fail"
	StatusSkipped = "skipped"
	// StatusWarn is a difference no larger than the rounding of the addends
	// (0.01 per addend in the table's unit): reported with the difference,
	// not a failure.
	StatusWarn = "warn"
)

// Check is one reconciliation result.
type Check struct {
	Rule    string `json:"rule" yaml:"rule"`
	Table   string `json:"table,omitempty" yaml:"table,omitempty"`
	Status  string `json:"status" yaml:"status"`
	Message string `json:"message" yaml:"message"`
	Pages   []int  `json:"pages,omitempty" yaml:"pages,omitempty,flow"`
}

// Warning is something that could not be read cleanly; it always names a page
// (0 only for a document-wide problem).
type Warning struct {
	Page    int    `json:"page" yaml:"page"`
	Code    string `json:"code" yaml:"code"`
	Message string `json:"message" yaml:"message"`
}

// Str returns a pointer to s: a helper for the many nullable fields.
func Str(s string) *string { return &s }
