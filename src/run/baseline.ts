// A baseline lists accepted differences by stable finding id: they are reported but do not fail the gate.
// Entries that no longer occur are reported as fixed, so a baseline only ever shrinks on purpose.
import { writeFileAtomic } from '../report/files.ts';
import type { Finding } from '../report/types.ts';
import { readDocument } from '../schemas/read.ts';

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

/** Marks baselined findings and returns the ids of baseline entries that did not occur. */
export function applyBaseline(findings: Finding[], baseline: Baseline | undefined, operations: string[]): string[] {
  if (!baseline) return [];
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
  // Only entries for operations this run covered can be called fixed.
  return baseline.findings.filter((e) => !seen.has(e) && operations.includes(e.operation)).map((e) => e.id);
}

export async function writeBaseline(file: string, findings: Finding[]): Promise<void> {
  const entries: BaselineEntry[] = findings
    .filter((f) => f.severity !== 'info')
    .map((f) => ({
      id: f.id, operation: f.operation, kind: f.kind, constraint: f.constraint,
      ...(f.actual.code ? { code: f.actual.code } : {}), ...(f.finding ? { finding: f.finding } : {}),
    }));
  await writeFileAtomic(file, JSON.stringify({ baselineVersion: 1, findings: entries }, null, 2) + '\n');
}
