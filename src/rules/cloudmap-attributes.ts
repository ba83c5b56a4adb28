// Cloud Map RegisterInstance: the documented rules on `Attributes` that need nothing but the payload.
// Source: seed 001 (boto3 register_instance, "Attributes" and "Custom attributes"), the same text as the
// API reference. Key ≤ 255 and value ≤ 1,024 characters are model constraints (see MODEL_BACKED below),
// not rules.
//
// What counts as custom: seed 001 lists the supported reserved keys (RESERVED_ATTRIBUTES below) and then
// "Custom attributes"; every key that is not one of those seven is custom, including an unlisted key that
// happens to start with `AWS_` (the text gives no AWS_ prefix rule; whether AWS rejects unknown AWS_* keys
// is not documented, so the oracle does not guess).
import { charLength } from './chars.ts';
import type { ModelBackedStatement, Rule } from './rule.ts';

export const SEED_001 = 'seeds/001_7eaeaf5c0747f14e.txt';
const OP = 'RegisterInstance';
const CODE = 'InvalidInput';

export const RESERVED_ATTRIBUTES = [
  'AWS_ALIAS_DNS_NAME',
  'AWS_EC2_INSTANCE_ID',
  'AWS_INIT_HEALTH_STATUS',
  'AWS_INSTANCE_CNAME',
  'AWS_INSTANCE_IPV4',
  'AWS_INSTANCE_IPV6',
  'AWS_INSTANCE_PORT',
] as const;
export type ReservedAttribute = (typeof RESERVED_ATTRIBUTES)[number];

const RESERVED: ReadonlySet<string> = new Set(RESERVED_ATTRIBUTES);
export const isCustomAttribute = (key: string): boolean => !RESERVED.has(key);

export const MAX_CUSTOM_ATTRIBUTES = 30;
export const MAX_ATTRIBUTES_TOTAL_CHARS = 5000;
export const INIT_HEALTH_STATUS_VALUES = ['HEALTHY', 'UNHEALTHY'] as const;

type Attrs = Readonly<Record<string, string>>;
const attrs = (p: Readonly<Record<string, unknown>>): Attrs => p.Attributes as Attrs;
const has = Object.prototype.hasOwnProperty;

/** With `key` present, the first attribute `forbidden` names breaks the rule. */
const excludes = (key: string, forbidden: (k: string) => boolean, message: (k: string) => string): Rule['check'] => (p) => {
  const a = attrs(p);
  if (!has.call(a, key)) return undefined;
  for (const k in a) if (forbidden(k)) return { path: `Attributes.${k}`, message: message(k) };
  return undefined;
};

export const customAttributesMax30: Rule = {
  id: 'rule:custom-attributes-max-30',
  operation: OP,
  path: 'Attributes',
  says: `at most ${MAX_CUSTOM_ATTRIBUTES} custom attributes (keys other than the ${RESERVED_ATTRIBUTES.length} reserved AWS_* keys)`,
  source: `${SEED_001} (Attributes: "Custom attributes": "You can add up to 30 custom attributes")`,
  confidence: 'documented',
  code: CODE,
  check(p) {
    const a = attrs(p);
    let n = 0;
    for (const k in a) if (!RESERVED.has(k)) n++;
    if (n <= MAX_CUSTOM_ATTRIBUTES) return undefined;
    return { path: 'Attributes', message: `You can add up to ${MAX_CUSTOM_ATTRIBUTES} custom attributes; the request has ${n}.` };
  },
};

export const attributesTotalMax5000: Rule = {
  id: 'rule:attributes-total-chars-max-5000',
  operation: OP,
  path: 'Attributes',
  says: `all attribute keys and values together ≤ ${MAX_ATTRIBUTES_TOTAL_CHARS} characters (reserved keys included)`,
  source: `${SEED_001} (Attributes: "The total size of all provided attributes (sum of all keys and values) must not exceed 5,000 characters")`,
  confidence: 'documented',
  code: CODE,
  check(p) {
    const a = attrs(p);
    // Code points never exceed UTF-16 units: when the units fit, the characters do, with no scan.
    let units = 0;
    for (const k in a) units += k.length + a[k]!.length;
    if (units <= MAX_ATTRIBUTES_TOTAL_CHARS) return undefined;
    let n = 0;
    for (const k in a) n += charLength(k) + charLength(a[k]!);
    if (n <= MAX_ATTRIBUTES_TOTAL_CHARS) return undefined;
    return {
      path: 'Attributes',
      message: `The total size of all provided attributes (sum of all keys and values) must not exceed ${MAX_ATTRIBUTES_TOTAL_CHARS} characters; the request has ${n}.`,
    };
  },
};

export const initHealthStatusValues: Rule = {
  id: 'rule:init-health-status-values',
  operation: OP,
  path: 'Attributes',
  says: 'AWS_INIT_HEALTH_STATUS is HEALTHY or UNHEALTHY',
  source: `${SEED_001} (Attributes: AWS_INIT_HEALTH_STATUS)`,
  confidence: 'documented',
  code: CODE,
  check(p) {
    const a = attrs(p);
    if (!has.call(a, 'AWS_INIT_HEALTH_STATUS')) return undefined;
    const v = a.AWS_INIT_HEALTH_STATUS;
    if (v === 'HEALTHY' || v === 'UNHEALTHY') return undefined;
    return {
      path: 'Attributes.AWS_INIT_HEALTH_STATUS',
      message: `AWS_INIT_HEALTH_STATUS must be HEALTHY or UNHEALTHY; the request has '${v}'.`,
    };
  },
};

export const ec2InstanceIdExclusive: Rule = {
  id: 'rule:ec2-instance-id-exclusive',
  operation: OP,
  path: 'Attributes',
  says: 'with AWS_EC2_INSTANCE_ID the only other attribute allowed is AWS_INIT_HEALTH_STATUS',
  source: `${SEED_001} (Attributes: AWS_EC2_INSTANCE_ID: "the only other attribute that can be specified is AWS_INIT_HEALTH_STATUS")`,
  confidence: 'documented',
  code: CODE,
  check: excludes('AWS_EC2_INSTANCE_ID', (k) => k !== 'AWS_EC2_INSTANCE_ID' && k !== 'AWS_INIT_HEALTH_STATUS',
    (k) => `If the AWS_EC2_INSTANCE_ID attribute is specified, the only other attribute that can be specified is AWS_INIT_HEALTH_STATUS; the request also has '${k}'.`),
};

export const aliasExcludesInstanceAttributes: Rule = {
  id: 'rule:alias-excludes-instance-attributes',
  operation: OP,
  path: 'Attributes',
  says: 'with AWS_ALIAS_DNS_NAME no AWS_INSTANCE_* attribute',
  source: `${SEED_001} (Attributes: AWS_ALIAS_DNS_NAME: "don't specify values for any of the AWS_INSTANCE attributes")`,
  confidence: 'documented',
  code: CODE,
  check: excludes('AWS_ALIAS_DNS_NAME', (k) => k.startsWith('AWS_INSTANCE_'),
    (k) => `If you specify a value for AWS_ALIAS_DNS_NAME, don't specify values for any of the AWS_INSTANCE attributes; the request has '${k}'.`),
};

/** Service-independent attribute rules, in the order the oracle checks them. */
export const cloudMapAttributeRules: readonly Rule[] = [
  customAttributesMax30,
  attributesTotalMax5000,
  initHealthStatusValues,
  ec2InstanceIdExclusive,
  aliasExcludesInstanceAttributes,
];

/** Documented in seed 001 and already enforced by the model: referenced here, not duplicated as rules. */
export const cloudMapModelBacked: readonly ModelBackedStatement[] = [
  {
    operation: OP,
    says: 'attribute name (key) ≤ 255 characters',
    source: `${SEED_001} (Attributes: "Custom attributes")`,
    constraint: 'Attributes{key}#length',
  },
  {
    operation: OP,
    says: 'attribute value ≤ 1,024 characters',
    source: `${SEED_001} (Attributes: "Custom attributes")`,
    constraint: 'Attributes{value}#length',
  },
];
