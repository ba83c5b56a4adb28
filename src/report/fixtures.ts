// fixtures/<operation>/<kind>-<id>.json: every finding as a minimal replayable file. Nothing secret goes in:
// the fixture holds the payload and the verdicts, never headers or credentials.
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { TOOL } from '../version.ts';
import { writeFileAtomic } from '../files.ts';
import { writeFailure } from './outputs.ts';
import type { Finding } from './types.ts';

/** The model a fixture of a `--model` run was made from: its path (from the fixture's folder, or absolute: modelPath)
 * and its content hash (replay reads it and refuses another file). */
export interface FixtureModel { path: string; sha256: string }
/** The model file a finding's operation came from, as the run read it (absolute path). */
export type ModelFileOf = (operation: string) => { file: string; sha256: string } | undefined;

export interface Fixture {
  fixtureVersion: 1;
  id: string;
  operation: string;
  kind: string;
  constraint: string;
  request: unknown;
  rawBody?: string;
  context: Finding['context'];
  /** The unbound case (placeholder prerequisites) replay rebinds on the replay target; absent for scenarios. */
  case?: Finding['case'];
  /** Scenario findings replay by re-running the scenario families of `operation` with `seed`. */
  scenario?: boolean;
  expected: Finding['expected'];
  observed: Finding['actual'];
  detail: string;
  target: string;
  seed: number;
  path: string;
  tool: { name: string; version: string };
  model?: FixtureModel;
}

export const fixturePath = (dir: string, f: Pick<Finding, 'operation' | 'kind' | 'id'>): string =>
  join(dir, f.operation, `${f.kind}-${f.id}.json`);

export function toFixture(f: Finding, target: string, model?: FixtureModel): Fixture {
  return {
    fixtureVersion: 1, id: f.id, operation: f.operation, kind: f.kind, constraint: f.constraint,
    request: f.request, ...(f.rawBody !== undefined ? { rawBody: f.rawBody } : {}), context: f.context,
    ...(f.case ? { case: f.case } : {}), ...(f.kind === 'idempotency' || f.kind === 'state' ? { scenario: true } : {}),
    expected: f.expected, observed: f.actual, detail: f.detail, target, seed: f.seed, path: f.path,
    tool: { name: TOOL.name, version: TOOL.version }, ...(model ? { model } : {}),
  };
}

/** Where a fixture finds its model: from the fixture's folder when the model lies under `base` (the working folder:
 * committed beside the fixtures, the pair moves together), else the absolute path (a system model such as
 * python3-botocore's stays where it is when the fixtures move). */
export function modelPath(fixture: string, model: string, base: string): string {
  const fromBase = relative(base, model);
  return fromBase.startsWith('..') || isAbsolute(fromBase) ? model : relative(dirname(resolve(fixture)), model);
}

/** Writes one fixture and returns its path relative to `base` (for report.json). */
export async function writeFixture(dir: string, f: Finding, target: string, base = process.cwd(), modelOf?: ModelFileOf): Promise<string> {
  const path = fixturePath(dir, f);
  const m = modelOf?.(f.operation);
  const model = m ? { path: modelPath(path, m.file, base), sha256: m.sha256 } : undefined;
  await writeFileAtomic(path, JSON.stringify(toFixture(f, target, model), null, 2) + '\n');
  return relative(base, path);
}

/** Writes every finding's fixture; one that fails does not stop the others (nor the report). Returns the line that
 * says what was not written, or undefined. A finding whose fixture was not written keeps no `fixture` path. */
export async function writeFixtures(dir: string, findings: Finding[], target: string, modelOf?: ModelFileOf): Promise<string | undefined> {
  let failed = 0;
  let first: unknown;
  for (const f of findings) {
    try {
      f.fixture = await writeFixture(dir, f, target, process.cwd(), modelOf);
    } catch (e) {
      failed++;
      first ??= e;
      delete f.fixture;
    }
  }
  return failed === 0 ? undefined : `${writeFailure('fixtures', dir, first)}: ${failed} of ${findings.length} fixture(s) not written`;
}
