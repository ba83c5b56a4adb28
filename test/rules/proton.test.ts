
import { describe, expect, it } from 'vitest';
import { protonRules } from '../../src/rules/index.ts';
import { modelBackedFor, rulesFor } from '../../src/profiles/index.ts';
import { constraintsOf } from '../../src/oracle/index.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import type { StringShape, StructureShape } from '../../src/contract/model.ts';

describe('Proton CreateServiceInstance: documented request shape', () => {
  it('has no rule beyond the model (seed 002 states only model facts)', () => {
    expect(protonRules).toEqual([]);
    expect(rulesFor('proton#CreateServiceInstance')).toEqual([]);
  });

  it('every documented statement points at an existing model constraint', () => {
    const ids = new Set(constraintsOf('CreateServiceInstance').map((c) => c.id));
    for (const b of modelBackedFor('proton#CreateServiceInstance')) expect(ids.has(b.constraint), b.constraint).toBe(true);
    for (const b of modelBackedFor('servicediscovery#RegisterInstance')) expect(new Set(constraintsOf('RegisterInstance').map((c) => c.id)).has(b.constraint)).toBe(true);
  });

  it('the model still says what seed 002 says', () => {
    const m = loadServiceModel('proton');
    const input = m.shapes.CreateServiceInstanceInput as StructureShape;
    const str = (member: string) => m.shapes[input.members[member]!.target] as StringShape;
    expect([...input.required].sort()).toEqual(['name', 'serviceName', 'spec']);
    expect(str('name')).toMatchObject({ min: 1, max: 100, pattern: '^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$' });
    expect(str('serviceName')).toMatchObject({ min: 1, max: 100 });
    expect(str('spec')).toMatchObject({ min: 1, max: 51200, sensitive: true });
    expect(str('templateMajorVersion')).toMatchObject({ min: 1, max: 20, pattern: '^(0|([1-9]{1}\\d*))$' });
    expect(str('clientToken')).toMatchObject({ max: 64, pattern: '^[!-~]*$' });
    expect(m.shapes[input.members.tags!.target]).toMatchObject({ type: 'list', max: 50 });
  });
});
