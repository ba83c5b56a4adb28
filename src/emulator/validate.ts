// The emulator's validation step: one source of truth, the reference validator (src/oracle).
// - Every operation goes through `oracleFor('service#Operation').expect`: model constraints, documented rules
//   (RegisterInstance, CreateServiceInstance), the unknown-service check from the context, AWS-style codes and
//   messages. Keyed by service, so Proton's CreateService and GetService are Proton's, not Cloud Map's.
import { DEFAULT_MODELS_DIR } from '../model/load.ts';
import type { ServiceModel } from '../contract/model.ts';
import { operationKey } from '../contract/operation.ts';
import { modelOracle, oracleFor, type OperationOracle } from '../oracle/index.ts';
import type { Input } from './routes/route.ts';
import type { Validator } from './pipeline.ts';
import type { EmulatorError } from './types.ts';

type Check = (input: Input, context: Parameters<OperationOracle['expect']>[1]) => EmulatorError | undefined;

export function referenceValidator(models: Readonly<Record<string, ServiceModel>>, dir: string = DEFAULT_MODELS_DIR, others: readonly ServiceModel[] = []): Validator {
  const checks = new Map<string, Check>();
  // Built once, up front: no request pays for compiling.
  for (const [service, model] of Object.entries(models)) {
    for (const operation of Object.keys(model.operations)) {
      checks.set(operationKey(service, operation), oracleCheck(oracleFor(operationKey(service, operation), dir)));
    }
  }
  // Another service's model (the mock's): its model constraints alone, as the run judges it; compiled on the first
  // request of each operation (a model of 500 operations starts at once). One whose schema cannot be built
  // throws there: the pipeline answers 500.
  const other = new Map(others.map((m) => [m.service, m]));
  return (service, operation, input, context) => {
    const key = operationKey(service, operation);
    let check = checks.get(key);
    const model = check ? undefined : other.get(service);
    if (model && Object.hasOwn(model.operations, operation)) checks.set(key, (check = oracleCheck(modelOracle(model, operation))));
    return check ? check(input, context) : undefined;
  };
}

const oracleCheck = (o: OperationOracle): Check => (input, context) => {
  const e = o.expect(input, context);
  return e.outcome === 'error' ? { code: e.codes[0]!, message: e.message } : undefined;
};
