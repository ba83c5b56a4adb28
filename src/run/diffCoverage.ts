// --diff: per constraint, what the reference and the candidate each did with its valid and its violating cases
// (accepted, refused, no answer) and on how many they parted: what report.html's diff matrix shows side by side.
import type { Case } from '../contract/case.ts';
import type { DiffCell, DiffCoverageTable } from '../report/types.ts';
import type { DiffSides } from './exchange.ts';

const emptyCell = (): DiffCell => ({
  reference: { accepted: 0, refused: 0, none: 0 }, candidate: { accepted: 0, refused: 0, none: 0 }, parted: 0,
});

/** Counts one judged case on every id it exercises (valid) or breaks (violating), as the coverage table does. */
export function countDiff(table: DiffCoverageTable, c: Case, sides: DiffSides): void {
  const op = (table[c.operation] ??= {});
  for (const id of c.kind === 'valid' ? c.exercises : c.breaks) {
    const cell = ((op[id] ??= { valid: emptyCell(), invalid: emptyCell() })[c.kind]);
    cell.reference[sides.reference]++;
    cell.candidate[sides.candidate]++;
    if (sides.parted) cell.parted++;
  }
}

/** Adds `from` into `into` (operations of a run, shards of a merge). */
export function addDiffCoverage(into: DiffCoverageTable, from: DiffCoverageTable): void {
  for (const [op, ids] of Object.entries(from)) {
    const to = (into[op] ??= {});
    for (const [id, row] of Object.entries(ids)) {
      const mine = (to[id] ??= { valid: emptyCell(), invalid: emptyCell() });
      for (const column of ['valid', 'invalid'] as const) {
        const a = mine[column];
        const b = row[column];
        for (const side of ['reference', 'candidate'] as const) for (const k of ['accepted', 'refused', 'none'] as const) a[side][k] += b[side][k];
        a.parted += b.parted;
      }
    }
  }
}
