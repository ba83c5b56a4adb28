// Fresh ids for every scenario run, derived from the seed: `<prefix>-<family tag><run>-<slot>` for
// InstanceIds and Proton names, `<prefix>-<family tag><run>-t<n>` for tokens. They satisfy both operations'
// patterns (InstanceId ^[0-9a-zA-Z_/:.@-]+$ ≤ 64; Proton names ^[0-9A-Za-z]+[0-9A-Za-z_-]*$; tokens ≤ 64,
// printable ASCII), and never look like the runner's generated cases.
import { HarnessError } from '../errors.ts';

export interface RunIds {
  /** The id of resource slot `i` of this run (InstanceId or service instance name). */
  slot(i: number): string;
  /** A token nobody has used yet. */
  token(): string;
}

const PREFIX = /^[0-9A-Za-z][0-9A-Za-z-]{0,23}$/;

/**
 * `cf` + a base-36 hash of the seed and what the scenarios write into (operation and service): the same
 * seed gives the same ids, two services or operations of one run never share a token (Cloud Map tokens are
 * not scoped to a service).
 */
export function defaultPrefix(seed: number, scope = ''): string {
  let h = 0x811c9dc5; // FNV-1a, 32 bits
  for (const ch of `${seed >>> 0}\u0000${scope}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193);
  return `cf${(h >>> 0).toString(36)}`;
}

export function checkPrefix(prefix: string): string {
  if (!PREFIX.test(prefix)) {
    throw new HarnessError('CF_ERR_USAGE', `scenario id prefix must match ${PREFIX.source}, got ${JSON.stringify(prefix)}`);
  }
  return prefix;
}

export function runIds(prefix: string, tag: string, run: number): RunIds {
  const base = `${prefix}-${tag}${run}`;
  let tokens = 0;
  return {
    slot: (i) => `${base}-${i}`,
    token: () => `${base}-t${tokens++}`,
  };
}
