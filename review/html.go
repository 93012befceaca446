package review

import (
	"bytes"
	"fmt"
	stdhtml "html"
)

// html accumulates a page.
type html struct{ b bytes.Buffer }

func (w *html) s(s string)                { w.b.WriteString(s) }
func (w *html) f(format string, a ...any) { fmt.Fprintf(&w.b, format, a...) }

func esc(s string) string { return stdhtml.EscapeString(s) }

func (w *html) head(title string) {
	w.f("<!DOCTYPE html>\n<html lang=\"zh\"><head><meta charset=\"utf-8\"><title>%s</title><style>%s</style></head><body>\n", esc(title), css)
}

func (w *html) foot() { w.s("\n</body></html>\n") }

// css styles every page of the report. Role colours are shared by the
// drawing and the key.
const css = `
body{font:14px/1.4 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;margin:12px;color:#222}
h1{font-size:20px;margin:4px 0}h2{font-size:17px;margin:18px 0 6px}h3{font-size:15px;margin:10px 0 4px}
.meta{color:#555;margin:2px 0}
a{color:#0550ae}
table{border-collapse:collapse;font-size:12px}
td,th{border:1px solid #ccc;padding:1px 4px;vertical-align:top}
th{background:#f4f1e4;text-align:left}
th small{font-weight:normal;color:#555}
td.num,td.amount{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#c0231f;font-weight:bold}
tr.doc.error td{background:#fde8e8}
.index td,.index th{padding:3px 6px;font-size:13px}
.summary{display:flex;gap:24px;flex-wrap:wrap;align-items:flex-start}
.counts span{display:inline-block;margin-right:12px}
.counts .bad{background:#fde8e8;padding:0 4px;border-radius:3px}
.keyrole span{display:inline-block;padding:0 6px;margin-right:4px;border:1px solid #888;font-size:12px}
.r-header{background:rgba(246,195,67,.45)}.r-code{background:rgba(156,106,222,.35)}.r-name{background:rgba(63,185,80,.3)}
.r-amount{background:rgba(47,129,247,.25)}.r-blank{background:rgba(150,150,150,.12)}.r-fail{background:rgba(229,50,45,.35)}
details{margin:6px 0}details ol,details ul{max-height:16em;overflow:auto;margin:4px 0}summary{cursor:pointer;font-weight:bold}
li.check.fail,li.warning{margin:2px 0}
.badge{display:inline-block;min-width:1.6em;text-align:center;background:#e5322d;color:#fff;border-radius:8px;font-size:11px;font-weight:bold;margin-right:4px}
li.warning .badge,.badge.warn,.badge.pwarn{background:#e67700}
.page{display:flex;gap:12px;align-items:flex-start;border-top:2px solid #888;padding-top:6px;margin-top:14px}
.page figure{margin:0;flex:0 0 58%;max-width:58%;position:sticky;top:0}
.page figure svg{width:100%;height:auto;border:1px solid #999;background:#fff}
.page aside{flex:1;min-width:0;overflow-x:auto}
.page.faulty{border-top-color:#e5322d}
section.table,section.form{margin:6px 0 14px}
section.table.unknown h3,.kind.unknown{color:#c0231f}
.kind{font-family:monospace;background:#eee;padding:0 4px}
.kind.unknown{background:#fde8e8;font-weight:bold}
th.unkeyed{background:#fde8e8;color:#c0231f}
td.fail{outline:2px solid #e5322d;background:rgba(229,50,45,.18)}td.warn{outline:2px solid #e67700;background:rgba(230,119,0,.15)}
dl.record{display:grid;grid-template-columns:max-content 1fr;gap:1px 8px;font-size:12px;margin:4px 0}
dl.record dt{font-family:monospace;color:#555}dl.record dd{margin:0}
.cont{background:#eef4ff;padding:2px 6px}
svg .frame{fill:none;stroke:#e76f00;stroke-width:1.2}
svg .grid.unknown .frame{stroke:#e5322d;stroke-width:3;stroke-dasharray:6 3}
svg .grid.unknown .veil{fill:rgba(229,50,45,.14)}
svg .grid.form .frame{stroke:#0a7f55}
svg .cell{stroke:#1f6feb;stroke-width:.4}
svg .header{fill:rgba(246,195,67,.45)}svg .code{fill:rgba(156,106,222,.35)}svg .name{fill:rgba(63,185,80,.3)}
svg .amount{fill:rgba(47,129,247,.25)}svg .blank{fill:rgba(150,150,150,.12)}svg .dropped{fill:rgba(0,0,0,.05);stroke-dasharray:2 2}
svg .formcell{fill:rgba(10,127,85,.08)}svg .cell.unkeyed{stroke:#e5322d;stroke-width:1.2;stroke-dasharray:3 2}
svg .key{fill:#0b3d91;font-family:monospace}svg .key.unkeyed{fill:#c0231f;font-weight:bold}
svg .keybg{fill:rgba(255,255,255,.8)}
svg .tlabel{fill:#e76f00;font-weight:bold}
svg .tlabelbg{fill:rgba(255,255,255,.85)}svg .grid.unknown .tlabelbg{fill:#e5322d}svg .grid.unknown text.tlabel{fill:#fff}
svg .mark.fail rect.m{fill:rgba(229,50,45,.30);stroke:#e5322d;stroke-width:2}
svg .mark.warn rect.m{fill:rgba(230,119,0,.25);stroke:#e67700;stroke-width:2}
svg .mark circle{fill:#e5322d}svg .mark.warn circle{fill:#e67700}
svg .mark text{fill:#fff;font-weight:bold;text-anchor:middle}
svg .banner rect{fill:rgba(229,50,45,.9)}svg .banner.warn rect{fill:rgba(230,119,0,.9)}svg .banner text{fill:#fff}
svg .contlink{fill:#0550ae;font-weight:bold}
`
