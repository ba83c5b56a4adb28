// The documented RegisterInstance rules as targets, for one service configuration: attributes that sit
// exactly on a rule's edge (30 custom attributes, 5,000 characters, EC2 with only the health status, …)
// and attributes that break it. Where a configuration cannot break a rule alone (an alias in a service
// without DNS records also lacks WEIGHTED routing), the case names every rule it breaks. Limits and value
// lists are enumerated for the coverage phase: exactly 30 and 31 custom attributes, exactly 5,000 and 5,001
// characters, each AWS_INIT_HEALTH_STATUS value and values just outside the list.
import fc from 'fast-check';
import {
  aaaaRecordRequiresIpv6, aRecordRequiresIpv4, aliasExcludesInstanceAttributes, aliasRequiresAOrAaaa, aliasRequiresWeighted,
  attributesTotalMax5000, customAttributesMax30, ec2InstanceIdExclusive, ec2InstanceIdHttpOnly,
  initHealthStatusValues, INSTANCE_REQUIREMENTS, MAX_ATTRIBUTES_TOTAL_CHARS, MAX_CUSTOM_ATTRIBUTES,
} from '../../rules/index.ts';
import type { CloudMapServiceConfig } from '../../contract/context.ts';
import type { Variant } from '../constraints/mutation.ts';
import { VISIBLE } from '../strings/chars.ts';
import { classString } from '../strings/classString.ts';
import { record } from '../strings/record.ts';
import { aliasAttributes, attrValues, ec2Attributes, instanceAttributes, type Attrs } from './attributes.ts';
import { customEntries, fillMaterial, fillTo, pastTotal, withEntries } from './fill.ts';
import { aliasAllowed, aliasBreaks, ec2Allowed, initAllowed, needs, requiredInstanceAttributes } from './service.ts';
import { INIT_HEALTH_VALUES, INSTANCE_ATTRIBUTES, RESERVED_VALUES, type InstanceAttribute } from './values.ts';

export interface AttrCase {
  attrs: Attrs;
  breaks: readonly string[];
  exercises: readonly string[];
}

export interface RuleTarget {
  id: string;
  valid?: fc.Arbitrary<AttrCase>;
  invalid: fc.Arbitrary<AttrCase>;
  /** Each boundary of the rule as its own coverage case (default: `valid` and `invalid` once each). */
  variants?: Variant<AttrCase>[];
}

const NONE: readonly string[] = [];
const ok = (arb: fc.Arbitrary<Attrs>, exercises: readonly string[]) => arb.map((attrs): AttrCase => ({ attrs, breaks: NONE, exercises }));
const bad = (arb: fc.Arbitrary<Attrs>, breaks: readonly string[]) => arb.map((attrs): AttrCase => ({ attrs, breaks, exercises: NONE }));
const merge = (parts: fc.Arbitrary<Attrs>[]) => fc.tuple(...parts).map((as) => Object.assign({}, ...as) as Attrs);
const few = (max: number) => customEntries(0, max).map((e) => withEntries({}, e));

/** Values just outside AWS_INIT_HEALTH_STATUS's list, each a coverage case of its own. */
const INIT_NEAR_MISSES = ['healthy', 'HEALTHY ', 'UNKNOWN', ''];

/** AWS_INIT_HEALTH_STATUS values that are valid attribute values but neither HEALTHY nor UNHEALTHY. */
const badInit = fc.oneof(
  fc.constantFrom('healthy', 'Healthy', 'HEALTHY ', 'UNHEALTHY\t', 'UNKNOWN', '', 'HEALTH', 'UN HEALTHY', 'TRUE'),
  attrValues(undefined, 1023).map((v) => (v === 'HEALTHY' || v === 'UNHEALTHY' ? `${v}X` : v)),
);

/** A non-empty set of AWS_INSTANCE_* attributes (or a custom key in that namespace). */
const instanceSome = fc.oneof(
  ...INSTANCE_ATTRIBUTES.map((k) => record<Attrs>(Object.fromEntries(INSTANCE_ATTRIBUTES.map((key) => [key, RESERVED_VALUES[key]])), [k])),
  fc.tuple(classString({ min: 1, max: 8, rest: VISIBLE }), attrValues(undefined, 16)).map(([s, v]): Attrs => ({ [`AWS_INSTANCE_${s}`]: v })),
);

function omitBreaks(s: CloudMapServiceConfig, omit: readonly InstanceAttribute[]): string[] {
  const o = new Set<string>(omit);
  return INSTANCE_REQUIREMENTS.filter((r) => r.applies(s) && r.anyOf.every((k) => o.has(k))).map((r) => r.id);
}

/** A required AWS_INSTANCE_* attribute left out; valid: only the required ones. */
function omission(s: CloudMapServiceConfig, id: string, omit: readonly InstanceAttribute[]): RuleTarget {
  const breaks = omitBreaks(s, omit);
  return {
    id,
    valid: ok(instanceAttributes(s, [], true), [id]),
    invalid: bad(merge([instanceAttributes(s, omit), few(3)]), breaks),
  };
}

export function ruleTargets(s: CloudMapServiceConfig): RuleTarget[] {
  const out: RuleTarget[] = [];
  const normal = instanceAttributes(s);
  const c30 = customAttributesMax30.id;
  const customs = (min: number, max: number) => fc.tuple(normal, customEntries(min, max)).map(([r, e]) => withEntries(r, e));
  const atMost30 = ok(customs(MAX_CUSTOM_ATTRIBUTES, MAX_CUSTOM_ATTRIBUTES), [c30]);
  out.push({
    id: c30,
    valid: atMost30,
    invalid: bad(customs(MAX_CUSTOM_ATTRIBUTES + 1, MAX_CUSTOM_ATTRIBUTES + 6), [c30]),
    variants: [
      { label: `${MAX_CUSTOM_ATTRIBUTES} custom attributes`, kind: 'valid', arbitrary: atMost30 },
      { label: `${MAX_CUSTOM_ATTRIBUTES + 1} custom attributes`, kind: 'invalid', arbitrary: bad(customs(MAX_CUSTOM_ATTRIBUTES + 1, MAX_CUSTOM_ATTRIBUTES + 1), [c30]) },
    ],
  });
  const total = attributesTotalMax5000.id;
  const filled = (n: fc.Arbitrary<number>) => fc.tuple(normal, n, fillMaterial).map(([r, t, m]) => fillTo(r, t, m));
  const atLimit = ok(filled(fc.constant(MAX_ATTRIBUTES_TOTAL_CHARS)), [total]);
  out.push({
    id: total,
    valid: atLimit,
    invalid: bad(filled(pastTotal(MAX_ATTRIBUTES_TOTAL_CHARS)), [total]),
    variants: [
      { label: `${MAX_ATTRIBUTES_TOTAL_CHARS} characters`, kind: 'valid', arbitrary: atLimit },
      { label: `${MAX_ATTRIBUTES_TOTAL_CHARS + 1} characters`, kind: 'invalid', arbitrary: bad(filled(fc.constant(MAX_ATTRIBUTES_TOTAL_CHARS + 1)), [total]) },
    ],
  });
  const init = initHealthStatusValues.id;
  if (initAllowed(s)) {
    const set = (base: fc.Arbitrary<Attrs>, v: fc.Arbitrary<string>) => fc.tuple(base, v).map(([a, x]) => ({ ...a, AWS_INIT_HEALTH_STATUS: x }));
    const bases = ec2Allowed(s) ? [normal, ec2Attributes(s)] : [normal];
    const labels = ['with AWS_INSTANCE_*', 'with AWS_EC2_INSTANCE_ID'];
    out.push({
      id: init,
      valid: fc.oneof(...bases.map((b) => ok(set(b, RESERVED_VALUES.AWS_INIT_HEALTH_STATUS), [init]))),
      invalid: fc.oneof(...bases.map((b) => bad(set(b, badInit), [init]))),
      // every listed value and a few just outside, on every base
      variants: bases.flatMap((b, i) => [
        ...INIT_HEALTH_VALUES.map((v): Variant<AttrCase> => ({ label: `${JSON.stringify(v)} ${labels[i]}`, kind: 'valid', arbitrary: ok(set(b, fc.constant(v)), [init]) })),
        ...INIT_NEAR_MISSES.map((v): Variant<AttrCase> => ({ label: `${JSON.stringify(v)} ${labels[i]}`, kind: 'invalid', arbitrary: bad(set(b, fc.constant(v)), [init]) })),
      ]),
    });
  }
  if (ec2Allowed(s)) {
    const ex = ec2InstanceIdExclusive.id;
    out.push({
      id: ex,
      valid: ok(ec2Attributes(s), [ex, ec2InstanceIdHttpOnly.id]),
      invalid: bad(merge([ec2Attributes(s), fc.oneof(instanceSome, customEntries(1, 3).map((e) => withEntries({}, e)))]), [ex]),
    });
  } else if (s.namespaceType !== 'HTTP' && requiredInstanceAttributes(s).length === 0 && !needs(s).address) {
    out.push({ id: ec2InstanceIdHttpOnly.id, invalid: bad(ec2Attributes(s), [ec2InstanceIdHttpOnly.id]) });
  }
  if (aliasAllowed(s)) {
    const exempt = [s.dnsRecords.includes('A') ? aRecordRequiresIpv4.id : '', s.dnsRecords.includes('AAAA') ? aaaaRecordRequiresIpv6.id : ''].filter(Boolean);
    const id = aliasExcludesInstanceAttributes.id;
    out.push({
      id,
      valid: ok(merge([aliasAttributes(s), few(3)]), [id, aliasRequiresAOrAaaa.id, aliasRequiresWeighted.id, ...exempt]),
      invalid: bad(merge([aliasAttributes(s), instanceSome, few(2)]), [id]),
    });
  } else {
    const breaks = aliasBreaks(s);
    for (const id of [aliasRequiresAOrAaaa.id, aliasRequiresWeighted.id]) {
      if (breaks.includes(id)) out.push({ id, invalid: bad(merge([aliasAttributes(s), few(2)]), breaks) });
    }
  }
  for (const r of INSTANCE_REQUIREMENTS) if (r.applies(s)) out.push(omission(s, r.id, r.anyOf));
  return out;
}
