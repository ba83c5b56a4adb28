// The oracle's verdict on a generated case as it goes on the wire: an X-Amz-Target naming another
// operation, a raw body that is not JSON, or the payload itself.
import { expect, expectProtocol } from './oracle.ts';
import type { Expected } from '../contract/expected.ts';
import type { Case } from '../contract/case.ts';

export function expectCase(c: Case): Expected {
  if (c.wireOperation !== undefined && c.wireOperation !== c.operation) return expectProtocol(c.operation, 'protocol:unknown-operation');
  if (c.rawBody !== undefined) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(c.rawBody);
    } catch {
      return expectProtocol(c.operation, 'protocol:malformed-json');
    }
    return expect(c.operation, parsed, c.context);
  }
  return expect(c.operation, c.input, c.context);
}

/** The constraint ids an Expected names (empty for success). */
export const violatedIds = (e: Expected): string[] => (e.outcome === 'error' ? [...new Set(e.violations.map((v) => v.constraint))] : []);
