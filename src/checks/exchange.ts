// One case sent to one target: what was sent, what was expected, what came back.
import type { Case } from '../contract/case.ts';
import type { Expected } from '../contract/expected.ts';
import type { Outcome } from '../contract/outcome.ts';

export interface Exchange {
  case: Case;
  expected: Expected;
  outcome: Outcome;
}

/** A check is a pure function of one exchange; it returns nothing when the target behaved. */
export type Check = (exchange: Exchange) => readonly Discrepancy[];

/** What a check returns when the target behaved: one shared empty list, not a new one per check and case. */
export const NO_FINDINGS: readonly Discrepancy[] = Object.freeze([]);

import type { Discrepancy } from '../contract/discrepancy.ts';

export const isSuccessStatus = (status: number): boolean => status >= 200 && status < 300;

/** The constraint a finding concerns: the broken one for invalid cases, else the first exercised one. */
export const constraintOf = (c: Case): string => c.breaks[0] ?? c.exercises[0] ?? `${c.operation}#valid`;

export const expectedSummary = (e: Expected): Discrepancy['expected'] =>
  e.outcome === 'success'
    ? { outcome: 'success', codes: [], statuses: [200], source: e.source }
    : { outcome: 'error', codes: e.codes, statuses: e.statuses, source: e.source };

export const actualSummary = (o: Outcome): Discrepancy['actual'] => ({
  status: o.status,
  ...(o.code !== undefined ? { code: o.code } : {}),
  ...(o.message !== undefined ? { message: o.message.length > 300 ? `${o.message.slice(0, 300)}…` : o.message } : {}),
  ...(o.bodyProblem !== undefined ? { bodyProblem: o.bodyProblem } : {}),
});
