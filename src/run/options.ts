// `contract-fuzz run` options → a validated RunOptions. Every bad value is one line and exit code 2.
import { enumFlag, intFlag, intOption, parse, type FlagTable } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { FUZZED_OPERATIONS, findOperation, operationsOfService, useModel } from '../model/load.ts';
import { readModelFile } from '../model/modelFile.ts';
import { partitionRunnable, type NotRunnable } from './runnable.ts';
import type { FailOn, Strictness } from './findings.ts';
import type { Shard } from '../generate/shard.ts';
import { parseDuration, parseShard } from './runControl.ts';

/** `--runs` under `--duration` when not given: the clock, not a count, ends the random phase. */
export const TIME_BOXED_RUNS = 10_000_000;

export const RUN_HELP = `usage: contract-fuzz run [options]

Fuzzes Cloud Map RegisterInstance and Proton CreateServiceInstance against a target and reports where it
departs from the documented contract. Exit code 0: no gating finding; 1: findings; 2: usage, model or
target error; 130 / 143: interrupted by Ctrl-C / SIGTERM (the partial report is written).

  --target T            builtin (default: the reference emulator on 127.0.0.1) | http://HOST:PORT |
                        sdk+http://HOST:PORT (through the AWS SDK) | aws (real AWS: needs --allow-aws)
  --diff T2             differential run: send every case to T and T2 and report where T2 departs from T
  --operation OP        servicediscovery#RegisterInstance | proton#CreateServiceInstance | all (default all);
                        any operation of the models as service#Operation, or service#* for all of a service's;
                        a bare name is accepted where only one service has it
  --model FILE          another awsJson 1.0/1.1 service: a botocore service-2.json, a Smithy JSON AST or what
                        'contract-fuzz models import' wrote; its operations run by name (default: service#*)
  --runs N              cases per operation after the coverage pass (default 100)
  --seed S              seed (default: random, printed); same seed and options ⇒ same cases and report
  --concurrency C       requests in flight to each target, fixed (default: adaptive, starting at 16 and growing
                        while the target's latency stays flat, halving when it throttles; see --max-concurrency)
  --max-concurrency M   the most requests in flight the adaptive default may reach (default 128); given with
                        a --concurrency C, it starts at C. Against builtin or a recording: fixed at the start value
  --timeout-ms T        per-request timeout (default 10000)
  --region R            signing region (default us-east-1, or AWS_REGION)
  --strictness L        documented (default) | inferred: which expectations (confidence) fail the gate
  --fail-on S           error (default) | warning: which severities fail the gate; info never does
                        (error: wrong or missing error code, 5xx, wrong verdict; warning: undocumented
                        status, wrong Content-Type or message key; info: message wording)
  --baseline FILE       accepted findings (by id): reported, not failing; ones that vanished are listed as fixed
  --write-baseline FILE write the current findings as a baseline
  --report-dir DIR      where report.json, junit.xml, summary.md go (default reports)
  --fixtures-dir DIR    where a minimal replayable fixture per finding goes (default fixtures; --no-fixtures: none)
  --no-fixtures         write no fixtures
  --shrink-requests N   most requests spent shrinking one finding (default 200; 0: no shrinking)
  --no-scenarios        skip the idempotency and state scenarios
  --messages            also report AWS message wording differences (informational)
  --profile P           response profile: aws-json (default) | envelope (gateways answering {"success":…})
  --service-id ID       use this existing Cloud Map service instead of creating services
  --proton-service NAME use this existing Proton service instead of creating one
  --allow-aws           confirm that --target aws (or an AWS endpoint URL) may create (and then delete) resources in your account
  --allow-remote        confirm a --target/--diff on another machine (anything but a loopback address)
  --keep                do not delete what the run created (on any target)
  --rate-limit N        at most N requests per second to each target (decimals allowed: 0.5), every request of
                        the run included (preparation, retries, scenarios, shrinking, cleanup). Throttling answers
                        (ThrottlingException, 429, 503 with Retry-After, …) are always retried as the AWS SDKs'
                        standard mode does; what still throttles is reported as \`throttled\`
  --quiet               no progress on stderr (default: a bar on a terminal, a line every 10 s otherwise)

  --shard i/n           run only shard i of n (1-based) of the cases, for a CI matrix; each shard prepares and
                        cleans up its own resources; 'contract-fuzz merge DIR…' joins the shards' reports
  --duration T          after the coverage phase, random cases until T is spent (90s, 10m, 1h; shared by the
                        operations); with --runs N, at most N random cases per operation
  --max-findings N      stop the run early once N distinct gating findings (root causes) are known (exit 1)

  --include P           only constraints, rules and scenarios whose id matches P (an id or a glob such as
                        'Attributes*', 'rule:*', 'idempotency:*'; repeatable or comma-separated)
  --exclude P           leave out the ids matching P (same forms); a pattern that matches no id is an error
  --config FILE         options from a JSON file (default: ./contract-fuzz.config.json when present; flags win;
                        schema: contract-fuzz config --schema)

examples (\`contract-fuzz serve --port 4566\` stands in for your emulator):
  # gate an emulator in CI: exit 1 on a finding outside the baseline (reports/junit.xml, reports/summary.md)
  contract-fuzz run --target http://127.0.0.1:4566 --seed 1 --write-baseline baseline.json   # once: accept today's
  contract-fuzz run --target http://127.0.0.1:4566 --seed 1 --baseline baseline.json
  # compare two targets case by case: where the second departs from the first
  contract-fuzz run --target builtin --diff http://127.0.0.1:4566 --seed 1
  # reproduce findings: replay the fixtures a run wrote (exit 1 while any reproduces), or rerun one constraint
  contract-fuzz replay fixtures/ --target http://127.0.0.1:4566
  contract-fuzz run --target http://127.0.0.1:4566 --seed 1 --operation RegisterInstance --include 'InstanceId*'
  # real AWS, safely: a sandbox account, explicit consent, one operation, few cases, low concurrency; what the
  # run creates (named cf-<nonce>-…) is deleted at the end
  AWS_PROFILE=sandbox contract-fuzz run --target aws --allow-aws --operation RegisterInstance --runs 20 --concurrency 2`;

/**
 * The flags of `run`: parseArgs reads them, and the config file's JSON Schema is made from them (src/config/),
 * so a flag added here is a config key too. `value` says what a config file may hold where it is not text.
 */
export const RUN_FLAGS = {
  target: { type: 'string' }, diff: { type: 'string' }, operation: { type: 'string' }, model: { type: 'string' }, runs: intFlag(0, 10_000_000),
  seed: { type: 'string', value: { type: 'integer', minimum: -(2 ** 31), maximum: 2 ** 32 - 1 } },
  concurrency: intFlag(1, 1024), 'max-concurrency': intFlag(1, 1024), 'timeout-ms': intFlag(1, 2 ** 31 - 1), region: { type: 'string' },
  strictness: enumFlag('documented', 'inferred'), 'fail-on': enumFlag('error', 'warning'), baseline: { type: 'string' }, 'write-baseline': { type: 'string' },
  'report-dir': { type: 'string' }, 'fixtures-dir': { type: 'string' }, 'no-fixtures': { type: 'boolean' },
  'shrink-requests': intFlag(0, 1_000_000), 'no-scenarios': { type: 'boolean' }, messages: { type: 'boolean' },
  profile: enumFlag('aws-json', 'envelope'), 'service-id': { type: 'string' }, 'proton-service': { type: 'string' },
  'allow-aws': { type: 'boolean' }, 'allow-remote': { type: 'boolean' }, keep: { type: 'boolean' },
  'rate-limit': { type: 'string', value: { type: 'number', exclusiveMinimum: 0 } }, quiet: { type: 'boolean' },
  shard: { type: 'string' }, duration: { type: 'string' }, 'max-findings': intFlag(1, 1_000_000),
  include: { type: 'string', multiple: true }, exclude: { type: 'string', multiple: true },
  config: { type: 'string', cliOnly: true }, help: { type: 'boolean', cliOnly: true },
} as const satisfies FlagTable;

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
