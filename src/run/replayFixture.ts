// Loading one fixture for replay: a regular JSON file, valid against schemas/fixture.schema.json, naming an
// operation this tool generates for, its case of the same operation. Anything else is CF_ERR_FIXTURE with one
// line naming the file and the field: a broken regression fixture must never replay as "fixed".
import { HarnessError } from '../errors.ts';
import { GENERATED_OPERATIONS } from '../generate/registry.ts';
import type { Fixture } from '../report/fixtures.ts';
import { assertDocument, readJsonFile } from '../schemas/read.ts';

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A fixture, or undefined for a recording (`contract-fuzz record` output lives beside fixtures). */
export function loadFixture(file: string): Fixture | undefined {
  const doc = readJsonFile(file, 'fixture', 'CF_ERR_FIXTURE');
  if (isObject(doc) && Object.hasOwn(doc, 'recordingVersion') && !Object.hasOwn(doc, 'fixtureVersion')) return undefined;
  const f = assertDocument<Fixture>('fixture', file, doc, 'CF_ERR_FIXTURE');
  // Own names only: `__proto__` or `constructor` must not find something on a prototype.
  if (!GENERATED_OPERATIONS.some((op) => op === f.operation)) {
    throw new HarnessError('CF_ERR_FIXTURE', `${file} is not a contract-fuzz fixture: /operation: unknown operation '${f.operation}' (known: ${GENERATED_OPERATIONS.join(', ')})`);
  }
  if (f.case && f.case.operation !== f.operation) {
    throw new HarnessError('CF_ERR_FIXTURE', `${file} is not a contract-fuzz fixture: /case/operation '${f.case.operation}' is not the fixture's operation '${f.operation}'`);
  }
  // A hand-written fixture may leave the context out: the payload alone is judged then.
  return { ...f, context: f.context ?? {} };
}
