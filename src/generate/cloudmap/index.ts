// RegisterInstance: ServiceId is the context's service; InstanceId and CreatorRequestId come from the
// model; Attributes from the service configuration and the documented rules.
import fc from 'fast-check';
import { loadServiceModel } from '../../model/load.ts';
import { profileOf } from '../../profiles/index.ts';
import type { ServiceModel, StringShape } from '../../contract/model.ts';
import { MAX_ATTRIBUTES_TOTAL_CHARS, MAX_CUSTOM_ATTRIBUTES } from '../../rules/cloudmap-attributes.ts';
import type { CloudMapContext, OracleContext } from '../../contract/context.ts';
import { NONE, type Draft } from '../draft.ts';
import { contextPart, inputStructure } from '../handWritten.ts';
import { sitesOf, type Input } from '../model/sites.ts';
import { shapeOf } from '../model/values.ts';
import type { DraftTarget, InputOptions, OperationSpec } from '../operation.ts';
import { DIGIT, LOWER, union } from '../strings/chars.ts';
import { classString } from '../strings/classString.ts';
import { LEAN_COUNT_BIAS } from '../strings/length.ts';
import { record } from '../strings/record.ts';
import { stringModel, validString } from '../strings/shapeString.ts';
import { attrValues, attributes, customKey, customKeys, type Attrs } from './attributes.ts';
import { ruleTargets, type AttrCase } from './rules.ts';

const OPERATION = 'RegisterInstance';
export const DUPLICATE_REQUEST = 'state:duplicate-request';
/** Characters kept free for one more entry written by a model-constraint mutation (key ≤ 255 + value ≤ 1,024). */
const ROOM_CHARS = 1300;

const cloudMap = (ctx: OracleContext): CloudMapContext => contextPart(ctx, 'cloudMap', OPERATION, 'serviceId, service');

function build(model: ServiceModel): OperationSpec {
  const input = inputStructure(model, OPERATION);
  const member = (m: string) => stringModel(shapeOf(model, input.members[m]!.target) as StringShape);
  const instanceIds = validString(member('InstanceId'));
  const tokens = validString(member('CreatorRequestId'));
  const required = input.required;

  const head = (ctx: OracleContext) => record<Input>(
    { ServiceId: fc.constant(cloudMap(ctx).serviceId), InstanceId: instanceIds, CreatorRequestId: tokens },
    required.filter((k) => k !== 'Attributes'),
  );
  const attrsFor = (ctx: OracleContext, o: InputOptions = {}) =>
    attributes(cloudMap(ctx).service, {
      ...(o.room ? { maxCustom: MAX_CUSTOM_ATTRIBUTES - 1, budget: MAX_ATTRIBUTES_TOTAL_CHARS - ROOM_CHARS, modes: ['normal', 'alias'] as const } : {}),
      ...(o.lean ? { countBias: LEAN_COUNT_BIAS } : {}),
    });
  const withAttrs = (h: Input, a: Attrs): Input => ({ ...h, Attributes: a });

  return {
    operation: OPERATION,
    model,
    contexts: profileOf('servicediscovery#RegisterInstance').contexts!,
    exists: (ctx) => cloudMap(ctx).service !== null,
    serviceMember: 'ServiceId',
    serviceRef: (ctx) => cloudMap(ctx).serviceId,
    otherService: (avoid) => classString({ min: 16, max: 16, rest: union(LOWER, DIGIT) }).map((s) => (`srv-${s}` === avoid ? `srv-${s}x` : `srv-${s}`)),
    sites: (ctx) => sitesOf(model, OPERATION, {
      fixed: ['ServiceId'],
      valid: { ServiceId: fc.constant(cloudMap(ctx).serviceId), Attributes: attrsFor(ctx), 'Attributes{key}': customKeys(), 'Attributes{value}': attrValues() },
      keyFilter: customKey,
    }),
    input: (ctx, o) => record<Input>(
      { ServiceId: fc.constant(cloudMap(ctx).serviceId), InstanceId: instanceIds, CreatorRequestId: tokens, Attributes: attrsFor(ctx, o) },
      required,
    ),
    ruleTargets(ctx): DraftTarget[] {
      const s = cloudMap(ctx).service;
      if (!s) return [];
      const h = head(ctx);
      const draft = (a: fc.Arbitrary<AttrCase>) => fc.tuple(h, a).map(([i, x]): Draft => ({ input: withAttrs(i, x.attrs), breaks: x.breaks, exercises: x.exercises }));
      return ruleTargets(s).map((t) => ({
        id: t.id,
        ...(t.valid ? { valid: draft(t.valid) } : {}),
        invalid: draft(t.invalid),
        perContext: true, // the rules are read from the service's configuration
        ...(t.variants ? { variants: t.variants.map((v) => ({ ...v, arbitrary: draft(v.arbitrary) })) } : {}),
      }));
    },
    sequenceTargets(ctx) {
      if (!cloudMap(ctx).service) return [];
      // Re-registering the same instance once the first request is through updates it (success); while it
      // is still in progress the documented answer may be DuplicateRequest. No token: a reused token with
      // other attributes would be a different question.
      const head = record<Input>({ ServiceId: fc.constant(cloudMap(ctx).serviceId), InstanceId: instanceIds }, ['ServiceId', 'InstanceId']);
      const first = fc.tuple(head, attrsFor(ctx));
      return [{
        id: DUPLICATE_REQUEST,
        first: first.map(([h, a]): Draft => ({ input: withAttrs(h, a), breaks: NONE, exercises: NONE })),
        then: fc.tuple(first, attrsFor(ctx)).map(([[h], a]): Draft => ({ input: withAttrs(h, a), breaks: NONE, exercises: [DUPLICATE_REQUEST] })),
      }];
    },
  };
}

let spec: OperationSpec | undefined;
export const registerInstance = (): OperationSpec => (spec ??= build(loadServiceModel('servicediscovery')));
