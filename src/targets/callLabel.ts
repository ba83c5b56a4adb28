// Which flow of the run a call belongs to ("RegisterInstance#17": the plan's case 17), carried through the async
// calls below it without threading a parameter through every target and wrapper. A recording keeps it with each
// exchange so replay answers identical calls sent concurrently by different cases as they were answered live;
// arrival order alone depends on timing.
import { AsyncLocalStorage } from 'node:async_hooks';

const current = new AsyncLocalStorage<string>();

/** Runs `fn` with every call it makes labelled `label`. */
export const withCallLabel = <T>(label: string, fn: () => Promise<T>): Promise<T> => current.run(label, fn);

/** The label of the flow this code runs in, if any. */
export const callLabel = (): string | undefined => current.getStore();
