// Issue 8 §3: an operation named after an Object.prototype member (`__proto__`, `constructor`, `toString`) is an
// unknown operation wherever names are looked up, never the prototype's function (main: "s is not a function").
import { describe, expect, it } from 'vitest';
import { specOf } from '../../src/generate/registry.ts';
import { findOperation, isFuzzedOperation, serviceOf } from '../../src/model/load.ts';

describe('prototype names are not operations', () => {
  for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
    it(name, () => {
      expect(() => specOf(name)).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
      expect(() => findOperation(name)).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
      expect(isFuzzedOperation(name)).toBe(false);
      // No silent fallback to a service (issue 10 §2): an unknown name is an error everywhere.
      expect(() => serviceOf(name)).toThrow(expect.objectContaining({ code: 'CF_ERR_UNKNOWN_OPERATION' }));
    });
  }
});
