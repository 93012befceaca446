package main

import (
	"strconv"
	"strings"

	"github.com/budgetpdf/budgetpdf/extract"
)

// flagSet reads one command's arguments: a flag by any of its names with
// one or two dashes (-o, --out, --out=x; a value may also be the next
// argument), everything else positional; "-" is positional and "--" ends
// the flags. -h and --help never get here: run prints the command's usage.
type flagSet struct {
	cmd   string // named in the errors
	flags []flagDef
}

type flagDef struct {
	names []string
	value bool // takes a value
	set   func(string) error
}

func newFlags(cmd string) *flagSet { return &flagSet{cmd: cmd} }

// value declares a flag with a value, read by set.
func (f *flagSet) value(set func(string) error, names ...string) {
	f.flags = append(f.flags, flagDef{names: names, value: true, set: set})
}

// str declares a flag whose value is stored in p.
func (f *flagSet) str(p *string, names ...string) {
	f.value(func(v string) error { *p = v; return nil }, names...)
}

// positive declares a flag whose value is a positive number.
func (f *flagSet) positive(p *int, names ...string) {
	f.value(func(v string) error {
		n, err := strconv.Atoi(v)
		if err != nil || n <= 0 {
			return usageErrorf("%s: --%s wants a positive number, not %q", f.cmd, names[0], v)
		}
		*p = n
		return nil
	}, names...)
}

// pages declares --pages LIST (extract.ParsePageSet), stored in p.
func (f *flagSet) pages(p *extract.PageSet) {
	f.value(func(v string) error {
		ps, err := extract.ParsePageSet(v)
		if err != nil {
			return usageErrorf("%s: --pages: %v", f.cmd, err)
		}
		*p = ps
		return nil
	}, "pages", "p")
}

// boolean declares a flag without a value that sets p.
func (f *flagSet) boolean(p *bool, names ...string) {
	f.flags = append(f.flags, flagDef{names: names, set: func(string) error { *p = true; return nil }})
}

func (f *flagSet) lookup(name string) (flagDef, bool) {
	for _, d := range f.flags {
		for _, n := range d.names {
			if n == name {
				return d, true
			}
		}
	}
	return flagDef{}, false
}

// parse sets the flags in args and returns the positional arguments.
func (f *flagSet) parse(args []string) ([]string, error) {
	var pos []string
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			return append(pos, args[i+1:]...), nil
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			pos = append(pos, a)
			continue
		}
		name, val, hasVal := strings.Cut(strings.TrimPrefix(strings.TrimPrefix(a, "-"), "-"), "=")
		d, ok := f.lookup(name)
		if !ok {
			return nil, usageErrorf("%s: unknown flag %s", f.cmd, a)
		}
		switch {
		case !d.value && hasVal:
			return nil, usageErrorf("%s: --%s takes no value", f.cmd, name)
		case d.value && !hasVal:
			if i+1 >= len(args) {
				return nil, usageErrorf("%s: %s needs a value", f.cmd, a)
			}
			i++
			val = args[i]
		}
		if err := d.set(val); err != nil {
			return nil, err
		}
	}
	return pos, nil
}
