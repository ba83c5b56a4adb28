// Issue 7 §6: "fixed since the baseline" may only be said of an entry whose constraint (or scenario) this run
// exercised, in the direction the finding needs, without finding it; every other entry is "not exercised".
// Reproduced on main: a gate run that did not exercise an entry (another seed, --no-scenarios) called it fixed.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';

let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-baseline-truth-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

describe('baseline truth', () => {
  it('fixed only when exercised without being found; the rest is listed as not exercised, in report.json and on the console', async () => {
    const entries = [
      // exercised both ways by the coverage phase, not found on the builtin target → fixed
      { id: 'aaaaaaaaaaa1', operation: 'CreateServiceInstance', kind: 'accepted-invalid', constraint: 'name#length' },
      // a scenario, but this run has --no-scenarios → not exercised
      { id: 'aaaaaaaaaaa2', operation: 'CreateServiceInstance', kind: 'idempotency', constraint: 'idempotency:token-replay' },
      // accepted-invalid needs an invalid case; unknown members are only ever valid → not exercised
      { id: 'aaaaaaaaaaa3', operation: 'CreateServiceInstance', kind: 'accepted-invalid', constraint: 'protocol:unknown-member' },
      // a constraint this run does not know → not exercised
      { id: 'aaaaaaaaaaa4', operation: 'CreateServiceInstance', kind: 'accepted-invalid', constraint: 'rule:retired-rule' },
      // another operation than the one run → not exercised
      { id: 'aaaaaaaaaaa5', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#length' },
    ];
    const file = join(work, 'baseline.json');
    await writeFile(file, JSON.stringify({ baselineVersion: 1, findings: entries }));
    let out = '';
    const io = { write: (t: string) => { out += t; }, writeErr: () => undefined, isTTY: false };
    const o = parseRunOptions(['--operation', 'CreateServiceInstance', '--runs', '5', '--seed', '3', '--no-scenarios', '--no-fixtures', '--baseline', file, '--report-dir', join(work, 'r')]);
    const { report, exitCode } = await executeRun(o, new AbortController().signal, io);
    expect(exitCode).toBe(0);
    expect(report.fixed).toEqual(['aaaaaaaaaaa1']);
    expect(report.notExercised).toEqual(['aaaaaaaaaaa2', 'aaaaaaaaaaa3', 'aaaaaaaaaaa4', 'aaaaaaaaaaa5']);
    const json = JSON.parse(await readFile(join(work, 'r', 'report.json'), 'utf8')) as { fixed: string[]; notExercised: string[] };
    expect(json.notExercised).toHaveLength(4);
    expect(out).toContain('fixed since the baseline: aaaaaaaaaaa1');
    expect(out).toContain('not exercised by this run (neither fixed nor found): aaaaaaaaaaa2, aaaaaaaaaaa3, aaaaaaaaaaa4, aaaaaaaaaaa5');
  }, 60_000);

  it('--write-baseline says what it wrote: the path and the number of entries, one line', async () => {
    let out = '';
    const io = { write: (t: string) => { out += t; }, writeErr: () => undefined, isTTY: false };
    const file = join(work, 'written.json');
    const o = parseRunOptions(['--operation', 'CreateServiceInstance', '--runs', '2', '--seed', '3', '--no-scenarios', '--no-fixtures', '--write-baseline', file, '--report-dir', join(work, 'w')]);
    await executeRun(o, new AbortController().signal, io);
    expect(out).toContain(`baseline written: ${file} (0 entries)\n`);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ baselineVersion: 1, findings: [] });
  }, 60_000);
});

describe('exercised: the direction a finding needs', () => {
  const run = { operations: ['RegisterInstance'], coverage: { RegisterInstance: { 'InstanceId#length': { valid: 3, invalid: 0 } } }, cases: { RegisterInstance: 3 }, scenarios: new Set<string>() };
  it.each([
    ['accepted-invalid', 'InstanceId#length', false],
    ['error-code', 'InstanceId#length', false],
    ['rejected-valid', 'InstanceId#length', true],
    ['server-error', 'InstanceId#length', true],
    ['rejected-valid', 'RegisterInstance#valid', true],
    ['state', 'state:reregister-updates', false],
    ['not-tested', 'prerequisite:CreateService', true],
    ['protocol', 'protocol:content-type', true],
  ] as const)('%s on %s → %s', async (kind, constraint, expected) => {
    const { exercised } = await import('../../src/run/baseline.ts');
    expect(exercised({ operation: 'RegisterInstance', kind, constraint }, run)).toBe(expected);
  });
});
