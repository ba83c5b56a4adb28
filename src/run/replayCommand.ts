// `contract-fuzz replay FIXTURE|DIR [--target T]`: which findings still reproduce. Exit 1 if any does.
import { intOption, parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { assertTargetAllowed, openTarget } from '../targets/open.ts';
import { runScrubber, scrubOutcomes } from '../targets/scrub.ts';
import { wrap } from '../targets/target.ts';
import { fixtureFiles, readFixture, replayFixtures } from './replay.ts';
import { withoutStrays } from './replayStray.ts';

const HELP = `usage: contract-fuzz replay FIXTURE|DIR [--target T] [--region R] [--timeout-ms T] [--profile P] [--allow-aws] [--allow-remote]
                             [--service-id ID] [--proton-service NAME] [--model FILE]

Re-runs fixtures (files written by 'contract-fuzz run' under fixtures/) against a target (default builtin)
and prints, per fixture, whether it still reproduces, changed or is fixed. Exit 0: none reproduces;
1: at least one reproduces or changed; 2: a fixture that does not load (one in a folder too: it is never
'fixed'), usage or unreachable target. Fixtures must match schemas/fixture.schema.json; only regular files are
read. In a folder, JSON files that are not fixtures at all (no fixtureVersion: a package.json, a report) are
skipped with one line each.
--service-id / --proton-service: use these existing prerequisites (as the run that wrote the fixture did).
A fixture of a 'run --model FILE' run names its model (path from the fixture's folder, sha256) and replay reads
it: a missing or changed model is one line, exit 2. --model FILE: read this file instead (the model moved); its
sha256 must still be the fixture's.`;

export async function replayCommand(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, {
    target: { type: 'string' }, region: { type: 'string' }, 'timeout-ms': { type: 'string' }, profile: { type: 'string' },
    'allow-aws': { type: 'boolean' }, 'allow-remote': { type: 'boolean' }, 'service-id': { type: 'string' }, 'proton-service': { type: 'string' }, model: { type: 'string' }, help: { type: 'boolean' },
  }, true);
  if (v.help) { process.stdout.write(HELP + '\n'); return 0; }
  if (positionals.length === 0) throw new HarnessError('CF_ERR_USAGE', 'replay needs a fixture file or folder (try --help)');
  const allowed = { allowAws: v['allow-aws'] ?? false, allowRemote: v['allow-remote'] ?? false };
  assertTargetAllowed(v.target ?? 'builtin', allowed);
  // Other JSON files in a folder (package.json, a report) are skipped with one line each; the rest replays.
  const { files, skipped } = await withoutStrays((await Promise.all(positionals.map((p) => fixtureFiles(p)))).flat(), positionals);
  // A fixture named directly must load: a broken one is exit 2 before any target is opened.
  const load = v.model === undefined ? {} : { model: v.model };
  for (const p of positionals) if (files.includes(p)) await readFixture(p, load);
  if (files.length === 0) throw new HarnessError('CF_ERR_FIXTURE', `no fixtures (*.json) under ${positionals.join(', ')}`);
  for (const s of skipped) process.stdout.write(`- skipped    ${s.file}  ${s.why}\n`);
  const profile = v.profile ?? 'aws-json';
  if (profile !== 'aws-json' && profile !== 'envelope') throw new HarnessError('CF_ERR_USAGE', `--profile must be aws-json or envelope, got '${profile}'`);
  const opened = await openTarget(v.target ?? 'builtin', {
    region: v.region ?? process.env.AWS_REGION ?? 'us-east-1', timeoutMs: intOption(v['timeout-ms'], 'timeout-ms', 10_000, 1),
    concurrency: 4, ...allowed, profile,
  });
  // What the target says is printed: scrubbed first, as in a run (a target may echo the credentials).
  const target = { ...opened, ...wrap(opened, scrubOutcomes(runScrubber())) };
  try {
    // Inside a folder, a fixture that does not load is an error line and fails the replay; it is never "fixed".
    let invalid = 0;
    const results = await replayFixtures(files, target, {
      seedTag: `rp${Date.now().toString(36).slice(-6)}`, ...load,
      // The run's existing prerequisites, as its reproduce command says (nothing else is created for them).
      ...(v['service-id'] !== undefined ? { serviceId: v['service-id'] } : {}),
      ...(v['proton-service'] !== undefined ? { protonService: v['proton-service'] } : {}),
      onInvalid: (_file, e) => { invalid++; process.stderr.write(`contract-fuzz: ${e.message}\n`); },
    });
    const counts = { reproduces: 0, changed: 0, fixed: 0 };
    for (const r of results) {
      counts[r.verdict]++;
      const mark = r.verdict === 'fixed' ? '✓ fixed     ' : r.verdict === 'reproduces' ? '✗ reproduces' : '~ changed   ';
      const now = r.observed ? ` → now ${r.observed.kind} [${r.observed.constraint}] ${r.observed.actual.code ?? '-'} ${r.observed.actual.status}` : '';
      process.stdout.write(`${mark} ${r.file}  ${r.fixture.kind} [${r.fixture.constraint}] was ${r.fixture.observed.code ?? '-'} ${r.fixture.observed.status}${now}\n`);
    }
    process.stdout.write(`${results.length + invalid} fixture(s) against ${target.name}: ${counts.reproduces} reproduce, ${counts.changed} changed, ${counts.fixed} fixed${invalid ? `, ${invalid} invalid` : ''}${skipped.length ? `; ${skipped.length} file(s) skipped` : ''}\n`);
    if (invalid > 0) return 2;
    return counts.reproduces + counts.changed > 0 ? 1 : 0;
  } finally {
    await target.close();
  }
}
