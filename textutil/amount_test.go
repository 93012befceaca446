package textutil

import (
	"regexp"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestAmount(t *testing.T) {
	tests := []struct {
		in   string
		want string // "null" for blank, "!" for not an amount
	}{
		{"1,738.50", "1738.50"},
		{"1738.50", "1738.50"},
		{"0.00", "0.00"},
		{"24,000", "24000"},
		{"24169.74", "24169.74"},
		{"3990.4", "3990.4"},
		{"80", "80"},
		{" 1,346.54 ", "1346.54"},
		{"(12.50)", "-12.50"},
		{"-910.41", "-910.41"},
		{"（1,000.00）", "-1000.00"},
		{"１，２３４.５０", "1234.50"},
		{"", "null"},
		{"-", "null"},
		{"—", "null"},
		{"合计", "!"},
		{"1,73.50", "!"},
		{"12.", "!"},
		{"2013101", "2013101"},
		{"≥95%", "!"},
	}
	for _, tt := range tests {
		v, ok := Amount(tt.in)
		got := "!"
		if ok {
			got = "null"
			if v != nil {
				got = *v
			}
		}
		if got != tt.want {
			t.Errorf("Amount(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestIsAmountShape(t *testing.T) {
	for s, want := range map[string]bool{
		"1,738.50": true, "1738.50": true, "-12": true, "−3.5": true, "95%": true, "80": true,
		"": false, "1,73.50": false, "(12.50)": false, "１２": false, "合计": false, "12.": false, "1 738": false,
	} {
		if got := IsAmountShape(s); got != want {
			t.Errorf("IsAmountShape(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestIsAmountShapeExhaustive holds the scanner to the regular expression
// it replaces on every string of up to 6 characters over digits, the
// separators, signs and a letter (299,593 strings).
func TestIsAmountShapeExhaustive(t *testing.T) {
	re := regexp.MustCompile(`^[-−]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?$`)
	alphabet := []string{"0", "1", ",", ".", "%", "-", "−", "a"}
	n, bad := 0, 0
	var walk func(s string, depth int)
	walk = func(s string, depth int) {
		n++
		if got, want := IsAmountShape(s), re.MatchString(s); got != want && bad < 10 {
			bad++
			t.Errorf("IsAmountShape(%q) = %v, the expression says %v", s, got, want)
		}
		if depth == 6 {
			return
		}
		for _, c := range alphabet {
			walk(s+c, depth+1)
		}
	}
	walk("", 0)
	for _, s := range []string{"1,234,567.89%", "12,345,678", "1234,567", "1,234,5678", "−1,000.5", "--1", "1.2.3", "123,45"} {
		if got, want := IsAmountShape(s), re.MatchString(s); got != want {
			t.Errorf("IsAmountShape(%q) = %v, the expression says %v", s, got, want)
		}
	}
	if n != 299593 {
		t.Errorf("walked %d strings", n)
	}
}

// TestAmountValue: checks read the contract's cells with the parser that
// wrote them.
func TestAmountValue(t *testing.T) {
	str := func(s string) *string { return &s }
	tests := []struct {
		in   *string
		want string
		ok   bool
	}{
		{nil, "0", true},
		{str(""), "0", true},
		{str("—"), "0", true},
		{str("/"), "0", true},
		{str("1738.50"), "1738.5", true},
		{str("1,738.50"), "1738.5", true},
		{str("(12.50)"), "-12.5", true},
		{str("１，２３４.５０"), "1234.5", true},
		{str("合计"), "0", false},
		{str("1e5"), "0", false},
		{str("102,500.00 1,354,489.00"), "0", false},
	}
	for _, tt := range tests {
		got, ok := AmountValue(tt.in)
		if ok != tt.ok || !got.Equal(decimal.RequireFromString(tt.want)) {
			t.Errorf("AmountValue(%v) = %s, %v; want %s, %v", tt.in, got, ok, tt.want, tt.ok)
		}
		if valid := AmountValid(tt.in); valid != tt.ok {
			t.Errorf("AmountValid(%v) = %v, want %v", tt.in, valid, tt.ok)
		}
		// The decimal is the one of Amount's string, scale included.
		if tt.in != nil && ok {
			if v, _ := Amount(*tt.in); v != nil && got.String() != decimal.RequireFromString(*v).String() {
				t.Errorf("AmountValue(%q) = %s, Amount gives %s", *tt.in, got, *v)
			}
		}
	}
}

func TestNFKC(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"", ""}, {"1738.50", "1738.50"}, {"２４", "24"}, {"（一）", "(一)"}, {"ﬁ", "fi"}, {"预算", "预算"},
	} {
		if got := NFKC(tt.in); got != tt.want {
			t.Errorf("NFKC(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// refAmount and refAmountValue are Amount and AmountValue as they were
// written first, through decimal.NewFromString every time: the truth the
// fast paths are held to.
func refAmount(s string) (*string, bool) {
	t, neg, blank, ok := amountText(s)
	if !ok || blank {
		return nil, ok
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return nil, false
	}
	if neg {
		d = d.Neg()
	}
	scale := int32(0)
	if i := strings.IndexByte(t, '.'); i >= 0 {
		scale = int32(len(t) - i - 1)
	}
	out := d.StringFixed(scale)
	if neg && d.IsZero() {
		out = "-" + out
	}
	return &out, true
}

func refAmountValue(s string) (decimal.Decimal, bool) {
	t, neg, blank, ok := amountText(s)
	if !ok {
		return decimal.Zero, false
	}
	if blank {
		return decimal.Zero, true
	}
	d, err := decimal.NewFromString(t)
	if err != nil {
		return decimal.Zero, false
	}
	if neg {
		d = d.Neg()
	}
	return d, true
}

// TestAmountFastPaths: Amount and AmountValue give what the reference gives
// on every string of up to 6 characters over 0 1 9 . , - ( ) and on long
// digit runs past an int64; the decimal's coefficient and exponent are the
// same, not only its value.
func TestAmountFastPaths(t *testing.T) {
	alphabet := []string{"0", "1", "9", ".", ",", "-", "(", ")"}
	inputs := []string{"1,738.50", "(12.00)", "-0.00", "−3", "007.10", ".5", "0", "00", "２４"}
	var gen func(prefix string, n int)
	gen = func(prefix string, n int) {
		inputs = append(inputs, prefix)
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(prefix+c, n-1)
		}
	}
	gen("", 6)
	for _, n := range []int{17, 18, 19, 25} {
		digits := strings.Repeat("9", n)
		inputs = append(inputs, digits, digits[:n-2]+"."+digits[n-2:], "-"+digits, "0."+digits)
	}
	for _, in := range inputs {
		got, gok := Amount(in)
		want, wok := refAmount(in)
		if gok != wok || (got == nil) != (want == nil) || (got != nil && *got != *want) {
			t.Fatalf("Amount(%q) = %v %v, want %v %v", in, deref(got), gok, deref(want), wok)
		}
		gv, gok := AmountValue(&in)
		wv, wok := refAmountValue(in)
		if gok != wok || gv.Exponent() != wv.Exponent() || gv.Coefficient().Cmp(wv.Coefficient()) != 0 || gv.String() != wv.String() {
			t.Fatalf("AmountValue(%q) = %v (%v e%d) %v, want %v (%v e%d) %v", in, gv, gv.Coefficient(), gv.Exponent(), gok, wv, wv.Coefficient(), wv.Exponent(), wok)
		}
	}
	if len(inputs) < 299_593 {
		t.Fatalf("only %d inputs", len(inputs))
	}
}

func deref(s *string) string {
	if s == nil {
		return "<nil>"
	}
	return *s
}

// refValidAmount is validAmount as first written, with strings.Split.
func refValidAmount(s string) bool {
	intPart, frac, hasDot := strings.Cut(s, ".")
	if hasDot && (frac == "" || strings.Trim(frac, "0123456789") != "") {
		return false
	}
	if intPart == "" {
		return hasDot
	}
	if !strings.Contains(intPart, ",") {
		return strings.Trim(intPart, "0123456789") == ""
	}
	groups := strings.Split(intPart, ",")
	for i, g := range groups {
		if strings.Trim(g, "0123456789") != "" || g == "" || len(g) > 3 || (i > 0 && len(g) != 3) {
			return false
		}
	}
	return true
}

// TestValidAmountScan holds the hand scan of thousands groups to the
// reference on every string of up to 8 characters over 0 1 , . x.
func TestValidAmountScan(t *testing.T) {
	n := 0
	var gen func(s string, left int)
	gen = func(s string, left int) {
		n++
		if got, want := validAmount(s), refValidAmount(s); got != want {
			t.Fatalf("validAmount(%q) = %v, want %v", s, got, want)
		}
		if left == 0 {
			return
		}
		for _, c := range []string{"0", "1", ",", ".", "x"} {
			gen(s+c, left-1)
		}
	}
	gen("", 8)
	if n != 488281 {
		t.Fatalf("%d strings", n)
	}
}
