// state:service-not-found: a valid payload naming a service that does not exist. Where the context's
// service exists, the payload names another (random, realistic) one; where it does not, the context's own
// reference, or one at the member's length bound and edge characters (a valid value no service has).
import fc from 'fast-check';
import { SERVICE_NOT_FOUND } from '../oracle/oracle.ts';
import type { OracleContext } from '../oracle/context.ts';
import { NONE, type Draft } from './draft.ts';
import type { DraftTarget, OperationSpec } from './operation.ts';
import { boundaryLengthString, edgeString, stringModel } from './strings/shapeString.ts';

export { SERVICE_NOT_FOUND };

export function stateTarget(op: OperationSpec, ctx: OracleContext): DraftTarget {
  const member = op.serviceMember;
  const base = op.input(ctx, { lean: true });
  const ref = op.serviceRef(ctx);
  const broken = (input: Record<string, unknown>, exercises: readonly string[] = NONE): Draft => ({ input, breaks: [SERVICE_NOT_FOUND], exercises });
  if (op.exists(ctx)) {
    return {
      id: SERVICE_NOT_FOUND,
      valid: base.map((input): Draft => ({ input, breaks: NONE, exercises: [SERVICE_NOT_FOUND] })),
      invalid: fc.tuple(base, op.otherService(ref)).map(([input, other]) => broken({ ...input, [member]: other })),
    };
  }
  const site = op.sites(ctx).find((s) => s.path === member);
  const shape = site?.shape;
  const edges: fc.Arbitrary<Draft>[] = [];
  if (shape?.type === 'string') {
    const m = stringModel(shape);
    const ids = [`${member}#length`, ...(shape.pattern !== undefined ? [`${member}#pattern`] : [])];
    edges.push(fc.tuple(base, shape.pattern !== undefined ? fc.oneof(boundaryLengthString(m), edgeString(m)) : boundaryLengthString(m))
      .map(([input, v]) => broken({ ...input, [member]: v === ref ? `${v.slice(0, -1)}${v.endsWith('0') ? '1' : '0'}` : v }, ids)));
  }
  return { id: SERVICE_NOT_FOUND, invalid: fc.oneof(base.map((input) => broken(input)), ...edges) };
}
