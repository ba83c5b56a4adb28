// Child process of the memory bench (bench/perf.ts `memory`): ONE `contract-fuzz run --no-scenarios` of the
// biggest size, in-process from the compiled dist/, against a given target; the peak RSS is read as the run's
// progress passes each size (10k, 100k, 1M cases), so the figures are of one long run, not of runs in a row.
// The progress is taken from the run's own plain-lines output at a short interval (no hook in the run for it).
// Prints one JSON line per size as it is passed, and a last one when the run ends.
// MEMORY_HEAP_SNAPSHOTS=DIR writes a heap snapshot at each size (slow: for finding what grows, not for figures).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString, writeHeapSnapshot } from 'node:v8';
import { parseRunOptions } from '../dist/src/run/options.js';
import { executeRun } from '../dist/src/run/run.js';

if (process.env.MEMORY_V8_FLAGS) setFlagsFromString(process.env.MEMORY_V8_FLAGS);
const [target = 'builtin', concurrency = '32', ...sizeArgs] = process.argv.slice(2);
const sizes = sizeArgs.map(Number).sort((a, b) => a - b);
const biggest = sizes[sizes.length - 1] ?? 10_000;
const snapshots = process.env.MEMORY_HEAP_SNAPSHOTS;
const dir = mkdtempSync(join(tmpdir(), 'cf-memory-'));
const t0 = performance.now();
const c0 = process.cpuUsage();
const figures = (cases) => {
  const c = process.cpuUsage(c0);
  const m = process.memoryUsage();
  return {
    cases, cpuSeconds: (c.user + c.system) / 1e6, wallSeconds: (performance.now() - t0) / 1000,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024), rssMb: Math.round(m.rss / 2 ** 20),
    heapUsedMb: Math.round(m.heapUsed / 2 ** 20), heapTotalMb: Math.round(m.heapTotal / 2 ** 20), externalMb: Math.round(m.external / 2 ** 20),
    // With --expose-gc (investigation only): what the heap holds after a full collection.
    ...(globalThis.gc ? { retainedMb: (globalThis.gc(), Math.round(process.memoryUsage().heapUsed / 2 ** 20)) } : {}),
  };
};
let next = 0;
const seen = (done) => {
  while (next < sizes.length && done >= sizes[next]) {
    if (snapshots) writeHeapSnapshot(join(snapshots, `harness-${sizes[next]}.heapsnapshot`));
    process.stdout.write(`${JSON.stringify(figures(sizes[next]))}\n`);
    next++;
  }
};
try {
  // Cases ≈ 2 × runs (two operations) plus the coverage pass.
  const runs = String(Math.ceil(biggest / 2));
  const o = parseRunOptions(['--target', target, '--runs', runs, '--concurrency', concurrency, '--seed', '7', '--no-fixtures', '--no-scenarios', '--report-dir', dir]);
  const stream = { isTTY: false, write: (t) => { const m = / (\d+)\/\d+ cases/.exec(t); if (m) seen(Number(m[1])); } };
  const { report } = await executeRun(o, new AbortController().signal, { write: () => undefined, writeErr: (t) => process.stderr.write(t), isTTY: false, errStream: stream }, {
    progress: { every: (_ms, fn) => { const t = setInterval(fn, 100); t.unref(); return () => clearInterval(t); } },
  });
  seen(report.summary.cases);
  process.stdout.write(`${JSON.stringify({ ...figures(report.summary.cases), end: true, requests: report.summary.requests, findings: report.summary.discrepancies })}\n`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
