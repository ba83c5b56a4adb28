// Stable finding ids: the same bug gets the same id across runs, seeds and machines.
import { createHash } from 'node:crypto';

export function findingId(operation: string, kind: string, constraint: string, observedCode: string | undefined): string {
  return createHash('sha256').update(`${operation}\n${kind}\n${constraint}\n${observedCode ?? '-'}`).digest('hex').slice(0, 12);
}
