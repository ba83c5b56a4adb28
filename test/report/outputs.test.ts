// Issue 8 §3 "paths": every output path is really probed before a run (as root too: /proc refuses files even
// to root, a regular file cannot hold a folder, a folder cannot be overwritten by a file), and an output that
// fails late anyway costs neither the others nor the report: one line, exit 2. Reproduced on main: an
// unwritable --fixtures-dir or --write-baseline passed the check and ended the run with "internal error".
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assertWritableDir, assertWritableFile } from '../../src/files.ts';
import type { Report } from '../../src/report/types.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { DEVIATIONS, startFaultyTarget, type Deviation } from '../support/faultyTarget.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-outputs-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const io = () => {
  const err: string[] = [];
  return { err, write: () => undefined, writeErr: (t: string) => void err.push(t), isTTY: false };
};
const exists = (p: string) => stat(p).then(() => true, () => false);

describe('up-front checks probe for real', () => {
  it('a fixtures folder under /proc (writable by access() for root, yet no file can be made there) is CF_ERR_CONFIG', async () => {
    await expect(assertWritableDir('/proc/contract-fuzz-nope/fixtures', 'fixtures', { create: false })).rejects.toMatchObject({ code: 'CF_ERR_CONFIG', message: expect.stringContaining('/proc/contract-fuzz-nope/fixtures') });
  });

  it('a baseline file: not a folder, not under a file, not under /proc; a new one in a new folder is fine and makes nothing', async () => {
    const dir = await mkdtemp(join(work, 'bl-'));
    await writeFile(join(dir, 'file'), '');
    await expect(assertWritableFile(dir, 'the baseline')).rejects.toMatchObject({ code: 'CF_ERR_CONFIG', message: expect.stringContaining('is a folder') });
    await expect(assertWritableFile(join(dir, 'file', 'b.json'), 'the baseline')).rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
    await expect(assertWritableFile('/proc/contract-fuzz-baseline.json', 'the baseline')).rejects.toMatchObject({ code: 'CF_ERR_CONFIG' });
    await expect(assertWritableFile(join(dir, 'new', 'b.json'), 'the baseline')).resolves.toBeUndefined();
    await expect(assertWritableFile(join(dir, 'file'), 'the baseline')).resolves.toBeUndefined();
    expect(await readdir(dir)).toEqual(['file']);
  });
});

describe('contract-fuzz run checks every output path before the first request', () => {
  const options = (extra: string[]) => parseRunOptions(['--operation', 'RegisterInstance', '--no-scenarios', '--runs', '3', '--seed', '5', '--quiet', ...extra]);

  it('--write-baseline naming a folder, --fixtures-dir under /proc, a fixtures operation folder that is a file', async () => {
    const dir = await mkdtemp(join(work, 'upfront-'));
    const taken = join(dir, 'fx');
    await mkdir(taken);
    await writeFile(join(taken, 'RegisterInstance'), 'not a folder');
    const faulty = await startFaultyTarget('instance-id-too-long-accepted');
    try {
      for (const extra of [
        ['--write-baseline', dir, '--no-fixtures'],
        ['--fixtures-dir', '/proc/contract-fuzz-fixtures'],
        ['--fixtures-dir', taken],
      ]) {
        const reports = join(dir, `reports-${extra[1]!.replace(/\W+/g, '-')}`);
        const error = await executeRun(options(['--target', faulty.url, '--report-dir', reports, ...extra]), new AbortController().signal, io()).then(() => undefined, (e: unknown) => e);
        expect(error, extra.join(' ')).toMatchObject({ name: 'HarnessError', code: 'CF_ERR_CONFIG' });
        expect(await exists(join(reports, 'report.json')), extra.join(' ')).toBe(false);
      }
    } finally {
      await faulty.close();
    }
  });
});

describe('an output that fails late costs neither the report nor the other outputs', () => {
  it('fixtures folder and baseline path taken away during the run: report.json, junit.xml, summary.md still written; one line each; exit 2', async () => {
    const dir = await mkdtemp(join(work, 'late-'));
    const fixtures = join(dir, 'fixtures');
    const baseline = join(dir, 'out', 'baseline.json');
    const reports = join(dir, 'reports');
    const tooLong = DEVIATIONS['instance-id-too-long-accepted']();
    let sabotaged = false;
    // Passes the up-front checks, then (at the first fuzzed request) the fixtures path becomes a file and the baseline
    // path a folder: writing either fails at the end, as a full disk or a removed mount would.
    const deviation: Deviation = async (x) => {
      if (!sabotaged && x.operation === 'RegisterInstance') {
        sabotaged = true;
        await writeFile(fixtures, 'in the way');
        await mkdir(baseline, { recursive: true });
      }
      return tooLong(x);
    };
    const faulty = await startFaultyTarget(deviation);
    try {
      const out = io();
      const o = parseRunOptions(['--target', faulty.url, '--operation', 'RegisterInstance', '--no-scenarios', '--runs', '3', '--seed', '5', '--quiet',
        '--report-dir', reports, '--fixtures-dir', fixtures, '--write-baseline', baseline]);
      const result = await executeRun(o, new AbortController().signal, out);
      expect(result.exitCode).toBe(2);
      const report = JSON.parse(await readFile(join(reports, 'report.json'), 'utf8')) as Report;
      expect(report.discrepancies.length).toBeGreaterThan(0);
      // The report does not point at fixtures that were not written.
      expect(report.discrepancies.every((f) => f.fixture === undefined)).toBe(true);
      expect(await exists(join(reports, 'junit.xml'))).toBe(true);
      expect(await exists(join(reports, 'summary.md'))).toBe(true);
      const lines = out.err.join('').trim().split('\n');
      expect(lines).toEqual([
        expect.stringMatching(new RegExp(`^contract-fuzz: cannot write fixtures to ${fixtures} \\(E[A-Z]+\\)`)),
        expect.stringMatching(new RegExp(`^contract-fuzz: cannot write the baseline to ${baseline} \\(E[A-Z]+\\)`)),
      ]);
    } finally {
      await faulty.close();
    }
  });

  it('report.json blocked by a folder of that name: junit.xml, summary.md and the baseline are still written; one line; exit 2', async () => {
    const dir = await mkdtemp(join(work, 'blocked-'));
    const reports = join(dir, 'reports');
    await mkdir(join(reports, 'report.json'), { recursive: true });
    const out = io();
    const o = parseRunOptions(['--operation', 'RegisterInstance', '--no-scenarios', '--runs', '3', '--seed', '5', '--quiet', '--report-dir', reports, '--no-fixtures', '--write-baseline', join(dir, 'baseline.json')]);
    const result = await executeRun(o, new AbortController().signal, out);
    expect(result.exitCode).toBe(2);
    expect(out.err.join('').trim().split('\n')).toEqual([expect.stringMatching(/^contract-fuzz: cannot write reports to .*reports \(E[A-Z]+\)$/)]);
    expect(await exists(join(reports, 'junit.xml'))).toBe(true);
    expect(await exists(join(reports, 'summary.md'))).toBe(true);
    expect(await exists(join(dir, 'baseline.json'))).toBe(true);
  });
});

describe('contract-fuzz record --out is checked before the run', () => {
  it('an --out folder under /proc: exit 2, one line, before any report', async () => {
    const reports = join(work, 'record-reports');
    const bin = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'record', '--target', 'builtin', '--operation', 'RegisterInstance', '--no-scenarios', '--runs', '2',
      '--out', '/proc/contract-fuzz-recorded', '--report-dir', reports, '--no-fixtures'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: '', CONTRACT_FUZZ_DEBUG: '' } });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contract-fuzz: cannot write recordings to \/proc\/contract-fuzz-recorded/)]);
    expect(await exists(join(reports, 'report.json'))).toBe(false);
  });
});

describe('contract-fuzz models import --out', () => {
  it('under a file: CF_ERR_CONFIG; under /proc: exit 2 at once (Node 20 recursive mkdir never returns there)', async () => {
    const { importModel } = await import('../../src/model/import.ts');
    const { SHARED } = await import('../model/shared.ts');
    const dir = await mkdtemp(join(work, 'models-'));
    await writeFile(join(dir, 'file'), '');
    expect(() => importModel({ file: SHARED.servicediscovery.botocore, outDir: join(dir, 'file', 'models') }))
      .toThrow(expect.objectContaining({ code: 'CF_ERR_CONFIG', message: expect.stringContaining(join(dir, 'file', 'models')) }));
    const bin = fileURLToPath(new URL('../../bin/contract-fuzz.js', import.meta.url));
    const child = spawn(process.execPath, [bin, 'models', 'import', SHARED.servicediscovery.botocore, '--out', '/proc/contract-fuzz-models'], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
    setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdout.resume();
    const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
    expect(code, stderr).toBe(2);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(/^contract-fuzz: cannot write the model to \/proc\/contract-fuzz-models\//)]);
  });
});
