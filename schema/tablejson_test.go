package schema

import (
	"bytes"
	"encoding/json"
	"testing"
)

// TestAppendTableJSON: appendTableJSON writes what json.Encoder (indent
// "  ", HTML unescaped) writes of a table, byte for byte: nil and set
// pointers, nil, empty and long lists, empty rows, flag columns, blank
// cells, and texts with quotes, control bytes, HTML characters (escaped in
// rows, as Row.MarshalJSON always has, not in the table's own fields), line
// separators and invalid UTF-8.
func TestAppendTableJSON(t *testing.T) {
	var flag string
	for k, r := range keyRoles {
		if r == RoleFlag && (flag == "" || k < flag) {
			flag = k
		}
	}
	n := 7
	odd := "<a&b> \"q\" \\ \t\n\x01\u2028\xff 合计"
	tables := []Table{
		{},
		{Kind: TableUnknown, Pages: []int{}, Columns: []Column{}, Rows: []Row{}},
		{Kind: "budget_summary", Title: odd, Number: &n, Department: Str(odd), Unit: Str("万元"),
			Pages: []int{3, 4, 12}, Empty: true,
			Columns: []Column{{Key: "subject_code", Label: "科目编码"}, {Key: "name", Label: odd}},
			Rows: []Row{
				{{"subject_code", Str("2050803")}, {"name", Str(odd)}, {"total", nil}},
				{},
				nil,
				{{flag, Str("true")}, {flag, Str("false")}, {flag, nil}, {odd, Str("")}},
			}},
	}
	for _, prefix := range []string{"", "    "} {
		for i := range tables {
			var want bytes.Buffer
			enc := json.NewEncoder(&want)
			enc.SetIndent(prefix, "  ")
			enc.SetEscapeHTML(false)
			if err := enc.Encode(&tables[i]); err != nil {
				t.Fatal(err)
			}
			got := appendTableJSON([]byte("x"), &tables[i], prefix)
			if w := "x" + string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))); string(got) != w {
				t.Errorf("table %d, prefix %q:\n%s\nwant\n%s", i, prefix, got, w)
			}
		}
	}
}

// FuzzAppendTableJSON holds appendTableJSON to json.Encoder on tables of
// any texts.
func FuzzAppendTableJSON(f *testing.F) {
	f.Add("budget_summary", "表一", "万元", "subject_code", "合计", "<&>", 3)
	f.Add("", "\u2028\xff", "", "", "\x00", "\"", -1)
	f.Fuzz(func(t *testing.T, kind, title, unit, key, label, value string, n int) {
		tb := Table{Kind: kind, Title: title, Number: &n, Unit: &unit, Pages: []int{n, 1},
			Columns: []Column{{Key: key, Label: label}},
			Rows:    []Row{{{key, &value}, {label, nil}}, {}}}
		var want bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("    ", "  ")
		enc.SetEscapeHTML(false)
		if err := enc.Encode(&tb); err != nil {
			t.Fatal(err)
		}
		if got := appendTableJSON(nil, &tb, "    "); string(got) != string(bytes.TrimSuffix(want.Bytes(), []byte("\n"))) {
			t.Errorf("%+v:\n%s\nwant\n%s", tb, got, want.Bytes())
		}
	})
}
