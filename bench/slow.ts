// Issue 11 §6: a default run (`contract-fuzz run --target URL`, default runs and concurrency) against a target
// that answers every request in SLOW_DELAY_MS (default 2,000) — a loopback proxy (test/support/slowTarget.ts)
// in front of `contract-fuzz serve`. Prints the wall time, the requests, the most in flight at once, and where
// the time went: the requests' timeline in stretches of one operation kind (the sequential waits show up as
// many short stretches of one request each).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { rounds, startSlowTarget, type SlowRequest } from '../test/support/slowTarget.ts';
import { accepting, freePort } from './soak.ts';

const BIN = fileURLToPath(new URL('../bin/contract-fuzz.js', import.meta.url));
const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export interface SlowResult { delayMs: number; wallSeconds: number; exitCode: number | null; cases: number; requests: number; findings: number; peak: number; rounds: number; timeline: string[]; inFlight: number[] }

/** The most requests in flight in each stretch of one delay since the start: how fast the limit opened up and where it idled. */
function inFlightByDelay(requests: readonly SlowRequest[], t0: number, delayMs: number): number[] {
  const edges = requests.flatMap((r) => [[r.start - t0, 1], [r.end - t0, -1]] as const).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const most: number[] = [];
  let now = 0;
  for (const [t, d] of edges) {
    now += d;
    const k = Math.floor(t / delayMs);
    while (most.length <= k) most.push(most.length > 0 ? now - d : 0);
    most[k] = Math.max(most[k]!, now);
  }
  return most;
}

/** Consecutive requests (by arrival) of the same operation, as "Operation ×n from +s to +s". */
function timeline(requests: readonly SlowRequest[], t0: number): string[] {
  const sorted = [...requests].sort((a, b) => a.start - b.start);
  const out: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    let end = sorted[i].end;
    while (j + 1 < sorted.length && sorted[j + 1].operation === sorted[i].operation) end = Math.max(end, sorted[++j].end);
    out.push(`${((sorted[i].start - t0) / 1000).toFixed(1).padStart(6)} s – ${((end - t0) / 1000).toFixed(1).padStart(6)} s  ${sorted[i].operation} ×${j - i + 1}`);
    i = j + 1;
  }
  return out;
}

export async function benchSlow(delayMs = Number(process.env.SLOW_DELAY_MS ?? 2_000), args: string[] = []): Promise<SlowResult> {
  const port = await freePort();
  const serve: ChildProcess = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env: ENV, stdio: 'ignore' });
  const dir = mkdtempSync(join(tmpdir(), 'cf-slow-'));
  try {
    for (let i = 0; !(await accepting(port)); i++) {
      if (i > 400 || serve.exitCode !== null) throw new Error('contract-fuzz serve did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const slow = await startSlowTarget(`http://127.0.0.1:${port}`, delayMs);
    try {
      const t0 = Date.now();
      const child = spawn(process.execPath, [BIN, 'run', '--target', slow.url, '--seed', '1', '--report-dir', dir, '--no-fixtures', ...args], { env: ENV, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; if (process.env.SLOW_VERBOSE) process.stderr.write(d); });
      const exitCode = await new Promise<number | null>((resolve) => child.once('close', resolve));
      const wallSeconds = (Date.now() - t0) / 1000;
      let report: { summary: { cases: number; requests: number; discrepancies: number } };
      try { report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8')) as typeof report; } catch { throw new Error(`slow run wrote no report (exit ${exitCode}): ${err.slice(-2000)}`); }
      return {
        delayMs, wallSeconds, exitCode, cases: report.summary.cases, requests: report.summary.requests, findings: report.summary.discrepancies,
        peak: slow.peak, rounds: rounds(slow.requests, delayMs), timeline: timeline(slow.requests, t0), inFlight: inFlightByDelay(slow.requests, t0, delayMs),
      };
    } finally {
      await slow.close();
    }
  } finally {
    serve.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}

export const slowLines = (r: SlowResult, verbose = false): string[] => [
  `slow target (every answer ${r.delayMs} ms): default run ${r.wallSeconds.toFixed(1)} s wall (goal well under 60 s at 2 s), ${r.cases} cases, ${r.requests} requests, ${r.findings} findings, exit ${r.exitCode}; most in flight ${r.peak}; requests busy ${r.rounds.toFixed(1)} delays`,
  ...(verbose ? [`  most in flight per ${r.delayMs} ms: ${r.inFlight.join(' ')}`, ...r.timeline.map((l) => `  ${l}`)] : []),
];

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of slowLines(await benchSlow(undefined, process.argv.slice(2)), true)) console.log(l);
}
