// Issue 8 §3: a malformed fixture is one line naming the file and the field (a JSON pointer), an error, never
// "fixed"; a FIFO among the fixtures is skipped, not read. Each malformed case below was reproduced on main
// (internal errors, or "✓ fixed" with exit 0).
import { execFileSync, spawn } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixtureFiles, readFixture } from '../../src/run/replay.ts';
import { fixture } from './samples.ts';

type Json = Record<string, unknown>;
let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-fixtures-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const broken: Array<{ name: string; text: (f: Json) => string; says: string }> = [
  { name: 'case is a string', text: (f) => JSON.stringify({ ...f, case: 'not-a-case' }), says: '/case must be object' },
  { name: 'operation __proto__', text: (f) => JSON.stringify({ ...f, operation: '__proto__', case: undefined }), says: '/operation' },
  { name: 'operation constructor', text: (f) => JSON.stringify({ ...f, operation: 'constructor' }), says: '/operation' },
  { name: 'unknown operation', text: (f) => JSON.stringify({ ...f, operation: 'DeleteEverything', case: undefined }), says: "/operation: unknown operation 'DeleteEverything'" },
  { name: 'rawBody a number', text: (f) => JSON.stringify({ ...f, rawBody: 12345, case: undefined }), says: '/rawBody must be string' },
  { name: 'request 42 without a case', text: (f) => JSON.stringify({ ...f, request: 42, case: undefined }), says: '/request must be object' },
  { name: 'no request and no case', text: (f) => JSON.stringify({ ...f, request: undefined, case: undefined }), says: '/request is missing' },
  { name: 'case.breaks a string', text: (f) => JSON.stringify({ ...f, case: { ...(f.case as Json), breaks: 'InstanceId#length' } }), says: '/case/breaks must be array' },
  { name: 'case.kind unknown', text: (f) => JSON.stringify({ ...f, case: { ...(f.case as Json), kind: 'weird' } }), says: '/case/kind must be one of' },
  { name: 'case of another operation', text: (f) => JSON.stringify({ ...f, case: { ...(f.case as Json), operation: 'CreateServiceInstance' } }), says: '/case/operation' },
  { name: 'seed a string', text: (f) => JSON.stringify({ ...f, seed: 'abc', scenario: true }), says: '/seed must be integer' },
  { name: 'scenario without a seed', text: (f) => JSON.stringify({ ...f, seed: undefined, scenario: true }), says: '/seed is missing' },
  { name: 'numeric service id', text: (f) => JSON.stringify({ ...f, case: { ...(f.case as Json), context: { cloudMap: { serviceId: 12345, service: null } } } }), says: '/case/context/cloudMap/serviceId must be string' },
  { name: 'numeric context service id', text: (f) => JSON.stringify({ ...f, context: { cloudMap: { serviceId: 7, service: null } } }), says: '/context/cloudMap/serviceId must be string' },
  { name: 'kind unknown', text: (f) => JSON.stringify({ ...f, kind: 'bogus' }), says: '/kind must be one of' },
  { name: 'observed code a number', text: (f) => JSON.stringify({ ...f, observed: { status: 400, code: 5 } }), says: '/observed/code must be string' },
  { name: 'a __proto__ key', text: (f) => `{"__proto__":{"scenario":true},${JSON.stringify(f).slice(1)}`, says: '/__proto__ is not a known field' },
  { name: 'a constructor key', text: (f) => JSON.stringify({ constructor: { name: 'x' }, ...f }), says: '/constructor is not a known field' },
  { name: 'a misspelt field', text: (f) => JSON.stringify({ ...f, reqeust: {} }), says: '/reqeust is not a known field' },
  { name: 'fixtureVersion 2', text: (f) => JSON.stringify({ ...f, fixtureVersion: 2 }), says: '/fixtureVersion must be 1' },
  { name: 'an array', text: () => '[1,2]', says: '/ must be object' },
  { name: 'truncated', text: (f) => JSON.stringify(f).slice(0, 40), says: 'is not JSON' },
];

describe('readFixture refuses a malformed fixture: CF_ERR_FIXTURE, the file and the field', () => {
  for (const b of broken) {
    it(b.name, async () => {
      const file = join(work, `${b.name.replace(/\W+/g, '-')}.json`);
      await writeFile(file, b.text(fixture() as unknown as Json));
      const error = await readFixture(file).then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'HarnessError', code: 'CF_ERR_FIXTURE' });
      const message = (error as Error).message;
      expect(message).toContain(file);
      expect(message).toContain(b.says);
      expect(message).not.toContain('\n');
    });
  }

  it('a valid fixture, and a recording beside fixtures (skipped: undefined), still load', async () => {
    const file = join(work, 'valid.json');
    await writeFile(file, JSON.stringify(fixture()));
    await expect(readFixture(file)).resolves.toMatchObject({ operation: 'RegisterInstance', kind: 'accepted-invalid' });
    const rec = join(work, 'rec.json');
    await writeFile(rec, JSON.stringify({ recordingVersion: 1, exchanges: [] }));
    await expect(readFixture(rec)).resolves.toBeUndefined();
  });
});

describe('only regular files are read', () => {
  it('a FIFO named *.json in a fixtures folder is skipped with one line; given directly it is CF_ERR_FIXTURE at once', async () => {
    const dir = join(work, 'fifo');
    await mkdir(join(dir, 'RegisterInstance'), { recursive: true });
    await writeFile(join(dir, 'RegisterInstance', 'a.json'), JSON.stringify(fixture()));
    const fifo = join(dir, 'RegisterInstance', 'b.json');
    execFileSync('mkfifo', [fifo]);
    const skipped: string[] = [];
    expect(await fixtureFiles(dir, (line) => skipped.push(line))).toEqual([join(dir, 'RegisterInstance', 'a.json')]);
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain(fifo);
    expect(skipped[0]).toContain('FIFO');
    await expect(fixtureFiles(fifo)).rejects.toMatchObject({ code: 'CF_ERR_FIXTURE' });
    await expect(readFixture(fifo)).rejects.toMatchObject({ code: 'CF_ERR_FIXTURE', message: expect.stringContaining('FIFO') });
  }, 5_000);
});

const BIN = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
const ENV = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', CONTRACT_FUZZ_DEBUG: '', CI: '' };
function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: work, env: ENV, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  setTimeout(() => child.kill('SIGKILL'), 30_000).unref(); // a hanging replay must fail the test, not outlive it
  return new Promise((resolve, reject) => { child.once('error', reject); child.once('close', (code) => resolve({ code, stdout, stderr })); });
}

describe('contract-fuzz replay: a broken regression fixture never passes the gate', () => {
  it('a malformed fixture given directly: exit 2, one line naming the file and the field', async () => {
    const file = join(work, 'direct-seed.json');
    await writeFile(file, JSON.stringify({ ...fixture(), seed: 'abc', scenario: true }));
    const r = await cli(['replay', file]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contract-fuzz: .*direct-seed\.json is not a contract-fuzz fixture: \/seed must be integer/)]);
    expect(r.stdout).toBe('');
  });

  it('inside a folder: the valid ones replay, each invalid one is an error line, the replay fails (exit 2), none is "fixed"', async () => {
    const dir = join(work, 'suite');
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, 'good.json'), JSON.stringify(fixture()));
    await writeFile(join(dir, 'request42.json'), JSON.stringify({ ...fixture(), request: 42, case: undefined }));
    await writeFile(join(dir, 'service-id.json'), JSON.stringify({ ...fixture(), case: { ...fixture().case, context: { cloudMap: { serviceId: 12345, service: null } } } }));
    execFileSync('mkfifo', [join(dir, 'pipe.json')]);
    const r = await cli(['replay', dir]);
    expect(r.code, r.stderr + r.stdout).toBe(2);
    const errors = r.stderr.trim().split('\n');
    expect(errors).toEqual([
      expect.stringMatching(/^contract-fuzz: skipped .*pipe\.json: it is a FIFO/),
      expect.stringMatching(/^contract-fuzz: .*request42\.json is not a contract-fuzz fixture: \/request must be object/),
      expect.stringMatching(/^contract-fuzz: .*service-id\.json is not a contract-fuzz fixture: \/case\/context\/cloudMap\/serviceId must be string/),
    ]);
    expect(r.stdout).not.toMatch(/fixed .*request42|fixed .*service-id/);
    expect(r.stdout).toMatch(/good\.json/);
    expect(r.stdout).toMatch(/3 fixture\(s\) against builtin: 0 reproduce, 0 changed, 1 fixed, 2 invalid/);
  });
});
