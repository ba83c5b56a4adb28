// Requests/s through the full send path (encode, sign, send, decode) against the builtin emulator at
// concurrency 32, next to a raw undici request loop against a trivial echo server, measured in the same run.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { createHttpTarget } from '../src/targets/http.ts';

const CONCURRENCY = 32;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

async function child(kind: 'echo' | 'emulator'): Promise<{ url: string; proc: ChildProcess }> {
  const proc = fork(fileURLToPath(new URL('./servers.ts', import.meta.url)), [kind], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const url = await new Promise<string>((resolve, reject) => {
    proc.once('message', (m) => resolve((m as { url: string }).url));
    proc.once('exit', (code) => reject(new Error(`${kind} server exited (${code})`)));
  });
  return { url, proc };
}

async function loop(seconds: number, one: () => Promise<unknown>): Promise<number> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => { while (Date.now() < end) { await one(); done++; } };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return done / ((performance.now() - t0) / 1000);
}

// A realistic RegisterInstance that the contract rejects (InstanceId of 65 characters): full validation
// path on the server, error-code parsing on the client, and no state growing through the run.
const input = { ServiceId: 'srv-p5zdwlg5uvvzjita', InstanceId: 'i'.repeat(65), CreatorRequestId: '7a48a98a-72e6-4849-bfa7-1a458e030d7b', Attributes: { AWS_INSTANCE_IPV4: '172.2.1.3', AWS_INSTANCE_PORT: '808' } };
const body = JSON.stringify(input);

export async function benchSend(): Promise<{ echoBaseline: number; fullPath: number; ratio: number }> {
  const echo = await child('echo');
  const emu = await child('emulator');
  try {
    const pool = new Pool(echo.url, { connections: CONCURRENCY, pipelining: 1 });
    const raw = () => pool.request({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' }, body }).then((r) => r.body.text());
    const target = createHttpTarget({ url: emu.url, concurrency: CONCURRENCY, timeoutMs: 10_000 });
    const full = () => target.send({ service: 'servicediscovery', operation: 'RegisterInstance', input });
    const probe = await full();
    if (probe.code !== 'InvalidInput') throw new Error(`unexpected answer from the emulator: ${probe.status} ${probe.code}`);
    await loop(1, raw); await loop(1, full); // warm-up: JIT and connections
    // Interleave the two measurements so machine load hits both alike.
    const echoRuns: number[] = [];
    const fullRuns: number[] = [];
    for (let i = 0; i < 2; i++) { echoRuns.push(await loop(SECONDS / 2, raw)); fullRuns.push(await loop(SECONDS / 2, full)); }
    await pool.close();
    await target.close();
    const echoBaseline = Math.max(...echoRuns);
    const fullPath = Math.max(...fullRuns);
    return { echoBaseline, fullPath, ratio: fullPath / echoBaseline };
  } finally {
    echo.proc.disconnect();
    emu.proc.disconnect();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSend();
  console.log(`send path @${CONCURRENCY}: ${Math.round(r.fullPath)} req/s (encode+sign+send+decode vs emulator); raw undici vs echo: ${Math.round(r.echoBaseline)} req/s; ratio ${(r.ratio * 100).toFixed(0)}%`);
}
