// Documented rules of Cloud Map operations that have no hand-written profile: their derived profile carries them.
import type { OperationKey } from '../../contract/operation.ts';
import { createServiceNamespaceRequired } from '../../rules/cloudmap-create-service.ts';
import type { Rule } from '../../rules/rule.ts';

export const SERVICEDISCOVERY_DERIVED_RULES: Readonly<Record<OperationKey, readonly Rule[]>> = {
  'servicediscovery#CreateService': [createServiceNamespaceRequired],
};
