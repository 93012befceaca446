package schema

import "strings"

// columnNumberMarks are what a column-number row prints where a number
// would not fit: the label columns' ** or 栏次 / 行次.
var columnNumberMarks = map[string]bool{"*": true, "**": true, "***": true, "栏次": true, "行次": true, "项目": true}

// columnNumberRow reports whether a body row is the printed column numbers
// (** | ** | 1 | 2 | 3 …, 栏次 | 1 | 2 …): besides blanks and marks, its
// cells are the integers 1, 2, 3, … in order, at least three of them.
func columnNumberRow(texts []string) bool {
	n, marks := 0, 0
	for _, t := range texts {
		t = strings.ReplaceAll(strings.TrimSpace(t), " ", "")
		switch {
		case t == "":
		case columnNumberMarks[t]:
			marks++
		default:
			v := 0
			for _, r := range t {
				if r < '0' || r > '9' || v > 100 {
					return false
				}
				v = v*10 + int(r-'0')
			}
			if n == 0 && v != 1 || n > 0 && v != n+1 {
				return false
			}
			n++
		}
	}
	return n >= 3
}

// continues reports whether t, untitled, is the rest of prev that the
// layout left as a table of its own: it starts on prev's last page or the
// page after, prints no title or number of its own, and repeats prev's
// header exactly (the same columns, labelled the same).
func continues(prev, t *Table) bool {
	if t.Title != "" || t.Number != nil || len(t.Pages) == 0 || len(prev.Pages) == 0 || prev.Empty || t.Empty {
		return false
	}
	if last := prev.Pages[len(prev.Pages)-1]; t.Pages[0] != last && t.Pages[0] != last+1 {
		return false
	}
	if len(t.Columns) != len(prev.Columns) || len(t.Columns) < 2 {
		return false
	}
	named := 0
	for i, c := range t.Columns {
		if c.Label != prev.Columns[i].Label || c.Key != prev.Columns[i].Key {
			return false
		}
		if c.Label != "" {
			named++
		}
	}
	return named >= 2
}

// join appends t's rows and pages to prev.
func join(prev, t *Table) {
	prev.Rows = append(prev.Rows, t.Rows...)
	for _, p := range t.Pages {
		if prev.Pages[len(prev.Pages)-1] != p {
			prev.Pages = append(prev.Pages, p)
		}
	}
}
