// CreateServiceInstance: serviceName is the context's service; every other member comes from the model
// (Proton has no documented rule the model lacks, see src/rules/proton.ts).
import fc from 'fast-check';
import { loadServiceModel } from '../../model/load.ts';
import { profileOf } from '../../profiles/index.ts';
import type { ServiceModel, StringShape } from '../../contract/model.ts';
import type { OracleContext, ProtonContext } from '../../contract/context.ts';
import { sitesOf } from '../model/sites.ts';
import { shapeOf, valueOf } from '../model/values.ts';
import { NONE, type Draft } from '../draft.ts';
import { contextPart, inputStructure } from '../handWritten.ts';
import type { OperationSpec } from '../operation.ts';
import { record } from '../strings/record.ts';
import { stringModel, validString } from '../strings/shapeString.ts';
import { specs } from './spec.ts';

const OPERATION = 'CreateServiceInstance';
export const NAME_CONFLICT = 'state:name-conflict';

const proton = (ctx: OracleContext): ProtonContext => contextPart(ctx, 'proton', OPERATION, 'serviceName, serviceExists');

function build(model: ServiceModel): OperationSpec {
  const input = inputStructure(model, OPERATION);
  const valueMembers: Record<string, fc.Arbitrary<unknown>> = {};
  for (const [m, ref] of Object.entries(input.members)) valueMembers[m] = valueOf(model, ref.target);
  valueMembers.spec = specs(shapeOf(model, input.members.spec!.target) as StringShape);
  const names = validString(stringModel(shapeOf(model, input.members.serviceName!.target) as StringShape));

  return {
    operation: OPERATION,
    model,
    contexts: profileOf('proton#CreateServiceInstance').contexts!,
    exists: (ctx) => proton(ctx).serviceExists,
    serviceMember: 'serviceName',
    serviceRef: (ctx) => proton(ctx).serviceName,
    otherService: (avoid) => names.map((n) => (n === avoid ? `${n.slice(0, -1)}${n.endsWith('0') ? '1' : '0'}` : n)),
    sites: (ctx) => sitesOf(model, OPERATION, { fixed: ['serviceName'], valid: { serviceName: fc.constant(proton(ctx).serviceName) } }),
    input: (ctx) => {
      const members: Record<string, fc.Arbitrary<unknown>> = { ...valueMembers, serviceName: fc.constant(proton(ctx).serviceName) };
      return record<Record<string, unknown>>(members, input.required);
    },
    ruleTargets: () => [],
    sequenceTargets(ctx) {
      if (!proton(ctx).serviceExists) return [];
      // The same name again without a client token (no idempotent replay): ConflictException.
      const { clientToken: _, ...noToken } = valueMembers;
      const base = record<Record<string, unknown>>({ ...noToken, serviceName: fc.constant(proton(ctx).serviceName) }, input.required);
      return [{
        id: NAME_CONFLICT,
        first: base.map((input): Draft => ({ input, breaks: NONE, exercises: [NAME_CONFLICT] })),
        then: base.map((input): Draft => ({ input, breaks: [NAME_CONFLICT], exercises: NONE })),
      }];
    },
  };
}

let spec: OperationSpec | undefined;
export const createServiceInstance = (): OperationSpec => (spec ??= build(loadServiceModel('proton')));
