// Issue 11 §4: the same seed as one run and as 3 shards merged gives the same cases (by case id digest), the
// same findings (ids, counts, representative case, shrunk payload) and the same coverage, against a target
// with two deviations (one per operation). And merge refuses what is not the shards of one run.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plan } from '../../src/generate/index.ts';
import type { Report } from '../../src/report/types.ts';
import { writeBaseline } from '../../src/run/baseline.ts';
import { mergeReportDirs } from '../../src/run/mergeCommand.ts';
import { parseRunOptions, TIME_BOXED_RUNS } from '../../src/run/options.ts';
import { executeRun, type RunResult } from '../../src/run/run.ts';
import { DEVIATIONS, startFaultyTarget, type Deviation, type FaultyTarget } from '../support/faultyTarget.ts';

/** Two deviations at once: Cloud Map accepts a 65-character InstanceId, Proton 51 tags. */
function twoDeviations(): Deviation {
  const cloudMap = DEVIATIONS['instance-id-too-long-accepted']();
  const proton = DEVIATIONS['fifty-one-tags-accepted']();
  return (x) => cloudMap({ ...x, pass: () => proton(x) });
}

let work: string;
let target: FaultyTarget;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cf-shard-'));
  target = await startFaultyTarget(twoDeviations());
});
afterAll(async () => {
  await target?.close();
  await rm(work, { recursive: true, force: true });
});

const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };
async function run(name: string, extra: string[]): Promise<RunResult & { dir: string }> {
  const dir = join(work, name);
  const o = parseRunOptions(['--target', target.url, '--seed', '5', '--runs', '30', '--report-dir', dir, '--no-fixtures', ...extra]);
  return { ...(await executeRun(o, new AbortController().signal, quiet)), dir };
}

/** What must be equal whole and merged: findings by id with their counts, representative cases and payloads. */
const findings = (r: Report) => r.discrepancies.map((f) => ({ id: f.id, kind: f.kind, constraint: f.constraint, count: f.count, caseId: f.caseId, request: f.request, gating: f.gating }));

describe('--shard i/n and merge', () => {
  let whole: RunResult;
  let merged: { report: Report; exitCode: number };
  let shards: Array<RunResult & { dir: string }>;

  beforeAll(async () => {
    whole = await run('whole', []);
    shards = [];
    for (const i of [1, 2, 3]) shards.push(await run(`shard-${i}`, ['--shard', `${i}/3`]));
    merged = await mergeReportDirs(shards.map((s) => s.dir), join(work, 'merged'), { write: () => undefined, writeErr: () => undefined }, join(work, 'merged-baseline.json'));
  }, 240_000);

  it('the whole run finds both deviations', () => {
    expect(whole.report.discrepancies.map((f) => `${f.kind} ${f.constraint}`).sort()).toEqual(['accepted-invalid InstanceId#length', 'accepted-invalid tags#size']);
    expect(whole.exitCode).toBe(1);
  });

  it('each shard takes part of the cases; together the same cases as the whole run (case id digest)', () => {
    for (const s of shards) expect(s.report.summary.cases).toBeLessThan(whole.report.summary.cases);
    expect(merged.report.run.caseDigest).toEqual(whole.report.run.caseDigest);
    expect(merged.report.summary.cases).toBe(whole.report.summary.cases);
  });

  it('the same findings and root causes (ids, counts, earliest case, shrunk payload) and the same coverage', () => {
    expect(findings(merged.report)).toEqual(findings(whole.report));
    // root causes, built by the same code from the regrouped discrepancies
    const causes = (r: Report) => r.findings.map((c) => ({ id: c.id, count: c.count, gating: c.gating, seenOn: c.seenOn }));
    expect(causes(merged.report)).toEqual(causes(whole.report));
    expect(merged.report.findings).toHaveLength(2);
    expect(merged.report.summary.gatingFindings).toBe(whole.report.summary.gatingFindings);
    expect(merged.report.coverage).toEqual(whole.report.coverage);
    expect(merged.report.summary.byKind).toEqual(whole.report.summary.byKind);
    expect(merged.report.summary.gating).toBe(whole.report.summary.gating);
    expect(merged.exitCode).toBe(1);
  });

  it('each operation\'s scenarios ran in exactly one shard', () => {
    const ran = shards.flatMap((s) => s.report.run.shard!.scenarios).sort();
    expect(ran).toEqual([...whole.report.run.operations].sort());
    for (const s of shards) expect(s.report.run.scenarios).toBe(true);
  });

  it('merge --write-baseline writes the baseline one run would', async () => {
    await writeBaseline(join(work, 'whole-baseline.json'), whole.report.discrepancies);
    expect(await readFile(join(work, 'merged-baseline.json'), 'utf8')).toBe(await readFile(join(work, 'whole-baseline.json'), 'utf8'));
  });

  it('a finding reproduces with its shard: the rerun command carries --shard', () => {
    const f = merged.report.discrepancies[0]!;
    expect(f.reproduce).toMatch(/--shard [123]\/3/);
  });

  it('writes the merged report.json, junit.xml and summary.md, which say they were merged', async () => {
    const json = JSON.parse(await readFile(join(work, 'merged', 'report.json'), 'utf8')) as Report;
    expect(json.run.merged?.shards).toBe(3);
    expect(json.run.shard).toBeUndefined();
    expect(await readFile(join(work, 'merged', 'junit.xml'), 'utf8')).toContain('<failure');
    expect(await readFile(join(work, 'merged', 'summary.md'), 'utf8')).toContain('merged from 3 shards');
  });

  // Seen on a clean clone: the merged report.json had no run.reproduce (a single run's has it), and its report.html
  // rebuilt one without the `npx` every other command carries.
  it('says how to rerun the whole: run.reproduce is the unsharded run\'s command', async () => {
    expect(whole.report.run.reproduce).toMatch(/^npx contract-fuzz run /);
    expect(merged.report.run.reproduce).toBe(whole.report.run.reproduce);
    expect(await readFile(join(work, 'merged', 'report.html'), 'utf8')).toContain(`<code class="cmd">${whole.report.run.reproduce}</code>`);
  });

  // Seen on a clean clone: a shard's report.json edited by hand or by another tool (a discrepancy that is not one,
  // coverage or case digest of another shape) gave "internal error: Cannot destructure property 'status'…", or
  // merged silently into wrong coverage and case counts. Each is one line naming the file and what is wrong.
  it('refuses a shard report of the wrong shape, naming the file and the part', async () => {
    const base = JSON.parse(await readFile(join(shards[1]!.dir, 'report.json'), 'utf8')) as Report;
    type Editable = { discrepancies: unknown; coverage: unknown; run: { caseDigest: unknown } };
    const broken: Array<[string, (r: Editable) => void, RegExp]> = [
      ['discrepancy', (r) => { r.discrepancies = [1, 2]; }, /discrepancies\[0\]/],
      ['coverage', (r) => { r.coverage = { RegisterInstance: 5 }; }, /coverage\.RegisterInstance/],
      ['digest', (r) => { r.run.caseDigest = null; }, /run\.caseDigest/],
    ];
    for (const [name, breakIt, part] of broken) {
      const bad = structuredClone(base) as unknown as Editable;
      breakIt(bad);
      const file = join(work, `broken-${name}.json`);
      await writeFile(file, JSON.stringify(bad));
      let message = 'merged';
      try { await mergeReportDirs([shards[0]!.dir, file, shards[2]!.dir], join(work, 'refused'), quiet); } catch (e) { message = `${(e as { code?: string }).code} ${(e as Error).message}`; }
      expect(message, name).toMatch(/^CF_ERR_MERGE .*broken-/);
      expect(message, name).toMatch(part);
      expect(message, name).not.toMatch(/internal error|\n/);
    }
  });

  it('refuses a missing shard, a shard given twice, other options, another shard count, a report that is no shard', async () => {
    const refused = async (dirs: string[]) => {
      try {
        await mergeReportDirs(dirs, join(work, 'refused'), quiet);
        return 'merged';
      } catch (e) {
        return (e as { code?: string; message: string }).code + ' ' + (e as Error).message;
      }
    };
    const [one, two, three] = shards.map((s) => s.dir) as [string, string, string];
    expect(await refused([one, three])).toMatch(/^CF_ERR_MERGE missing shard\(s\) 2\/3/);
    expect(await refused([one, two, two, three])).toMatch(/^CF_ERR_MERGE shard 2\/3 given twice/);
    expect(await refused([one, two, three, join(work, 'whole')])).toMatch(/^CF_ERR_MERGE .*whole.* is not a shard's report/);
    // another seed (its options differ), another shard count
    const other = JSON.parse(await readFile(join(two, 'report.json'), 'utf8')) as Report;
    const seed = structuredClone(other);
    seed.run.shard!.options = seed.run.shard!.options.map((w) => (w === '5' ? '6' : w));
    await writeFile(join(work, 'seed6.json'), JSON.stringify(seed));
    expect(await refused([one, join(work, 'seed6.json'), three])).toMatch(/^CF_ERR_MERGE .*different options \('--seed 6' vs '--seed 5'\)/);
    const count = structuredClone(other);
    count.run.shard!.total = 4;
    await writeFile(join(work, 'count4.json'), JSON.stringify(count));
    expect(await refused([one, join(work, 'count4.json'), three])).toMatch(/^CF_ERR_MERGE .*different shard counts/);
    expect(await refused([join(work, 'nothing-here')])).toMatch(/^CF_ERR_MERGE cannot read the shard report/);
    expect(await refused([one, two, three].concat())).toBe('merged');
  });
});

describe('--max-findings and --duration (issue 11 §5)', () => {
  it('--max-findings 1 stops after the first gating finding: said in every output, never green, exit 1', async () => {
    const r = await run('max-1', ['--max-findings', '1', '--no-scenarios']);
    expect(r.report.run.stoppedEarly).toEqual({ reason: 'max-findings', maxFindings: 1, findings: 1 });
    expect(r.exitCode).toBe(1);
    // RegisterInstance runs first: Proton never got a case
    expect(r.report.discrepancies.map((f) => f.constraint)).toEqual(['InstanceId#length']);
    expect(Object.values(r.report.coverage.CreateServiceInstance!).every((c) => c.valid + c.invalid === 0)).toBe(true);
    const md = await readFile(join(r.dir, 'summary.md'), 'utf8');
    expect(md).toContain('STOPPED EARLY');
    expect(md).not.toContain('✅');
    expect(await readFile(join(r.dir, 'junit.xml'), 'utf8')).toContain('stopped early (--max-findings)');
  }, 120_000);

  it('--duration: the coverage phase whole, then random cases until the time is spent; the report says how many', async () => {
    // (the last --runs wins: no cap on the random phase but the clock)
    const r = await run('timed', ['--duration', '10s', '--operation', 'CreateServiceInstance', '--no-scenarios', '--runs', String(TIME_BOXED_RUNS)]);
    const box = r.report.run.timeBox!;
    expect(box).toMatchObject({ duration: '10s', durationMs: 10_000 });
    const coverage = [...plan('CreateServiceInstance', { seed: 0, runs: 0 })].length;
    expect(r.report.summary.cases).toBe(coverage + box.randomCases);
    expect(r.report.run.durationMs).toBeGreaterThanOrEqual(10_000);
    expect(r.report.run.durationMs).toBeLessThan(60_000);
    expect(box.randomCases).toBeGreaterThan(0);
    // the finding (51 tags, a coverage case) reruns with the random cases the run reached, not the clock
    const f = r.report.discrepancies.find((d) => d.constraint === 'tags#size')!;
    expect(f.reproduce).toMatch(/--runs \d+/);
    expect(f.reproduce).not.toContain('--duration');
    expect(await readFile(join(r.dir, 'summary.md'), 'utf8')).toContain(`time-boxed (10s): ${box.randomCases} random cases`);
  }, 120_000);
});
