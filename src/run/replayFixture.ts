// Loading one fixture for replay: a regular JSON file, valid against schemas/fixture.schema.json, naming an
// operation this tool can run, its case of the same operation. A fixture of a `run --model FILE` run names its
// model (path from the fixture's folder, sha256): that file is read and made known first, and a missing or changed
// one is one line. Anything else is CF_ERR_FIXTURE with one line naming the file and the field: a broken regression
// fixture must never replay as "fixed".
import { dirname, resolve } from 'node:path';
import { HarnessError } from '../errors.ts';
import { knownServices, useModel } from '../model/load.ts';
import { modelFileHash, readModelFile } from '../model/modelFile.ts';
import { hasProfile } from '../profiles/index.ts';
import type { Fixture, FixtureModel } from '../report/fixtures.ts';
import { assertDocument, readJsonFile } from '../schemas/read.ts';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Service → hash of the model this process made known for replay: two fixtures may not disagree on it. */
const usedModels = new Map<string, string>();

/** `--model FILE` given to replay: the file to read instead of the one a fixture names (it moved), same hash. */
export interface FixtureLoadOptions { model?: string }

function useFixtureModel(file: string, m: FixtureModel, o: FixtureLoadOptions): void {
  const path = o.model ?? resolve(dirname(file), m.path);
  const short = m.sha256.slice(0, 12);
  let model;
  try {
    model = readModelFile(path);
  } catch (e) {
    throw new HarnessError('CF_ERR_FIXTURE', `${file}: its model ${path} (sha256 ${short}…) cannot be read: ${(e as Error).message}`);
  }
  const sha = modelFileHash(model)!;
  if (sha !== m.sha256) throw new HarnessError('CF_ERR_FIXTURE', `${file}: its model ${path} changed since the fixture was written (sha256 ${sha.slice(0, 12)}…, the fixture's ${short}…)`);
  const before = usedModels.get(model.service);
  if (before !== undefined && before !== sha) throw new HarnessError('CF_ERR_FIXTURE', `${file}: its model of ${model.service} is not the one another fixture of this replay names (sha256 ${short}…, the other's ${before.slice(0, 12)}…)`);
  usedModels.set(model.service, sha);
  useModel(model);
}

/** A fixture, or undefined for a recording (`contract-fuzz record` output lives beside fixtures). */
export function loadFixture(file: string, o: FixtureLoadOptions = {}): Fixture | undefined {
  const doc = readJsonFile(file, 'fixture', 'CF_ERR_FIXTURE');
  if (isObject(doc) && Object.hasOwn(doc, 'recordingVersion') && !Object.hasOwn(doc, 'fixtureVersion')) return undefined;
  const f = assertDocument<Fixture>('fixture', file, doc, 'CF_ERR_FIXTURE');
  if (f.model) useFixtureModel(file, f.model, o);
  // Own names only (findOperation): `__proto__` or `constructor` must not find something on a prototype.
  if (!hasProfile(f.operation)) {
    throw new HarnessError('CF_ERR_FIXTURE', `${file} is not a contract-fuzz fixture: /operation: unknown operation '${f.operation}' (services: ${knownServices().join(', ')}${f.model ? '' : '; a fixture of a --model run names its model'})`);
  }
  if (f.case && f.case.operation !== f.operation) {
    throw new HarnessError('CF_ERR_FIXTURE', `${file} is not a contract-fuzz fixture: /case/operation '${f.case.operation}' is not the fixture's operation '${f.operation}'`);
  }
  // A hand-written fixture may leave the context out: the payload alone is judged then.
  return { ...f, context: f.context ?? {} };
}
