// The command line as users meet it (issue 4 §5, §6, DESIGN "Command line"): the real bin spawned as a
// child process. Spawns are few and run side by side where they can; targets other than `builtin` are
// faulty proxies (test/support/faultyTarget.ts) served from this process on loopback.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/report/types.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import { startFaultyTarget } from '../support/faultyTarget.ts';
import { startCli, type Exit } from '../support/cli.ts';
import { closedPort } from '../support/mswServer.ts';

const start = startCli;
const cli = (args: string[], cwd = work): Promise<Exit> => startCli(args, cwd).done;

async function until(what: string, ok: () => boolean, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const readReport = async (dir: string): Promise<Report> => JSON.parse(await readFile(join(dir, 'report.json'), 'utf8')) as Report;

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-cli-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

describe('usage, config and target errors: exit 2, one line on stderr, no stack trace', () => {
  it('for a bad --target URL, an unreachable target, an unknown --operation, an unknown flag, a malformed model and a non-fixture', async () => {
    const port = await closedPort();
    const dirs = ['--report-dir', join(work, 'err-reports'), '--fixtures-dir', join(work, 'err-fixtures')];
    await writeFile(join(work, 'malformed-model.json'), '{"metadata": {"protocol": "json"'); // cut short
    await writeFile(join(work, 'not-a-fixture.json'), JSON.stringify({ hello: 'world' }));
    const cases: Array<{ args: string[]; says: RegExp }> = [
      { args: ['run', '--target', 'http://127.0.0.1:notaport', ...dirs], says: /invalid target URL/ },
      { args: ['run', '--target', `http://127.0.0.1:${port}`, ...dirs], says: new RegExp(`cannot reach http://127\\.0\\.0\\.1:${port}`) },
      { args: ['run', '--operation', 'DeleteEverything', ...dirs], says: /unknown operation 'DeleteEverything'/ },
      { args: ['run', '--frobnicate', ...dirs], says: /--frobnicate/ },
      { args: ['models', 'import', join(work, 'malformed-model.json'), '--out', join(work, 'models-out')], says: /malformed-model\.json is not JSON/ },
      { args: ['replay', join(work, 'not-a-fixture.json')], says: /not-a-fixture\.json is not a contract-fuzz fixture/ },
    ];
    const exits = await Promise.all(cases.map((c) => cli(c.args)));
    exits.forEach((x, i) => {
      const what = cases[i]!.args.join(' ');
      expect(x.code, `${what}\n${x.stderr}`).toBe(2);
      const lines = x.stderr.split('\n').filter((l) => l !== '');
      expect(lines, what).toHaveLength(1);
      expect(lines[0], what).toMatch(/^contract-fuzz: /);
      expect(lines[0], what).toMatch(cases[i]!.says);
      expect(x.stderr, what).not.toMatch(/\n\s+at |internal error/);
      expect(x.stdout, what).toBe('');
    });
  });
});

describe('determinism', () => {
  it('two runs with the same --seed and options write the same report.json apart from timings', async () => {
    // Two working folders, the same relative --report-dir / --fixtures-dir: paths in the reports match too.
    const a = await mkdtemp(join(work, 'det-a-'));
    const b = await mkdtemp(join(work, 'det-b-'));
    // Builtin target: a fresh emulator each run, so the names the run creates come from the seed alone.
    const args = ['run', '--seed', '424242', '--runs', '10', '--report-dir', 'reports', '--fixtures-dir', 'fixtures'];
    const [x, y] = await Promise.all([cli(args, a), cli(args, b)]);
    expect([x.code, y.code], x.stderr + y.stderr).toEqual([0, 0]);
    const [ra, rb] = await Promise.all([readReport(join(a, 'reports')), readReport(join(b, 'reports'))]);
    expect(ra.summary.cases).toBeGreaterThan(100);
    const timeless = (r: Report) => {
      const { startedAt: _s, durationMs: _d, casesPerSecond: _c, ...run } = r.run;
      // The builtin target completes operations before the next request, so even the number of
      // GetOperation polls is the same run to run.
      return { ...r, run };
    };
    expect(timeless(ra)).toEqual(timeless(rb));
    const console = (out: string) => out.replace(/in [\d.]+ s \(\d+ cases\/s\)/, '');
    expect(console(x.stdout)).toBe(console(y.stdout));
  });
});

describe('Ctrl-C', () => {
  it('stops the run, writes the report of what ran (interrupted) and exits 130', async () => {
    const proxy = await startFaultyTarget('none');
    try {
      const dir = join(work, 'interrupted');
      const run = start(['run', '--target', proxy.url, '--runs', '100000', '--seed', '7', '--report-dir', dir, '--fixtures-dir', join(dir, 'fixtures')], work);
      // Interrupt once cases are flowing (the proxy sees them), about 1.5 s into the run.
      await until('cases to reach the target', () => proxy.server.requests.length > 100);
      await new Promise((r) => setTimeout(r, 1_000));
      run.child.kill('SIGINT');
      const exit = await run.done;
      expect(exit.code, exit.stderr).toBe(130);
      expect(exit.stderr).toMatch(/interrupted, writing the report of what ran so far/);
      const report = await readReport(dir);
      expect(report.run.interrupted).toBe(true);
      expect(report.summary.cases).toBeGreaterThan(0);
      expect(report.summary.cases).toBeLessThan(2 * 100_000);
      expect(exit.stdout).toMatch(/INTERRUPTED \(partial report\)/);
      await expect(readFile(join(dir, 'junit.xml'), 'utf8')).resolves.toMatch(/<testsuites/);
    } finally {
      await proxy.close();
    }
  });
});

describe('baseline and replay', () => {
  it('--write-baseline, then --baseline: the same findings are baselined (exit 0), a vanished entry is fixed; replay reproduces', async () => {
    const dir = join(work, 'baseline');
    const file = join(dir, 'baseline.json');
    const args = (url: string, tag: string) => ['run', '--target', url, '--operation', 'RegisterInstance', '--no-scenarios', '--seed', '99', '--runs', '5',
      '--shrink-requests', '100', '--report-dir', join(dir, tag), '--fixtures-dir', join(dir, `${tag}-fixtures`)];

    // A fresh faulty target per run: tokens one run leaves behind would collide with the next run's.
    const first = await startFaultyTarget('instance-id-too-long-accepted');
    let written: { baselineVersion: number; findings: Array<{ id: string; kind: string; constraint: string }> };
    try {
      const w = await cli([...args(first.url, 'write'), '--write-baseline', file]);
      expect(w.code, w.stderr).toBe(1);
      written = JSON.parse(await readFile(file, 'utf8'));
      expect(written.baselineVersion).toBe(1);
      expect(written.findings.map((f) => `${f.kind} ${f.constraint}`)).toEqual(['accepted-invalid InstanceId#length']);
      // `contract-fuzz replay` of the fixtures that run wrote, against the same kind of target: it still reproduces (exit 1).
      const again = await startFaultyTarget('instance-id-too-long-accepted');
      try {
        const r = await cli(['replay', join(dir, 'write-fixtures'), '--target', again.url]);
        expect(r.code, r.stderr).toBe(1);
        expect(r.stdout).toMatch(/✗ reproduces .*accepted-invalid \[InstanceId#length\]/);
        expect(r.stdout).toMatch(/1 fixture\(s\) against http:\/\/127\.0\.0\.1:\d+: 1 reproduce, 0 changed, 0 fixed/);
      } finally {
        await again.close();
      }
    } finally {
      await first.close();
    }

    // An entry for a bug that no longer occurs.
    const gone = { id: 'deadbeef0001', operation: 'RegisterInstance', kind: 'server-error', constraint: 'InstanceId#pattern' };
    await writeFile(file, JSON.stringify({ ...written, findings: [...written.findings, gone] }));
    const second = await startFaultyTarget('instance-id-too-long-accepted');
    try {
      const b = await cli([...args(second.url, 'gated'), '--baseline', file]);
      expect(b.code, b.stderr + b.stdout).toBe(0);
      const report = await readReport(join(dir, 'gated'));
      expect(report.discrepancies.map((f) => ({ id: f.id, baselined: f.baselined, gating: f.gating })))
        .toEqual(written.findings.map((f) => ({ id: f.id, baselined: true, gating: false })));
      expect(report.summary.gating).toBe(0);
      expect(report.fixed).toEqual([gone.id]);
      expect(report.run.baseline).toBe(file);
      expect(b.stdout).toMatch(/\(baselined\)/);
      expect(b.stdout).toContain(`fixed since the baseline: ${gone.id}`);
    } finally {
      await second.close();
    }
  });
});

describe('serve', () => {
  it('--port 0 prints its URL and answers a RegisterInstance', async () => {
    const server = start(['serve', '--port', '0'], work);
    try {
      await until('the URL on stdout', () => /listening on http:\/\/127\.0\.0\.1:\d+/.test(server.stdout()));
      const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(server.stdout())![1]!;
      const target = createHttpTarget({
        url, endpoints: { emulator: { protocol: 'awsJson1_1', targetPrefix: 'ContractFuzzEmulator', signingName: 'emulator' } },
      });
      try {
        const seeded = await target.send({
          service: 'emulator', operation: 'Seed',
          input: { cloudMap: { namespaces: [{ name: 'cli-ns', type: 'HTTP' }], services: [{ name: 'cli-svc', namespace: 'cli-ns' }] } },
        });
        expect(seeded.status, JSON.stringify(seeded.body)).toBe(200);
        const serviceId = (seeded.body as { cloudMap: { services: Array<{ id: string }> } }).cloudMap.services[0]!.id;
        const registered = await target.send({
          service: 'servicediscovery', operation: 'RegisterInstance',
          input: { ServiceId: serviceId, InstanceId: 'i-cli-1', CreatorRequestId: 'cli-token-1', Attributes: { color: 'blue' } },
        });
        expect(registered.status).toBe(200);
        expect((registered.body as { OperationId?: unknown }).OperationId).toEqual(expect.any(String));
        const unknown = await target.send({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 'srv-nope', InstanceId: 'i', Attributes: {} } });
        expect(unknown.code).toBe('ServiceNotFound');
      } finally {
        await target.close();
      }
    } finally {
      server.child.kill('SIGINT');
    }
    const exit = await server.done;
    expect(exit.code, exit.stderr).toBe(0);
  });
});
