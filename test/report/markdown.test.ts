// Issue 9 §7: summary.md renders payloads with backticks and `|` as they are. Checked by reading the Markdown
// back the way GitHub-flavoured Markdown does: a table row splits on unescaped `|` (then `\|` is a `|`), and a
// code span runs from a backtick string to the next backtick string of the same length, one space stripped
// each side when both are there.
import { describe, expect, it } from 'vitest';
import { code, renderMarkdown } from '../../src/report/markdown.ts';
import { shortPayload } from '../../src/report/render.ts';
import { discrepancy, reportOf, wrongCode } from './reports.ts';

function cells(row: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < row.length; i++) {
    if (row[i] === '\\' && row[i + 1] === '|') { cur += '|'; i++; continue; }
    if (row[i] === '|') { out.push(cur); cur = ''; continue; }
    cur += row[i];
  }
  out.push(cur);
  return out.slice(1, -1).map((c) => c.trim()); // leading and trailing pipes
}

/** The contents of every code span in `text`, in order. */
function codeSpans(text: string): string[] {
  const spans: string[] = [];
  let i = 0;
  while (i < text.length) {
    if (text[i] !== '`') { i++; continue; }
    let n = 0;
    while (text[i + n] === '`') n++;
    const fence = '`'.repeat(n);
    let j = i + n;
    let end = -1;
    while (j < text.length) {
      const k = text.indexOf(fence, j);
      if (k < 0) break;
      if (text[k + n] !== '`' && text[k - 1] !== '`') { end = k; break; }
      j = k + 1;
      while (text[j] === '`') j++;
    }
    if (end < 0) { i += n; continue; } // an unmatched backtick string is literal text
    let body = text.slice(i + n, end);
    if (body.length > 1 && body.startsWith(' ') && body.endsWith(' ') && body.trim() !== '') body = body.slice(1, -1);
    spans.push(body);
    i = end + n;
  }
  return spans;
}

const NASTY = { InstanceId: 'a`b``c|d', Attributes: { '`': '|', 'x|y': '``' }, ServiceId: '`edge`' };

describe('summary.md', () => {
  it('code spans carry any text: backtick runs, leading and trailing backticks, pipes (escaped only in tables)', () => {
    for (const text of ['plain', 'a`b', '``', '`x`', ' lead', 'a|b', '{"k":"`|`"}']) {
      expect(codeSpans(code(text))).toEqual([text]);
      expect(codeSpans(cells(`| ${code(text, true)} |`)[0]!)).toEqual([text]);
    }
  });

  it('payloads with backticks and | come back as they were, and every table row keeps its columns', () => {
    const r = reportOf([
      discrepancy({ request: NASTY, constraint: 'Attributes{key}#pattern' }),
      wrongCode('InstanceId#pattern', undefined, { request: { InstanceId: '|`|' } }),
      wrongCode('ServiceId#length', undefined, { expected: { outcome: 'error', codes: ['SerializationException'], statuses: [400], source: 'model' } }),
    ]);
    const md = renderMarkdown(r);
    // The root cause's payload list: one line per root cause, its payload in a code span.
    for (const c of r.findings) {
      const line = md.split('\n').find((l) => l.startsWith(`- \`${c.id}\``))!;
      expect(line, md).toBeDefined();
      const spans = codeSpans(line);
      expect(spans[1]).toBe(c.signature);
      expect(spans[2]).toBe(shortPayload(c.example.rawBody ?? c.example.request));
    }
    // Outside tables a backslash before | would show: list lines never escape pipes.
    for (const line of md.split('\n').filter((l) => /^\s*- /.test(l))) expect(line).not.toContain('\\|');
    // Tables: as many cells as the header says, in every row; signatures with " | " stay in their cell.
    const tables = md.split('\n\n').filter((block) => block.startsWith('|'));
    expect(tables.length).toBe(2);
    for (const table of tables) {
      const rows = table.split('\n');
      const width = cells(rows[0]!).length;
      for (const row of rows) expect(cells(row).length, row).toBe(width);
    }
    const noCode = r.findings.find((c) => c.signature.includes('no error code'))!;
    expect(noCode.signature).toContain(' | ');
    const row = tables[0]!.split('\n').find((l) => l.includes(noCode.id))!;
    expect(codeSpans(cells(row)[4]!)[0]).toBe(noCode.signature);
  });

  it('leads with root causes and shows both axes; per-constraint discrepancies follow, each naming its finding', () => {
    const r = reportOf([wrongCode('InstanceId#pattern', 'ValidationException'), wrongCode('InstanceId#length', 'ValidationException')]);
    const md = renderMarkdown(r);
    expect(md).toMatch(/^# contract-fuzz: ❌ 1 gating finding\(s\)/);
    expect(md.indexOf('## Findings')).toBeLessThan(md.indexOf('discrepancies, per constraint'));
    expect(md).toMatch(/\| ❌ \| error \| documented \| error-code \| `InvalidInput → ValidationException`/);
    expect(md.match(new RegExp(`\`${r.findings[0]!.id}\``, 'g'))!.length).toBeGreaterThanOrEqual(3);
  });

  it('says what --include/--exclude left out', () => {
    const r = reportOf([]);
    expect(renderMarkdown(r)).not.toContain('Filtered out');
    r.run.filters = { include: [], exclude: ['rule:*'], excluded: { RegisterInstance: { count: 12, ids: ['rule:a'] }, CreateServiceInstance: { count: 3, ids: ['rule:b'] } } };
    expect(renderMarkdown(r)).toContain('Filtered out by `--exclude rule:*` (not generated, not checked alone): RegisterInstance 12 id(s), CreateServiceInstance 3 id(s).');
  });
});
