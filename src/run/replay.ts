// Re-runs fixtures against a target and says, per fixture, whether the finding still reproduces (same kind,
// constraint and observed code), changed (the constraint still fails, differently) or is fixed.
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { checksFor } from '../checks/index.ts';
import type { Discrepancy } from '../checks/discrepancy.ts';
import { HarnessError } from '../errors.ts';
import { coverageContexts, type NamedContext } from '../generate/index.ts';
import type { Case } from '../generate/case.ts';
import type { Fixture } from '../report/fixtures.ts';
import type { OpenTarget } from '../targets/open.ts';
import { oracleExchange } from './exchange.ts';
import { prepare } from './prerequisites.ts';
import { scenarioFindings } from './scenarioFindings.ts';

export type Verdict = 'reproduces' | 'changed' | 'fixed';
export interface ReplayResult { file: string; fixture: Fixture; verdict: Verdict; observed?: Discrepancy }

export async function fixtureFiles(path: string): Promise<string[]> {
  let info;
  try { info = await stat(path); } catch { throw new HarnessError('CF_ERR_FIXTURE', `no fixture file or folder at ${path}`); }
  if (info.isFile()) return [path];
  const out: string[] = [];
  for (const e of (await readdir(path, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (e.isDirectory()) out.push(...(await fixtureFiles(join(path, e.name))));
    else if (e.name.endsWith('.json')) out.push(join(path, e.name));
  }
  return out;
}

/** A fixture, or undefined for a recording (`contract-fuzz record` output lives beside fixtures). */
export async function readFixture(file: string): Promise<Fixture | undefined> {
  let f: Partial<Fixture> & { recordingVersion?: number };
  try { f = JSON.parse(await readFile(file, 'utf8')) as Partial<Fixture>; } catch (e) {
    throw new HarnessError('CF_ERR_FIXTURE', `cannot read fixture ${file}: ${(e as Error).message}`);
  }
  if (f?.recordingVersion !== undefined) return undefined;
  if (f?.fixtureVersion !== 1 || typeof f.operation !== 'string' || typeof f.kind !== 'string' || typeof f.constraint !== 'string'
    || typeof f.observed !== 'object' || f.observed === null) {
    throw new HarnessError('CF_ERR_FIXTURE', `${file} is not a contract-fuzz fixture (fixtureVersion 1 with operation, kind, constraint, observed)`);
  }
  // A hand-written fixture may leave the context out: the payload alone is judged then.
  return { ...f, context: f.context ?? {} } as Fixture;
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

export async function replayFixtures(files: string[], target: OpenTarget, o: { seedTag: string; signal?: AbortSignal; serviceId?: string; protonService?: string }): Promise<ReplayResult[]> {
  const fixtures = (await Promise.all(files.map(async (file) => ({ file, fixture: await readFixture(file) }))))
    .filter((x): x is { file: string; fixture: Fixture } => x.fixture !== undefined);
  const operations = [...new Set(fixtures.map((x) => x.fixture.operation))];
  const contexts: Record<string, NamedContext[]> = Object.fromEntries(operations.map((op) => [op, coverageContexts(op)]));
  // A recording answers only the names it was made with: its run tag names the prerequisites.
  const prepared = await prepare(target, { operations, contexts, runTag: target.runTag ?? o.seedTag, ...(o.signal ? { signal: o.signal } : {}),
    ...(o.serviceId !== undefined ? { serviceId: o.serviceId } : {}), ...(o.protonService !== undefined ? { protonService: o.protonService } : {}) });
  const exchange = oracleExchange({ target, binding: prepared.binding, checks: checksFor({ messages: true }), ...(o.signal ? { signal: o.signal } : {}) });
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
    // Replaying against real AWS creates prerequisites like a run does; they go away the same way.
    if (target.isAws) for (const problem of await prepared.cleanup()) process.stderr.write(`contract-fuzz: cleanup: ${problem}\n`);
  }
  return results;
}
