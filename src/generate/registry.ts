// The operations this tool generates cases for.
import { profileOf } from '../profiles/index.ts';
import { registerInstance } from './cloudmap/index.ts';
import type { OperationSpec } from './operation.ts';
import { profileSpec } from './profileSpec.ts';
import { createServiceInstance } from './proton/index.ts';

const SPECS: Readonly<Record<string, () => OperationSpec>> = {
  RegisterInstance: registerInstance,
  CreateServiceInstance: createServiceInstance,
};

export const GENERATED_OPERATIONS: readonly string[] = Object.keys(SPECS);

const fromProfiles = new Map<string, OperationSpec>();

/** The operation's hand-written generators, else generic ones read from its profile (an unknown name: CF_ERR_UNKNOWN_OPERATION). */
export function specOf(operation: string): OperationSpec {
  const s = Object.hasOwn(SPECS, operation) ? SPECS[operation] : undefined; // not Object.prototype's `constructor`
  if (s) return s();
  let spec = fromProfiles.get(operation);
  if (!spec) fromProfiles.set(operation, (spec = profileSpec(profileOf(operation))));
  return spec;
}
