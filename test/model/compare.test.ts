import { describe, expect, it } from 'vitest';
import { compareModels, formatDifference } from '../../src/model/compare.ts';
import { selectOperations } from '../../src/model/select.ts';
import { readServiceModel } from '../../src/model/source.ts';
import { supplement } from '../../src/model/supplement.ts';
import type { ServiceModel, StructureShape } from '../../src/contract/model.ts';
import { SHARED } from './shared.ts';

const sdBoto = readServiceModel(SHARED.servicediscovery.botocore);
const sdSmithy = readServiceModel(SHARED.servicediscovery.smithy);

describe('compareModels', () => {
  const diffs = compareModels(selectOperations(sdBoto, ['RegisterInstance']), sdSmithy);

  it('pins RegisterInstanceRequest.ServiceId: ≤ 255 (Arn) in botocore 2026 vs ≤ 64 (ResourceId) in Smithy 2025', () => {
    expect(diffs).toContainEqual({ where: 'shape RegisterInstanceRequest.ServiceId max', left: 255, right: 64 });
    expect(diffs).toContainEqual({ where: 'shape RegisterInstanceRequest.ServiceId target', left: 'Arn', right: 'ResourceId' });
    const line = diffs.find((d) => d.where === 'shape RegisterInstanceRequest.ServiceId max')!;
    expect(formatDifference(line, 'botocore', 'smithy')).toBe('shape RegisterInstanceRequest.ServiceId max: botocore 255 vs smithy 64');
  });

  it('lists exactly the RegisterInstance disagreements (missing statuses are gaps, not differences)', () => {
    expect(diffs.map((d) => d.where)).toEqual([
      'shape DuplicateRequest.DuplicateOperationId target',
      'shape DuplicateRequest.DuplicateOperationId max',
      'shape RegisterInstanceRequest.ServiceId target',
      'shape RegisterInstanceRequest.ServiceId max',
    ]);
  });

  it('finds no difference between a model and itself', () => {
    expect(compareModels(sdSmithy, sdSmithy)).toEqual([]);
  });

  it('agrees on every Proton fact except deprecation (all operations deprecated in 2026)', () => {
    const d = compareModels(readServiceModel(SHARED.proton.botocore), readServiceModel(SHARED.proton.smithy));
    expect(d).toHaveLength(87);
    expect(d.every((x) => /^operation \w+ deprecated$/.test(x.where) && x.left === true && x.right === false)).toBe(true);
  });

  it('reports statuses, required lists and operations missing on one side', () => {
    const base = selectOperations(sdSmithy, ['RegisterInstance']);
    const inv = base.shapes.InvalidInput as StructureShape;
    const req = base.shapes.RegisterInstanceRequest as StructureShape;
    const changed: ServiceModel = {
      ...base,
      shapes: {
        ...base.shapes,
        InvalidInput: { ...inv, error: { ...inv.error!, httpStatus: 422 } },
        RegisterInstanceRequest: { ...req, required: ['ServiceId'] },
      },
    };
    const d = compareModels(base, changed);
    expect(d).toContainEqual({ where: 'shape InvalidInput httpStatus', left: 400, right: 422 });
    expect(d).toContainEqual({ where: 'shape RegisterInstanceRequest required', left: ['Attributes', 'InstanceId', 'ServiceId'], right: ['ServiceId'] });
    expect(compareModels(base, sdSmithy, ['GetInstance'])).toEqual([{ where: 'operation GetInstance', left: 'absent', right: 'present' }]);
  });
});

describe('selectOperations', () => {
  it('keeps the operations asked for and exactly the shapes they reach', () => {
    const m = selectOperations(sdBoto, ['RegisterInstance']);
    expect(Object.keys(m.operations)).toEqual(['RegisterInstance']);
    expect(Object.keys(m.shapes)).toEqual([
      'Arn', 'AttrKey', 'AttrValue', 'Attributes', 'DuplicateRequest', 'ErrorMessage', 'InstanceId', 'InvalidInput', 'OperationId',
      'RegisterInstanceRequest', 'RegisterInstanceResponse', 'ResourceId', 'ResourceInUse', 'ResourceLimitExceeded', 'ServiceNotFound',
    ]);
    expect(m.provenance).toEqual(sdBoto.provenance);
  });

  it('rejects an unknown operation with CF_ERR_UNKNOWN_OPERATION', () => {
    expect(() => selectOperations(sdBoto, ['RegisterInstance', 'RegisterInstances'])).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
  });
});

describe('supplement', () => {
  const merged = supplement(selectOperations(sdBoto, ['RegisterInstance']), sdSmithy);

  it('fills error statuses from the other format and says so', () => {
    expect((merged.shapes.InvalidInput as StructureShape).error).toEqual({ code: 'InvalidInput', fault: 'client', httpStatus: 400, httpStatusSource: 'smithy' });
    expect((merged.shapes.DuplicateRequest as StructureShape).error?.httpStatus).toBe(409);
    expect(merged.provenance.supplementedBy).toEqual({ format: 'smithy', file: 'servicediscovery-2017-03-14.json', sha256: sdSmithy.provenance.sha256 });
  });

  it('keeps the primary facts and does not mutate its input', () => {
    expect((merged.shapes.RegisterInstanceRequest as StructureShape).members.ServiceId?.target).toBe('Arn');
    expect((sdBoto.shapes.InvalidInput as StructureShape).error?.httpStatus).toBeUndefined();
  });
});
