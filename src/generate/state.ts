// state:service-not-found: a valid payload naming a service that does not exist. Where the context's
// service exists, the payload names another (random, realistic) one; where it does not, the context's own
// reference, or one at the member's length bounds or of edge characters (a valid value no service has); the
// coverage phase sends each of these as its own case (ServiceId at 255 characters, at 1, …).
import fc from 'fast-check';
import { SERVICE_NOT_FOUND } from '../oracle/oracle.ts';
import type { OracleContext } from '../contract/context.ts';
import type { Variant } from './constraints/mutation.ts';
import { NONE, type Draft } from './draft.ts';
import type { DraftTarget, OperationSpec } from './operation.ts';
import { boundaryLengthString, edgeString, exactString, stringModel } from './strings/shapeString.ts';

export { SERVICE_NOT_FOUND };

export function stateTarget(op: OperationSpec, ctx: OracleContext): DraftTarget {
  const member = op.serviceMember;
  const base = op.input(ctx, { lean: true });
  const ref = op.serviceRef(ctx);
  const broken = (input: Record<string, unknown>, exercises: readonly string[] = NONE): Draft => ({ input, breaks: [SERVICE_NOT_FOUND], exercises });
  if (op.exists(ctx)) {
    const valid = base.map((input): Draft => ({ input, breaks: NONE, exercises: [SERVICE_NOT_FOUND] }));
    const invalid = fc.tuple(base, op.otherService(ref)).map(([input, other]) => broken({ ...input, [member]: other }));
    return {
      id: SERVICE_NOT_FOUND, valid, invalid, perContext: true,
      variants: [{ label: 'the service', kind: 'valid', arbitrary: valid }, { label: 'another service', kind: 'invalid', arbitrary: invalid }],
    };
  }
  const own = base.map((input) => broken(input));
  const variants: Variant<Draft>[] = [{ label: 'the context\'s reference', kind: 'invalid', arbitrary: own }];
  const site = op.sites(ctx).find((s) => s.path === member);
  const shape = site?.shape;
  const edges: fc.Arbitrary<Draft>[] = [];
  if (shape?.type === 'string') {
    const m = stringModel(shape);
    const ids = [`${member}#length`, ...(shape.pattern !== undefined ? [`${member}#pattern`] : [])];
    const naming = (values: fc.Arbitrary<string>) => fc.tuple(base, values)
      .map(([input, v]) => broken({ ...input, [member]: v === ref ? `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}` : v }, ids));
    edges.push(naming(shape.pattern !== undefined ? fc.oneof(boundaryLengthString(m), edgeString(m)) : boundaryLengthString(m)));
    // a valid reference at each length bound (and of edge characters) naming no service: not found, not invalid
    for (const n of m.max > m.min ? [m.min, m.max] : [m.min]) variants.push({ label: `length ${n}`, kind: 'invalid', arbitrary: naming(exactString(m, n)) });
    if (shape.pattern !== undefined) variants.push({ label: 'edge characters', kind: 'invalid', arbitrary: naming(edgeString(m)) });
  }
  return { id: SERVICE_NOT_FOUND, invalid: fc.oneof(own, ...edges), variants, perContext: true };
}
