// The command printed with every finding, which must reproduce it when run as printed. Built from one table:
// for each `run` option, whether it changes the requests or the verdicts (then it is carried, in the rerun form,
// the fixture-replay form or both) or not (and why). The table is typed over every RunOptions key, so a new
// option does not compile until someone says whether a reproduce command must carry it.
import { fixturePath } from '../report/fixtures.ts';
import type { Finding } from '../report/types.ts';
import type { RunOptions } from './options.ts';

type Flag = readonly string[];

interface Carried {
  /** The flags that give a run this option's value (none when it is the default). */
  flags(o: RunOptions, operation: string): Flag;
  /** Also on `contract-fuzz replay FIXTURE` (which takes only options about the target and its prerequisites). */
  replay: boolean;
}
type Carry = Carried | { notCarried: string };

const when = (on: boolean, ...flags: string[]): Flag => (on ? flags : []);
const DEFAULTS = { timeoutMs: 10_000, region: 'us-east-1', shrinkRequests: 200 } as const;

/** Every `run` option: carried by reproduce commands, or not, and why. */
export const REPRODUCE_OPTIONS: { readonly [K in keyof RunOptions]-?: Carry } = {
  target: { flags: (o) => ['--target', o.target], replay: true }, // replay: the target of the finding (see below)
  diff: { flags: (o) => (o.diff === undefined ? [] : ['--diff', o.diff]), replay: false },
  operations: { flags: (_o, operation) => ['--operation', operation], replay: false }, // a fixture names its operation
  seed: { flags: (o) => ['--seed', String(o.seed)], replay: false }, // a fixture holds its case
  runs: { flags: (o) => ['--runs', String(o.runs)], replay: false },
  strictness: { flags: (o) => when(o.strictness !== 'documented', '--strictness', o.strictness), replay: false }, // replay reports every verdict
  failOn: { flags: (o) => when(o.failOn !== 'error', '--fail-on', o.failOn), replay: false }, // as strictness: whether it gates (exit 1) as it did
  messages: { flags: (o) => when(o.messages, '--messages'), replay: false }, // replay always checks messages
  scenarios: { flags: (o) => when(!o.scenarios, '--no-scenarios'), replay: false },
  shrinkRequests: { flags: (o) => when(o.shrinkRequests !== DEFAULTS.shrinkRequests, '--shrink-requests', String(o.shrinkRequests)), replay: false },
  profile: { flags: (o) => when(o.profile !== 'aws-json', '--profile', o.profile), replay: true },
  region: { flags: (o) => when(o.region !== DEFAULTS.region, '--region', o.region), replay: true },
  timeoutMs: { flags: (o) => when(o.timeoutMs !== DEFAULTS.timeoutMs, '--timeout-ms', String(o.timeoutMs)), replay: true },
  serviceId: { flags: (o) => (o.serviceId === undefined ? [] : ['--service-id', o.serviceId]), replay: true },
  protonService: { flags: (o) => (o.protonService === undefined ? [] : ['--proton-service', o.protonService]), replay: true },
  allowAws: { flags: (o) => when(o.allowAws, '--allow-aws'), replay: true },
  allowRemote: { flags: (o) => when(o.allowRemote, '--allow-remote'), replay: true },
  concurrency: { notCarried: 'how many requests are in flight: the same cases, each judged after earlier ones on the same state, the earliest case represents a finding' },
  baseline: { notCarried: 'decides only whether a known finding gates; the finding itself still shows' },
  writeBaseline: { notCarried: 'an output' },
  reportDir: { notCarried: 'an output' },
  fixturesDir: { notCarried: 'an output (the replay form names the fixture it wrote)' },
  keep: { notCarried: 'what happens to the prerequisites after the run' },
  help: { notCarried: 'not a run' },
};

const quote = (s: string): string => (/^[\w./:@=+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`);
const command = (words: string[]): string => ['npx', 'contract-fuzz', ...words].map((w, i) => (i < 2 ? w : quote(w))).join(' ');

const carried = (o: RunOptions, operation: string, form: 'rerun' | 'replay'): string[] =>
  Object.values(REPRODUCE_OPTIONS).flatMap((c: Carry) => ('flags' in c && (form === 'rerun' || c.replay) ? [...c.flags(o, operation)] : []));

/** The same run again, limited to the finding's operation (each operation's cases come from the seed alone). */
export const rerunCommand = (o: RunOptions, operation: string): string => command(['run', ...carried(o, operation, 'rerun')]);

/** `replay` of the fixture a finding wrote, against the target the finding was seen on. */
export function replayCommand(o: RunOptions, fixture: string): string {
  const words = carried(o, '', 'replay');
  const at = words.indexOf('--target');
  words[at + 1] = o.diff ?? o.target;
  return command(['replay', fixture, ...words]);
}

/**
 * Which form reproduces a finding: the fixture replay, unless no fixture is written, or the finding needs what a
 * fixture replay cannot give: a differential verdict (two targets), or a recording (it answers the run it was made
 * with, which the rerun is).
 */
export function reproduceFor(o: RunOptions): (f: Pick<Finding, 'operation' | 'kind' | 'id'>) => string {
  const rerunOnly = o.fixturesDir === undefined || o.diff !== undefined || o.target.startsWith('replay:');
  return (f) => (rerunOnly || o.fixturesDir === undefined ? rerunCommand(o, f.operation) : replayCommand(o, fixturePath(o.fixturesDir, f)));
}
