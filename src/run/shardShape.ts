// What merge reads from a shard's report.json beyond its header: the discrepancies (regrouped), the coverage and
// the case digest (added up). A report edited by hand or by another tool may hold something else there; said in
// one line naming the part, rather than an internal error or a merged report with wrong counts.
import { isObject } from '../contract/json.ts';

const isCount = (v: unknown): boolean => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** The first part of `report` merge cannot use, as "where: what", or undefined. */
export function shardShapeProblem(report: { discrepancies: unknown[]; coverage: unknown; run: { caseDigest?: unknown } }): string | undefined {
  for (const [i, d] of report.discrepancies.entries()) {
    if (!isObject(d) || typeof d.id !== 'string' || typeof d.kind !== 'string' || typeof d.operation !== 'string' || !isObject(d.actual) || !isCount(d.count)) {
      return `discrepancies[${i}] is not a discrepancy ({id, kind, operation, actual, count, …})`;
    }
  }
  if (!isObject(report.coverage)) return 'coverage is not an object';
  for (const [op, table] of Object.entries(report.coverage)) {
    if (!isObject(table)) return `coverage.${op} is not a table of constraints`;
    for (const [id, c] of Object.entries(table)) if (!isObject(c) || !isCount(c.valid) || !isCount(c.invalid)) return `coverage.${op}.${id} is not {valid, invalid} counts`;
  }
  const digest = report.run.caseDigest;
  if (!isObject(digest)) return 'run.caseDigest is not an object';
  for (const [op, d] of Object.entries(digest)) if (!isObject(d) || !isCount(d.cases) || typeof d.digest !== 'string') return `run.caseDigest.${op} is not {cases, digest}`;
  return undefined;
}
