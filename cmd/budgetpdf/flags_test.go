package main

import (
	"errors"
	"fmt"
	"reflect"
	"testing"

	"github.com/budgetpdf/budgetpdf/pipeline"
)

func TestFlagSet(t *testing.T) {
	type got struct {
		Out, Format string
		Jobs        int
		Force       bool
		Pos         []string
	}
	tests := []struct {
		args []string
		want got
		err  string // the usage error's text, "" for none
	}{
		{[]string{"a.pdf", "-o", "x.json"}, got{Out: "x.json", Pos: []string{"a.pdf"}}, ""},
		{[]string{"--out", "x", "a", "b"}, got{Out: "x", Pos: []string{"a", "b"}}, ""},
		{[]string{"-out=x", "--format=yaml", "a"}, got{Out: "x", Format: "yaml", Pos: []string{"a"}}, ""},
		{[]string{"-f", "yaml", "-j", "3", "--force", "a"}, got{Format: "yaml", Jobs: 3, Force: true, Pos: []string{"a"}}, ""},
		{[]string{"-", "--", "-o", "--force"}, got{Pos: []string{"-", "-o", "--force"}}, ""},
		{[]string{"a", "--bogus"}, got{}, "usage: t: unknown flag --bogus"},
		{[]string{"a", "-o"}, got{}, "usage: t: -o needs a value"},
		{[]string{"--force=yes"}, got{}, "usage: t: --force takes no value"},
		{[]string{"-j", "0"}, got{}, `usage: t: --j wants a positive number, not "0"`},
		{[]string{"--jobs", "x"}, got{}, `usage: t: --j wants a positive number, not "x"`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprint(tt.args), func(t *testing.T) {
			var g got
			fl := newFlags("t")
			fl.str(&g.Out, "o", "out")
			fl.str(&g.Format, "format", "f")
			fl.positive(&g.Jobs, "j", "jobs")
			fl.boolean(&g.Force, "force")
			pos, err := fl.parse(tt.args)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err || !errors.Is(err, pipeline.ErrUsage) {
					t.Errorf("error %v, want %q", err, tt.err)
				}
				return
			}
			g.Pos = pos
			if err != nil || !reflect.DeepEqual(g, tt.want) {
				t.Errorf("%+v, %v; want %+v", g, err, tt.want)
			}
		})
	}
}
