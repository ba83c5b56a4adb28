// Wall time of the default job (`npm start`: both operations against the builtin emulator), as a user
// sees it: a fresh process, start-up included.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export function benchDefaultRun(): { wallSeconds: number; cases: number; requests: number; casesPerSecond: number; findings: number; exitCode: number | null } {
  const dir = mkdtempSync(join(tmpdir(), 'cf-bench-'));
  try {
    const bin = fileURLToPath(new URL('../bin/contract-fuzz.js', import.meta.url));
    const t0 = performance.now();
    const r = spawnSync(process.execPath, [bin, 'run', '--seed', '1', '--report-dir', join(dir, 'reports'), '--fixtures-dir', join(dir, 'fixtures')], {
      encoding: 'utf8', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    });
    const wallSeconds = (performance.now() - t0) / 1000;
    const report = JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')) as { summary: { cases: number; requests: number; discrepancies: number }; run: { casesPerSecond: number } };
    return { wallSeconds, cases: report.summary.cases, requests: report.summary.requests, casesPerSecond: report.run.casesPerSecond, findings: report.summary.discrepancies, exitCode: r.status };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchDefaultRun();
  console.log(`default run: ${r.wallSeconds.toFixed(1)} s wall, ${r.cases} cases, ${r.requests} requests, ${r.casesPerSecond} cases/s, ${r.findings} findings, exit ${r.exitCode}`);
}
