// Filling a profile's call templates (src/profiles/recipe.ts) from slots, and reading an answer by a dotted
// path: pure, so the recipe executor (src/run/recipe.ts) and the scenario families read the same templates.
import type { Template } from './recipe.ts';

type Json = Record<string, unknown>;

const SLOT = /\{([\w.]+)\}/g;
const WHOLE = /^\{([\w.]+)\}$/;
const ABSENT = Symbol('absent');

/** A template with its slots filled; a member whose whole value is an absent slot is dropped. */
export function fill(t: Template, slots: Readonly<Record<string, unknown>>): unknown {
  const v = fillOne(t, slots);
  return v === ABSENT ? undefined : v;
}

function fillOne(t: Template, slots: Readonly<Record<string, unknown>>): unknown {
  if (typeof t === 'string') {
    const whole = WHOLE.exec(t);
    if (whole) return slots[whole[1]!] ?? ABSENT;
    return t.replace(SLOT, (m, name: string) => {
      const v = slots[name];
      if (v === undefined) throw new Error(`recipe slot {${name}} has no value`);
      return String(v);
    });
  }
  if (Array.isArray(t)) return t.map((e: Template) => fillOne(e, slots)).filter((e) => e !== ABSENT);
  if (t !== null && typeof t === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(t)) {
      const filled = fillOne(v as Template, slots);
      if (filled !== ABSENT) out[k] = filled;
    }
    return out;
  }
  return t;
}

/** The value at a dotted path of an answer (`Operation.Targets.NAMESPACE`). */
export const valueAt = (v: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((x, k) => (x !== null && typeof x === 'object' ? (x as Json)[k] : undefined), v);
