// Proton CreateServiceInstance: what is checked (DESIGN "Proton CreateServiceInstance").
import { perCase } from './common.ts';
import type { OperationPlan } from './types.ts';

export const createServiceInstance: OperationPlan = {
  operation: 'CreateServiceInstance',
  properties: [
    ...perCase,
    { id: 'idempotency', scenario: true, kinds: ['idempotency'],
      says: 'same clientToken and parameters return the original service instance and create nothing twice; same token with other parameters → ValidationException (IdempotentParameterMismatch); an existing name without the token → ConflictException; no token still works' },
    { id: 'state', scenario: true, kinds: ['state'],
      says: 'GetServiceInstance shows what CreateServiceInstance created (name, serviceName, template versions, spec)' },
  ],
};
