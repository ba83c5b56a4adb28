// `contract-fuzz replay FIXTURE|DIR [--target T]`: which findings still reproduce. Exit 1 if any does.
import { intOption, parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { assertTargetAllowed, openTarget } from '../targets/open.ts';
import { runScrubber, scrubOutcomes } from '../targets/scrub.ts';
import { wrap } from '../targets/target.ts';
import { fixtureFiles, replayFixtures } from './replay.ts';

const HELP = `usage: contract-fuzz replay FIXTURE|DIR [--target T] [--region R] [--timeout-ms T] [--profile P] [--allow-aws] [--allow-remote]

Re-runs fixtures (files written by 'contract-fuzz run' under fixtures/) against a target (default builtin)
and prints, per fixture, whether it still reproduces, changed or is fixed. Exit 0: none reproduces;
1: at least one reproduces or changed; 2: bad fixture, usage or unreachable target.`;

export async function replayCommand(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    target: { type: 'string' }, region: { type: 'string' }, 'timeout-ms': { type: 'string' }, profile: { type: 'string' },
    'allow-aws': { type: 'boolean' }, 'allow-remote': { type: 'boolean' }, help: { type: 'boolean' },
  }, true);
  if (v.help) { process.stdout.write(HELP + '\n'); return 0; }
  if (positionals.length === 0) throw new HarnessError('CF_ERR_USAGE', 'replay needs a fixture file or folder (try --help)');
  const allowed = { allowAws: v['allow-aws'] ?? false, allowRemote: v['allow-remote'] ?? false };
  assertTargetAllowed(v.target ?? 'builtin', allowed);
  const files = (await Promise.all(positionals.map(fixtureFiles))).flat();
  if (files.length === 0) throw new HarnessError('CF_ERR_FIXTURE', `no fixtures (*.json) under ${positionals.join(', ')}`);
  const profile = v.profile ?? 'aws-json';
  if (profile !== 'aws-json' && profile !== 'envelope') throw new HarnessError('CF_ERR_USAGE', `--profile must be aws-json or envelope, got '${profile}'`);
  const opened = await openTarget(v.target ?? 'builtin', {
    region: v.region ?? process.env.AWS_REGION ?? 'us-east-1', timeoutMs: intOption(v['timeout-ms'], 'timeout-ms', 10_000, 1),
    concurrency: 4, ...allowed, profile,
  });
  // What the target says is printed: scrubbed first, as in a run (a target may echo the credentials).
  const target = { ...opened, ...wrap(opened, scrubOutcomes(runScrubber())) };
  try {
    const results = await replayFixtures(files, target, { seedTag: `rp${Date.now().toString(36).slice(-6)}` });
    const counts = { reproduces: 0, changed: 0, fixed: 0 };
    for (const r of results) {
      counts[r.verdict]++;
      const mark = r.verdict === 'fixed' ? '✓ fixed     ' : r.verdict === 'reproduces' ? '✗ reproduces' : '~ changed   ';
      const now = r.observed ? ` → now ${r.observed.kind} [${r.observed.constraint}] ${r.observed.actual.code ?? '-'} ${r.observed.actual.status}` : '';
      process.stdout.write(`${mark} ${r.file}  ${r.fixture.kind} [${r.fixture.constraint}] was ${r.fixture.observed.code ?? '-'} ${r.fixture.observed.status}${now}\n`);
    }
    process.stdout.write(`${results.length} fixture(s) against ${target.name}: ${counts.reproduces} reproduce, ${counts.changed} changed, ${counts.fixed} fixed\n`);
    return counts.reproduces + counts.changed > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}
