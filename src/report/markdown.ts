// summary.md: for a CI job summary ($GITHUB_STEP_SUMMARY and the like). Root causes lead; the per-constraint
// discrepancies follow, folded.
import { join } from 'node:path';
import { writeFileAtomic } from '../files.ts';
import { shortPayload } from './render.ts';
import { runNotesSuffix } from './runNotes.ts';
import type { Report, ReportSink } from './types.ts';

/**
 * Inline code that survives any content (GitHub-flavoured Markdown): a fence one backtick longer than the
 * longest backtick run inside, padded with a space when the content starts or ends with a backtick or a space
 * (the renderer strips one space each side); line breaks become spaces. In a table cell every `|` is escaped:
 * GFM splits cells before it parses code spans, and drops the backslash of `\|` inside them.
 */
export function code(text: string, inTable = false): string {
  const flat = text.replace(/\r\n|[\r\n]/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = /^[` ]|[` ]$/.test(flat) ? ' ' : '';
  const body = inTable ? flat.replace(/\|/g, '\\|') : flat;
  return `${fence}${pad}${body}${pad}${fence}`;
}

/** Plain text in a table cell: pipes escaped, one line. */
const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\r\n|[\r\n]/g, ' ');

export function renderMarkdown(r: Report): string {
  const s = r.summary;
  // A stopped run checked only part of the contract: never green, whatever it found so far.
  const verdict = r.run.interrupted
    ? `⏹️ INTERRUPTED: partial report, ${s.gatingFindings} gating finding(s) in what ran`
    : s.gatingFindings > 0 ? `❌ ${s.gatingFindings} gating finding(s)` : r.run.stoppedEarly ? '⏹️ STOPPED EARLY' : '✅ no gating discrepancies';
  const lines = [
    `# contract-fuzz: ${verdict}`,
    '',
    `Target ${code(r.run.target)}${r.run.diff ? ` vs ${code(r.run.diff)}` : ''} · seed ${r.run.seed} · ${s.cases} cases · ${s.requests} requests · ${(r.run.durationMs / 1000).toFixed(1)} s${r.run.interrupted ? ' · **interrupted**' : ''}${runNotesSuffix(r.run)}`,
    '',
    `Gate: severity ${r.run.failOn === 'warning' ? 'error or warning' : 'error'} (\`--fail-on\`), confidence ${r.run.strictness === 'inferred' ? 'documented or inferred' : 'documented'} (\`--strictness\`). ${s.findings} finding(s) (root causes) over ${s.discrepancies} discrepancies.`,
    '',
  ];
  if (r.findings.length > 0) {
    lines.push('## Findings', '', '| | severity | confidence | kind | finding | seen on | cases | reproduce |', '|---|---|---|---|---|---|---|---|');
    for (const c of r.findings) {
      const mark = c.gating ? '❌' : c.baselined ? '☑️ baselined' : 'ℹ️';
      const seen = c.seenOn.length === 1 ? code(`${c.seenOn[0]!.operation} ${c.seenOn[0]!.constraint}`, true) : `${c.seenOn.length} constraints`;
      const consequences = c.consequences.length ? ` (+${c.consequences.length} scenario consequence(s))` : '';
      lines.push(`| ${mark} | ${c.severity} | ${c.confidence} | ${c.kind} | ${code(c.signature, true)} \`${c.id}\` | ${seen}${consequences} | ${c.count} | ${code(c.reproduce, true)} |`);
    }
    lines.push('', '<details><summary>Minimal payloads and where each finding was seen</summary>', '');
    for (const c of r.findings) {
      lines.push(`- \`${c.id}\` ${code(c.signature)}: ${code(shortPayload(c.example.rawBody ?? c.example.request))}`);
      for (const o of c.seenOn) lines.push(`  - ${code(`${o.operation} ${o.constraint}`)} ×${o.count}${o.baselined ? ' (baselined)' : ''}`);
      for (const q of c.consequences) lines.push(`  - consequence: ${code(`${q.operation} ${q.kind} ${q.constraint}`)}`);
    }
    lines.push('', '</details>');
  }
  if (r.discrepancies.length > 0) {
    lines.push('', `<details><summary>${r.discrepancies.length} discrepancies, per constraint</summary>`, '');
    lines.push('| | operation | kind | constraint | expected | observed | count | finding |', '|---|---|---|---|---|---|---|---|');
    for (const f of r.discrepancies) {
      const mark = f.gating ? '❌' : f.baselined ? '☑️ baselined' : 'ℹ️';
      const expected = f.expected.outcome === 'success' ? 'success' : f.expected.codes.join(' / ');
      lines.push(`| ${mark} | ${f.operation} | ${f.kind} | ${code(f.constraint, true)} | ${cell(expected)} | ${cell(`${f.actual.code ?? '-'} (${f.actual.status})`)} | ${f.count} | \`${f.finding ?? '-'}\`${f.consequence ? ' (consequence)' : ''} |`);
    }
    lines.push('', '</details>');
  }
  if (r.fixed.length > 0) lines.push('', `Fixed since the baseline: ${r.fixed.map((id) => `\`${id}\``).join(', ')}`);
  if (r.notExercised?.length) lines.push('', `Not exercised by this run (neither fixed nor found): ${r.notExercised.map((id) => `\`${id}\``).join(', ')}`);
  return lines.join('\n') + '\n';
}

export const markdownSink = (dir: string): ReportSink => ({
  onRunEnd: (report) => writeFileAtomic(join(dir, 'summary.md'), renderMarkdown(report)),
});
