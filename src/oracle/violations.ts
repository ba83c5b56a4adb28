// ajv errors → Violations, through the schema's site table (schemaPath → model constraint). Runs only on
// the failure path. Order is deterministic and follows the model: member order of each structure, list
// index, map keys before map values; at one location required, type, length, pattern, enum, range, size.
// (AWS's own order across members is not specified; real answers list them in no documented order.)
import type { ErrorObject } from 'ajv';
import type { ConstraintSite, OperationSchema } from '../schema/json-schema.ts';
import type { Violation } from '../contract/expected.ts';
import { fragment, lowerFirst } from './messages.ts';

const KIND_ORDER: Record<string, number> = { required: 0, type: 1, length: 2, pattern: 3, enum: 4, range: 5, size: 6 };

export interface Mapped {
  violation: Violation;
  site: ConstraintSite;
  /** The offending value (for type messages). */
  value: unknown;
  key: number[];
}

export interface MappedErrors {
  /** Sorted; unknown-member errors are not violations. */
  mapped: Mapped[];
  unknownMembers: boolean;
}

const segmentsOf = (instancePath: string): string[] => {
  if (instancePath === '') return [];
  const raw = instancePath.slice(1).split('/');
  if (instancePath.includes('~')) for (let i = 0; i < raw.length; i++) raw[i] = raw[i]!.replace(/~1/g, '/').replace(/~0/g, '~');
  return raw;
};

const at = (root: unknown, segs: readonly string[], n: number): unknown => {
  let v = root;
  for (let i = 0; i < n; i++) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string, unknown>)[segs[i]!];
  }
  return v;
};

function compareKeys(a: readonly number[], b: readonly number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

export function mapErrors(
  errors: readonly ErrorObject[],
  sites: ReadonlyMap<string, ConstraintSite>,
  payload: unknown,
  code: string,
  typeCode: string,
  locate?: OperationSchema['locate'],
): MappedErrors {
  const mapped: Mapped[] = [];
  let unknownMembers = false;
  for (const e of errors) {
    let key = e.schemaPath;
    let segs: string[];
    if (e.keyword === 'propertyNames') continue; // wrapper; the inner errors carry `propertyName`
    if (e.keyword === 'additionalProperties' && (e.params as { additionalProperty?: string }).additionalProperty !== undefined) {
      unknownMembers = true; // unknown member: ignored (see oracle.ts)
      continue;
    }
    if (e.keyword === 'required') {
      const missing = (e.params as { missingProperty: string }).missingProperty;
      key = `${e.schemaPath}/${missing}`;
      segs = segmentsOf(e.instancePath);
      segs.push(missing);
    } else segs = segmentsOf(e.instancePath);
    // a schema with recursive shapes: the error may come from a definition (its schemaPath is relative to it)
    const at0 = locate?.(e.keyword === 'required' ? segs.slice(0, -1) : segs, e.schemaPath);
    if (at0?.unit !== undefined) key = `${at0.unit}|${key}`;
    let site = sites.get(key);
    if (!site) throw new Error(`oracle: no constraint site for ajv error at ${key} (${e.keyword})`);
    if (site.shadow) continue; // a definition's own type check: the reference reported it
    const pre = site.inDefinition ? at0 : undefined;
    const kinds = pre ? pre.kinds + site.segs : site.segs;
    const names = pre ? [...pre.names, ...site.names] : site.names;
    const ords = pre ? [...pre.ords, ...site.ords] : site.ords;
    const full = at(payload, segs, segs.length);
    if (site.kind === 'type' && site.nullMeans && full === null) site = site.nullMeans;

    // Walk the site's path kinds along the instance segments: payload path, AWS message path, sort key.
    const path: string[] = [];
    const msg: string[] = [];
    const sortKey: number[] = [];
    let si = 0;
    let mi = 0;
    let msgDepth = -1; // instance depth of the value the message shows (-1: the full value)
    for (const k of kinds) {
      if (k === 'm') {
        const name = names[mi]!;
        sortKey.push(ords[mi++]!);
        path.push(segs[si++]!);
        if (msgDepth < 0) msg.push(lowerFirst(name));
      } else if (k === 'i') {
        const idx = Number(segs[si++]);
        sortKey.push(idx);
        path.push(String(idx));
        if (msgDepth < 0) msg.push(String(idx + 1), 'member');
      } else if (k === 'V') {
        sortKey.push(1);
        if (site.aspect && msgDepth < 0) msgDepth = si;
        const entry = segs[si++]!;
        path.push(entry);
        if (msgDepth < 0) msg.push(entry);
      } else {
        // 'K': the map's keys; the failing key is the error's propertyName.
        sortKey.push(0);
        if (msgDepth < 0) msgDepth = si;
        path.push((e as { propertyName?: string }).propertyName ?? '');
      }
    }
    sortKey.push(-1, KIND_ORDER[site.kind]!);
    const shown = msgDepth < 0 ? full : at(payload, segs, msgDepth);
    const text = site.aspect ? site.aspect.text : site.text;
    const isType = site.kind === 'type';
    mapped.push({
      site,
      value: full,
      key: sortKey,
      violation: {
        constraint: site.id,
        path: path.join('.'),
        message: fragment(shown, msg.join('.'), text, site.sensitive),
        code: isType ? typeCode : code,
        source: site.source,
        confidence: isType ? 'inferred' : 'documented',
      },
    });
  }
  mapped.sort((a, b) => compareKeys(a.key, b.key));
  return { mapped, unknownMembers };
}
