// Issue 8 §3: baselines and recordings are checked against the published schemas like fixtures are; and what
// the tool itself writes (fixtures, baselines, recordings of real runs) validates against them, so a schema
// cannot drift from the TypeScript types that write these files.
import { mkdir, readdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DISCREPANCY_KINDS } from '../../src/contract/discrepancy.ts';
import type { Case } from '../../src/contract/case.ts';
import type { OracleContext } from '../../src/contract/context.ts';
import { recordRun } from '../../src/run/record.ts';
import { readRecording, readRecordings, type RecordedExchange, type Recording } from '../../src/targets/record/recording.ts';
import type { Fixture } from '../../src/report/fixtures.ts';
import { readBaseline, type Baseline, type BaselineEntry } from '../../src/run/baseline.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { documentProblem, schemaFile, type DocumentKind } from '../../src/schemas/documents.ts';
import { importModel } from '../../src/model/import.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import type { OperationModel, ServiceModel } from '../../src/contract/model.ts';
import { PROJECT_MODELS, SHARED } from '../model/shared.ts';
import { startFaultyTarget, type DeviationName } from '../support/faultyTarget.ts';
import { baseline, recording } from './samples.ts';

type Json = Record<string, unknown>;
let work: string;
beforeAll(async () => { work = await mkdtemp(join(tmpdir(), 'cf-documents-')); });
afterAll(async () => { await rm(work, { recursive: true, force: true }); });
const quiet = { write: () => undefined, writeErr: () => undefined, isTTY: false };

async function refused(read: (file: string) => unknown, name: string, text: string): Promise<Error & { code?: string }> {
  const file = join(work, `${name.replace(/\W+/g, '-')}.json`);
  await writeFile(file, text);
  const error = await Promise.resolve().then(() => read(file)).then(() => undefined, (e: unknown) => e as Error & { code?: string });
  expect(error, `${name} was accepted`).toBeDefined();
  expect(error!.message).toContain(file);
  expect(error!.message).not.toContain('\n');
  return error!;
}

describe('baselines: CF_ERR_BASELINE naming the file and the field', () => {
  const entry = baseline().findings[0]!;
  const cases: Array<{ name: string; doc: unknown; says: string }> = [
    { name: 'entry without operation', doc: { baselineVersion: 1, findings: [{ id: 'abc' }] }, says: '/findings/0/operation is missing' },
    { name: 'operation a number', doc: { baselineVersion: 1, findings: [{ ...entry, operation: 5 }] }, says: '/findings/0/operation must be string' },
    { name: 'kind unknown', doc: { baselineVersion: 1, findings: [{ ...entry, kind: 'bogus' }] }, says: '/findings/0/kind must be one of' },
    { name: 'code a number', doc: { baselineVersion: 1, findings: [{ ...entry, code: 400 }] }, says: '/findings/0/code must be string' },
    { name: 'no version', doc: { findings: [entry] }, says: '/baselineVersion is missing' },
    { name: 'version 2', doc: { baselineVersion: 2, findings: [entry] }, says: '/baselineVersion must be 1' },
    { name: 'prototype key', doc: JSON.parse(`{"baselineVersion":1,"findings":[],"__proto__":{"x":1}}`), says: '/__proto__ is not a known field' },
    { name: 'entry constructor key', doc: { baselineVersion: 1, findings: [{ ...entry, constructor: 'x' }] }, says: '/findings/0/constructor is not a known field' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const e = await refused(readBaseline, `baseline-${c.name}`, JSON.stringify(c.doc));
      expect(e.code).toBe('CF_ERR_BASELINE');
      expect(e.message).toContain(c.says);
    });
  }
  it('a valid baseline (with a note) loads', async () => {
    const file = join(work, 'baseline-ok.json');
    await writeFile(file, JSON.stringify({ ...baseline(), findings: [{ ...entry, note: 'accepted: emulator quirk' }] }));
    await expect(readBaseline(file)).resolves.toMatchObject({ baselineVersion: 1, findings: [{ id: entry.id, note: 'accepted: emulator quirk' }] });
  });
});

describe('recordings: CF_ERR_FIXTURE naming the file and the field', () => {
  const x = recording().exchanges[0]!;
  const cases: Array<{ name: string; doc: unknown; says: string }> = [
    { name: 'status a string', doc: { ...recording(), exchanges: [{ ...x, status: '200' }] }, says: '/exchanges/0/status must be integer' },
    { name: 'header value a number', doc: { ...recording(), exchanges: [{ ...x, reqheaders: { 'x-amz-target': 5 } }] }, says: '/exchanges/0/reqheaders/x-amz-target must be string' },
    { name: 'header named __proto__', doc: JSON.parse(JSON.stringify({ ...recording(), exchanges: [{ ...x, rawHeaders: {} }] }).replace('"rawHeaders":{}', '"rawHeaders":{"__proto__":"x"}')), says: '/exchanges/0/rawHeaders/__proto__ is not an allowed name' },
    { name: 'no scope', doc: { ...recording(), exchanges: [{ ...x, scope: undefined }] }, says: '/exchanges/0/scope is missing' },
    { name: 'seed a string', doc: { ...recording(), seed: 'abc' }, says: '/seed must be integer' },
    { name: 'runTag empty', doc: { ...recording(), runTag: '' }, says: '/runTag must match pattern' },
    { name: 'exchanges an object', doc: { ...recording(), exchanges: {} }, says: '/exchanges must be array' },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const e = await refused(readRecording, `recording-${c.name}`, JSON.stringify(c.doc));
      expect(e.code).toBe('CF_ERR_FIXTURE');
      expect(e.message).toContain(c.says);
    });
  }
});

describe('models: CF_ERR_MODEL_FORMAT naming the file and the field, not a TypeError', () => {
  it('a normalized model whose shape is a string, whose pattern does not compile, whose min is above max', async () => {
    const valid = JSON.parse(readFileSync(join(PROJECT_MODELS, 'servicediscovery', 'model.json'), 'utf8')) as { shapes: Record<string, Json> };
    const broken: Array<[string, (m: typeof valid) => void, string]> = [
      ['shape-string', (m) => { m.shapes.InstanceId = 'x'.repeat(100) as unknown as Json; }, '/shapes/InstanceId must be object'],
      ['bad-pattern', (m) => { m.shapes.InstanceId = { ...m.shapes.InstanceId, pattern: '([' }; }, '/shapes/InstanceId/pattern is not a regular expression'],
      ['min-above-max', (m) => { m.shapes.InstanceId = { ...m.shapes.InstanceId, min: 10, max: 2 }; }, '/shapes/InstanceId/min 10 is above max 2'],
    ];
    for (const [name, breakIt, says] of broken) {
      const dir = join(work, `model-${name}`);
      const m = structuredClone(valid);
      breakIt(m);
      await mkdir(join(dir, 'servicediscovery'), { recursive: true });
      await writeFile(join(dir, 'servicediscovery', 'model.json'), JSON.stringify(m));
      expect(() => loadServiceModel('servicediscovery', dir), name).toThrow(expect.objectContaining({ code: 'CF_ERR_MODEL_FORMAT', message: expect.stringContaining(says) }));
    }
  });

  it('an official Smithy model with a member that has no target', async () => {
    const smithy = JSON.parse(readFileSync(SHARED.servicediscovery.smithy, 'utf8')) as { shapes: Record<string, { members?: Record<string, Json> }> };
    delete smithy.shapes['com.amazonaws.servicediscovery#RegisterInstanceRequest']!.members!.ServiceId!.target;
    const file = join(work, 'smithy-no-target.json');
    await writeFile(file, JSON.stringify(smithy));
    expect(() => importModel({ file, outDir: join(work, 'models'), now: new Date(0) })).toThrow(expect.objectContaining({ code: 'CF_ERR_MODEL_FORMAT', message: expect.stringContaining('smithy-no-target.json') }));
  });
});

// Every field of the TypeScript types is described by the schema: adding a field to a type without the schema
// is a type error here (the Record must name every key), and a schema field the type lacks fails the test.
const FIXTURE_KEYS = { fixtureVersion: 1, id: 1, operation: 1, kind: 1, constraint: 1, request: 1, rawBody: 1, context: 1, case: 1, scenario: 1, expected: 1, observed: 1, detail: 1, target: 1, seed: 1, path: 1, tool: 1, model: 1 } satisfies Record<keyof Fixture, 1>;
const CASE_KEYS = { operation: 1, kind: 1, input: 1, rawBody: 1, breaks: 1, exercises: 1, context: 1, wireOperation: 1, contextName: 1 } satisfies Record<keyof Case, 1>;
const CONTEXT_KEYS = { cloudMap: 1, proton: 1 } satisfies Record<keyof OracleContext, 1>;
const BASELINE_KEYS = { baselineVersion: 1, findings: 1 } satisfies Record<keyof Baseline, 1>;
const ENTRY_KEYS = { id: 1, operation: 1, kind: 1, constraint: 1, code: 1, finding: 1, note: 1 } satisfies Record<keyof BaselineEntry, 1>;
const RECORDING_KEYS = { recordingVersion: 1, operation: 1, target: 1, seed: 1, runTag: 1, tool: 1, exchanges: 1, bodyLimitBytes: 1 } satisfies Record<keyof Recording, 1>;
const MODEL_KEYS = { service: 1, fullName: 1, apiVersion: 1, protocol: 1, targetPrefix: 1, signingName: 1, endpointPrefix: 1, operations: 1, shapes: 1, provenance: 1 } satisfies Record<keyof ServiceModel, 1>;
const OPERATION_KEYS = { name: 1, input: 1, output: 1, errors: 1, idempotent: 1, deprecated: 1 } satisfies Record<keyof OperationModel, 1>;
const EXCHANGE_KEYS = { scope: 1, method: 1, path: 1, body: 1, status: 1, response: 1, rawHeaders: 1, reqheaders: 1, responseIsBinary: 1, responseCut: 1, call: 1 } satisfies Record<keyof RecordedExchange, 1>;

describe('the schemas match the TypeScript types that write the files', () => {
  const schema = (kind: DocumentKind): Json => JSON.parse(readFileSync(schemaFile(kind), 'utf8')) as Json;
  const props = (s: unknown): string[] => Object.keys((s as { properties: Json }).properties).filter((k) => k !== '$schema').sort();
  const defs = (kind: DocumentKind): Json => schema(kind).$defs as Json;

  it('field for field', () => {
    expect(props(schema('fixture'))).toEqual(Object.keys(FIXTURE_KEYS).sort());
    expect(props(defs('fixture').case)).toEqual(Object.keys(CASE_KEYS).sort());
    expect(props(defs('fixture').context)).toEqual(Object.keys(CONTEXT_KEYS).sort());
    expect(props(schema('baseline'))).toEqual(Object.keys(BASELINE_KEYS).sort());
    expect(props((schema('baseline').properties as { findings: { items: unknown } }).findings.items)).toEqual(Object.keys(ENTRY_KEYS).sort());
    expect(props(schema('recording'))).toEqual(Object.keys(RECORDING_KEYS).sort());
    expect(props(defs('recording').exchange)).toEqual(Object.keys(EXCHANGE_KEYS).sort());
    expect(props(schema('model'))).toEqual(Object.keys(MODEL_KEYS).sort());
    expect(props(defs('model').operation)).toEqual(Object.keys(OPERATION_KEYS).sort());
  });

  it('every discrepancy kind the checks produce is a kind the schemas accept', () => {
    for (const kind of DISCREPANCY_KINDS) {
      expect(documentProblem('baseline', { ...baseline(), findings: [{ ...baseline().findings[0], kind }] }), kind).toBeUndefined();
    }
  });

  it('every schema has an $id and is shipped in schemas/', () => {
    for (const kind of ['fixture', 'baseline', 'recording', 'model'] as const) expect(schema(kind).$id).toBe(`urn:contract-fuzz:schema:${kind}:1`);
  });
});

describe('what the tool writes validates against the schemas', () => {
  const runs: Array<{ deviation: DeviationName; args: string[] }> = [
    { deviation: 'malformed-json-accepted', args: ['--operation', 'RegisterInstance', '--no-scenarios'] }, // rawBody fixtures
    { deviation: 'replay-new-operation-id', args: ['--operation', 'RegisterInstance'] }, // scenario fixtures
    { deviation: 'proton-output-without-arn', args: ['--operation', 'CreateServiceInstance', '--no-scenarios'] }, // Proton contexts
  ];
  for (const r of runs) {
    it(`fixtures and the baseline of a run against '${r.deviation}'`, async () => {
      const faulty = await startFaultyTarget(r.deviation);
      const dir = join(work, `run-${r.deviation}`);
      try {
        const o = parseRunOptions(['--target', faulty.url, '--seed', '11', '--runs', '5', '--shrink-requests', '50', ...r.args,
          '--report-dir', join(dir, 'reports'), '--fixtures-dir', join(dir, 'fixtures'), '--write-baseline', join(dir, 'baseline.json')]);
        const { report } = await executeRun(o, new AbortController().signal, quiet);
        expect(report.discrepancies.length).toBeGreaterThan(0);
        const files = (await readdir(join(dir, 'fixtures'), { recursive: true })).filter((f) => f.endsWith('.json'));
        expect(files).toHaveLength(report.discrepancies.length);
        for (const f of files) expect(documentProblem('fixture', JSON.parse(await readFile(join(dir, 'fixtures', f), 'utf8'))), f).toBeUndefined();
        expect(documentProblem('baseline', JSON.parse(await readFile(join(dir, 'baseline.json'), 'utf8')))).toBeUndefined();
        if (r.deviation === 'replay-new-operation-id') expect(report.discrepancies.some((d) => d.kind === 'idempotency')).toBe(true);
        if (r.deviation === 'malformed-json-accepted') expect(report.discrepancies.some((d) => d.rawBody !== undefined)).toBe(true);
      } finally {
        await faulty.close();
      }
    });
  }

  it('the project models and a fresh import of both official formats', () => {
    for (const service of ['servicediscovery', 'proton']) {
      expect(documentProblem('model', JSON.parse(readFileSync(join(PROJECT_MODELS, service, 'model.json'), 'utf8'))), service).toBeUndefined();
    }
    for (const file of [SHARED.proton.botocore, SHARED.servicediscovery.smithy]) {
      const { model } = importModel({ file, outDir: join(work, 'models'), now: new Date(0) });
      expect(documentProblem('model', JSON.parse(JSON.stringify(model))), file).toBeUndefined();
    }
  });

  it('the recordings of a record run', async () => {
    const o = parseRunOptions(['--target', 'builtin', '--seed', '7', '--runs', '3', '--report-dir', join(work, 'rec', 'reports'), '--no-fixtures']);
    const result = await recordRun({ ...o, out: join(work, 'rec', 'out'), credentials: 'fake' }, new AbortController().signal, quiet);
    expect(result.files).toHaveLength(2);
    for (const f of result.files) expect(documentProblem('recording', JSON.parse(await readFile(f.file, 'utf8'))), f.file).toBeUndefined();
    expect(readRecordings(join(work, 'rec', 'out'))).toHaveLength(2);
  });
});
