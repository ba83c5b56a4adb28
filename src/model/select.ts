// Keeps the operations a harness needs and exactly the shapes they reach, so models/ stays small.
import { HarnessError } from '../errors.ts';
import { formatError, referencedShapes } from './normalize.ts';
import type { OperationModel, ServiceModel, Shape, ShapeName } from '../contract/model.ts';

/** Shapes reachable from the operations' inputs, outputs and errors, sorted by name. */
export function shapeClosure(model: ServiceModel, operations: readonly string[]): ShapeName[] {
  const seen = new Set<ShapeName>();
  const stack: ShapeName[] = operations.flatMap((name) => {
    const op = operation(model, name);
    return [op.input, op.output, ...op.errors].filter((s): s is string => s !== undefined);
  });
  while (stack.length > 0) {
    const name = stack.pop()!;
    if (seen.has(name)) continue;
    const shape = model.shapes[name];
    if (!shape) throw formatError(model.provenance.file, `missing shape '${name}' referenced by operations ${operations.join(', ')}`);
    seen.add(name);
    stack.push(...referencedShapes(shape));
  }
  return [...seen].sort();
}

export function selectOperations(model: ServiceModel, names: readonly string[]): ServiceModel {
  const ops = [...new Set(names)].sort();
  const operations: Record<string, OperationModel> = {};
  for (const name of ops) operations[name] = operation(model, name);
  const shapes: Record<ShapeName, Shape> = {};
  for (const name of shapeClosure(model, ops)) shapes[name] = model.shapes[name]!;
  return { ...model, operations, shapes };
}

function operation(model: ServiceModel, name: string): OperationModel {
  const op = Object.hasOwn(model.operations, name) ? model.operations[name] : undefined;
  if (!op) {
    throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `${model.provenance.file}: ${model.service} has no operation '${name}'`);
  }
  return op;
}
