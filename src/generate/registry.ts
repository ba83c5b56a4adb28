// The operations this tool generates cases for.
import { HarnessError } from '../errors.ts';
import { registerInstance } from './cloudmap/index.ts';
import type { OperationSpec } from './operation.ts';
import { createServiceInstance } from './proton/index.ts';

const SPECS: Readonly<Record<string, () => OperationSpec>> = {
  RegisterInstance: registerInstance,
  CreateServiceInstance: createServiceInstance,
};

export const GENERATED_OPERATIONS: readonly string[] = Object.keys(SPECS);

export function specOf(operation: string): OperationSpec {
  const s = Object.hasOwn(SPECS, operation) ? SPECS[operation] : undefined; // not Object.prototype's `constructor`
  if (!s) throw new HarnessError('CF_ERR_UNKNOWN_OPERATION', `no generators for operation '${operation}' (known: ${GENERATED_OPERATIONS.join(', ')})`);
  return s();
}
