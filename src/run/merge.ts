// `contract-fuzz merge`: the shards' reports (--shard i/n) → the report of the whole run. Checked first: every
// report is a shard of the same run (same tool version, option words, shard count) and every shard is there
// once. Then the findings are regrouped (one per id: counts add up, the earliest case represents it, as in one
// run), coverage, counts and case digests add up, and the report is built by the code `run` builds it with
// (buildReport), so grouping, sorting and the summary are the run's own. Pure: reading and writing is the
// command's (mergeCommand.ts).
import { HarnessError } from '../errors.ts';
import type { CoverageTable, DiffCoverageTable, Finding, Report, RunInfo } from '../report/types.ts';
import { buildReport } from './buildReport.ts';
import { addDigests } from './caseDigest.ts';
import { addDiffCoverage } from './diffCoverage.ts';

export interface ShardReport {
  /** Where it was read from (for messages). */
  from: string;
  report: Report;
}

const fail = (line: string): never => { throw new HarnessError('CF_ERR_MERGE', line); };

const same = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);

/** The first option that differs, with its flag, for the message. */
function firstDifference(a: readonly string[], b: readonly string[]): string {
  let i = 0;
  while (i < Math.max(a.length, b.length) && a[i] === b[i]) i++;
  let flag = i;
  while (flag > 0 && !(a[flag] ?? '').startsWith('--')) flag--;
  const show = (w: readonly string[]) => `'${w.slice(flag, i + 1).join(' ') || '(none)'}'`;
  return `${show(a)} vs ${show(b)}`;
}

/** The shards, in shard order, or one line saying why they are not the shards of one run. */
export function checkShards(shards: readonly ShardReport[]): ShardReport[] {
  if (shards.length === 0) fail('merge needs the report folders of the shards (contract-fuzz merge DIR…)');
  for (const s of shards) {
    const shard = s.report.run?.shard;
    if (!shard) fail(`${s.from} is not a shard's report (it was not run with --shard i/n)`);
    const { index, total, options } = shard!;
    if (!Number.isInteger(index) || !Number.isInteger(total) || index < 1 || index > total || !Array.isArray(options) || !options.every((w) => typeof w === 'string')) {
      fail(`${s.from}: run.shard is not a shard's {index, total, options}`);
    }
  }
  const first = shards[0]!;
  const { total, options } = first.report.run.shard!;
  const bySlot = new Map<number, ShardReport>();
  for (const s of shards) {
    const shard = s.report.run.shard!;
    if (s.report.tool.version !== first.report.tool.version) fail(`${s.from} was made by contract-fuzz ${s.report.tool.version}, ${first.from} by ${first.report.tool.version}: not one run`);
    if (shard.total !== total) fail(`${s.from} is shard ${shard.index}/${shard.total}, ${first.from} shard ${first.report.run.shard!.index}/${total}: different shard counts`);
    if (!same(shard.options, options)) fail(`${s.from} and ${first.from} ran with different options (${firstDifference(shard.options, options)}): not shards of one run`);
    const twice = bySlot.get(shard.index);
    if (twice) fail(`shard ${shard.index}/${total} given twice (${twice.from} and ${s.from})`);
    bySlot.set(shard.index, s);
  }
  const missing = Array.from({ length: total }, (_, i) => i + 1).filter((i) => !bySlot.has(i));
  if (missing.length) fail(`missing shard(s) ${missing.map((i) => `${i}/${total}`).join(', ')} of ${total}: the merged report would not be the whole run`);
  return [...bySlot.entries()].sort(([a], [b]) => a - b).map(([, s]) => s);
}

/** The plan index of the case that showed a finding (scenario findings have none: they come after every case). */
const caseIndex = (f: Finding): number => {
  const at = f.caseId?.lastIndexOf(':') ?? -1;
  return at < 0 ? Number.POSITIVE_INFINITY : Number(f.caseId!.slice(at + 1));
};

/** One finding per id, as one run groups them: counts add up, the earliest case (and its shrunk payload) represents it. */
export function regroup(findings: readonly Finding[]): Finding[] {
  const byId = new Map<string, Finding>();
  for (const f of findings) {
    const g = byId.get(f.id);
    if (!g) { byId.set(f.id, { ...f }); continue; }
    // A not-tested finding is one per run, whichever shards could not prepare the operation.
    const count = f.kind === 'not-tested' ? Math.max(g.count, f.count) : g.count + f.count;
    byId.set(f.id, caseIndex(f) < caseIndex(g) ? { ...f, count } : { ...g, count });
  }
  return [...byId.values()];
}

function addCoverage(into: CoverageTable, from: CoverageTable): void {
  for (const [op, table] of Object.entries(from)) {
    const target = (into[op] ??= {});
    for (const [id, c] of Object.entries(table)) {
      const cell = (target[id] ??= { valid: 0, invalid: 0 });
      cell.valid += c.valid;
      cell.invalid += c.invalid;
    }
  }
}

function addCounts(into: Record<string, Record<string, number>>, from: Record<string, Record<string, number>> | undefined): void {
  for (const [op, reasons] of Object.entries(from ?? {})) {
    const r = (into[op] ??= {});
    for (const [why, n] of Object.entries(reasons)) r[why] = (r[why] ?? 0) + n;
  }
}

/** The run info of the whole: the shards ran side by side (wall time: the longest shard). */
function mergedRun(shards: readonly Report[]): RunInfo {
  const first = shards[0]!.run;
  const runs = shards.map((r) => r.run);
  const cases = shards.reduce((n, r) => n + r.summary.cases, 0);
  const durationMs = Math.max(...runs.map((r) => r.durationMs));
  const skipped: Record<string, Record<string, number>> = {};
  for (const r of runs) addCounts(skipped, r.skipped);
  const sdkFilled: Record<string, string[]> = {};
  for (const r of runs) for (const [op, m] of Object.entries(r.sdkFilled ?? {})) sdkFilled[op] = [...new Set([...(sdkFilled[op] ?? []), ...m])].sort();
  const stopped = runs.map((r) => r.stoppedEarly).filter((s) => s !== undefined);
  const { shard: _shard, reproduce: _reproduce, caseDigest: _digest, timeBox, stoppedEarly: _stopped, interrupted: _interrupted, sdkFilled: _filled, skipped: _skipped, ...common } = first;
  return {
    ...common,
    scenarios: runs.every((r) => r.scenarios !== false),
    startedAt: runs.map((r) => r.startedAt).sort()[0]!,
    durationMs,
    casesPerSecond: durationMs > 0 ? Math.round((cases * 1000) / durationMs) : 0,
    ...(runs.some((r) => r.interrupted) ? { interrupted: true } : {}),
    ...(Object.keys(sdkFilled).length ? { sdkFilled } : {}),
    ...(Object.keys(skipped).length ? { skipped } : {}),
    caseDigest: Object.fromEntries(first.operations.map((op) => [op, addDigests(runs.map((r) => r.caseDigest?.[op] ?? { cases: 0, digest: '0'.repeat(16) }))])),
    merged: { shards: shards.length, options: first.shard!.options },
    // The whole run's command: a shard's, without its --shard (the last words mergeable shards differ in).
    ...(first.reproduce ? { reproduce: first.reproduce.replace(/ --shard \d+\/\d+(?= |$)/, '') } : {}),
    ...(timeBox ? { timeBox: { ...timeBox, randomCases: runs.reduce((n, r) => n + (r.timeBox?.randomCases ?? 0), 0) } } : {}),
    ...(stopped.length ? { stoppedEarly: { ...stopped[0]!, findings: Math.max(...stopped.map((s) => s.findings)) } } : {}),
  };
}

/**
 * The baseline verdict of the whole from the shards': an entry found by any shard is found (its findings say
 * baselined); else fixed when some shard exercised it without finding it; else not exercised.
 */
function mergedBaseline(shards: readonly Report[]) {
  return (findings: Finding[]): { fixed: string[]; notExercised?: string[] } => {
    const found = new Set(findings.filter((f) => f.baselined).map((f) => f.id));
    const fixed = [...new Set(shards.flatMap((r) => r.fixed))].filter((id) => !found.has(id));
    const withBaseline = shards.some((r) => r.notExercised !== undefined);
    const notExercised = [...new Set(shards.flatMap((r) => r.notExercised ?? []))].filter((id) => !found.has(id) && !fixed.includes(id));
    return { fixed, ...(withBaseline ? { notExercised } : {}) };
  };
}

/** The report of the whole run from its shards' reports (checked with checkShards first). */
export function mergeReports(input: readonly ShardReport[]): Report {
  const shards = checkShards(input).map((s) => s.report);
  const coverage: CoverageTable = {};
  for (const r of shards) addCoverage(coverage, r.coverage);
  // --diff shards: what each side did adds up like the coverage.
  const diffCoverage: DiffCoverageTable = {};
  for (const r of shards) if (r.diffCoverage) addDiffCoverage(diffCoverage, r.diffCoverage);
  return buildReport({
    run: mergedRun(shards),
    cases: shards.reduce((n, r) => n + r.summary.cases, 0),
    requests: shards.reduce((n, r) => n + r.summary.requests, 0),
    coverage,
    ...(shards.some((r) => r.diffCoverage) ? { diffCoverage } : {}),
    findings: regroup(shards.flatMap((r) => r.discrepancies)),
  }, mergedBaseline(shards));
}
