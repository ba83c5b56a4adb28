// A normalized model is checked wherever one enters the tool (models/<service>/model.json on load, an import's
// result before it is written): its schema (schemas/model.schema.json), a closed shape graph, patterns that
// compile, bounds in order. A damaged or hand-edited model is one CF_ERR_MODEL_FORMAT line naming the field.
import { documentProblem } from '../schemas/documents.ts';
import { checkReferences, formatError } from './normalize.ts';
import type { ServiceModel } from '../contract/model.ts';

export function checkModel(value: unknown, file: string): ServiceModel {
  const problem = documentProblem('model', value);
  if (problem !== undefined) throw formatError(file, `not a valid contract-fuzz model: ${problem} (see schemas/model.schema.json)`);
  const model = checkReferences(value as ServiceModel, file);
  for (const [name, shape] of Object.entries(model.shapes)) {
    const at = `/shapes/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
    if ('min' in shape && 'max' in shape && shape.min !== undefined && shape.max !== undefined && shape.min > shape.max) {
      throw formatError(file, `not a valid contract-fuzz model: ${at}/min ${shape.min} is above max ${shape.max}`);
    }
    if (shape.type === 'structure') {
      // A required member the structure does not define cannot be generated or validated (ajv's strict mode refuses it).
      const missing = (shape.required ?? []).find((m) => !Object.hasOwn(shape.members, m));
      if (missing !== undefined) throw formatError(file, `not a valid contract-fuzz model: ${at}/required names '${missing}', which is not a member`);
    }
    if (shape.type === 'string' && shape.pattern !== undefined) {
      // Validators compile patterns with the u flag (src/schema/validators.ts).
      try { new RegExp(shape.pattern, 'u'); } catch { throw formatError(file, `not a valid contract-fuzz model: ${at}/pattern is not a regular expression`); }
    }
  }
  return model;
}
