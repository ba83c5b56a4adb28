// The places of an operation's input where a model constraint lives, found by walking the model:
// structure members, map keys and values, list items and the members of listed structures. Each site
// knows its model path (the id scheme of src/contract/constraint.ts, paths by the walk of src/contract/walk.ts) and how to write a value there into a
// copy of a whole input (a lens), so one factory per constraint kind can break or touch any of them.
import fc from 'fast-check';
import type { Shape, ServiceModel } from '../../contract/model.ts';
import { stepsOf, type StepRole } from '../../contract/walk.ts';
import { dictionary } from '../strings/dictionary.ts';
import { buildable, minimalValue, shapeOf, valueOf } from './values.ts';

export type Input = Record<string, unknown>;
/** Written at a member site: remove the member. */
export const ABSENT: unique symbol = Symbol('absent');

export type SiteRole = StepRole;

export interface Site {
  /** Model path: `InstanceId`, `Attributes{key}`, `Attributes{value}`, `tags[]`, `tags[].key`. */
  path: string;
  shapeName: string;
  shape: Shape;
  role: SiteRole;
  /** Required member of its structure. */
  required: boolean;
  /** Top-level input member the site lives under: mutations of distinct members can be combined. */
  member: string;
  /** Writing here adds a map entry (rules counting entries or characters need room for it). */
  addsEntry: boolean;
  /** Valid values for this site. */
  valid: fc.Arbitrary<unknown>;
  /** The context dictates the value (ServiceId, serviceName): valid mutations leave it as it is. */
  fixed: boolean;
  /** A copy of `input` with `value` written at the site (ABSENT removes a member). */
  put(input: Input, value: unknown): Input;
}

type Lens = (input: Input, f: (old: unknown) => unknown) => Input;

export interface SiteOptions {
  /** Valid-value arbitraries by path, replacing the model-derived ones. */
  valid?: Readonly<Record<string, fc.Arbitrary<unknown>>>;
  fixed?: readonly string[];
  /** Key for a new map entry, given the map (must be valid for the key shape and not present). */
  freshKey?(map: Readonly<Record<string, unknown>>): string;
  /** Maps every key written at a map-key site (Cloud Map: keep generated keys out of the reserved AWS_ space). */
  keyFilter?(key: string): string;
}

/** A copy of map `o` with one more entry, built as a dictionary (see strings/dictionary.ts). */
function withEntry(o: unknown, key: string, value: unknown): Record<string, unknown> {
  const out = dictionary<unknown>();
  const from = (o ?? {}) as Record<string, unknown>;
  for (const k in from) out[k] = from[k];
  out[key] = value;
  return out;
}

/** A new key valid for the key shape: `fuzz`, `fuzz0`… where they are valid, else other valid keys (fixed). */
const freshKeyOf = (model: ServiceModel, keyShape: string) => {
  const s = model.shapes[keyShape];
  const plain = s?.type === 'string' && s.pattern === undefined && s.enum === undefined && (s.min ?? 0) <= 4 && (s.max ?? Infinity) >= 7;
  const pool = plain ? [] : [minimalValue(model, keyShape) as string, ...fc.sample(valueOf(model, keyShape) as fc.Arbitrary<string>, { seed: 1, numRuns: 40 })];
  return (map: Readonly<Record<string, unknown>>): string => {
    if (!plain) return pool.find((k) => !Object.prototype.hasOwnProperty.call(map, k)) ?? pool[0]!;
    let k = 'fuzz';
    for (let i = 0; Object.prototype.hasOwnProperty.call(map, k); i++) k = `fuzz${i}`;
    return k;
  };
};

export function sitesOf(model: ServiceModel, operation: string, options: SiteOptions = {}): Site[] {
  const op = model.operations[operation];
  if (!op?.input) throw new Error(`generate: operation ${operation} has no input in model ${model.service}`);
  const root = shapeOf(model, op.input);
  if (root.type !== 'structure') throw new Error(`generate: input of ${operation} is not a structure`);
  const sites: Site[] = [];
  const keyed = options.keyFilter ?? ((k: string) => k);

  // the shapes on the current path: a recursive shape met again is a site, but not walked into (its places
  // inside were listed at its first entry, and the schema gives them the same ids at any depth)
  const onPath: string[] = [];
  const add = (path: string, shapeName: string, role: SiteRole, required: boolean, member: string, addsEntry: boolean, lens: Lens) => {
    const shape = shapeOf(model, shapeName);
    const valid = options.valid?.[path] ?? buildable(model, shapeName, () => valueOf(model, shapeName));
    if (valid === undefined) return; // no value can be made here: the place is left out (not covered)
    sites.push({
      path, shapeName, shape, role, required, member, addsEntry,
      valid,
      fixed: options.fixed?.includes(path) ?? false,
      put: (input, value) => lens(input, () => value),
    });
    if (onPath.includes(shapeName)) return;
    onPath.push(shapeName);
    walk(path, shapeName, shape, member, addsEntry, lens);
    onPath.pop();
  };

  function walk(path: string, shapeName: string, shape: Shape, member: string, addsEntry: boolean, lens: Lens): void {
    if (shape.type === 'structure') {
      for (const step of stepsOf(shape, path)) {
        const { name: m, required } = step.member!;
        const sub: Lens = (input, f) => lens(input, (o) => {
          const c: Record<string, unknown> = { ...((o as Record<string, unknown> | undefined) ?? (minimalValue(model, shapeName) as Record<string, unknown>)) };
          const v = f(c[m]);
          if (v === ABSENT) delete c[m];
          else c[m] = v;
          return c;
        });
        add(step.path, step.target, 'member', required, member || m, addsEntry, sub);
      }
    } else if (shape.type === 'map') {
      const [key, value] = stepsOf(shape, path);
      const filler = minimalValue(model, value.target);
      const fresh = options.freshKey ?? freshKeyOf(model, key.target);
      const keyLens: Lens = (input, f) => lens(input, (o) => withEntry(o, keyed(f(undefined) as string), filler));
      const valueLens: Lens = (input, f) => lens(input, (o) => withEntry(o, fresh((o ?? {}) as Record<string, unknown>), f(undefined)));
      add(key.path, key.target, 'key', false, member, true, keyLens);
      add(value.path, value.target, 'value', false, member, true, valueLens);
    } else if (shape.type === 'list') {
      const [item] = stepsOf(shape, path);
      // items: replace the first one (or add one to an empty list), so the list size does not change
      const itemLens: Lens = (input, f) => lens(input, (o) => {
        // an absent list becomes its minimal one (a model minimum of items holds), then its first item is replaced
        const a = Array.isArray(o) ? o.slice() : (minimalValue(model, shapeName) as unknown[]).slice();
        a[0] = f(a[0]);
        return a;
      });
      add(item.path, item.target, 'item', false, member, addsEntry, itemLens);
    }
  }

  onPath.push(op.input);
  walk('', op.input, root, '', false, (input, f) => f(input) as Input);
  return sites;
}
