package batch

// SpreadsheetText is the text of a CSV or xlsx cell: a text that starts
// with =, +, -, @, a tab or a carriage return is a formula to Excel and WPS
// (CSV injection: "=HYPERLINK(...)", "+cmd|..."), so it gets a leading ' and
// is shown as the text it is. A plain decimal number ("-12.50", "+3",
// "1,234.00") is left alone: a spreadsheet reads it as that number and
// runs nothing. JSON and SQLite keep the exact text; only the spreadsheet
// formats go through this.
func SpreadsheetText(s string) string {
	if s == "" {
		return s
	}
	if s == "=" {
		// An indicator's op: a lone = is no formula (there is nothing to
		// evaluate), and analysts filter on it.
		return s
	}
	switch s[0] {
	case '=', '@', '\t', '\r':
		return "'" + s
	case '+', '-':
		if !plainNumber(s[1:]) {
			return "'" + s
		}
	}
	return s
}

// plainNumber reports whether s is digits with optional thousands commas
// and one decimal point, starting with a digit: a number, never a formula.
func plainNumber(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	point := false
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
		case c == ',' && !point:
		case c == '.' && !point && i+1 < len(s):
			point = true
		default:
			return false
		}
	}
	return true
}
