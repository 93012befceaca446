package schema

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"

	"gopkg.in/yaml.v3"
)

func TestRowRoundTrip(t *testing.T) {
	r := Row{{"subject_code", nil}, {"subject_name", Str("合计")}, {"total", Str("1738.50")}, {"basic", Str("0.00")}}
	j, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := `{"subject_code":null,"subject_name":"合计","total":"1738.50","basic":"0.00"}`; string(j) != want {
		t.Fatalf("json = %s, want %s", j, want)
	}
	var back Row
	if err := json.Unmarshal(j, &back); err != nil {
		t.Fatal(err)
	}
	y, err := yaml.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if want := "{subject_code: null, subject_name: \"合计\", total: \"1738.50\", basic: \"0.00\"}\n"; string(y) != want {
		t.Fatalf("yaml = %q, want %q", y, want)
	}
	var yback Row
	if err := yaml.Unmarshal(y, &yback); err != nil {
		t.Fatal(err)
	}
	for _, got := range []Row{back, yback} {
		if len(got) != len(r) {
			t.Fatalf("round trip lost cells: %v", got)
		}
		for i := range r {
			if got[i].Key != r[i].Key || (got[i].Value == nil) != (r[i].Value == nil) || (r[i].Value != nil && *got[i].Value != *r[i].Value) {
				t.Fatalf("cell %d: got %v want %v", i, got[i], r[i])
			}
		}
	}
}

// TestAppendJSONString: appendJSONString writes what json.Marshal writes
// of a string: every byte alone, every pair of bytes (control and HTML
// characters, invalid and cut UTF-8), the line and paragraph separators,
// and the texts of a disclosure.
func TestAppendJSONString(t *testing.T) {
	var cases []string
	for a := range 256 {
		cases = append(cases, string([]byte{byte(a)}))
		for b := range 256 {
			cases = append(cases, string([]byte{byte(a), byte(b)}))
		}
	}
	cases = append(cases, "", "\u2028", "\u2029", "a\u2028b\u2029c", "\xe2\x80", "\xed\xa0\x80", "\xf4\x90\x80\x80", "\U0010ffff", "𠮷野家",
		"一、<收入> & \"支出\"\\合计\t\n", "2050803 其他普通教育支出", "（万元）", "\x7f", "\ufeff")
	for _, s := range cases {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := appendJSONString(nil, s); string(got) != string(want) {
			t.Errorf("%q: %s, json.Marshal %s", s, got, want)
		}
	}
}

// FuzzAppendJSONString holds appendJSONString to json.Marshal on any string.
func FuzzAppendJSONString(f *testing.F) {
	for _, s := range []string{"", "合计", "<a&b>", "\x00\x1f\x7f", "\xff\xfe", "\u2028"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, _ := json.Marshal(s)
		if got := appendJSONString([]byte("x"), s); string(got) != "x"+string(want) {
			t.Errorf("%q: %s, json.Marshal %s", s, got[1:], want)
		}
	})
}

// TestRowMarshalJSON: a row is written as an object of its cells in order,
// each key and value as json.Marshal writes it (null for a blank cell),
// a flag column as true or false.
func TestRowMarshalJSON(t *testing.T) {
	ref := func(r Row) string { // what the row wrote when each key and value went through json.Marshal
		var b strings.Builder
		b.WriteString("{")
		for i, c := range r {
			if i > 0 {
				b.WriteString(",")
			}
			k, _ := json.Marshal(c.Key)
			b.Write(k)
			b.WriteString(":")
			if isFlagKey(c.Key) {
				b.WriteString(strconv.FormatBool(c.Value != nil && *c.Value == "true"))
				continue
			}
			v, _ := json.Marshal(c.Value)
			b.Write(v)
		}
		b.WriteString("}")
		return b.String()
	}
	var flag string
	for k, r := range keyRoles {
		if r == RoleFlag && (flag == "" || k < flag) {
			flag = k
		}
	}
	if flag == "" {
		t.Fatal("no flag key in keyRoles")
	}
	rows := []Row{
		{},
		{{"subject_code", Str("2050803")}, {"subject_name", Str("<其他>&\"教育\"")}, {"total", nil}},
		{{"a\u2028", Str("\xff")}, {flag, Str("true")}, {flag, Str("false")}, {flag, nil}},
	}
	for _, r := range rows {
		got, err := r.MarshalJSON()
		if err != nil || string(got) != ref(r) {
			t.Errorf("%v: %s (%v), want %s", r, got, err, ref(r))
		}
		var back any
		if err := json.Unmarshal(got, &back); err != nil {
			t.Errorf("%s is not JSON: %v", got, err)
		}
	}
}
