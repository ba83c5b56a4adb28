// The stateless validating mock (issue 10 §6): an operation without hand-written behaviour, of a committed model
// or of another service's (--model), answers as the oracle expects: invalid input gets the oracle's error, valid
// input 200 and an output that satisfies the operation's output shape, the same output for the same request.
// On try2, such an operation got UnknownOperationException (proton#CreateServiceTemplate) or was not served at all.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createEmulator } from '../../src/emulator/index.ts';
import { readModelFile } from '../../src/model/modelFile.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import { modelCases } from '../../src/generate/modelOperation.ts';
import { modelOracle } from '../../src/oracle/index.ts';
import { compileFor } from '../../src/schema/validators.ts';
import type { ServiceModel } from '../../src/contract/model.ts';
import { writeWidgets } from '../support/widgetsModel.ts';

const widgets = readModelFile(writeWidgets(mkdtempSync(join(tmpdir(), 'cf-mock-'))));
const emulator = createEmulator({ models: [widgets] });
const send = (model: ServiceModel, operation: string, body: unknown) => {
  const r = emulator.handle(`${model.targetPrefix}.${operation}`, typeof body === 'string' ? body : JSON.stringify(body));
  return { ...r, json: JSON.parse(r.body) as Record<string, unknown> };
};

describe.each([
  ['widgets (--model)', widgets, ['CreateWidget', 'DescribeWidget']],
  ['proton, no hand-written route', loadServiceModel('proton'), ['CreateServiceTemplate', 'CreateEnvironmentTemplate']],
] as const)('the mock: %s', (_what, model, operations) => {
  it.each(operations)('%s: valid input → 200 with a body the output shape accepts; the same request, the same body', (operation) => {
    const output = compileFor(model, operation, 'output').validate;
    const { valid } = modelCases(model, operation);
    fc.assert(fc.property(valid, (draft) => {
      const a = send(model, operation, draft.input);
      expect(a.status, a.body).toBe(200);
      expect(a.headers['Content-Type']).toBe(model.protocol === 'awsJson1_0' ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1');
      expect(output(a.json), JSON.stringify(output.errors)).toBe(true);
      expect(send(model, operation, draft.input).body).toBe(a.body);
    }), { numRuns: 25 });
  });

  it.each(operations)('%s: invalid input → the oracle\'s code and message', (operation) => {
    const oracle = modelOracle(model, operation);
    const { targets } = modelCases(model, operation);
    const invalid = fc.oneof(...targets.map((t) => t.invalid));
    fc.assert(fc.property(invalid, (draft) => {
      const e = oracle.expect(draft.input);
      if (e.outcome !== 'error') return; // a draft for a rule or state the model-only oracle does not judge
      const a = send(model, operation, draft.input);
      expect(a.status).toBeGreaterThanOrEqual(400);
      expect(a.headers['X-Amzn-ErrorType']).toBe(e.codes[0]);
      expect(a.json.message ?? a.json.Message).toBe(e.message);
    }), { numRuns: 50 });
  });
});

describe('the mock: other answers', () => {
  it('different requests may differ: the output is drawn per request, not a constant', () => {
    const bodies = new Set(['abc', 'abd', 'abe', 'xyz1', 'widget-2'].map((n) => send(widgets, 'CreateWidget', { WidgetName: n }).body));
    expect(bodies.size).toBeGreaterThan(1);
  });

  it('malformed JSON and an unknown operation of the model\'s prefix: the protocol answers', () => {
    expect(send(widgets, 'CreateWidget', '{"WidgetName":').headers['X-Amzn-ErrorType']).toBe('SerializationException');
    expect(send(widgets, 'DeleteEverything', {}).headers['X-Amzn-ErrorType']).toBe('UnknownOperationException');
  });

  it('a service that models no ValidationException answers it with 400 (the oracle\'s inferred status)', () => {
    const a = send(widgets, 'CreateWidget', { WidgetName: 'x' });
    expect([a.status, a.headers['X-Amzn-ErrorType']]).toEqual([400, 'ValidationException']);
    expect(modelOracle(widgets, 'CreateWidget').statuses('ValidationException')).toEqual([400]);
  });
});
