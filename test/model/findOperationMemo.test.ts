// findOperation answers from memory after the first lookup (the checks ask for every case), and a model given
// later (--model) is seen at once: a memo must never hide it.
import { describe, expect, it } from 'vitest';
import { findOperation, loadServiceModel, useModel } from '../../src/model/load.ts';
import type { ServiceModel } from '../../src/contract/model.ts';

describe('findOperation memo', () => {
  it('gives the same answer again without a new lookup, and a model given afterwards replaces it', () => {
    const first = findOperation('servicediscovery#GetOperation');
    expect(findOperation('servicediscovery#GetOperation')).toBe(first);
    expect(first.service.service).toBe('servicediscovery');

    // A stand-in for the committed model (as --model gives one): same service, one operation fewer.
    const committed = loadServiceModel('servicediscovery');
    const { GetOperation: _gone, ...rest } = committed.operations;
    const given: ServiceModel = { ...committed, operations: rest };
    useModel(given);
    expect(() => findOperation('servicediscovery#GetOperation')).toThrow(/unknown operation/);
    expect(findOperation('servicediscovery#GetInstance').service).toBe(given);
  });
});
