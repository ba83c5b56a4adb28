// The error shapes a service's model declares, as the protocol checks need them: which wire codes an SDK
// turns into a modelled exception class, and the member that carries the message (Cloud Map `Message`,
// Proton `message`). Derived from the model, once per operation; nothing hard-coded per operation.
import { findOperation } from '../model/load.ts';
import type { StructureShape } from '../contract/model.ts';

export interface ErrorShapes {
  /** Wire codes of every error shape in the service (SDKs map codes service-wide, not per operation). */
  readonly codes: ReadonlySet<string>;
  /** The message member the model names for `code`; for a code it does not model, the operation's errors' member. */
  messageKey(code: string | undefined): string | undefined;
}

const cache = new Map<string, ErrorShapes>();

const messageMember = (s: StructureShape | undefined): string | undefined =>
  s === undefined ? undefined : Object.keys(s.members).find((m) => m.toLowerCase() === 'message');

export function errorShapesOf(operation: string): ErrorShapes {
  const hit = cache.get(operation);
  if (hit) return hit;
  const { service, operation: op } = findOperation(operation);
  const byCode = new Map<string, StructureShape>();
  for (const shape of Object.values(service.shapes)) if (shape.type === 'structure' && shape.error) byCode.set(shape.error.code, shape);
  const own = op.errors.map((name) => service.shapes[name]).filter((s): s is StructureShape => s?.type === 'structure');
  const fallback = own.map(messageMember).find((m) => m !== undefined);
  const shapes: ErrorShapes = {
    codes: new Set(byCode.keys()),
    messageKey: (code) => (code !== undefined && byCode.has(code) ? messageMember(byCode.get(code)) : fallback),
  };
  cache.set(operation, shapes);
  return shapes;
}
