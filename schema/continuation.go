package schema

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
