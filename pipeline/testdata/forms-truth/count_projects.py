#!/usr/bin/env python3
"""Independent count of the performance-target projects each PDF prints.

Shares no code with budgetpdf: it reads `pdftotext -layout` output only and
counts by the page's own printed text. Run from the repository root:

    python3 pipeline/testdata/forms-truth/count_projects.py \
        ../shared/corpus/national > pipeline/testdata/forms-truth/projects.tsv

Columns: file (city folder/file), projects (forms printed), families
(family:count, comma-separated), dept
(department-level target tables), note (how it was counted, and the
count's own cross-check). TestNationalForms reads the committed TSV; it
never runs this script.

Families and how each is counted:
  long_table   one row per indicator, project code in a merged cell
               (预算表12 项目支出绩效目标表): project codes printed (8 digits, a
               letter, digits; a code wrapped onto the next line is joined, also
               when a page break cuts it: its first line at the foot of one page,
               printed again under the next page's column header, the rest
               below that; a code repeated right after itself is the
               page-break repeat), from
               the table's title to the next table title; and tables headed
               序号 | 项目名称 | … | 指标名称: their distinct 序号 numbers. A row
               printed with its funds but no code and no name is a project too.
  packed       项目名称|总计|…|绩效目标|绩效指标 with each project's indicators
               packed in one cell (…实施周期指标值…): rows that print an amount
               in a block that holds indicator text; cross-checked by the
               project amounts adding up to the 合计 row.
  header_form  one form per project with a 项目名称 label row followed by a
               主管部门/项目资金/资金 block and an indicator header
               (一级指标 or 指标名称) before the next label row.
  self_evaluation  the same, under a title ending in 绩效自评表.
  goal_only    a table headed …项目名称 | 预算数 | 绩效目标 with no indicator
               column (深圳 重点项目绩效目标): lines that print a decimal amount
               where the header prints 预算数, from the header to the next
               部分 heading or table title, with the unit and project names
               left of it (a figure of the goal text wrapped to the start of a
               line is no row); a project's wrapped lines print no amount.
"""
import os
import re
import subprocess
import sys

AMOUNT = re.compile(r'(?<![\d.])-?\d{1,3}(?:,\d{3})*\.\d{2}(?![\d])|(?<![\d.,])-?\d+\.\d{2}(?![\d])')
CODE = re.compile(r'^\s*(\d{8}[A-Z]\d{4,})')
SQ = re.compile(r'\s+')


def text(path):
    return subprocess.run(['pdftotext', '-layout', path, '-'], capture_output=True,
                          check=True).stdout.decode('utf-8', 'replace').split('\n')


def sq(s):
    return SQ.sub('', s)


def target_section(lines):
    """(index, line) of each line inside the 项目支出绩效目标表 sections: from the
    title to the next table's title (预算N表) or a 部门整体支出绩效目标表."""
    inside = False
    for i, ln in enumerate(lines):
        s = sq(ln)
        if '项目支出绩效目标表' in s:
            inside = True
            continue
        if inside and ('部门整体支出绩效目标表' in s or re.search(r'预算\d+表', s) and '项目支出绩效目标表' not in s):
            inside = False
        if inside:
            yield i, ln


def long_table(lines):
    """Project rows of 项目支出绩效目标表 sections headed 项目名称…一级指标:
    each printed project code, except a code printed again right after the
    same code (the merged cell repeated at the top of the next page). A code
    may recur later for another unit (a 教育委员会 prints 北京学者项目 for
    each university): that is another row, another form."""
    codes = []
    for i, ln in target_section(lines):
        m = CODE.match(ln)
        if not m:
            continue
        code = m.group(1)
        if not re.match(r'\s*' + code + r'\s*-', ln):  # wrapped: the rest starts a following line
            for nxt in lines[i + 1:i + 30]:
                if CODE.match(nxt) and CODE.match(nxt).group(1) == code:
                    continue  # the code's first line printed again under the next page's header
                mm = re.match(r'^\s{0,3}(\d+)-', nxt)
                if mm:
                    code += mm.group(1)
                    break
                if re.search(r'项目名称|项目总额|其中：|财政资金', nxt):
                    continue  # the column header repeated on the next page
                if CODE.match(nxt) or re.match(r'^\s{0,3}[^\s\d]', nxt):  # other text in the project column
                    break
        if not codes or codes[-1] != code:
            codes.append(code)
    return len(codes)


def serial_tables(lines):
    """Projects of tables headed 序号 | 项目名称 | … | 绩效目标 | 指标名称: the
    distinct serial numbers printed at the left of their rows."""
    n, inside, seen = 0, False, set()
    for ln in lines:
        s = sq(ln)
        if s.startswith('序号') and '项目名称' in s and '指标名称' in s:
            inside, seen = True, seen if inside else set()
            continue
        if inside and ('绩效目标表' in s or s.startswith('表')) and not re.match(r'^\s{0,3}\d+\s', ln):
            inside = False
            n += len(seen)
            seen = set()
            continue
        m = re.match(r'^\s{0,3}(\d{1,3})\s+\S', ln)
        if inside and m:
            seen.add(int(m.group(1)))
    return n + len(seen)


def uncoded_rows(lines):
    """Project rows printed with funds but without a code or a name (退役军人事务局
    prints two): a line of the same sections whose 项目总额 and 财政资金 stand
    side by side with nothing left of them, and no code or code-name line
    (digits-name) within five lines either way, and not the figures of the
    funds line before (a merged cell printed again past a page break, its
    code left on the page before)."""
    n, last = 0, None
    for i, ln in target_section(lines):
        m = TWO_AMOUNTS.search(ln)
        if not m:
            continue
        key, repeat = (m.group(1), m.group(2)), (m.group(1), m.group(2)) == last
        last = key
        if repeat or ln[:m.start()].strip():
            continue
        near = lines[max(0, i - 5):i + 6]
        if any(CODE.match(x) or re.match(r'^\s{0,3}\d+-', x) for x in near):
            continue
        n += 1
    return n


TWO_AMOUNTS = re.compile(r'(?<![\d.])(\d+\.\d+)\s{2,}(\d+\.\d+)(?![\d.%])')


def long_table_rows(lines):
    """Project rows of the same sections counted by their funds: lines that
    print 项目总额 and 财政资金 side by side (two decimals apart, nothing
    between), the same figures printed again just after a repeated page
    header being the page-break repeat. Rows with no code printed count."""
    n, prev, header_between = 0, None, False
    for _, ln in target_section(lines):
        s = sq(ln)
        if '项目名称' in s and '项目总额' in s:
            header_between = True
            continue
        m = TWO_AMOUNTS.search(ln)
        if not m:
            continue
        key = (m.group(1), m.group(2))
        if key == prev and header_between:
            header_between = False
            continue
        prev, header_between = key, False
        n += 1
    return n


def is_long_table(lines):
    for ln in lines:
        s = sq(ln)
        if s.startswith('项目名称') and '一级指标' in s and '绩效目标' in s:
            return True
    return False


def is_packed(lines):
    # the header may wrap: 项目名称 and 绩效目标/绩效指标 within three lines
    head = any(sq(ln).startswith('项目名称') and '绩效指标' in ''.join(sq(x) for x in lines[i:i + 3])
               and '绩效目标' in ''.join(sq(x) for x in lines[i:i + 3]) for i, ln in enumerate(lines))
    return head and any('实施周期指标值' in ln for ln in lines)


def packed(lines):
    """Project rows of a packed table: amount lines inside blocks with indicator text."""
    # indicator column: where 绩效指标 starts in the header line
    blocks, cur = [], []
    for ln in lines + ['']:
        s = sq(ln)
        if not s or '绩效目标表' in s or s.startswith('部门名称') or s.startswith('项目名称') or re.fullmatch(r'—?\d+—?', s):
            if cur:
                blocks.append(cur)
            cur = []
            continue
        cur.append(ln)
    n, total, printed = 0, 0, None
    for b in blocks:
        joined = ''.join(sq(x) for x in b)
        amount_lines = []
        for ln in b:
            head = ln[:len(ln) // 2 + 20]
            m = AMOUNT.search(ln)
            if m and m.start() < 60 and re.search(r'[\u4e00-\u9fff]', ln[:m.start()] + '一') :
                amount_lines.append(ln)
        if not amount_lines:
            continue
        if joined.startswith('合计'):
            printed = amount_of(amount_lines[0])
            continue
        if '指标值' in joined or '指标' in joined and '；' in joined:
            for al in amount_lines:
                n += 1
                total += amount_of(al)
    return n, total, printed


def amount_of(ln):
    m = AMOUNT.search(ln)
    return round(float(m.group(0).replace(',', '')) * 100) if m else 0


FORM_START = re.compile(r'^\s*项\s*目\s*名\s*称(?:（[^）]*）)?\s*(\S.*)?$')


def header_forms(lines):
    """Forms with a 项目名称 label row; returns (projects, self_evaluations)."""
    starts = []
    for i, ln in enumerate(lines):
        m = FORM_START.match(ln)
        if not m:
            continue
        rest = sq(m.group(1) or '')
        if re.search(r'合计|类别|金额|总额|总计|项目类型|预算数|科目', rest):
            continue  # a table's column header, not a form's label
        starts.append(i)
    forms, grids, selfev = 0, 0, 0
    for k, i in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else min(len(lines), i + 400)
        body = [sq(x) for x in lines[i:end]]
        block = ''.join(body[:25])
        if not re.search(r'主管部门|项目资金|资金金额|当年预算|资金情况|年度资金', block):
            continue
        if not any(('一级指标' in x) or x.startswith('指标名称') or ('三级指标' in x) or ('指标名称' in x and '指标值' in x) for x in body):
            continue
        title = ''.join(sq(x) for x in lines[max(0, i - 4):i])
        if '自评' in title:
            selfev += 1
        elif any(x.startswith('指标名称') or ('指标名称' in x and '指标性质' in x) for x in body[:60]) and not any('一级指标' in x for x in body[:60]):
            grids += 1
        else:
            forms += 1
    return forms, grids, selfev


GOAL_HEAD = re.compile(r'项目名称.*预算数.*绩效目标')
SECTION_END = re.compile(r'^第[一二三四五六七八九十]+部分|绩效目标表$|^附件|^表\d')


def goal_only(lines):
    """Project rows of goal-only tables: amounts printed under 预算数."""
    n, col = 0, None
    for ln in lines:
        s = sq(ln)
        if GOAL_HEAD.search(s) and not re.search(r'指标', s):
            col = ln.index('预算数')
            continue
        if col is None:
            continue
        if SECTION_END.search(s):
            col = None
            continue
        # pdftotext pads with spaces by display width; CJK before the
        # column make the character index drift, so a loose window
        for m in AMOUNT.finditer(ln):
            if col - 14 <= m.start() <= col + 14 and re.search(r'[\u4e00-\u9fff]', ln[:m.start()]):
                n += 1
                break
    return n


def dept_tables(lines):
    return sum(1 for ln in lines if re.search(r'部门整体(支出)?(预算)?绩效目标(申报)?表', sq(ln)) and len(sq(ln)) < 60)


def main(root):
    print('file\tprojects\tfamilies\tdept\tnote')
    for city in sorted(os.listdir(root)):
        d = os.path.join(root, city)
        if not os.path.isdir(d):
            continue
        for name in sorted(os.listdir(d)):
            if not name.lower().endswith('.pdf'):
                continue
            lines = text(os.path.join(d, name))
            dept = dept_tables(lines)
            fams = {}
            if is_long_table(lines):
                codes, rows, uncoded = long_table(lines), long_table_rows(lines), uncoded_rows(lines)
                fams['long_table'] = codes + uncoded
                note = 'project codes printed %d and rows with funds but no code %d (counted); funds rows %d (cross-check: misses or doubles some page-break repeats)' % (codes, uncoded, rows)
            elif is_packed(lines):
                n, total, printed = packed(lines)
                fams['packed'] = n
                note = 'amount rows; sum %.2f vs 合计 %s' % (total / 100, '%.2f' % (printed / 100) if printed is not None else '-')
            else:
                f, g, s = header_forms(lines)
                fams = {'header_form': f, 'flat_grid': g, 'self_evaluation': s, 'long_table': serial_tables(lines),
                        'goal_only': goal_only(lines)}
                note = '项目名称 label rows with a funds block and an indicator header; 序号 rows of 序号|项目名称|…|指标名称 tables'
            fams = {k: v for k, v in fams.items() if v}
            if 'goal_only' in fams:
                note += '; goal_only: rows printing an amount under 预算数'
            n = sum(fams.values())
            if n == 0 and dept == 0:
                continue
            fam = ','.join('%s:%d' % kv for kv in sorted(fams.items())) or '-'
            print('%s/%s\t%d\t%s\t%d\t%s' % (city, name, n, fam, dept, note))


if __name__ == '__main__':
    main(sys.argv[1] if len(sys.argv) > 1 else '../shared/corpus/national')
