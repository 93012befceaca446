package schema

import (
	"encoding/json"
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
