// Child process of the soak (bench/soak.ts): one `contract-fuzz run` in-process, so its peak RSS is the
// run's own. Prints one JSON line: cases, requests, findings, wall time, peak RSS.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../src/run/options.ts';
import { executeRun } from '../src/run/run.ts';

const [target = 'builtin', runs = '25000', concurrency = '16'] = process.argv.slice(2);
const dir = mkdtempSync(join(tmpdir(), 'cf-soak-'));
try {
  const o = parseRunOptions(['--target', target, '--runs', runs, '--concurrency', concurrency, '--seed', '7', '--no-fixtures', '--report-dir', dir]);
  const t0 = performance.now();
  const { report, exitCode } = await executeRun(o, new AbortController().signal, { write: () => undefined, writeErr: (t) => process.stderr.write(t), isTTY: false });
  const wallSeconds = (performance.now() - t0) / 1000;
  const findings = report.discrepancies.map((f) => `${f.operation} ${f.kind} ${f.constraint} ${f.actual.code ?? '-'} ×${f.count}`);
  process.stdout.write(`${JSON.stringify({
    cases: report.summary.cases, requests: report.summary.requests, findings: findings.length, detail: findings, exitCode,
    wallSeconds, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
