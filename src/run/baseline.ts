// A baseline lists accepted differences by stable finding id: they are reported but do not fail the gate.
// An entry this run exercised without finding it is reported as fixed, so a baseline only ever shrinks on
// purpose. "Exercised" is judged from what ran, never assumed: the entry's operation ran, and its constraint
// got a case in the direction its kind needs (an invalid one for accepted-invalid and error-code, a valid one
// for rejected-valid and response-schema, any otherwise), or its scenario ran. Everything else is "not
// exercised" (another seed, --no-scenarios, a constraint this version no longer generates): neither fixed
// nor found, and said so.
import { writeFileAtomic } from '../files.ts';
import type { CoverageTable, Finding } from '../report/types.ts';
import { readDocument } from '../schemas/read.ts';
import { scenariosOf } from '../scenarios/index.ts';

export interface BaselineEntry {
  id: string;
  operation: string;
  kind: string;
  constraint: string;
  code?: string;
  /** The root cause it belonged to: the entry then matches only that (root cause, constraint), so the same
   * constraint failing in another way is new. Entries without it match by id alone (older baselines). */
  finding?: string;
  note?: string;
}
export interface Baseline { baselineVersion: 1; findings: BaselineEntry[] }

/** A baseline file valid against schemas/baseline.schema.json; anything else is CF_ERR_BASELINE naming the field. */
export async function readBaseline(file: string): Promise<Baseline> {
  return readDocument<Baseline>('baseline', file, 'CF_ERR_BASELINE');
}

/** What a run exercised: the facts `exercised` judges baseline entries by. */
export interface RunExercise {
  operations: string[];
  coverage: CoverageTable;
  /** Cases per operation (a finding on `<Operation>#valid` or an answer-level protocol rule needs only one). */
  cases: Record<string, number>;
  /** Operations whose idempotency and state scenarios ran. */
  scenarios: ReadonlySet<string>;
  /** Run filters: an id they left out was not exercised, whatever else ran (src/run/filters.ts). */
  keeps?: (operation: string, id: string) => boolean;
}

const NEEDS: Record<string, 'valid' | 'invalid'> = {
  'accepted-invalid': 'invalid', 'error-code': 'invalid', 'rejected-valid': 'valid', 'response-schema': 'valid',
};

/** Whether the run exercised what a baseline entry is about (see the top of this file). */
export function exercised(e: Partial<BaselineEntry>, run: RunExercise): boolean {
  const op = e.operation;
  if (op === undefined || !run.operations.includes(op) || typeof e.constraint !== 'string') return false;
  if (run.keeps && !run.keeps(op, e.constraint)) return false;
  const cell = run.coverage[op]?.[e.constraint];
  if (cell) {
    const needs = e.kind === undefined ? undefined : NEEDS[e.kind];
    return needs ? cell[needs] > 0 : cell.valid + cell.invalid > 0;
  }
  if (scenariosOf(op).some((s) => s.id === e.constraint)) return run.scenarios.has(op);
  // Plain valid cases, protocol findings about how any answer looks, and an operation once not tested (its
  // prerequisites are there now): any case of the operation.
  if (e.constraint === `${op}#valid` || e.kind === 'protocol' || e.kind === 'not-tested') return (run.cases[op] ?? 0) > 0;
  return false;
}

export interface BaselineVerdict {
  /** Entries this run exercised without finding them. */
  fixed: string[];
  /** Entries this run did not exercise: nothing can be said about them. */
  notExercised: string[];
}

/** Marks baselined findings; sorts the entries that did not occur into fixed and not exercised. */
export function applyBaseline(findings: Finding[], baseline: Baseline | undefined, run: RunExercise): BaselineVerdict {
  if (!baseline) return { fixed: [], notExercised: [] };
  const known = new Map<string, BaselineEntry[]>();
  for (const e of baseline.findings) known.set(e.id, [...(known.get(e.id) ?? []), e]);
  const seen = new Set<BaselineEntry>();
  for (const f of findings) {
    const entry = known.get(f.id)?.find((e) => e.finding === undefined || e.finding === f.finding);
    if (!entry) continue;
    seen.add(entry);
    f.baselined = true;
    f.gating = false;
  }
  const verdict: BaselineVerdict = { fixed: [], notExercised: [] };
  for (const e of baseline.findings) {
    if (!seen.has(e)) (exercised(e, run) ? verdict.fixed : verdict.notExercised).push(e.id);
  }
  return verdict;
}

/** Writes the baseline; returns how many entries it holds. */
export async function writeBaseline(file: string, findings: Finding[]): Promise<number> {
  const entries: BaselineEntry[] = findings
    .filter((f) => f.severity !== 'info')
    .map((f) => ({
      id: f.id, operation: f.operation, kind: f.kind, constraint: f.constraint,
      ...(f.actual.code ? { code: f.actual.code } : {}), ...(f.finding ? { finding: f.finding } : {}),
    }));
  await writeFileAtomic(file, JSON.stringify({ baselineVersion: 1, findings: entries }, null, 2) + '\n');
  return entries.length;
}
