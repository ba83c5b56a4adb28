// Which flow of the run a call belongs to ("RegisterInstance#17": the plan's case 17), carried through the async
// calls below it without threading a parameter through every target and wrapper. A recording keeps it with each
// exchange so replay answers identical calls sent concurrently by different cases as they were answered live;
// arrival order alone depends on timing.
// Only recording and replaying read labels: they switch labelling on when created. Until then `withCallLabel` is a
// plain call, because an AsyncLocalStorage in use installs promise hooks that tax every promise of the process
// (on Node 20 about a tenth of a run's CPU against a fast target).
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();
let wanted = false;

/** A recording or a replay is in the process: calls are labelled from now on. */
export const wantCallLabels = (): void => { wanted = true; };

/** Whether calls are labelled: the case loop then builds no label (a string and a closure per case) until they are. */
export const callLabelsWanted = (): boolean => wanted;

/** Runs `fn` with every call it makes labelled `label` (when labels are wanted). */
export const withCallLabel = <T>(label: string, fn: () => Promise<T>): Promise<T> => (wanted ? current.run(label, fn) : fn());

/** The label of the flow this code runs in, if any. */
export const callLabel = (): string | undefined => current.getStore();
