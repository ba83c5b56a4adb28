// Issue 11 §1 and §2, as ratios measured in one run against `contract-fuzz serve` (a separate process):
//   - harness CPU per case, marginal (a small and a big run in one child: start-up, preparation and cleanup
//     cancel out), against the generate+classify CPU per case measured in the same run (goal ≤ 4×);
//   - end-to-end cases/s (marginal wall time) against the send path's req/s to the same server at the same
//     concurrency (goal ≥ 70%);
//   - peak RSS of the harness after 10k, 100k and 1M cases of one run (`memory`: it takes many minutes).
// Sizes: PERF_SMALL (default 2,000), PERF_BIG (default 100,000), PERF_CONCURRENCY (default 32).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { createHttpTarget } from '../src/targets/http.ts';
import { benchGenerate } from './generate.ts';
import { accepting, freePort } from './soak.ts';

const BIN = fileURLToPath(new URL('../bin/contract-fuzz.js', import.meta.url));
const CHILD = fileURLToPath(new URL('./perfRun.mjs', import.meta.url));
const MEMORY_CHILD = fileURLToPath(new URL('./memoryRun.mjs', import.meta.url));
const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

export interface RunFigures { cases: number; requests: number; findings: number; cpuSeconds: number; wallSeconds: number; peakRssMb: number; rssMb: number }

async function startServe(): Promise<{ url: string; proc: ChildProcess }> {
  const port = await freePort();
  const proc = spawn(process.execPath, [BIN, 'serve', '--port', String(port)], { env: ENV, stdio: 'ignore' });
  for (let i = 0; !(await accepting(port)); i++) {
    if (i > 400 || proc.exitCode !== null) throw new Error('contract-fuzz serve did not start');
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `http://127.0.0.1:${port}`, proc };
}

/** One child process, the given sizes run one after another in it; one figure line per size (each handed to
 * `onFigures` as soon as it is known: a long memory run shows its way). */
export async function harnessRuns(url: string, concurrency: number, sizes: number[], onFigures?: (f: RunFigures) => void): Promise<RunFigures[]> {
  const { figures, code, err } = await childFigures<RunFigures>(CHILD, [url, String(concurrency), ...sizes.map(String)], onFigures);
  if (figures.length !== sizes.length) throw new Error(`perf run failed (${code}): ${err.slice(-2000)}`);
  return figures;
}

/** Runs a bench child and reads its figure lines (one JSON object per line), each handed on as it comes. */
async function childFigures<F>(script: string, args: string[], onFigures?: (f: F) => void): Promise<{ figures: F[]; code: number | null; err: string }> {
  const child = spawn(process.execPath, [script, ...args], { env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  const figures: F[] = [];
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    out += d;
    for (let nl = out.indexOf('\n'); nl >= 0; nl = out.indexOf('\n')) {
      const line = out.slice(0, nl);
      out = out.slice(nl + 1);
      if (!line.startsWith('{')) continue;
      const f = JSON.parse(line) as F;
      figures.push(f);
      onFigures?.(f);
    }
  });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err = (err + d).slice(-4000); });
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  return { figures, code, err };
}

// The send path as bench/send.ts measures it (encode, sign, send, decode; a payload the contract rejects).
const input = { ServiceId: 'srv-p5zdwlg5uvvzjita', InstanceId: 'i'.repeat(65), CreatorRequestId: '7a48a98a-72e6-4849-bfa7-1a458e030d7b', Attributes: { AWS_INSTANCE_IPV4: '172.2.1.3', AWS_INSTANCE_PORT: '808' } };
/** `one` from `concurrency` loops at once: after a second of warm-up (JIT, connections), req/s (the better of two
 * halves of `seconds`) and this process's CPU per request over both. */
async function requestLoop(concurrency: number, seconds: number, one: () => Promise<unknown>): Promise<{ reqPerSecond: number; cpuUsPerRequest: number }> {
  let requests = 0;
  const loop = async (s: number) => {
    const end = Date.now() + s * 1000;
    let done = 0;
    const t0 = performance.now();
    await Promise.all(Array.from({ length: concurrency }, async () => { while (Date.now() < end) { await one(); done++; } }));
    requests += done;
    return done / ((performance.now() - t0) / 1000);
  };
  await loop(1);
  requests = 0;
  const c0 = process.cpuUsage();
  const reqPerSecond = Math.max(await loop(seconds / 2), await loop(seconds / 2));
  const c = process.cpuUsage(c0);
  return { reqPerSecond, cpuUsPerRequest: (c.user + c.system) / requests };
}

/** The send path: req/s and CPU per request (requestLoop). */
async function sendPath(url: string, concurrency: number, seconds: number): Promise<{ reqPerSecond: number; cpuUsPerRequest: number }> {
  const target = createHttpTarget({ url, concurrency, timeoutMs: 10_000 });
  const one = () => target.send({ service: 'servicediscovery', operation: 'RegisterInstance', input });
  try {
    return await requestLoop(concurrency, seconds, one);
  } finally {
    await target.close();
  }
}

/** The transport alone: the same request, encoded and signed once, sent again and again through an undici Pool
 * (raw dispatch handler, no streams) to the same server at the same concurrency. The CPU per request no harness
 * over undici can go below, measured in the same run as the ratios. */
async function bareTransport(url: string, concurrency: number, seconds: number): Promise<{ reqPerSecond: number; cpuUsPerRequest: number }> {
  const pool = new Pool(url, { connections: concurrency, pipelining: 1 });
  const body = JSON.stringify(input);
  const { host } = new URL(url);
  const headers = {
    host, 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance', 'x-amz-date': '20261202T000000Z',
    authorization: `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261202/us-east-1/servicediscovery/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=${'0'.repeat(64)}`,
  };
  const one = () => new Promise<void>((resolve) => {
    pool.dispatch({ path: '/', method: 'POST', headers, body }, {
      onConnect: () => undefined, onHeaders: () => true, onData: () => true, onComplete: () => resolve(), onError: () => resolve(),
    });
  });
  try {
    return await requestLoop(concurrency, seconds, one);
  } finally {
    await pool.close();
  }
}

export interface PerfResult {
  generateUsPerCase: number; harnessUsPerCase: number; cpuRatio: number;
  sendReqPerSecond: number; casesPerSecond: number; throughputRatio: number; concurrency: number;
  /** Where the rest goes: the send path's own CPU per request (encode, sign, undici, the kernel's loopback, decode)
   * and the requests a case costs (the case's own plus the population keeper's deregistrations and confirmations). */
  sendCpuUsPerRequest: number; requestsPerCase: number;
  /** undici alone (bareTransport): CPU per request and req/s, measured alongside the send path. */
  bareCpuUsPerRequest: number; bareReqPerSecond: number;
  runs: RunFigures[];
  /** The yardsticks before and after the runs (their means are used above). */
  drift: { generateUs: [number, number]; sendReqPerSecond: [number, number] };
}

export async function benchPerf(options: { sizes?: number[] } = {}): Promise<PerfResult> {
  if (!existsSync(fileURLToPath(new URL('../dist/src/cli.js', import.meta.url)))) throw new Error('no dist/: run `npm run build` first');
  const concurrency = Number(process.env.PERF_CONCURRENCY ?? 32);
  const sizes = options.sizes ?? [Number(process.env.PERF_SMALL ?? 2_000), Number(process.env.PERF_BIG ?? 100_000)];
  // The machine's speed drifts within minutes (shared cores): the yardsticks are measured before and after the
  // runs and averaged, and both readings are kept, so a drift shows instead of skewing a ratio unseen.
  const generateUs = async () => {
    const gen = await benchGenerate({ seconds: 2, warmupSeconds: 1 });
    return 1e6 / (gen.reduce((s, r) => s + r.casesPerCpuSecond, 0) / gen.length);
  };
  const serve = await startServe();
  try {
    const before = { generateUs: await generateUs(), send: await sendPath(serve.url, concurrency, 4), bare: await bareTransport(serve.url, concurrency, 4) };
    const runs = await harnessRuns(serve.url, concurrency, sizes);
    const after = { generateUs: await generateUs(), send: await sendPath(serve.url, concurrency, 4), bare: await bareTransport(serve.url, concurrency, 4) };
    const generateUsPerCase = (before.generateUs + after.generateUs) / 2;
    const send = { reqPerSecond: (before.send.reqPerSecond + after.send.reqPerSecond) / 2, cpuUsPerRequest: (before.send.cpuUsPerRequest + after.send.cpuUsPerRequest) / 2 };
    const sendReqPerSecond = send.reqPerSecond;
    const [small, big] = [runs[0], runs[runs.length - 1]];
    const dc = big.cases - small.cases;
    const harnessUsPerCase = ((big.cpuSeconds - small.cpuSeconds) * 1e6) / dc;
    const casesPerSecond = dc / (big.wallSeconds - small.wallSeconds);
    return {
      generateUsPerCase, harnessUsPerCase, cpuRatio: harnessUsPerCase / generateUsPerCase,
      sendReqPerSecond, casesPerSecond, throughputRatio: casesPerSecond / sendReqPerSecond, concurrency,
      sendCpuUsPerRequest: send.cpuUsPerRequest, requestsPerCase: (big.requests - small.requests) / dc, runs,
      bareCpuUsPerRequest: (before.bare.cpuUsPerRequest + after.bare.cpuUsPerRequest) / 2, bareReqPerSecond: (before.bare.reqPerSecond + after.bare.reqPerSecond) / 2,
      drift: { generateUs: [before.generateUs, after.generateUs], sendReqPerSecond: [before.send.reqPerSecond, after.send.reqPerSecond] },
    };
  } finally {
    serve.proc.kill('SIGTERM');
  }
}

export const perfLines = (p: PerfResult): string[] => [
  `harness CPU per case (marginal, ${p.runs[0].cases}→${p.runs[p.runs.length - 1].cases} cases vs serve @${p.concurrency}): ${p.harnessUsPerCase.toFixed(0)} µs; generate+classify ${p.generateUsPerCase.toFixed(0)} µs; ratio ${p.cpuRatio.toFixed(1)}× (goal ≤ 4×)`,
  `end-to-end vs serve @${p.concurrency}: ${p.casesPerSecond.toFixed(0)} cases/s; send path ${p.sendReqPerSecond.toFixed(0)} req/s; ratio ${(p.throughputRatio * 100).toFixed(0)}% (goal ≥ 70%)`,
  ...floorLines(p),
  `  yardsticks before / after the runs: generate+classify ${p.drift.generateUs.map((x) => x.toFixed(0)).join(' / ')} µs, send path ${p.drift.sendReqPerSecond.map((x) => x.toFixed(0)).join(' / ')} req/s (far apart: the machine's speed drifted; run again)`,
  ...p.runs.map((r) => `  run of ${r.cases} cases: ${r.requests} requests, ${r.findings} findings, ${r.wallSeconds.toFixed(1)} s wall, ${r.cpuSeconds.toFixed(1)} s CPU, peak RSS ${r.peakRssMb} MB`),
];

/** The part of the harness's cost that is not the harness's own doing: generating and classifying the case, and
 * sending the requests it costs through the send path (whose CPU per request is measured in the same run). */
function floorLines(p: PerfResult): string[] {
  const floor = p.generateUsPerCase + p.requestsPerCase * p.sendCpuUsPerRequest;
  return [
    `  floor: generate+classify ${p.generateUsPerCase.toFixed(0)} µs + ${p.requestsPerCase.toFixed(2)} requests/case × send path ${p.sendCpuUsPerRequest.toFixed(0)} µs CPU/request = ${floor.toFixed(0)} µs (${(floor / p.generateUsPerCase).toFixed(1)}×); the harness's own work above it: ${(p.harnessUsPerCase - floor).toFixed(0)} µs/case`,
    `  throughput ceiling when the send path alone is the limit: 1 / ${p.requestsPerCase.toFixed(2)} requests/case = ${(100 / p.requestsPerCase).toFixed(0)}%`,
    ceilingLine(p),
    `  transport alone (undici Pool, one pre-signed request resent, raw handler): ${p.bareCpuUsPerRequest.toFixed(0)} µs CPU/request, ${p.bareReqPerSecond.toFixed(0)} req/s; generate+classify + ${p.requestsPerCase.toFixed(2)} bare requests = ${((p.generateUsPerCase + p.requestsPerCase * p.bareCpuUsPerRequest) / p.generateUsPerCase).toFixed(1)}× generate+classify with no encoding, signing, decoding or judging at all`,
  ];
}

/** The end-to-end ratio a harness could reach if its only work were generating the case and sending its requests:
 * while the send path runs, its process is busy for (req/s × CPU/request) of a core; where that is about one whole
 * core, the process's CPU is the limit, and a case costs generate+classify + requests/case × send-path CPU. */
function ceilingLine(p: PerfResult): string {
  const busy = (p.sendReqPerSecond * p.sendCpuUsPerRequest) / 1e6;
  const ceiling = p.sendCpuUsPerRequest / (p.generateUsPerCase + p.requestsPerCase * p.sendCpuUsPerRequest);
  return `  the send path keeps its process ${(busy * 100).toFixed(0)}% busy (a core is the limit near 100%); then the ceiling with no judging, scrubbing or bookkeeping at all: send ${p.sendCpuUsPerRequest.toFixed(0)} µs / (generate+classify ${p.generateUsPerCase.toFixed(0)} µs + ${p.requestsPerCase.toFixed(2)} × ${p.sendCpuUsPerRequest.toFixed(0)} µs) = ${(ceiling * 100).toFixed(0)}%`;
}

export interface MemoryFigures { cases: number; cpuSeconds: number; wallSeconds: number; peakRssMb: number; rssMb: number; heapUsedMb: number; externalMb: number; end?: boolean; requests?: number; findings?: number }

/** Peak RSS of ONE run of the biggest size against `serve`, read as the run passes each size (10k, 100k, 1M):
 * each peak is the highest the harness reached up to then. MEMORY_CONCURRENCY (default 64) keeps 1M affordable. */
export async function benchMemory(sizes: number[], onFigures?: (f: MemoryFigures) => void): Promise<MemoryFigures[]> {
  const serve = await startServe();
  try {
    const { figures, code, err } = await childFigures<MemoryFigures>(MEMORY_CHILD, [serve.url, String(process.env.MEMORY_CONCURRENCY ?? 64), ...sizes.map(String)], onFigures);
    if (!figures.some((f) => f.end)) throw new Error(`memory run failed (${code}): ${err.slice(-2000)}`);
    return figures;
  } finally {
    serve.proc.kill('SIGTERM');
  }
}

export const memoryLine = (r: MemoryFigures): string => r.end
  ? `memory: run ended after ${r.cases} cases (${r.requests} requests, ${r.findings} findings) in ${r.wallSeconds.toFixed(0)} s: peak RSS ${r.peakRssMb} MB, RSS ${r.rssMb} MB, heap ${r.heapUsedMb} MB`
  : `memory: after ${r.cases} cases of one run against serve (--no-scenarios): peak RSS ${r.peakRssMb} MB (goal < 256 MB), RSS ${r.rssMb} MB, heap ${r.heapUsedMb} MB, external ${r.externalMb} MB, ${r.wallSeconds.toFixed(0)} s wall`;

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const l of perfLines(await benchPerf())) console.log(l);
}
