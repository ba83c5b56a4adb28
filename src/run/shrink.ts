// Shrinks a failing case against the target with fast-check's own shrink trees: take the first smaller
// candidate that still fails the same way, repeat. Bounded in requests, so a flaky target cannot stall a run.
import type { Value, Arbitrary } from 'fast-check';

export interface Shrunk<T> { value: T; path: number[]; steps: number; requests: number }

export async function shrinkAgainst<T>(
  arbitrary: Arbitrary<T>,
  start: Value<T>,
  stillFails: (candidate: T) => Promise<boolean>,
  maxRequests: number,
): Promise<Shrunk<T>> {
  let current = start;
  const path: number[] = [];
  let requests = 0;
  outer: while (requests < maxRequests) {
    let index = 0;
    for (const candidate of arbitrary.shrink(current.value_, current.context)) {
      if (requests >= maxRequests) break outer;
      requests++;
      if (await stillFails(candidate.value_)) {
        current = candidate;
        path.push(index);
        continue outer;
      }
      index++;
    }
    break; // no smaller candidate fails: minimal
  }
  return { value: current.value_, path, steps: path.length, requests };
}
