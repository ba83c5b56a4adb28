// The soak (issue 7 §2): long runs against a correct target must find nothing. 200,000 cases against
// `contract-fuzz serve` in a separate process at concurrency 64, and 50,000 cases against the in-process
// builtin emulator. Each run is its own process (bench/soakRun.ts) so its peak RSS is its own; the server's
// peak RSS is read from /proc before it is stopped. Sizes: SOAK_SERVE_CASES / SOAK_BUILTIN_CASES.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface SoakResult { label: string; cases: number; requests: number; findings: number; detail: string[]; wallSeconds: number; peakRssMb: number; serverPeakRssMb?: number }

const BIN = fileURLToPath(new URL('../bin/contract-fuzz.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./soakRun.ts', import.meta.url));
const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export const freePort = () => new Promise<number>((resolve, reject) => {
  const s = createServer().once('error', reject).listen(0, '127.0.0.1', () => {
    const a = s.address();
    s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
  });
});
export const accepting = (port: number) => new Promise<boolean>((resolve) => {
  const c = connect(port, '127.0.0.1').once('connect', () => { c.destroy(); resolve(true); }).once('error', () => resolve(false));
});
export const peakRssMb = (pid: number): number | undefined => {
  try {
    const kb = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? undefined : Math.round(Number(kb) / 1024);
  } catch {
    return undefined;
  }
};

/** Cases ≈ 2 × runs (two operations) plus the coverage pass: runs = cases / 2. */
function soakRun(label: string, target: string, cases: number, concurrency: number): SoakResult {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CHILD, target, String(Math.ceil(cases / 2)), String(concurrency)], { encoding: 'utf8', env: ENV, maxBuffer: 64 * 1024 * 1024 });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  if (r.status !== 0 && !line.startsWith('{')) throw new Error(`soak ${label} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  return { label, ...(JSON.parse(line) as Omit<SoakResult, 'label'>) };
}

export async function benchSoak(): Promise<SoakResult[]> {
  const serveCases = Number(process.env.SOAK_SERVE_CASES ?? 200_000);
  const builtinCases = Number(process.env.SOAK_BUILTIN_CASES ?? 50_000);
  const results: SoakResult[] = [];
  const port = await freePort();
  const server = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env: ENV, stdio: 'ignore' });
  try {
    for (let i = 0; !(await accepting(port)); i++) {
      if (i > 200 || server.exitCode !== null) throw new Error('contract-fuzz serve did not start');
      await new Promise((r) => setTimeout(r, 50));
    }
    const r = soakRun(`serve (separate process) @64`, `http://127.0.0.1:${port}`, serveCases, 64);
    const serverPeak = server.pid === undefined ? undefined : peakRssMb(server.pid);
    results.push({ ...r, ...(serverPeak === undefined ? {} : { serverPeakRssMb: serverPeak }) });
  } finally {
    server.kill('SIGTERM');
  }
  results.push(soakRun('builtin (in-process) @16', 'builtin', builtinCases, 16));
  return results;
}

export const soakLine = (r: SoakResult): string =>
  `soak ${r.label}: ${r.cases} cases, ${r.requests} requests, ${r.findings} findings, ${r.wallSeconds.toFixed(1)} s wall, peak RSS ${r.peakRssMb} MB`
  + `${r.serverPeakRssMb === undefined ? '' : ` (server ${r.serverPeakRssMb} MB)`}${r.detail.length ? `\n  ${r.detail.join('\n  ')}` : ''}`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const r of await benchSoak()) console.log(soakLine(r));
}
