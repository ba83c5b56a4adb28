// Re-runs fixtures against a target and says, per fixture, whether the finding still reproduces (same kind,
// constraint and observed code), changed (the constraint still fails, differently) or is fixed.
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checksFor } from '../checks/index.ts';
import type { Discrepancy } from '../contract/discrepancy.ts';
import { HarnessError } from '../errors.ts';
import { coverageContexts, type NamedContext } from '../generate/index.ts';
import type { Case } from '../contract/case.ts';
import type { Fixture } from '../report/fixtures.ts';
import type { OpenTarget } from '../targets/open.ts';
import { oracleExchange } from './exchange.ts';
import { wrap } from '../targets/target.ts';
import { prepare } from './prerequisites.ts';
import { loadFixture, type FixtureLoadOptions } from './replayFixture.ts';
import { fileType } from '../schemas/read.ts';
import { scenarioFindings } from './scenarioFindings.ts';

export type Verdict = 'reproduces' | 'changed' | 'fixed';
export interface ReplayResult { file: string; fixture: Fixture; verdict: Verdict; observed?: Discrepancy }

/** Fixture files under `path`: only regular files are read (a FIFO named *.json would block forever); any other
 * entry is skipped with one line through `skip`. */
export async function fixtureFiles(path: string, skip: (line: string) => void = (l) => process.stderr.write(`contract-fuzz: ${l}\n`)): Promise<string[]> {
  let info;
  try { info = await stat(path); } catch { throw new HarnessError('CF_ERR_FIXTURE', `no fixture file or folder at ${path}`); }
  if (info.isFile()) return [path];
  if (!info.isDirectory()) throw new HarnessError('CF_ERR_FIXTURE', `cannot read fixture ${path}: it is ${fileType(info)}, not a regular file`);
  const out: string[] = [];
  for (const e of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    const at = join(path, e.name);
    if (e.isDirectory()) { out.push(...(await fixtureFiles(at, skip))); continue; }
    if (!e.name.endsWith('.json')) continue;
    // A symbolic link counts as what it points to (folders behind links are not walked: no cycles).
    const entry = e.isSymbolicLink() ? await stat(at).catch(() => undefined) : e;
    if (entry?.isFile()) out.push(at);
    else skip(`skipped ${at}: it is ${entry ? fileType(entry) : 'a broken link'}, not a regular file`);
  }
  return out;
}

/** A fixture, or undefined for a recording (`contract-fuzz record` output lives beside fixtures). */
export async function readFixture(file: string, o: FixtureLoadOptions = {}): Promise<Fixture | undefined> {
  return loadFixture(file, o);
}

const caseOf = (f: Fixture): Case => f.case ?? {
  operation: f.operation, kind: 'invalid', input: f.request, ...(f.rawBody !== undefined ? { rawBody: f.rawBody } : {}),
  breaks: [f.constraint], exercises: [], context: f.context,
};

const verdictOf = (f: Fixture, found: Array<Pick<Discrepancy, 'kind' | 'constraint' | 'actual'>>): { verdict: Verdict; observed?: Discrepancy } => {
  const same = found.find((d) => d.kind === f.kind && d.constraint === f.constraint && (d.actual.code ?? null) === (f.observed.code ?? null));
  if (same) return { verdict: 'reproduces', observed: same as Discrepancy };
  const changed = found.find((d) => d.constraint === f.constraint) ?? found.find((d) => d.kind !== 'message');
  return changed ? { verdict: 'changed', observed: changed as Discrepancy } : { verdict: 'fixed' };
};

/** `onInvalid`: a fixture that does not load is reported there and left out (without it, it throws). */
export async function replayFixtures(files: string[], target: OpenTarget, o: FixtureLoadOptions & { seedTag: string; signal?: AbortSignal; serviceId?: string; protonService?: string; onInvalid?: (file: string, e: HarnessError) => void }): Promise<ReplayResult[]> {
  const loaded = await Promise.all(files.map(async (file) => {
    try { return { file, fixture: await readFixture(file, o.model === undefined ? {} : { model: o.model }) }; } catch (e) {
      if (!o.onInvalid || !(e instanceof HarnessError)) throw e;
      o.onInvalid(file, e);
      return { file, fixture: undefined };
    }
  }));
  const fixtures = loaded.filter((x): x is { file: string; fixture: Fixture } => x.fixture !== undefined);
  if (fixtures.length === 0) return [];
  const operations = [...new Set(fixtures.map((x) => x.fixture.operation))];
  const contexts: Record<string, NamedContext[]> = Object.fromEntries(operations.map((op) => [op, coverageContexts(op)]));
  // A recording answers only the names it was made with: its run tag names the prerequisites.
  const prepared = await prepare(target, { operations, contexts, runTag: target.runTag ?? o.seedTag, ...(o.signal ? { signal: o.signal } : {}),
    undoCreates: !target.fresh && target.runTag === undefined,
    ...(o.serviceId !== undefined ? { serviceId: o.serviceId } : {}), ...(o.protonService !== undefined ? { protonService: o.protonService } : {}) });
  // The cases go through the preparation's tracker, as in a run: what a model-only create makes is undone below.
  const tracked = wrap(target, (send) => async (c, opts) => { const outcome = await send(c, opts); prepared.track(c, outcome); return outcome; });
  const exchange = oracleExchange({ target: tracked, binding: prepared.binding, checks: checksFor({ messages: true }), ...(o.signal ? { signal: o.signal } : {}) });
  const results: ReplayResult[] = [];
  try {
    for (const { file, fixture } of fixtures) {
      if (fixture.scenario) {
        const found = await scenarioFindings({ operation: fixture.operation, target, binding: prepared.binding, contexts: prepared.contexts[fixture.operation] ?? contexts[fixture.operation], seed: fixture.seed, runs: 5 });
        results.push({ file, fixture, ...verdictOf(fixture, found) });
        continue;
      }
      const { found } = await exchange(caseOf(fixture));
      results.push({ file, fixture, ...verdictOf(fixture, found) });
    }
  } finally {
    // Replaying against real AWS creates prerequisites like a run does; they go away the same way. On any other
    // long-lived target what a replayed model-only create made goes away (a recording answers only what it holds).
    const problems = target.isAws ? await prepared.cleanup() : await prepared.undoCreated();
    for (const problem of problems) process.stderr.write(`contract-fuzz: cleanup: ${problem}\n`);
  }
  return results;
}
