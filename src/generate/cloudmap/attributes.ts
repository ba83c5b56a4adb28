// Valid Cloud Map `Attributes` for a service: the reserved attributes its configuration needs (and
// optionally others), then custom attributes within the count and character budgets. Constructive: the
// budgets are met by cutting values (a prefix of a valid value is valid), never by filtering.
import fc from 'fast-check';
import { MAX_ATTRIBUTES_TOTAL_CHARS, MAX_CUSTOM_ATTRIBUTES } from '../../rules/cloudmap-attributes.ts';
import { VISIBLE, VISIBLE_WS } from '../strings/chars.ts';
import { classString } from '../strings/classString.ts';
import { dictionary } from '../strings/dictionary.ts';
import { entries, type Entry } from '../strings/entries.ts';
import { record } from '../strings/record.ts';
import { BULK_BIAS, type LengthBias } from '../strings/length.ts';
import { initAllowed, modesOf, needs, type Mode, type Service } from './service.ts';
import { INSTANCE_ATTRIBUTES, RESERVED_VALUES, type InstanceAttribute } from './values.ts';

export type Attrs = Record<string, string>;

/**
 * Custom keys never start with AWS_ (that space is the reserved keys'; unlisted AWS_ keys are undocumented),
 * and are never `__proto__` (a JavaScript object would not keep it as a key).
 */
export const customKey = (k: string): string => (k.startsWith('AWS_') ? `a${k.slice(1)}` : k === '__proto__' ? '__proto_x' : k);

const keyStrings = (bias: LengthBias, max: number) => classString({ min: 1, max, rest: VISIBLE, bias });
export const customKeys = (bias: LengthBias = BULK_BIAS, max = 255) => keyStrings(bias, max).map(customKey);
export const attrValues = (bias: LengthBias = BULK_BIAS, max = 1024) => classString({ min: 0, max, first: VISIBLE, rest: VISIBLE_WS, bias });

/** Distinct custom attributes, min..max of them (count biased to few unless `countBias` says otherwise). */
export const customEntries = (min: number, max: number, o: { keyMax?: number; valueMax?: number; countBias?: LengthBias } = {}) =>
  entries({ key: keyStrings(BULK_BIAS, o.keyMax ?? 255), value: attrValues(BULK_BIAS, o.valueMax ?? 1024), min, max, keyMap: customKey, ...(o.countBias ? { bias: o.countBias } : {}) });

export const charCount = (a: Readonly<Attrs>): number => {
  let n = 0;
  for (const k in a) n += k.length + a[k]!.length; // generated attributes are ASCII: one unit per character
  return n;
};

export interface AttributeOptions {
  /** Custom attributes allowed (default 30). */
  maxCustom?: number;
  /** Characters allowed, keys and values (default 5,000). */
  budget?: number;
  modes?: readonly Mode[];
  /** AWS_INSTANCE_* keys to leave out even when the service needs them (rule violations). */
  omit?: readonly InstanceAttribute[];
  /** How many custom attributes (default: mostly none to a few). */
  countBias?: LengthBias;
}

/** The AWS_INSTANCE_* (and AWS_INIT_HEALTH_STATUS) part of a normal registration. */
export function instanceAttributes(s: Service, omit: readonly InstanceAttribute[] = [], onlyRequired = false): fc.Arbitrary<Attrs> {
  const n = needs(s);
  const keys = INSTANCE_ATTRIBUTES.filter((k) => !omit.includes(k));
  const required = new Set<string>(keys.filter((k) =>
    (k === 'AWS_INSTANCE_IPV4' && n.ipv4) || (k === 'AWS_INSTANCE_IPV6' && n.ipv6) || (k === 'AWS_INSTANCE_CNAME' && n.cname) || (k === 'AWS_INSTANCE_PORT' && n.port)));
  const withRequired = (req: Set<string>) => {
    const model: Record<string, fc.Arbitrary<string>> = {};
    for (const k of keys) if (!onlyRequired || req.has(k)) model[k] = RESERVED_VALUES[k];
    if (initAllowed(s) && !onlyRequired) model.AWS_INIT_HEALTH_STATUS = RESERVED_VALUES.AWS_INIT_HEALTH_STATUS;
    return record<Attrs>(model, [...req]);
  };
  // SRV: IPV4 or IPV6 — whichever is not omitted, or either of them
  if (n.address && !required.has('AWS_INSTANCE_IPV4') && !required.has('AWS_INSTANCE_IPV6')) {
    const options = (['AWS_INSTANCE_IPV4', 'AWS_INSTANCE_IPV6'] as const).filter((k) => keys.includes(k));
    if (options.length) return fc.oneof(...options.map((k) => withRequired(new Set([...required, k]))));
  }
  return withRequired(required);
}

export function aliasAttributes(s: Service): fc.Arbitrary<Attrs> {
  const model: Record<string, fc.Arbitrary<string>> = { AWS_ALIAS_DNS_NAME: RESERVED_VALUES.AWS_ALIAS_DNS_NAME };
  if (initAllowed(s)) model.AWS_INIT_HEALTH_STATUS = RESERVED_VALUES.AWS_INIT_HEALTH_STATUS;
  return record<Attrs>(model, ['AWS_ALIAS_DNS_NAME']);
}

export function ec2Attributes(s: Service): fc.Arbitrary<Attrs> {
  const model: Record<string, fc.Arbitrary<string>> = { AWS_EC2_INSTANCE_ID: RESERVED_VALUES.AWS_EC2_INSTANCE_ID };
  if (initAllowed(s)) model.AWS_INIT_HEALTH_STATUS = RESERVED_VALUES.AWS_INIT_HEALTH_STATUS;
  return record<Attrs>(model, ['AWS_EC2_INSTANCE_ID']);
}

/** A copy of `from` (plus `entries`) built as a dictionary (see strings/dictionary.ts). */
export function dictionaryOf(from: Readonly<Attrs>, entries: readonly Entry[] = []): Attrs {
  const out = dictionary<string>();
  for (const k in from) out[k] = from[k]!;
  for (const [k, v] of entries) out[k] = v;
  return out;
}

/** Adds custom entries to `reserved` while the count and character budgets allow; values are cut to fit. */
export function withCustoms(reserved: Readonly<Attrs>, entries: readonly Entry[], maxCustom: number, budget: number): Attrs {
  if (entries.length === 0 || maxCustom === 0) return { ...reserved }; // fixed keys: an ordinary object is cheapest
  const out = dictionaryOf(reserved);
  let used = charCount(reserved);
  let n = 0;
  for (const [k, v] of entries) {
    if (n >= maxCustom) break;
    if (k in out) continue;
    const room = budget - used - k.length;
    if (room < 0) continue;
    const value = v.length > room ? v.slice(0, room) : v;
    out[k] = value;
    used += k.length + value.length;
    n++;
  }
  return out;
}

/** Valid attributes for service `s` (null: a service whose configuration is unknown: no dependent requirement). */
export function attributes(s: Service, o: AttributeOptions = {}): fc.Arbitrary<Attrs> {
  const maxCustom = o.maxCustom ?? MAX_CUSTOM_ATTRIBUTES;
  const budget = o.budget ?? MAX_ATTRIBUTES_TOTAL_CHARS;
  const modes = (o.modes ?? modesOf(s)).filter((m) => modesOf(s).includes(m));
  const parts: { arbitrary: fc.Arbitrary<Attrs>; weight: number }[] = [];
  const customs = customEntries(0, maxCustom, o.countBias ? { countBias: o.countBias } : {});
  for (const m of modes) {
    if (m === 'ec2') parts.push({ arbitrary: ec2Attributes(s), weight: 1 });
    else {
      const reserved = m === 'alias' ? aliasAttributes(s) : instanceAttributes(s, o.omit);
      parts.push({ arbitrary: fc.tuple(reserved, customs).map(([r, c]) => withCustoms(r, c, maxCustom, budget)), weight: m === 'normal' ? 4 : 1 });
    }
  }
  return parts.length === 1 ? parts[0]!.arbitrary : fc.oneof(...parts);
}
