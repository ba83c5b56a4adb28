// `--operation 'service#*'`: every operation of a service, less those the harness cannot build (a required
// member whose pattern cannot be generated, a required number with contradictory bounds). Those are
// named with the reason, one line each, and left out; the rest run. Named alone, such an operation is still one
// line and exit 2 (the run cannot do what was asked).
import { HarnessError, isHarnessError } from '../errors.ts';
import { specOf } from '../generate/registry.ts';
import { constraintsOf } from '../oracle/index.ts';
import { profileOf } from '../profiles/index.ts';

export interface NotRunnable { operation: string; reason: string }

/** Why `operation` cannot be run (its oracle or its generators cannot be built), or undefined. */
export function whyNotRunnable(operation: string): string | undefined {
  try {
    constraintsOf(operation);
    specOf(operation);
    return undefined;
  } catch (e) {
    if (!isHarnessError(e)) throw e;
    return e.message;
  }
}

/** The operations that can run, and those that cannot with their reason; none runnable is one line (exit 2). */
export function partitionRunnable(pattern: string, operations: readonly string[]): { runnable: string[]; not: NotRunnable[] } {
  const runnable: string[] = [];
  const not: NotRunnable[] = [];
  for (const operation of operations) {
    const reason = whyNotRunnable(operation);
    if (reason === undefined) runnable.push(operation);
    else not.push({ operation, reason });
  }
  // Hand-written operations first: their "does not exist" cases assume names no one created, and a model-only
  // Create… of the same service (proton#CreateService) creates whatever names its generators draw, with nothing
  // to clean them up by (its profile knows no state). Run after them, it cannot make their cases wrong.
  const handWritten = (op: string): number => (profileOf(op).origin === 'hand-written' ? 0 : 1);
  runnable.sort((a, b) => handWritten(a) - handWritten(b));
  if (runnable.length === 0) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no operation of '${pattern}' can be run${not[0] ? ` (first: ${not[0].operation}: ${not[0].reason})` : ''}`);
  return { runnable, not };
}
