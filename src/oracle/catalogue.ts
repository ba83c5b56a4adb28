// The full catalogue of constraint ids of an operation: every model constraint of its input (per member
// path: required, type, length, pattern, enum, range, size), every documented rule, and the protocol and
// state ids a target (or the builtin emulator) can produce (state ids: see state.ts; only
// state:service-not-found is decided by expect() itself). Coverage tables and generators iterate it.
import { modelBackedFor, rulesFor } from '../profiles/index.ts';
import { PROTOCOL_EXPECTATIONS, resolveCodes } from '../rules/protocol.ts';
import type { ConstraintInfo } from '../contract/constraint.ts';
import { oracleFor, SERIALIZATION_CODE, type OperationOracle } from './oracle.ts';
import { statesOf } from './state.ts';

const cache = new Map<string, readonly ConstraintInfo[]>();

/** Keyed `service#Operation` (a bare name only where one model defines it); entries carry the bare name reports show. */
export function constraintsOf(name: string): ConstraintInfo[] {
  const o = oracleFor(name);
  let c = cache.get(o.key);
  if (!c) {
    c = Object.freeze(build(o));
    cache.set(o.key, c);
  }
  return c.slice();
}

function build(o: OperationOracle): ConstraintInfo[] {
  const operation = o.operation;
  const backed = new Map<string, string[]>();
  for (const b of modelBackedFor(o.key)) backed.set(b.constraint, [...(backed.get(b.constraint) ?? []), b.source]);
  const out: ConstraintInfo[] = o.input.constraints.map((m) => ({
    id: m.id,
    operation,
    kind: m.kind,
    path: m.path,
    says: m.says,
    code: m.kind === 'type' ? SERIALIZATION_CODE : o.validationCode,
    source: [m.source, ...(backed.get(m.id) ?? [])].join('; '),
    confidence: m.kind === 'type' ? 'inferred' : 'documented',
  }));
  for (const r of rulesFor(o.key)) {
    out.push({ id: r.id, operation, kind: 'rule', path: r.path, says: r.says, code: r.code, source: r.source, confidence: r.confidence });
  }
  for (const p of PROTOCOL_EXPECTATIONS) {
    out.push({ id: p.id, operation, kind: 'protocol', path: '', says: p.says, code: resolveCodes(p.codes, o.validationCode)[0]!, source: p.source, confidence: p.confidence });
  }
  for (const s of statesOf(o.key)) {
    out.push({ id: s.id, operation, kind: 'state', path: s.path, says: s.says, code: s.code, source: s.source, confidence: s.confidence });
  }
  return out;
}
