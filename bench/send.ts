// Requests/s through the full send path (encode, sign, send, decode) against the builtin emulator at
// concurrency 32, next to a raw undici request loop against a trivial echo server, measured in the same run; and
// the CPU per request of the send path against that echo server next to a bare undici dispatch's (its floor).
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Pool } from 'undici';
import { encodeRequest } from '../src/protocol/codec.ts';
import { createSigner, FAKE_CREDENTIALS } from '../src/protocol/sigv4.ts';
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

interface Figures { reqPerSecond: number; cpuUsPerRequest: number }

async function loop(seconds: number, one: () => Promise<unknown>): Promise<Figures> {
  const end = Date.now() + seconds * 1000;
  let done = 0;
  const worker = async () => { while (Date.now() < end) { await one(); done++; } };
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const c = process.cpuUsage(c0);
  return { reqPerSecond: done / ((performance.now() - t0) / 1000), cpuUsPerRequest: (c.user + c.system) / done };
}

/** The floor under the send path: undici's pool.dispatch with a raw handler (no streams, no decoding), the same
 * headers and body as a signed request. */
function bareDispatch(pool: Pool, headers: Record<string, string>, body: string): () => Promise<string> {
  return () => new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pool.dispatch({ method: 'POST', path: '/', headers, body }, {
      onConnect: () => undefined,
      onHeaders: () => true,
      onData: (c: Buffer) => { chunks.push(c); return true; },
      onComplete: () => resolve(Buffer.concat(chunks).toString()),
      onError: reject,
    });
  });
}

// A realistic RegisterInstance that the contract rejects (InstanceId of 65 characters): full validation
// path on the server, error-code parsing on the client, and no state growing through the run.
const input = { ServiceId: 'srv-p5zdwlg5uvvzjita', InstanceId: 'i'.repeat(65), CreatorRequestId: '7a48a98a-72e6-4849-bfa7-1a458e030d7b', Attributes: { AWS_INSTANCE_IPV4: '172.2.1.3', AWS_INSTANCE_PORT: '808' } };
const body = JSON.stringify(input);

export interface SendFigures {
  echoBaseline: number; fullPath: number; ratio: number;
  /** CPU µs per request of this process: the send path against the echo server and against the emulator, and the
   * bare undici dispatch against the echo server (the floor); the send path's own cost is the first minus the last. */
  cpu: { fullVsEcho: number; fullVsEmulator: number; bareDispatch: number };
}

export async function benchSend(): Promise<SendFigures> {
  const echo = await child('echo');
  const emu = await child('emulator');
  try {
    const pool = new Pool(echo.url, { connections: CONCURRENCY, pipelining: 1 });
    const raw = () => pool.request({ method: 'POST', path: '/', headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' }, body }).then((r) => r.body.text());
    const target = createHttpTarget({ url: emu.url, concurrency: CONCURRENCY, timeoutMs: 10_000 });
    const call = { service: 'servicediscovery', operation: 'RegisterInstance', input };
    const full = () => target.send(call);
    const probe = await full();
    if (probe.code !== 'InvalidInput') throw new Error(`unexpected answer from the emulator: ${probe.status} ${probe.code}`);
    const echoTarget = createHttpTarget({ url: echo.url, concurrency: CONCURRENCY, timeoutMs: 10_000 });
    const fullEcho = () => echoTarget.send(call);
    // The headers a signed request carries (what the echo target sends), for the bare dispatch.
    const signed = await createSigner({ service: 'servicediscovery', region: 'us-east-1', credentials: FAKE_CREDENTIALS })
      .sign(encodeRequest({ protocol: 'awsJson1_1', targetPrefix: 'Route53AutoNaming_v20170314' }, call, new URL(echo.url).host));
    const bare = bareDispatch(pool, signed.headers, body);
    await loop(1, raw); await loop(1, full); await loop(1, fullEcho); await loop(1, bare); // warm-up: JIT and connections
    // Interleave the measurements so machine load hits them alike.
    const runs: Record<'echo' | 'full' | 'fullEcho' | 'bare', Figures[]> = { echo: [], full: [], fullEcho: [], bare: [] };
    for (let i = 0; i < 2; i++) {
      runs.echo.push(await loop(SECONDS / 2, raw));
      runs.full.push(await loop(SECONDS / 2, full));
      runs.fullEcho.push(await loop(SECONDS / 2, fullEcho));
      runs.bare.push(await loop(SECONDS / 2, bare));
    }
    await pool.close();
    await target.close();
    await echoTarget.close();
    const best = (f: Figures[]) => Math.max(...f.map((x) => x.reqPerSecond));
    const cpu = (f: Figures[]) => Math.min(...f.map((x) => x.cpuUsPerRequest));
    const echoBaseline = best(runs.echo);
    const fullPath = best(runs.full);
    return { echoBaseline, fullPath, ratio: fullPath / echoBaseline, cpu: { fullVsEcho: cpu(runs.fullEcho), fullVsEmulator: cpu(runs.full), bareDispatch: cpu(runs.bare) } };
  } finally {
    echo.proc.disconnect();
    emu.proc.disconnect();
  }
}

export const sendCpuLine = (s: SendFigures): string =>
  `send path CPU per request @${CONCURRENCY}: ${s.cpu.fullVsEcho.toFixed(1)} µs vs echo, bare undici dispatch ${s.cpu.bareDispatch.toFixed(1)} µs: the send path's own ${(s.cpu.fullVsEcho - s.cpu.bareDispatch).toFixed(1)} µs (${s.cpu.fullVsEmulator.toFixed(1)} µs vs the emulator)`;

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = await benchSend();
  console.log(`send path @${CONCURRENCY}: ${Math.round(r.fullPath)} req/s (encode+sign+send+decode vs emulator); raw undici vs echo: ${Math.round(r.echoBaseline)} req/s; ratio ${(r.ratio * 100).toFixed(0)}%`);
  console.log(sendCpuLine(r));
}
