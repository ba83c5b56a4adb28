// The console summary: what a person reads after a run. Every finding with its reproduction command.
import { rootCauseLine, seenOnText, shortPayload } from './render.ts';
import type { CoverageTable, Report, ReportSink } from './types.ts';

type Write = (text: string) => void;

export function renderCoverage(coverage: CoverageTable): string {
  const lines: string[] = [];
  for (const [operation, table] of Object.entries(coverage)) {
    const ids = Object.keys(table);
    const width = Math.max(10, ...ids.map((id) => id.length));
    const uncovered = ids.filter((id) => table[id].valid === 0 || table[id].invalid === 0);
    lines.push(`${operation}: ${ids.length} constraints and rules, ${ids.length - uncovered.length} with both a valid and a violating case`);
    lines.push(`  ${'constraint'.padEnd(width)}  valid  invalid`);
    for (const id of ids) lines.push(`  ${id.padEnd(width)}  ${String(table[id].valid).padStart(5)}  ${String(table[id].invalid).padStart(7)}`);
  }
  return lines.join('\n');
}

export function renderConsole(r: Report, reportDir: string): string {
  const s = r.summary;
  const lines = [
    renderCoverage(r.coverage),
    '',
    `contract-fuzz ${r.tool.version} · target ${r.run.target}${r.run.diff ? ` vs ${r.run.diff}` : ''} · seed ${r.run.seed}${r.run.interrupted ? ' · INTERRUPTED (partial report)' : ''}`,
    `${s.cases} cases, ${s.requests} requests in ${(r.run.durationMs / 1000).toFixed(1)} s (${Math.round(r.run.casesPerSecond)} cases/s)`,
  ];
  for (const op of r.run.operations) {
    const table = r.coverage[op] ?? {};
    const ids = Object.keys(table);
    const both = ids.filter((id) => table[id].valid > 0 && table[id].invalid > 0).length;
    const validOnly = ids.filter((id) => table[id].valid > 0 && table[id].invalid === 0);
    const none = ids.filter((id) => table[id].valid === 0 && table[id].invalid === 0);
    const found = r.findings.filter((c) => c.operations.includes(op)).length;
    lines.push(`  ${op}: ${found} finding(s); ${both}/${ids.length} constraints exercised both ways`
      + `${validOnly.length ? `; valid only: ${validOnly.join(', ')}` : ''}${none.length ? `; not exercised: ${none.join(', ')}` : ''}`);
  }
  if (r.discrepancies.length === 0) lines.push('no discrepancies');
  // Root causes lead: one block per bug, the constraints it was seen on inside (report.json has each one).
  for (const c of r.findings) {
    lines.push('', `${c.gating ? '✗' : '·'} ${rootCauseLine(c)}`, `    seen on ${seenOnText(c)}`, `    ${c.detail}`,
      `    source: ${c.source}`, `    payload: ${shortPayload(c.example.rawBody ?? c.example.request)}`, `    reproduce: ${c.reproduce}`);
    for (const q of c.consequences) lines.push(`    consequence: the ${q.operation} ${q.kind} scenario [${q.constraint}] fails with it`);
  }
  if (r.fixed.length > 0) lines.push('', `fixed since the baseline: ${r.fixed.join(', ')}`);
  if (r.notExercised?.length) lines.push(`not exercised by this run (neither fixed nor found): ${r.notExercised.join(', ')}`);
  const verdict = s.gatingFindings > 0 ? 'FAIL' : r.run.interrupted ? 'INTERRUPTED' : 'PASS';
  const spread = s.discrepancies !== s.findings ? ` (${s.discrepancies} discrepancies over constraints and scenarios)` : '';
  lines.push('', `${verdict}: ${s.gatingFindings} gating, ${s.findings - s.gatingFindings} other finding(s)${spread}; reports in ${reportDir}/`);
  return lines.join('\n') + '\n';
}

export const consoleSink = (reportDir: string, write: Write = (t) => process.stdout.write(t)): ReportSink => ({
  onRunEnd: (report) => write(renderConsole(report, reportDir)),
});

/** A progress line for long runs, only on a terminal (CI logs stay clean). */
export function progress(isTTY: boolean, write: Write = (t) => process.stderr.write(t)) {
  let last = 0;
  const started = Date.now();
  return {
    tick(done: number, findings: number): void {
      if (!isTTY) return;
      const now = Date.now();
      if (now - started < 3000 || now - last < 250) return;
      last = now;
      write(`\r${done} cases · ${findings} finding(s) · ${Math.round(done / ((now - started) / 1000))} cases/s   `);
    },
    end(): void { if (isTTY && last > 0) write('\r\x1b[K'); },
  };
}
