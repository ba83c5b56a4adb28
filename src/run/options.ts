// `contract-fuzz run` options → a validated RunOptions. Every bad value is one line and exit code 2.
import { intOption, parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { FUZZED_OPERATIONS, findOperation, operationsOfService, useModel } from '../model/load.ts';
import { readModelFile } from '../model/modelFile.ts';
import { partitionRunnable, type NotRunnable } from './runnable.ts';
import type { FailOn, Strictness } from './findings.ts';
import type { Shard } from '../generate/shard.ts';
import { parseDuration, parseShard } from './runControl.ts';
import { RUN_FLAGS, RUN_HELP } from './flags.ts';

// The flags and help text live in flags.ts, which imports nothing heavy: `run --help` and the config file's
// schema need them without loading the models (start-up, issue 11 §3).
export { RUN_FLAGS, RUN_HELP };

/** `--runs` under `--duration` when not given: the clock, not a count, ends the random phase. */
export const TIME_BOXED_RUNS = 10_000_000;


/** `--include a,b --include c` → [a, b, c]. */
const patterns = (given: string[] | undefined): string[] => (given ?? []).flatMap((p) => p.split(',')).map((p) => p.trim()).filter((p) => p !== '');

export interface RunOptions {
  target: string;
  diff?: string;
  operations: string[];
  /** `--model FILE`: the model of another service its operations come from (read once, at parse time). */
  model?: string;
  /** `--operation 'service#*'`: the service's operations left out, each with the reason (src/run/runnable.ts). */
  notRunnable?: NotRunnable[];
  runs: number;
  seed: number;
  /** Requests in flight to each target: fixed, or where the adaptive limit starts when `maxConcurrency` is set. */
  concurrency: number;
  /** Adaptive: the in-flight limit grows up to this while the target's latency stays flat (src/targets/adaptiveLimit.ts). */
  maxConcurrency?: number;
  timeoutMs: number;
  region: string;
  strictness: Strictness;
  failOn: FailOn;
  baseline?: string;
  writeBaseline?: string;
  reportDir: string;
  fixturesDir?: string;
  shrinkRequests: number;
  scenarios: boolean;
  messages: boolean;
  profile: 'aws-json' | 'envelope';
  serviceId?: string;
  protonService?: string;
  allowAws: boolean;
  /** Targets that are not loopback addresses (and not AWS) need it. */
  allowRemote: boolean;
  keep: boolean;
  /** Requests per second to each target (absent: as fast as --concurrency allows). */
  rateLimit?: number;
  /** No progress output. */
  quiet: boolean;
  /** `--shard i/n`: this run takes shard i of n of every operation's cases (src/generate/shard.ts). */
  shard?: Shard;
  /** `--duration`: the random phase runs until this much of the run's time is spent. */
  durationMs?: number;
  /** `--max-findings`: stop once this many distinct gating findings are known. */
  maxFindings?: number;
  /** Constraint/rule/scenario ids or globs: only these (empty: all) … */
  include: string[];
  /** … less these (src/run/filters.ts). */
  exclude: string[];
  help: boolean;
}

export function parseRunOptions(argv: string[], randomSeed: () => number = () => Math.floor(Math.random() * 2 ** 31)): RunOptions {
  const { values: v } = parse(argv, RUN_FLAGS);
  const durationMs = v.duration !== undefined ? parseDuration(v.duration) : undefined;
  // A shard's findings are a part of the run's: a baseline of them would call the other shards' findings new.
  if (v.shard !== undefined && v['write-baseline'] !== undefined) {
    throw new HarnessError('CF_ERR_USAGE', '--write-baseline with --shard would write one shard\'s findings: give it to contract-fuzz merge instead');
  }
  // Before any operation is looked up: its service joins the committed ones for the whole process.
  const model = v.model === undefined ? undefined : readModelFile(v.model);
  if (model) useModel(model);
  const op = v.operation ?? (model ? `${model.service}#*` : 'all');
  const known = Object.keys(FUZZED_OPERATIONS);
  const wildcard = op !== 'all' && op.endsWith('#*') ? partitionRunnable(op, operationsOfService(op).map(runnableOperation)) : undefined;
  const strictness = v.strictness ?? 'documented';
  if (strictness !== 'documented' && strictness !== 'inferred') throw new HarnessError('CF_ERR_USAGE', `--strictness must be documented or inferred, got '${strictness}'`);
  const failOn = v['fail-on'] ?? 'error';
  if (failOn !== 'error' && failOn !== 'warning') throw new HarnessError('CF_ERR_USAGE', `--fail-on must be error or warning, got '${failOn}'`);
  const profile = v.profile ?? 'aws-json';
  if (profile !== 'aws-json' && profile !== 'envelope') throw new HarnessError('CF_ERR_USAGE', `--profile must be aws-json or envelope, got '${profile}'`);
  // Seeds are 32-bit: accepted as unsigned (0 … 4294967295) or signed, printed and recorded as given.
  if (v.seed !== undefined && (!/^-?\d+$/.test(v.seed) || Number(v.seed) < -(2 ** 31) || Number(v.seed) >= 2 ** 32)) {
    throw new HarnessError('CF_ERR_USAGE', `--seed must be a 32-bit integer (0 to 4294967295), got '${v.seed}'`);
  }
  return {
    target: v.target ?? 'builtin',
    ...(v.diff !== undefined ? { diff: v.diff } : {}),
    operations: op === 'all' ? known : wildcard ? wildcard.runnable : [runnableOperation(op)],
    ...(v.model !== undefined ? { model: v.model } : {}),
    ...(wildcard?.not.length ? { notRunnable: wildcard.not } : {}),
    runs: intOption(v.runs, 'runs', durationMs !== undefined ? TIME_BOXED_RUNS : 100, 0, 10_000_000),
    seed: v.seed !== undefined ? Number(v.seed) : randomSeed(),
    ...concurrencyOptions(v.concurrency, v['max-concurrency']),
    timeoutMs: intOption(v['timeout-ms'], 'timeout-ms', 10_000, 1, 2 ** 31 - 1),
    region: v.region ?? process.env.AWS_REGION ?? 'us-east-1',
    strictness,
    failOn,
    ...(v.baseline !== undefined ? { baseline: v.baseline } : {}),
    ...(v['write-baseline'] !== undefined ? { writeBaseline: v['write-baseline'] } : {}),
    reportDir: v['report-dir'] ?? 'reports',
    ...(v['no-fixtures'] ? {} : { fixturesDir: v['fixtures-dir'] ?? 'fixtures' }),
    shrinkRequests: intOption(v['shrink-requests'], 'shrink-requests', 200, 0, 1_000_000),
    scenarios: !v['no-scenarios'],
    messages: v.messages ?? false,
    profile,
    ...(v['service-id'] !== undefined ? { serviceId: v['service-id'] } : {}),
    ...(v['proton-service'] !== undefined ? { protonService: v['proton-service'] } : {}),
    allowAws: v['allow-aws'] ?? false,
    allowRemote: v['allow-remote'] ?? false,
    keep: v.keep ?? false,
    ...(v['rate-limit'] !== undefined ? { rateLimit: rateLimitOption(v['rate-limit']) } : {}),
    quiet: v.quiet ?? false,
    ...(v.shard !== undefined ? { shard: parseShard(v.shard) } : {}),
    ...(durationMs !== undefined ? { durationMs } : {}),
    ...(v['max-findings'] !== undefined ? { maxFindings: intOption(v['max-findings'], 'max-findings', 0, 1, 1_000_000) } : {}),
    include: patterns(v.include),
    exclude: patterns(v.exclude),
    help: v.help ?? false,
  };
}

/** Default: adaptive from 16 up to 128. `--concurrency C` alone: fixed at C (as it always meant); `--max-concurrency M`:
 * adaptive up to M, from C when given too (else from 16, or M when lower). */
export const DEFAULT_CONCURRENCY = 16;
export const DEFAULT_MAX_CONCURRENCY = 128;
function concurrencyOptions(given: string | undefined, maxGiven: string | undefined): { concurrency: number; maxConcurrency?: number } {
  const max = maxGiven === undefined ? undefined : intOption(maxGiven, 'max-concurrency', DEFAULT_MAX_CONCURRENCY, 1, 1024);
  if (given !== undefined && max === undefined) return { concurrency: intOption(given, 'concurrency', DEFAULT_CONCURRENCY, 1, 1024) };
  const cap = max ?? DEFAULT_MAX_CONCURRENCY;
  const concurrency = given === undefined ? Math.min(DEFAULT_CONCURRENCY, cap) : intOption(given, 'concurrency', DEFAULT_CONCURRENCY, 1, 1024);
  if (concurrency > cap) throw new HarnessError('CF_ERR_USAGE', `--concurrency ${concurrency} is above --max-concurrency ${cap}: the adaptive limit starts at --concurrency and grows up to --max-concurrency`);
  return { concurrency, maxConcurrency: cap };
}

function rateLimitOption(value: string): number {
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0) || n > 100_000) {
    throw new HarnessError('CF_ERR_USAGE', `--rate-limit must be a number of requests per second above 0 (at most 100000), got '${value}'`);
  }
  return n;
}

/**
 * Any operation of the committed models can be run: a fuzzed one with its hand-written generators, any other
 * through its profile (src/profiles/). Named the way reports show it: the bare name where only one model
 * defines it, else `service#Operation`. Unknown or ambiguous: one line (CF_ERR_UNKNOWN_OPERATION, exit 2).
 */
function runnableOperation(name: string): string {
  const ref = findOperation(name);
  try {
    return findOperation(ref.name).key === ref.key ? ref.name : ref.key;
  } catch {
    return ref.key; // the bare name is ambiguous (CreateService)
  }
}
