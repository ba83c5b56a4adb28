// The emulator's validation step: one source of truth, the reference validator (src/oracle).
// - Every operation the oracle resolves to the right service goes through `oracleFor(op).expect`: model
//   constraints, documented rules (RegisterInstance, CreateServiceInstance), the unknown-service check from
//   the context, AWS-style codes and messages.
// - Proton's CreateService and GetService share their names with Cloud Map operations, and the oracle looks
//   operations up by name (Cloud Map first). For those two, the emulator validates against Proton's own
//   compiled input schema and builds the answer with the oracle's mapping and message functions, so codes
//   and wording are the same as the oracle's.
import { findOperation, DEFAULT_MODELS_DIR } from '../model/load.ts';
import type { ServiceModel } from '../contract/model.ts';
import { oracleFor, serializationMessage, SERIALIZATION_CODE, validationMessage, type OperationOracle } from '../oracle/index.ts';
import { mapErrors } from '../oracle/violations.ts';
import { VALIDATION_CODE } from '../rules/statuses.ts';
import { compileFor, type CompiledSchema } from '../schema/index.ts';
import type { Input } from './routes/route.ts';
import type { Validator } from './pipeline.ts';
import type { EmulatorError } from './types.ts';

type Check = (input: Input, context: Parameters<OperationOracle['expect']>[1]) => EmulatorError | undefined;

export function referenceValidator(models: Readonly<Record<string, ServiceModel>>, dir: string = DEFAULT_MODELS_DIR): Validator {
  const checks = new Map<string, Check>();
  // Built once, up front: no request pays for compiling.
  for (const [service, model] of Object.entries(models)) {
    for (const operation of Object.keys(model.operations)) {
      const viaOracle = findOperation(operation, dir).service.service === service;
      checks.set(`${service}#${operation}`, viaOracle ? oracleCheck(oracleFor(operation, dir)) : schemaCheck(service, compileFor(model, operation, 'input')));
    }
  }
  return (service, operation, input, context) => {
    const check = checks.get(`${service}#${operation}`);
    return check ? check(input, context) : undefined;
  };
}

const oracleCheck = (o: OperationOracle): Check => (input, context) => {
  const e = o.expect(input, context);
  return e.outcome === 'error' ? { code: e.codes[0]!, message: e.message } : undefined;
};

/** Model validation only (no rules, no context), worded exactly like the oracle's. */
function schemaCheck(service: string, schema: CompiledSchema): Check {
  const code = VALIDATION_CODE[service] ?? 'ValidationException';
  return (input) => {
    if (schema.validate(input)) return undefined;
    const { mapped } = mapErrors(schema.validate.errors ?? [], schema.sites, input, code, SERIALIZATION_CODE);
    if (mapped.length === 0) return undefined; // only unknown members: ignored
    const typed = mapped.find((m) => m.site.kind === 'type');
    if (typed) return { code: SERIALIZATION_CODE, message: serializationMessage(typed.value, typed.site.shapeType) };
    return { code, message: validationMessage([...new Set(mapped.map((m) => m.violation.message))]) };
  };
}
