// Malformed model files and unknown operations fail with one HarnessError code each, naming the file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModel } from '../../src/model/import.ts';
import { findOperation } from '../../src/model/load.ts';
import { readServiceModel } from '../../src/model/source.ts';
import { SHARED } from './shared.ts';

const dir = mkdtempSync(join(tmpdir(), 'cf-model-errors-'));
const write = (name: string, content: unknown): string => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const fails = (fn: () => unknown, code: string, fileName?: string) => {
  let caught: unknown;
  try { fn(); } catch (e) { caught = e; }
  expect(caught).toMatchObject({ name: 'HarnessError', code });
  if (fileName) expect((caught as Error).message).toContain(fileName);
};
const botocore = (extra: Record<string, unknown>) => ({
  metadata: { apiVersion: '2020-01-01', endpointPrefix: 'svc', jsonVersion: '1.0', protocol: 'json', targetPrefix: 'Svc' },
  operations: {}, shapes: {}, ...extra,
});

describe('malformed model files', () => {
  it('a missing file is CF_ERR_MODEL_LOAD', () => fails(() => readServiceModel(join(dir, 'nope.json')), 'CF_ERR_MODEL_LOAD', 'nope.json'));
  it('non-JSON is CF_ERR_MODEL_LOAD', () => fails(() => readServiceModel(write('garbage.json', '{"shapes": ')), 'CF_ERR_MODEL_LOAD', 'garbage.json'));
  it('JSON of neither format is CF_ERR_MODEL_FORMAT', () => fails(() => readServiceModel(write('neither.json', { shapes: {} })), 'CF_ERR_MODEL_FORMAT', 'neither.json'));
  it('Smithy 1.0 is CF_ERR_MODEL_FORMAT', () => fails(() => readServiceModel(write('v1.json', { smithy: '1.0', shapes: {} })), 'CF_ERR_MODEL_FORMAT', 'v1.json'));

  it('a botocore operation referencing a missing shape is CF_ERR_MODEL_FORMAT', () => {
    const file = write('dangling-op.json', botocore({ operations: { Ping: { name: 'Ping', input: { shape: 'PingRequest' } } } }));
    fails(() => readServiceModel(file), 'CF_ERR_MODEL_FORMAT', 'dangling-op.json');
  });

  it('a botocore member referencing a missing shape is CF_ERR_MODEL_FORMAT', () => {
    const file = write('dangling-member.json', botocore({ shapes: { A: { type: 'structure', members: { b: { shape: 'B' } } } } }));
    fails(() => readServiceModel(file), 'CF_ERR_MODEL_FORMAT', 'dangling-member.json');
  });

  it('a non-JSON protocol is CF_ERR_MODEL_FORMAT', () => {
    const file = write('rest.json', botocore({ metadata: { apiVersion: '1', endpointPrefix: 's', protocol: 'rest-json', targetPrefix: 'S' } }));
    fails(() => readServiceModel(file), 'CF_ERR_MODEL_FORMAT', 'rest.json');
  });

  it('a Smithy operation referencing a missing shape is CF_ERR_MODEL_FORMAT', () => {
    const file = write('dangling-smithy.json', {
      smithy: '2.0',
      shapes: {
        'x#S': { type: 'service', version: '1', operations: [{ target: 'x#Op' }], traits: { 'aws.auth#sigv4': { name: 's' }, 'aws.protocols#awsJson1_1': {} } },
        'x#Op': { type: 'operation', input: { target: 'x#OpInput' } },
      },
    });
    fails(() => readServiceModel(file), 'CF_ERR_MODEL_FORMAT', 'dangling-smithy.json');
  });

  it('--with a model of another service is CF_ERR_MODEL_FORMAT', () => {
    fails(() => importModel({ file: SHARED.proton.botocore, with: SHARED.servicediscovery.smithy, outDir: dir }), 'CF_ERR_MODEL_FORMAT');
  });
});

describe('unknown operations', () => {
  it('an explicitly requested unknown operation is CF_ERR_UNKNOWN_OPERATION', () => {
    fails(() => importModel({ file: SHARED.servicediscovery.botocore, operations: ['RegisterInstance', 'Nope'], outDir: dir }), 'CF_ERR_UNKNOWN_OPERATION');
  });

  it('findOperation rejects an unknown name and finds the fuzzed operations in models/', () => {
    fails(() => findOperation('RegisterInstances'), 'CF_ERR_UNKNOWN_OPERATION');
    expect(findOperation('RegisterInstance').service.service).toBe('servicediscovery');
    expect(findOperation('CreateServiceInstance').service.protocol).toBe('awsJson1_0');
  });
});
