// --include / --exclude: ids or globs limit what is generated (coverage and random phases, scenario families)
// and what the report counts; a pattern that matches nothing is a usage error; valid cases still run whole.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HarnessError } from '../../src/errors.ts';
import { plan, type PlanItem } from '../../src/generate/index.ts';
import { applyBaseline } from '../../src/run/baseline.ts';
import { filterableIds, runFilter } from '../../src/run/filters.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { rerunCommand } from '../../src/run/reproduce.ts';
import { executeRun } from '../../src/run/run.ts';
import { startFaultyTarget } from '../support/faultyTarget.ts';

const OPS = ['RegisterInstance', 'CreateServiceInstance'];
const codeOf = (f: () => unknown): string | undefined => {
  try { f(); } catch (e) { if (e instanceof HarnessError) return e.code; throw e; }
  return undefined;
};
const take = (op: string, keep?: (id: string) => boolean, runs = 80): PlanItem[] => [...plan(op, { seed: 5, runs, ...(keep ? { keep } : {}) })];

describe('run filters: patterns', () => {
  it('a pattern that matches no id is a usage error (typos must not pass)', () => {
    expect(codeOf(() => runFilter(OPS, ['Atributes*'], []))).toBe('CF_ERR_USAGE');
    expect(codeOf(() => runFilter(OPS, [], ['rule:nope']))).toBe('CF_ERR_USAGE');
    // A Proton-only id is no id of a Cloud Map-only run
    expect(codeOf(() => runFilter(['RegisterInstance'], ['tags*'], []))).toBe('CF_ERR_USAGE');
    expect(codeOf(() => runFilter(OPS, ['tags*'], []))).toBeUndefined();
  });

  it('globs and exact ids (also ids with glob characters in them)', () => {
    const f = runFilter(OPS, ['Attributes*', 'tags[].key#required', 'idempotency:*'], ['Attributes{key}#pattern']);
    expect(f.keeps('RegisterInstance', 'Attributes{value}#length')).toBe(true);
    expect(f.keeps('RegisterInstance', 'Attributes{key}#pattern')).toBe(false);
    expect(f.keeps('CreateServiceInstance', 'tags[].key#required')).toBe(true);
    expect(f.keeps('CreateServiceInstance', 'tags[].value#required')).toBe(false);
    expect(f.keeps('RegisterInstance', 'idempotency:token-replay')).toBe(true);
    expect(f.keeps('RegisterInstance', 'InstanceId#length')).toBe(false);
    // ids no filter can name (plain valid cases, answer-level checks) are always kept
    expect(f.keeps('RegisterInstance', 'RegisterInstance#valid')).toBe(true);
    const s = f.summary();
    expect(s.excluded.RegisterInstance!.ids).toContain('rule:custom-attributes-max-30');
    expect(s.excluded.RegisterInstance!.count).toBe(filterableIds('RegisterInstance').filter((id) => !f.keeps('RegisterInstance', id)).length);
  });

  it('repeatable and comma-separated; carried by the reproduce command', () => {
    const o = parseRunOptions(['--include', 'rule:*,Attributes*', '--include', ' idempotency:* ', '--exclude', 'rule:alias*', '--seed', '1']);
    expect(o.include).toEqual(['rule:*', 'Attributes*', 'idempotency:*']);
    expect(o.exclude).toEqual(['rule:alias*']);
    expect(rerunCommand(o, 'RegisterInstance')).toContain("--include 'rule:*,Attributes*,idempotency:*' --exclude 'rule:alias*'");
  });
});

describe('run filters: what is generated', () => {
  it('no filter and a filter that keeps everything give the same cases', () => {
    const plain = take('RegisterInstance').map((i) => [i.seed, i.target, i.case.breaks]);
    expect(take('RegisterInstance', () => true).map((i) => [i.seed, i.target, i.case.breaks])).toEqual(plain);
  });

  it.each(OPS)('%s: only kept ids are aimed at or broken; valid cases still run', (op) => {
    const f = runFilter(OPS, ['rule:*', 'name*', 'protocol:*'], ['protocol:malformed-json']);
    const keep = (id: string) => f.keeps(op, id);
    const items = take(op, keep);
    for (const i of items) {
      if (i.target !== undefined) expect(keep(i.target), i.target).toBe(true);
      for (const b of i.case.breaks) expect(keep(b), b).toBe(true);
    }
    expect(items.some((i) => i.phase === 'fill' && i.case.kind === 'valid')).toBe(true);
    expect(items.some((i) => i.phase === 'fill' && i.case.kind === 'invalid')).toBe(true);
    // excluded ids never appear, and kept ones do
    expect(items.flatMap((i) => i.case.breaks)).not.toContain('protocol:malformed-json');
    expect(items.flatMap((i) => i.case.breaks)).toContain('protocol:body-not-object');
  });

  it('a filter that keeps no breakable id leaves only valid cases, still `runs` of them', () => {
    const items = take('RegisterInstance', (id) => id.startsWith('idempotency:'), 10);
    expect(items.filter((i) => i.phase === 'coverage')).toEqual([]);
    expect(items).toHaveLength(10);
    expect(items.every((i) => i.case.kind === 'valid')).toBe(true);
  });

  it('a baseline entry about a filtered-out id is not exercised, never fixed', () => {
    const f = runFilter(['RegisterInstance'], [], ['InstanceId*']);
    const entry = { id: 'x', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#length' };
    const verdict = applyBaseline([], { baselineVersion: 1, findings: [entry] }, {
      operations: ['RegisterInstance'], coverage: { RegisterInstance: { 'InstanceId#length': { valid: 3, invalid: 3 } } }, cases: { RegisterInstance: 10 }, scenarios: new Set(), keeps: f.keeps,
    });
    expect(verdict).toEqual({ fixed: [], notExercised: ['x'] });
  });
});

describe('run filters: a run against faulty targets', () => {
  let work: string;
  beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-filters-')); });
  afterAll(async () => { await rm(work, { recursive: true, force: true }); });
  let n = 0;
  const run = async (url: string, args: string[]) => {
    const dir = join(work, `r${++n}`);
    let printed = '';
    const o = parseRunOptions(['--target', url, '--seed', '11', '--runs', '5', '--shrink-requests', '20', '--report-dir', dir, '--no-fixtures', ...args]);
    const r = await executeRun(o, new AbortController().signal, { write: (t) => void (printed += t), writeErr: () => undefined, isTTY: false });
    return { ...r, printed };
  };

  it('an excluded constraint gets no case, so the deviation on it is not found; the report says what was left out', async () => {
    const faulty = await startFaultyTarget('instance-id-too-long-accepted');
    try {
      const base = ['--operation', 'RegisterInstance', '--no-scenarios'];
      const found = await run(faulty.url, base);
      expect(found.report.discrepancies.map((f) => f.constraint)).toContain('InstanceId#length');
      const filtered = await run(faulty.url, [...base, '--exclude', 'InstanceId#length']);
      expect(filtered.report.discrepancies.map((f) => f.constraint)).not.toContain('InstanceId#length');
      expect(filtered.report.run.filters).toEqual({ include: [], exclude: ['InstanceId#length'], excluded: { RegisterInstance: { count: 1, ids: ['InstanceId#length'] } } });
      expect(filtered.report.coverage.RegisterInstance).not.toHaveProperty('InstanceId#length');
      expect(filtered.printed).toMatch(/^filters \(--exclude InstanceId#length\): .*RegisterInstance 1$/m);
      expect(filtered.exitCode).toBe(0);
    } finally {
      await faulty.close();
    }
  }, 120_000);

  it('scenarios by their ids: an excluded scenario is not run; an included one is', async () => {
    const faulty = await startFaultyTarget('token-mismatch-accepted');
    try {
      const base = ['--operation', 'RegisterInstance', '--runs', '0'];
      const only = await run(faulty.url, [...base, '--include', 'idempotency:token-mismatch']);
      expect(only.report.discrepancies.map((f) => f.constraint)).toEqual(['idempotency:token-mismatch']);
      const without = await run(faulty.url, [...base, '--exclude', 'idempotency:token-mismatch']);
      expect(without.report.discrepancies.map((f) => f.constraint)).not.toContain('idempotency:token-mismatch');
    } finally {
      await faulty.close();
    }
  }, 120_000);
});

describe('run filters: a scenario family that checks several ids', () => {
  it('a failure on a filtered-out id does not hide a failure on a kept one', async () => {
    const { runFamily } = await import('../../src/scenarios/family.ts');
    const { ScenarioViolation } = await import('../../src/scenarios/session.ts');
    const fc = (await import('fast-check')).default;
    // Every run fails its first check (excluded) when the value is odd, its second (kept) when it is even.
    const family = {
      tag: 'tf', scenarios: ['idempotency:no-token', 'state:operation-completes'],
      arbitrary: () => fc.integer({ min: 1, max: 9 }),
      async run(v: number) {
        throw new ScenarioViolation(v % 2 ? 'idempotency:no-token' : 'state:operation-completes', { status: 200 }, 'planted', []);
      },
    };
    const { profileOf } = await import('../../src/profiles/index.ts');
    const profile = profileOf('RegisterInstance');
    const base = { env: { operation: 'RegisterInstance', profile, subject: profile.scenarios!, prepared: {}, poll: { intervalMs: 1, timeoutMs: 1 } }, target: {} as never, seed: 3, numRuns: 20, prefix: 'cfx', budget: { left: 10 } };
    const kept = await runFamily(family, { ...base, keep: (id) => id !== 'idempotency:no-token' });
    expect(kept?.constraint).toBe('state:operation-completes');
    const none = await runFamily(family, { ...base, keep: (id) => id === 'idempotency:token-replay' });
    expect(none).toBeUndefined();
  });
});
