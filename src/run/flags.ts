// The flags of `contract-fuzz run` and its --help text, apart from options.ts (which validates them against the
// models): what `run --help` and the config file's schema need, loaded without the models (start-up, issue 11 §3).
import { enumFlag, intFlag, type FlagTable } from '../args.ts';

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
