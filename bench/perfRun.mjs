// Child process of the per-case and memory benches (bench/perf.ts): `contract-fuzz run --no-scenarios`
// in-process, from the compiled dist/ (as the package runs: no TypeScript loader in the process, whose
// worker thread would count in the RSS), against a given target. process.cpuUsage is taken around
// executeRun, so a small and a big run in the same child give the marginal CPU per case (start-up,
// preparation and cleanup cancel out). Prints one JSON line per size as it finishes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseRunOptions } from '../dist/src/run/options.js';
import { executeRun } from '../dist/src/run/run.js';

const [target = 'builtin', concurrency = '32', ...sizes] = process.argv.slice(2);
for (const cases of sizes) {
  const dir = mkdtempSync(join(tmpdir(), 'cf-perf-'));
  try {
    // Cases ≈ 2 × runs (two operations) plus the coverage pass.
    const runs = String(Math.max(1, Math.ceil(Number(cases) / 2)));
    const o = parseRunOptions(['--target', target, '--runs', runs, '--concurrency', concurrency, '--seed', '7', '--no-fixtures', '--no-scenarios', '--report-dir', dir]);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    const { report } = await executeRun(o, new AbortController().signal, { write: () => undefined, writeErr: (t) => process.stderr.write(t), isTTY: false });
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    process.stdout.write(`${JSON.stringify({
      cases: report.summary.cases, requests: report.summary.requests, findings: report.summary.discrepancies,
      cpuSeconds: (c.user + c.system) / 1e6, wallSeconds: wall, peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
      rssMb: Math.round(process.memoryUsage().rss / 2 ** 20),
    })}\n`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
