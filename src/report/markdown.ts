// summary.md: for a CI job summary ($GITHUB_STEP_SUMMARY and the like).
import { join } from 'node:path';
import { writeFileAtomic } from '../files.ts';
import { shortPayload } from './render.ts';
import type { Report, ReportSink } from './types.ts';

const cell = (s: string): string => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(r: Report): string {
  const s = r.summary;
  // A stopped run checked only part of the contract: never green, whatever it found so far.
  const verdict = r.run.interrupted
    ? `⏹️ INTERRUPTED: partial report, ${s.gating} gating finding(s) in what ran`
    : s.gating === 0 ? '✅ no gating discrepancies' : `❌ ${s.gating} gating finding(s)`;
  const lines = [
    `# contract-fuzz: ${verdict}`,
    '',
    `Target \`${r.run.target}\`${r.run.diff ? ` vs \`${r.run.diff}\`` : ''} · seed ${r.run.seed} · ${s.cases} cases · ${s.requests} requests · ${(r.run.durationMs / 1000).toFixed(1)} s${r.run.interrupted ? ' · **interrupted**' : ''}`,
    '',
  ];
  if (r.discrepancies.length > 0) {
    lines.push('| | operation | kind | constraint | expected | observed | count | reproduce |', '|---|---|---|---|---|---|---|---|');
    for (const f of r.discrepancies) {
      const mark = f.gating ? '❌' : f.baselined ? '☑️ baselined' : 'ℹ️';
      const expected = f.expected.outcome === 'success' ? 'success' : f.expected.codes.join(' / ');
      lines.push(`| ${mark} | ${f.operation} | ${f.kind} | \`${cell(f.constraint)}\` | ${cell(expected)} | ${cell(`${f.actual.code ?? '-'} (${f.actual.status})`)} | ${f.count} | \`${cell(f.reproduce)}\` |`);
    }
    lines.push('', '<details><summary>Minimal payloads</summary>', '');
    for (const f of r.discrepancies) lines.push(`- \`${f.id}\` ${f.kind} \`${cell(f.constraint)}\`: \`${cell(shortPayload(f.rawBody ?? f.request))}\``);
    lines.push('', '</details>');
  }
  if (r.fixed.length > 0) lines.push('', `Fixed since the baseline: ${r.fixed.map((id) => `\`${id}\``).join(', ')}`);
  if (r.notExercised?.length) lines.push('', `Not exercised by this run (neither fixed nor found): ${r.notExercised.map((id) => `\`${id}\``).join(', ')}`);
  return lines.join('\n') + '\n';
}

export const markdownSink = (dir: string): ReportSink => ({
  onRunEnd: (report) => writeFileAtomic(join(dir, 'summary.md'), renderMarkdown(report)),
});
