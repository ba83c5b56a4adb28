// `contract-fuzz run` options → a validated RunOptions. Every bad value is one line and exit code 2.
import { intOption, parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { FUZZED_OPERATIONS, findOperation } from '../model/load.ts';
import type { FailOn, Strictness } from './findings.ts';

export const RUN_HELP = `usage: contract-fuzz run [options]

Fuzzes Cloud Map RegisterInstance and Proton CreateServiceInstance against a target and reports where it
departs from the documented contract. Exit code 0: no gating finding; 1: findings; 2: usage, model or
target error; 130 / 143: interrupted by Ctrl-C / SIGTERM (the partial report is written).

  --target T            builtin (default: the reference emulator on 127.0.0.1) | http://HOST:PORT |
                        sdk+http://HOST:PORT (through the AWS SDK) | aws (real AWS: needs --allow-aws)
  --diff T2             differential run: send every case to T and T2 and report where T2 departs from T
  --operation OP        servicediscovery#RegisterInstance | proton#CreateServiceInstance | all (default all);
                        a bare name is accepted where only one service has it
  --runs N              cases per operation after the coverage pass (default 100)
  --seed S              seed (default: random, printed); same seed and options ⇒ same cases and report
  --concurrency C       requests in flight (default 16)
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
  --shrink-requests N   most requests spent shrinking one finding (default 200; 0: no shrinking)
  --no-scenarios        skip the idempotency and state scenarios
  --messages            also report AWS message wording differences (informational)
  --profile P           response profile: aws-json (default) | envelope (gateways answering {"success":…})
  --service-id ID       use this existing Cloud Map service instead of creating services
  --proton-service NAME use this existing Proton service instead of creating one
  --allow-aws           confirm that --target aws (or an AWS endpoint URL) may create (and then delete) resources in your account
  --allow-remote        confirm a --target/--diff on another machine (anything but a loopback address)
  --keep                do not delete what the run created (on any target)`;

export interface RunOptions {
  target: string;
  diff?: string;
  operations: string[];
  runs: number;
  seed: number;
  concurrency: number;
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
  help: boolean;
}

export function parseRunOptions(argv: string[], randomSeed: () => number = () => Math.floor(Math.random() * 2 ** 31)): RunOptions {
  const { values: v } = parse(argv, {
    target: { type: 'string' }, diff: { type: 'string' }, operation: { type: 'string' }, runs: { type: 'string' },
    seed: { type: 'string' }, concurrency: { type: 'string' }, 'timeout-ms': { type: 'string' }, region: { type: 'string' },
    strictness: { type: 'string' }, 'fail-on': { type: 'string' }, baseline: { type: 'string' }, 'write-baseline': { type: 'string' },
    'report-dir': { type: 'string' }, 'fixtures-dir': { type: 'string' }, 'no-fixtures': { type: 'boolean' },
    'shrink-requests': { type: 'string' }, 'no-scenarios': { type: 'boolean' }, messages: { type: 'boolean' },
    profile: { type: 'string' }, 'service-id': { type: 'string' }, 'proton-service': { type: 'string' },
    'allow-aws': { type: 'boolean' }, 'allow-remote': { type: 'boolean' }, keep: { type: 'boolean' }, help: { type: 'boolean' },
  });
  const op = v.operation ?? 'all';
  const known = Object.keys(FUZZED_OPERATIONS);
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
    operations: op === 'all' ? known : [runnableOperation(op)],
    runs: intOption(v.runs, 'runs', 100, 0, 10_000_000),
    seed: v.seed !== undefined ? Number(v.seed) : randomSeed(),
    concurrency: intOption(v.concurrency, 'concurrency', 16, 1, 1024),
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
    help: v.help ?? false,
  };
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
