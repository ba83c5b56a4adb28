// Keeps a long run's memory flat. What a run holds is bounded by design (state model, groups, coverage, case
// digest: a heap of 24–27 MB after a full collection at 5,000 and at 50,000 cases against `serve`), but every
// case allocates short-lived objects (the case, its request, the answer, the judgement) and with many cases in
// flight some of them outlive a young-generation collection and die in the old generation. V8 sizes the old
// generation's next limit from the machine's memory (a 4 GB ceiling on a 24 GB machine) and grows it by a
// generous factor after each full collection, so the garbage piled up between full collections and the run's
// RSS grew with its length: 196 MB after 10,000 cases, 235 MB after 100,000 (concurrency 64). A growing factor
// of 1.1 makes V8 collect the old generation sooner: the same runs stay near 140 MB, at no CPU cost measurable
// per case (bench/memoryRun.mjs, `npm run bench -- memory`). Read by V8 at each full collection, so it can be set
// once the process runs; it changes only how eagerly garbage is collected, never what is kept.
import { setFlagsFromString } from 'node:v8';

let applied = false;

export function boundHeapGrowth(): void {
  if (applied) return;
  applied = true;
  setFlagsFromString('--heap-growing-percent=10');
}
