// The one model walk: the steps from a shape to the shapes inside it, each with its model path in the id scheme
// of constraint.ts. The JSON Schema builder (schema/json-schema.ts) and the generators' sites
// (generate/model/sites.ts) both recurse through these steps, so a path, and the constraint id built on it,
// is spelt in one place.
import type { Shape, ShapeName } from './model.ts';

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
