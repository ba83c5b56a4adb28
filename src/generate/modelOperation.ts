// The generic path: any operation of any loaded awsJson model, from its model constraints alone (required,
// type, length, range, pattern, enum, list and map sizes, unknown members). One clean function, model +
// operation name → an OperationSpec the model-constraint targets read, and the cases built from it; the
// hand-tuned operations (registry.ts) are untouched. Contexts: one, where "the service" is not modelled.
import fc from 'fast-check';
import { HarnessError } from '../errors.ts';
import type { ServiceModel, Shape, StructureShape } from '../contract/model.ts';
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
  // a base with room for one more map entry (a map key or value mutation adds one): maps one short of their max
  let roomy: fc.Arbitrary<Input> | undefined;
  const withRoom = (): fc.Arbitrary<Input> => {
    if (!roomy) {
      const m = roomFor(model);
      roomy = root && m !== model ? structureOf(m, shapeOf(m, op.input!) as StructureShape) : input;
    }
    return roomy;
  };
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
    input: (_ctx, options) => (options?.room ? withRoom() : input),
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

/** The model with every map's maximum one lower (where it stays at or above its minimum); the model itself when
 * no map has a maximum. */
function roomFor(model: ServiceModel): ServiceModel {
  let m = roomyModels.get(model);
  if (!m) roomyModels.set(model, (m = lowerMapMaxima(model)));
  return m;
}

const roomyModels = new WeakMap<ServiceModel, ServiceModel>();

function lowerMapMaxima(model: ServiceModel): ServiceModel {
  let changed = false;
  const shapes: Record<string, Shape> = {};
  for (const [name, s] of Object.entries(model.shapes)) {
    if (s.type === 'map' && s.max !== undefined && s.max - 1 >= (s.min ?? 0)) {
      shapes[name] = { ...s, max: s.max - 1 };
      changed = true;
    } else shapes[name] = s;
  }
  return changed ? { ...model, shapes } : model;
}
