// The command printed with every finding, which must reproduce it when run as printed. Built from one table:
// for each `run` option, whether it changes the requests or the verdicts (then it is carried, in the rerun form,
// the fixture-replay form or both) or not (and why). The table is typed over every RunOptions key, so a new
// option does not compile until someone says whether a reproduce command must carry it.
import { fixturePath } from '../report/fixtures.ts';
import type { Finding } from '../report/types.ts';
import type { RunOptions } from './options.ts';
import { formatDuration, formatShard } from './runControl.ts';

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
  model: { flags: (o) => (o.model === undefined ? [] : ['--model', o.model]), replay: false }, // a fixture names its model (path and hash)
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
  // They decide which cases the seed gives (the plan skips filtered cases); a fixture holds its case.
  include: { flags: (o) => when(o.include.length > 0, '--include', o.include.join(',')), replay: false },
  exclude: { flags: (o) => when(o.exclude.length > 0, '--exclude', o.exclude.join(',')), replay: false },
  concurrency: { notCarried: 'how many requests are in flight: the same cases, each judged after earlier ones on the same state, the earliest case represents a finding' },
  maxConcurrency: { notCarried: 'how high the adaptive in-flight limit may grow: timing, not which cases or verdicts' },
  baseline: { notCarried: 'decides only whether a known finding gates; the finding itself still shows' },
  writeBaseline: { notCarried: 'an output' },
  reportDir: { notCarried: 'an output' },
  fixturesDir: { notCarried: 'an output (the replay form names the fixture it wrote)' },
  keep: { notCarried: 'what happens to the prerequisites after the run' },
  rateLimit: { notCarried: 'how fast requests go out: the same cases and verdicts (a throttled case is not judged)' },
  quiet: { notCarried: 'progress output only' },
  help: { notCarried: 'not a run' },
  notRunnable: { notCarried: 'follows from --operation service#* and the model' },
  shard: { flags: (o) => (o.shard === undefined ? [] : ['--shard', formatShard(o.shard)]), replay: false }, // a fixture holds its case
  durationMs: { notCarried: 'the clock does not repeat: a time-boxed run is reproduced by --runs with the random cases it reached, which run.ts puts in its place (reachedRuns), so the same cases run whatever the speed' },
  maxFindings: { notCarried: 'only where the run stops: the case of every finding it reports ran before the stop' },
};

/** The options of a time-boxed run as a rerun should carry them: `--runs` with the random cases it reached. */
export function reachedRuns(o: RunOptions, reached: number): RunOptions {
  const { durationMs: _clock, ...rest } = o;
  return { ...rest, runs: reached };
}

/**
 * The option words that decide a run's cases and verdicts (every operation, no --shard): shards of one run agree
 * on them, so `merge` refuses reports whose words differ. The time box and --max-findings are in too: shards of
 * one run are bounded alike.
 */
export function decidingWords(o: RunOptions): string[] {
  const words = carried({ ...o, shard: undefined }, o.operations.join(','), 'rerun');
  if (o.durationMs !== undefined) words.push('--duration', formatDuration(o.durationMs));
  if (o.maxFindings !== undefined) words.push('--max-findings', String(o.maxFindings));
  return words;
}

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
  // A throttled finding writes no fixture (the payload is not what it is about): the run again reproduces it.
  return (f) => (rerunOnly || o.fixturesDir === undefined || f.kind === 'throttled' ? rerunCommand(o, f.operation) : replayCommand(o, fixturePath(o.fixturesDir, f)));
}
