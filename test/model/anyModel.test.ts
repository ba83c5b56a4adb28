// Issue 10 §6: `models import` accepts any awsJson 1.0/1.1 model, and refuses other protocols in one line (exit 2).
// On try2, DynamoDB's model (Java's \p{Print} in a pattern) was refused as "not a regular expression", and a
// restJson model as "metadata lacks endpointPrefix, apiVersion or targetPrefix" (not what is wrong with it).
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ServiceModel } from '../../src/contract/model.ts';
import { cli } from '../support/cli.ts';
import { REST_WIDGETS, WIDGETS, writeWidgets } from '../support/widgetsModel.ts';

const DYNAMODB = '/usr/lib/python3/dist-packages/botocore/data/dynamodb/2012-08-10/service-2.json';
const work = () => mkdtempSync(join(tmpdir(), 'cf-any-model-'));

describe('models import: any awsJson model', () => {
  it('imports a service the project has no defaults for, every operation, a Java pattern kept as written', async () => {
    const dir = work();
    const x = await cli(['models', 'import', writeWidgets(dir), '--out', join(dir, 'models')], dir);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toMatch(/^wrote models\/widgets\/model\.json \(2 operations, \d+ shapes\)\n$/);
    const model = JSON.parse(readFileSync(join(dir, 'models', 'widgets', 'model.json'), 'utf8')) as ServiceModel;
    expect(model.protocol).toBe('awsJson1_0');
    expect(model.targetPrefix).toBe('Widgets_20260101');
    expect(model.shapes.WidgetName).toMatchObject({ pattern: '\\p{Print}+' });
  }, 60_000);

  it.each([
    ['restJson (botocore)', REST_WIDGETS, /^contract-fuzz: widgets-2026-01-01\.service-2\.json: protocol 'rest-json' is not supported \(awsJson 1\.0\/1\.1 only\)\n$/],
    ['query (botocore)', { ...REST_WIDGETS, metadata: { ...REST_WIDGETS.metadata, protocol: 'query' } }, /protocol 'query' is not supported \(awsJson 1\.0\/1\.1 only\)\n$/],
    ['json without a version', { ...WIDGETS, metadata: { ...WIDGETS.metadata, jsonVersion: undefined } }, /protocol 'json' jsonVersion 'undefined' is not supported/],
    ['restJson1 (Smithy)', { smithy: '2.0', shapes: { 'ex#Widgets': { type: 'service', version: '2026-01-01', traits: { 'aws.api#service': { sdkId: 'Widgets', endpointPrefix: 'widgets' }, 'aws.auth#sigv4': { name: 'widgets' }, 'aws.protocols#restJson1': {} } } } }, /only awsJson is supported/],
    ['a pattern no flavour parses', { ...WIDGETS, shapes: { ...WIDGETS.shapes, Label: { type: 'string', pattern: '[a-' } } }, /\/shapes\/Label\/pattern is not a regular expression/],
  ])('%s: one line, exit 2', async (_what, doc, says) => {
    const dir = work();
    const x = await cli(['models', 'import', writeWidgets(dir, doc), '--out', join(dir, 'models')], dir);
    expect(x.code).toBe(2);
    expect(x.stderr).toMatch(says);
    expect(x.stderr.trim().split('\n')).toHaveLength(1);
    expect(existsSync(join(dir, 'models'))).toBe(false);
  }, 60_000);

  it.skipIf(!existsSync(DYNAMODB))('imports DynamoDB from python3-botocore: 53 operations', async () => {
    const dir = work();
    const x = await cli(['models', 'import', DYNAMODB, '--out', join(dir, 'models')], dir);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toMatch(/^wrote models\/dynamodb\/model\.json \(53 operations, \d+ shapes\)/);
  }, 60_000);
});
