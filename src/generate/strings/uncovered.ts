// Patterns whose constraint the generators do not cover, with why (the construct that stops them): reported
// instead of crashing. Process-wide, keyed by pattern text (a pattern is the same wherever it appears).
const NOT_COVERED = new Map<string, string>();

export function notCovered(pattern: string, why: string): void {
  NOT_COVERED.set(pattern, why);
}

/** Every pattern met so far whose constraint is not covered, and why. */
export const uncoveredPatterns = (): ReadonlyMap<string, string> => NOT_COVERED;
