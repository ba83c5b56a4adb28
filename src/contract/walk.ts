// The one model walk: the steps from a shape to the shapes inside it, each with its model path in the id scheme
// of constraint.ts. The JSON Schema builder (schema/json-schema.ts) and the generators' sites
// (generate/model/sites.ts) both recurse through these steps, so a path, and the constraint id built on it,
// is spelt in one place.
import type { ServiceModel, Shape, ShapeName } from './model.ts';

export type StepRole = 'member' | 'key' | 'value' | 'item';

export interface Step {
  role: StepRole;
  /** Model path of the inner place: `InstanceId`, `tags[].key`, `Attributes{key}`, `Attributes{value}`, `tags[]`. */
  path: string;
  /** The shape at the inner place. */
  target: ShapeName;
  /** role `member`: the member's name, its ordinal in model order, and whether its structure requires it. */
  member?: { name: string; ordinal: number; required: boolean };
}

/** The model path of a member, a map's keys or values, or a list's items, under `path` ('' at the root). */
export const memberPath = (path: string, member: string): string => (path === '' ? member : `${path}.${member}`);
export const keyPath = (path: string): string => `${path}{key}`;
export const valuePath = (path: string): string => `${path}{value}`;
export const itemPath = (path: string): string => `${path}[]`;

/** The steps one level into `shape` at model path `path`: members of a structure or union (in model order),
 * a map's key then value, a list's item; none for a scalar. */
export function stepsOf(shape: Shape, path: string): Step[] {
  switch (shape.type) {
    case 'structure':
    case 'union': {
      const required: readonly string[] = shape.type === 'structure' ? shape.required : [];
      return Object.entries(shape.members).map(([name, m], ordinal) => ({
        role: 'member', path: memberPath(path, name), target: m.target, member: { name, ordinal, required: required.includes(name) },
      }));
    }
    case 'map':
      return [
        { role: 'key', path: keyPath(path), target: shape.key },
        { role: 'value', path: valuePath(path), target: shape.value },
      ];
    case 'list':
      return [{ role: 'item', path: itemPath(path), target: shape.member }];
    default:
      return [];
  }
}

/**
 * The shapes that lie on a cycle of the shape graph (DynamoDB's AttributeValue, Cost Explorer's Expression):
 * the walk stops where such a shape meets itself again on its own path. The schema gives each entry into one a
 * definition of its own (`$ref`), the generators bound its depth, and constraint ids inside it are spelt from
 * the path of that entry, whatever the depth (finite and stable: one id per place in the shape, not per path).
 */
export function recursiveShapes(model: ServiceModel): ReadonlySet<ShapeName> {
  let found = recursive.get(model);
  if (found) return found;
  // Tarjan's strongly connected components over the shapes' references
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out = new Set<string>();
  let next = 0;
  const refs = (name: string): string[] => {
    const s = model.shapes[name];
    return s ? stepsOf(s, '').map((x) => x.target).filter((t) => Object.hasOwn(model.shapes, t)) : [];
  };
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of refs(v)) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || refs(v).includes(v)) for (const x of scc) out.add(x);
    }
  };
  for (const name of Object.keys(model.shapes)) if (!index.has(name)) visit(name);
  found = out;
  recursive.set(model, found);
  return found;
}

const recursive = new WeakMap<ServiceModel, ReadonlySet<ShapeName>>();
