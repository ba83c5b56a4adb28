// Seed 002 (CreateServiceInstance API reference page): a request at each documented boundary.
import { describe, expect, it } from 'vitest';
import { expect as oracle } from '../../src/oracle/index.ts';
import type { Expected, ExpectedError } from '../../src/contract/expected.ts';
import { proton, protonRequest, PROTON_SERVICE } from './contexts.ts';

const OP = 'CreateServiceInstance';
const ctx = proton();
const err = (e: Expected): ExpectedError => {
  if (e.outcome !== 'error') throw new Error(`expected an error, got ${JSON.stringify(e)}`);
  return e;
};
const verdict = (over: Record<string, unknown>) => {
  const e = oracle(OP, protonRequest(over), ctx);
  return e.outcome === 'success' ? 'valid' : e.violations.map((v) => v.constraint).join(' ');
};
const digits = (n: number) => '1' + '0'.repeat(n - 1);
const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: 'v' }));

describe('seed 002 boundaries', () => {
  it('the base request is valid, and so is the minimal one', () => {
    expect(oracle(OP, protonRequest(), ctx)).toMatchObject({ outcome: 'success', confidence: 'documented' });
    expect(oracle(OP, { name: 'a', serviceName: PROTON_SERVICE, spec: 'x' }, ctx).outcome).toBe('success');
  });

  it.each([
    [{ name: 'a' }, 'valid'],
    [{ name: 'n'.repeat(100) }, 'valid'],
    [{ name: 'n'.repeat(101) }, 'name#length'],
    [{ name: '' }, 'name#length name#pattern'],
    [{ name: '-lead' }, 'name#pattern'],
    [{ name: 'a_b-C9' }, 'valid'],
    [{ spec: 's'.repeat(51200) }, 'valid'],
    [{ spec: 's'.repeat(51201) }, 'spec#length'],
    [{ spec: '' }, 'spec#length'],
    [{ templateMajorVersion: '0' }, 'valid'],
    [{ templateMajorVersion: '01' }, 'templateMajorVersion#pattern'],
    [{ templateMajorVersion: digits(20) }, 'valid'],
    [{ templateMajorVersion: digits(21) }, 'templateMajorVersion#length'],
    [{ templateMinorVersion: '' }, 'templateMinorVersion#length templateMinorVersion#pattern'],
    [{ tags: tags(50) }, 'valid'],
    [{ tags: tags(51) }, 'tags#size'],
    [{ tags: [] }, 'valid'],
    [{ tags: [{ key: 'k'.repeat(128), value: 'v' }] }, 'valid'],
    [{ tags: [{ key: 'k'.repeat(129), value: 'v' }] }, 'tags[].key#length'],
    [{ tags: [{ key: 'k', value: '' }] }, 'valid'],
    [{ tags: [{ key: 'k', value: 'v'.repeat(257) }] }, 'tags[].value#length'],
    [{ tags: [{ key: 'k' }] }, 'tags[].value#required'],
    [{ clientToken: 't'.repeat(64) }, 'valid'],
    [{ clientToken: 't'.repeat(65) }, 'clientToken#length'],
    [{ clientToken: '' }, 'valid'],
    [{ clientToken: 'a b' }, 'clientToken#pattern'],
  ])('%# %j → %s', (over, expected) => {
    expect(verdict(over)).toBe(expected);
  });

  it('every validation error is ValidationException, 400 on both sources', () => {
    expect(err(oracle(OP, protonRequest({ name: '' }), ctx))).toMatchObject({ codes: ['ValidationException'], statuses: [400], confidence: 'documented' });
  });
});

describe('messages', () => {
  it('spec is sensitive: its value is never printed', () => {
    const e = err(oracle(OP, protonRequest({ spec: 's'.repeat(51201) }), ctx));
    expect(e.message).toBe("1 validation error detected: Value at 'spec' failed to satisfy constraint: Member must have length less than or equal to 51200");
    expect(e.message).not.toContain('sss');
  });
  it('list items: tags.<1-based>.member.<member>', () => {
    const e = err(oracle(OP, protonRequest({ tags: [{ key: 'a', value: 'b' }, { key: 'k'.repeat(129), value: 'v' }] }), ctx));
    expect(e.message).toBe(`1 validation error detected: Value '${'k'.repeat(129)}' at 'tags.2.member.key' failed to satisfy constraint: Member must have length less than or equal to 128`);
    expect(e.violations[0]).toMatchObject({ constraint: 'tags[].key#length', path: 'tags.1.key' });
  });
  it('pattern failures print the model pattern', () => {
    expect(err(oracle(OP, protonRequest({ templateMajorVersion: '01' }), ctx)).message).toBe(
      "1 validation error detected: Value '01' at 'templateMajorVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(0|([1-9]{1}\\d*))$",
    );
  });
  it('an empty name breaks length and pattern: two errors, length first', () => {
    expect(err(oracle(OP, protonRequest({ name: '' }), ctx)).message).toBe(
      '2 validation errors detected: ' +
        "Value '' at 'name' failed to satisfy constraint: Member must have length greater than or equal to 1; " +
        "Value '' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$",
    );
  });
});

describe('state and types', () => {
  it('an unknown service: ResourceNotFoundException, 404 (model) or 400 (reference page)', () => {
    const e = err(oracle(OP, protonRequest(), proton(false)));
    expect(e).toMatchObject({ codes: ['ResourceNotFoundException'], statuses: [400, 404] });
    expect(e.violations.map((v) => v.constraint)).toEqual(['state:service-not-found']);
    expect(err(oracle(OP, protonRequest({ serviceName: 'other' }), ctx)).codes).toEqual(['ResourceNotFoundException']);
  });
  it('validation comes before existence', () => {
    expect(err(oracle(OP, protonRequest({ name: '' }), proton(false))).codes).toEqual(['ValidationException']);
  });
  it('null optional members are absent; wrong types accept SerializationException or ValidationException', () => {
    expect(oracle(OP, protonRequest({ tags: null, clientToken: null }), ctx).outcome).toBe('success');
    expect(err(oracle(OP, protonRequest({ tags: { key: 'k', value: 'v' } }), ctx))).toMatchObject({
      codes: ['SerializationException', 'ValidationException'],
      violations: [expect.objectContaining({ constraint: 'tags#type' })],
    });
    expect(err(oracle(OP, protonRequest({ tags: [null] }), ctx)).violations[0]?.constraint).toBe('tags[]#type');
    expect(err(oracle(OP, protonRequest({ tags: [{ key: 'k', value: null }] }), ctx)).violations[0]?.constraint).toBe('tags[].value#required');
  });
  it('unknown members (also inside tags) are ignored with inferred confidence', () => {
    expect(oracle(OP, protonRequest({ tags: [{ key: 'k', value: 'v', extra: 1 }], environmentName: 'prod' }), ctx)).toMatchObject({ outcome: 'success', confidence: 'inferred' });
  });
});
