// The generic path: any operation of any loaded awsJson model, from its model constraints alone (required,
// type, length, range, pattern, enum, list and map sizes, unknown members). One clean function, model +
// operation name → an OperationSpec the model-constraint targets read, and the cases built from it; the
// hand-tuned operations (registry.ts) are untouched. Contexts: one, where "the service" is not modelled.
import fc from 'fast-check';
import { HarnessError } from '../errors.ts';
import type { ServiceModel } from '../contract/model.ts';
import type { OracleContext } from '../contract/context.ts';
import { NONE, type Draft } from './draft.ts';
import { sitesOf, type Input } from './model/sites.ts';
import { shapeOf, structureOf } from './model/values.ts';
import type { DraftTarget, OperationSpec } from './operation.ts';
import { modelDraftTargets } from './targets.ts';

const NO_CONTEXT: OracleContext = Object.freeze({});

export function modelOperationSpec(model: ServiceModel, operation: string): OperationSpec {
  const op = Object.hasOwn(model.operations, operation) ? model.operations[operation] : undefined;
  if (!op) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no operation '${operation}' in model ${model.service}`);
  const root = op.input ? shapeOf(model, op.input) : undefined;
  if (root && root.type !== 'structure') throw new HarnessError('CF_ERR_MODEL_FORMAT', `input of ${model.service}#${operation} is not a structure`);
  const input: fc.Arbitrary<Input> = root ? structureOf(model, root) : fc.constant({});
  const sites = op.input ? sitesOf(model, operation) : [];
  return {
    operation,
    model,
    contexts: () => [{ name: 'model', context: NO_CONTEXT }],
    exists: () => true,
    serviceMember: '',
    serviceRef: () => '',
    otherService: () => fc.constant(''),
    sites: () => sites,
    input: () => input,
    ruleTargets: () => [],
    sequenceTargets: () => [],
  };
}

export interface ModelCases {
  spec: OperationSpec;
  /** Valid inputs (breaks nothing). */
  valid: fc.Arbitrary<Draft>;
  /** One per model constraint id: its boundary-valid and violating sides and every variant. */
  targets: DraftTarget[];
}

/** Valid cases and every model-constraint target of `model`'s `operation`. */
export function modelCases(model: ServiceModel, operation: string): ModelCases {
  const spec = modelOperationSpec(model, operation);
  return {
    spec,
    valid: spec.input(NO_CONTEXT).map((input): Draft => ({ input, breaks: NONE, exercises: NONE })),
    targets: modelDraftTargets(spec, NO_CONTEXT),
  };
}
