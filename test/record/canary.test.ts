// THE CANARY. Realistic temporary credentials made at run time (an ASIA key id, a 40-char secret, a ~760-character
// STS session token) sign every request `contract-fuzz record`, `run`, `run --diff` and `replay` send, through a
// loopback proxy in front of the builtin emulator that echoes the Authorization header and the session token back
// in headers, cookies and error bodies, and answers errors with an undocumented 422 so findings and fixtures get
// written. The error bodies come (chosen by a hash of the request) as JSON, gzip, deflate, br, bytes that are not UTF-8 (recorded as hex),
// base64, hex text, JSON cut inside the token, and an HTML page where the token straddles the 512-character excerpt.
// Every file any command wrote (cwd is a fresh temp folder: reports, fixtures, recordings), and everything they
// printed, must hold no 20-character piece of any secret, in the text or in its hex, base64 or gzip/deflate/br
// decoded forms, no `AWS4-HMAC-SHA256 Credential=` and no signature. The CLI runs as a child process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib';
import http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import { readRecording } from '../../src/targets/record/recording.ts';
import { closedPort } from '../support/mswServer.ts';
import { findFragment, temporaryCredentials } from '../support/secrets.ts';

const BIN = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
const temporary = temporaryCredentials();
const CANARY = {
  AWS_ACCESS_KEY_ID: temporary.accessKeyId,
  AWS_SECRET_ACCESS_KEY: temporary.secretAccessKey,
  AWS_SESSION_TOKEN: temporary.sessionToken,
};
const FORBIDDEN: Array<[string, RegExp]> = [
  ['SigV4 Authorization', /AWS4-HMAC-SHA256 Credential=/],
  ['SigV4 signature', /Signature=[0-9a-f]{16,}/i],
];

interface Cli { code: number | null; stdout: string; stderr: string }
function cli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<Cli> {
  const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('AWS_')));
  const child = spawn(process.execPath, [BIN, ...args], {
    cwd, env: { ...base, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', NO_COLOR: '1', ...env }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (c) => (stdout += c));
  child.stderr.on('data', (c) => (stderr += c));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

interface Proxy { url: string; seen: Array<{ method?: string; authorization?: string; token?: string }>; close(): Promise<void> }
/** The n-th echoed error body, in one of the forms a target may send (and a recorder may store) it. */
function encoded(n: number, text: string, token: string, headers: Record<string, string>, status: number): [Buffer | string, number] {
  switch (n % 9) {
    case 1: headers['content-encoding'] = 'gzip'; return [gzipSync(text), status];
    case 2: headers['content-encoding'] = 'deflate'; return [deflateSync(text), status];
    case 3: headers['content-encoding'] = 'br'; return [brotliCompressSync(text), status];
    case 4: return [Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text)]), status]; // not UTF-8: hex in a recording
    case 5: return [Buffer.from(text).toString('base64'), status];
    case 6: return [Buffer.from(text).toString('hex'), status];
    case 7: return [text.slice(0, text.indexOf(token) + Math.floor(token.length / 2)), status]; // cut inside the token
    case 8: headers['content-type'] = 'text/html'; return [`<html><body>${'x'.repeat(300)}<pre>X-Amz-Security-Token: ${token}\n${text}</pre></body></html>`, 502];
    default: return [text, status];
  }
}

/** Forwards to `upstream`; errors come back as 422; with `echo`, the signature and token come back too. */
async function startProxy(upstream: string, echo: boolean): Promise<Proxy> {
  const seen: Proxy['seen'] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const authorization = req.headers.authorization;
      const sent = req.headers['x-amz-security-token'] as string | undefined;
      seen.push({ method: req.method, authorization, token: sent });
      // `run` signs with the fake key: the proxy then echoes the session token of the environment it shares with
      // the tool (a target logging what it knows), so run, --diff and replay meet the real token too.
      const token = sent ?? CANARY.AWS_SESSION_TOKEN;
      const headers = { ...req.headers };
      const forward = http.request(`${upstream}${req.url}`, { method: req.method, headers }, (up) => {
        const body: Buffer[] = [];
        up.on('data', (c: Buffer) => body.push(c));
        up.on('end', () => {
          let text = Buffer.concat(body).toString('utf8');
          const status = up.statusCode === 400 ? 422 : up.statusCode ?? 500;
          const out: Record<string, string> = { 'content-type': String(up.headers['content-type'] ?? 'application/json') };
          if (up.headers['x-amzn-errortype']) out['x-amzn-errortype'] = String(up.headers['x-amzn-errortype']);
          let answer: Buffer | string = text;
          let answerStatus = status;
          if (echo) {
            out['x-echo-authorization'] = authorization ?? '';
            out['x-echo-token'] = token ?? '';
            out['set-cookie'] = `session=${token ?? ''}`;
            if ((up.statusCode ?? 0) >= 400) {
              try {
                const json = JSON.parse(text) as Record<string, unknown>;
                const key = 'message' in json ? 'message' : 'Message';
                json[key] = `${String(json[key] ?? '')} (request was signed ${authorization}; token ${token})`;
                text = JSON.stringify(json);
              } catch { /* not JSON: as it was */ }
              // By the request, not by arrival: identical requests sent at once by two cases get the same answer, so
              // replay (which cannot know which of them came first live) meets the same answers as the live run.
              const n = createHash('sha1').update(`${String(req.headers['x-amz-target'])}\n`).update(Buffer.concat(chunks)).digest().readUInt32BE(0);
              [answer, answerStatus] = encoded(n, text, token ?? '', out, status);
            }
          }
          res.writeHead(answerStatus, out).end(answer);
        });
      });
      forward.on('error', () => res.writeHead(502).end());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

let emulator: RunningEmulator;
let echoing: Proxy;
let plain: Proxy;
const cwd = mkdtempSync(join(tmpdir(), 'cf-canary-'));
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, operationDelayMs: 5 });
  echoing = await startProxy(emulator.url, true);
  plain = await startProxy(emulator.url, false);
});
afterAll(async () => {
  await Promise.all([echoing.close(), plain.close()]);
  await emulator.close();
  rmSync(cwd, { recursive: true, force: true });
});

describe('no secret on any file the tool writes', () => {
  const SEED = '31337';
  const outputs: Cli[] = [];

  beforeAll(async () => {
    // The proxy's 422s are warnings (an undocumented status): they gate with --fail-on warning.
    const common = ['--runs', '2', '--seed', SEED, '--shrink-requests', '8', '--concurrency', '8', '--fail-on', 'warning'];
    outputs.push(await cli(['record', '--target', echoing.url, '--credentials', 'env', '--messages', ...common], cwd, CANARY));
    outputs.push(await cli(['run', '--target', echoing.url, '--report-dir', 'reports-run', '--fixtures-dir', 'fixtures-run', ...common], cwd, CANARY));
    outputs.push(await cli(['run', '--target', 'builtin', '--diff', echoing.url, '--report-dir', 'reports-diff', '--fixtures-dir', 'fixtures-diff', '--no-scenarios', ...common], cwd, CANARY));
    outputs.push(await cli(['replay', 'fixtures-run', '--target', echoing.url], cwd, CANARY));
  }, 400_000);

  it('the canary was planted: record signed every request with it and the proxy echoed it back', () => {
    const [record, run, diff, replay] = outputs;
    for (const o of outputs) expect(o.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(record.code, record.stderr).toBe(1); // the proxy's 422s are findings
    expect(run.code, run.stderr).toBe(1);
    expect(diff.code, diff.stderr).toBe(1);
    expect(replay.code, replay.stderr).toBe(1);
    expect(CANARY.AWS_SESSION_TOKEN.length).toBeGreaterThan(700);
    const calls = echoing.seen.filter((s) => s.method === 'POST'); // not the start-up reachability GET
    const signed = calls.filter((s) => s.authorization?.includes(`Credential=${CANARY.AWS_ACCESS_KEY_ID}/`) && s.token === CANARY.AWS_SESSION_TOKEN);
    // record signs with the environment's credentials; run, --diff and replay with the fake key.
    const fake = calls.filter((s) => s.authorization?.includes('Credential=AKIDEXAMPLE/') && s.token === undefined);
    expect(signed.length + fake.length).toBe(calls.length);
    expect(signed.length).toBeGreaterThan(100);
    expect(fake.length).toBeGreaterThan(100);
  });

  it('the tool wrote reports, finding fixtures and recordings (what is checked below is not empty)', () => {
    const files = walk(cwd).map((f) => relative(cwd, f));
    expect(files).toEqual(expect.arrayContaining([
      'reports/report.json', 'reports/junit.xml', 'reports/summary.md', 'reports-run/report.json', 'reports-run/junit.xml',
      'reports-run/summary.md', 'reports-diff/report.json', 'reports-diff/junit.xml', 'reports-diff/summary.md',
      'reports/report.html', 'reports-run/report.html', 'reports-diff/report.html',
      `fixtures/recorded/RegisterInstance-${SEED}.json`, `fixtures/recorded/CreateServiceInstance-${SEED}.json`,
    ]));
    expect(files.filter((f) => f.startsWith('fixtures/RegisterInstance/') || f.startsWith('fixtures/CreateServiceInstance/')).length).toBeGreaterThan(0);
    expect(files.filter((f) => f.startsWith('fixtures-run/')).length).toBeGreaterThan(0);
    expect(readFileSync(join(cwd, 'reports/report.json'), 'utf8')).toContain('<scrubbed>'); // echoed messages, scrubbed
    // Each finding keeps its exchange as it went over the wire: the signed request (session token and all) and the
    // echoing answer are in report.json and report.html, scrubbed (the check below reads them too).
    for (const dir of ['reports', 'reports-run', 'reports-diff']) {
      const report = JSON.parse(readFileSync(join(cwd, dir, 'report.json'), 'utf8')) as { discrepancies: Array<{ wire?: { request: { headers: Record<string, string> }; response?: { headers: Record<string, string> } } }> };
      const wires = report.discrepancies.flatMap((d) => (d.wire ? [d.wire] : []));
      expect(wires.length, dir).toBeGreaterThan(0);
      expect(wires.every((w) => w.request.headers.authorization === '<scrubbed>'), dir).toBe(true);
      expect(wires.some((w) => w.response?.headers['x-echo-authorization'] === '<scrubbed>'), dir).toBe(true);
    }
    const signedWires = JSON.parse(readFileSync(join(cwd, 'reports/report.json'), 'utf8')).discrepancies.flatMap((d: { wire?: { request: { headers: Record<string, string> } } }) => (d.wire ? [d.wire] : []));
    expect(signedWires.some((w: { request: { headers: Record<string, string> } }) => w.request.headers['x-amz-security-token'] === '<scrubbed>')).toBe(true);
    expect(readFileSync(join(cwd, 'reports-run/report.html'), 'utf8')).toContain('x-echo-token: &lt;scrubbed&gt;');
  });

  it('no file under the working folder and no line printed holds a piece of a secret (in any encoding), an Authorization value or a signature', () => {
    const texts: Array<[string, string]> = [
      ...walk(cwd).map((f): [string, string] => [relative(cwd, f), readFileSync(f, 'latin1')]),
      ...outputs.flatMap((o, i): Array<[string, string]> => [[`stdout #${i}`, o.stdout], [`stderr #${i}`, o.stderr]]),
    ];
    const leaks = texts.flatMap(([where, text]) => [
      ...FORBIDDEN.filter(([, re]) => re.test(text)).map(([what]) => `${what} in ${where}`),
      ...[findFragment(text, CANARY)].filter(Boolean).map((hit) => `${hit} in ${where}`),
    ]);
    expect(leaks).toEqual([]);
    expect(texts.length).toBeGreaterThan(10);
  });

  it('the echoed bodies came in every encoding, and the recordings kept them decodable (hex, gzip chunks)', () => {
    const exchanges = ['RegisterInstance', 'CreateServiceInstance'].flatMap((op) => readRecording(join(cwd, 'fixtures', 'recorded', `${op}-${SEED}.json`)).exchanges);
    const encodings = new Set(exchanges.map((x) => x.rawHeaders['content-encoding']).filter(Boolean));
    expect([...encodings].sort()).toEqual(['br', 'deflate', 'gzip']);
    expect(exchanges.some((x) => x.responseIsBinary)).toBe(true);
    expect(exchanges.some((x) => x.status === 502)).toBe(true);
  });

  it('the recordings still hold what replay needs, with the echoed secrets replaced by <scrubbed>', () => {
    for (const op of ['RegisterInstance', 'CreateServiceInstance']) {
      const r = readRecording(join(cwd, 'fixtures', 'recorded', `${op}-${SEED}.json`));
      expect(r.target).toBe(echoing.url);
      expect(r.exchanges.length).toBeGreaterThan(20);
      for (const x of r.exchanges) {
        expect(x.scope).toBe(echoing.url);
        expect(x.reqheaders['x-amz-target']).toMatch(/^(Route53AutoNaming_v20170314|AwsProton20200720)\.\S+$/);
        expect(x.body).toBeDefined();
        expect(x.reqheaders).toMatchObject({ authorization: '<scrubbed>', 'x-amz-security-token': '<scrubbed>', 'x-amz-date': '<scrubbed>' });
        expect(x.rawHeaders).toMatchObject({ 'x-echo-token': '<scrubbed>', 'set-cookie': '<scrubbed>' });
      }
      expect(r.exchanges.some((x) => x.reqheaders['x-amz-target'].endsWith(`.${op}`) && typeof x.body === 'object')).toBe(true);
    }
  });

  it('the recording replays as a target: the same seed gives the same report as the recorded run', async () => {
    const replay = await cli(['run', '--target', 'replay:fixtures/recorded', '--runs', '2', '--seed', SEED, '--shrink-requests', '8', '--concurrency', '8',
      '--fail-on', 'warning', '--messages', '--report-dir', 'reports-replay', '--no-fixtures'], cwd);
    expect(replay.code, replay.stderr).toBe(1);
    const recorded = JSON.parse(readFileSync(join(cwd, 'reports/report.json'), 'utf8'));
    const replayed = JSON.parse(readFileSync(join(cwd, 'reports-replay/report.json'), 'utf8'));
    expect(replayed.summary).toEqual(recorded.summary);
    // A compressed body is stored decompressed, scrubbed and compressed again: the excerpt of its bytes in `detail`
    // differs from the live one; what was found (ids, kinds, constraints, counts, status, code) is the same.
    // A replayed answer never went over a wire: the live report keeps each finding's exchange, the replayed one has none.
    const strip = (ds: Array<Record<string, unknown>>) => ds.map(({ fixture: _f, reproduce: _r, detail: _d, wire: _w, referenceWire: _rw, ...d }) => d);
    const [live, again] = [strip(recorded.discrepancies), strip(replayed.discrepancies)];
    // Seen once in ~14 runs (stop 16): a replayed case answered `non-json` where the recorded run read `truncated`.
    // On a mismatch, say which recorded exchanges carry each differing case's request, with their flows and bodies.
    if (!isDeepStrictEqual(again, live)) console.error(whoAnswered(live, again, cwd, SEED));
    expect(again).toEqual(live);
    expect(recorded.discrepancies.some((d: { wire?: unknown }) => d.wire !== undefined)).toBe(true);
    expect(replayed.discrepancies.some((d: { wire?: unknown }) => d.wire !== undefined)).toBe(false);
  }, 120_000);
});

describe('a target record cannot use: exit 2, one line, nothing written', () => {
  const bad = mkdtempSync(join(tmpdir(), 'cf-record-bad-'));
  afterAll(() => rmSync(bad, { recursive: true, force: true }));

  it.each([
    ['unreachable', async () => ['--target', `http://127.0.0.1:${await closedPort()}`], /^contract-fuzz: cannot reach http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)\n$/],
    ['not a URL', async () => ['--target', 'not a url'], /^contract-fuzz: invalid target URL "not a url": not a URL/],
    ['another scheme', async () => ['--target', 'ftp://127.0.0.1:21'], /^contract-fuzz: invalid target URL .*unsupported scheme 'ftp'/],
    ['not an HTTP target', async () => ['--target', 'aws'], /^contract-fuzz: record --target takes http\(s\):\/\/HOST:PORT or builtin/],
    ['no target', async () => [], /^contract-fuzz: record needs --target URL/],
    ['bad credentials mode', async () => ['--target', 'builtin', '--credentials', 'mine'], /^contract-fuzz: --credentials must be fake, env or chain/],
    ['env credentials missing', async () => ['--target', 'builtin', '--credentials', 'env'], /^contract-fuzz: --credentials env needs AWS_ACCESS_KEY_ID/],
  ])('%s', async (_name, args, message) => {
    const r = await cli(['record', ...(await args())], bad);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(readdirSync(bad)).toEqual([]);
  }, 60_000);
});

/** For each discrepancy the replay reports otherwise: the recorded exchanges of its case's flow, and every other one
 * with the same request body (any flow), with their labels and the start of their answers. */
function whoAnswered(live: Array<Record<string, unknown>>, again: Array<Record<string, unknown>>, cwd: string, seed: string): string {
  const exchanges = ['RegisterInstance', 'CreateServiceInstance'].flatMap((op) => readRecording(join(cwd, 'fixtures', 'recorded', `${op}-${seed}.json`)).exchanges);
  const show = (x: (typeof exchanges)[number]) =>
    `  recorded: call ${x.call ?? '(none)'}, status ${x.status}, binary ${x.responseIsBinary === true}, body ${JSON.stringify(x.body).slice(0, 60)} → ${JSON.stringify(x.response).slice(0, 60)}`;
  const lines: string[] = [];
  live.forEach((d, i) => {
    if (isDeepStrictEqual(d, again[i])) return;
    const label = typeof d.caseId === 'string' ? d.caseId.replace(/:(\d+)$/, '#$1') : undefined;
    lines.push(`${String(d.caseId ?? d.id)}: live ${JSON.stringify(d.actual)}, replayed ${JSON.stringify(again[i]?.actual)}`);
    const own = exchanges.filter((x) => label !== undefined && x.call === label);
    const same = exchanges.filter((x) => !own.includes(x) && own.some((o) => isDeepStrictEqual(o.body, x.body)));
    for (const x of [...own, ...same]) lines.push(show(x));
  });
  return lines.join('\n');
}
