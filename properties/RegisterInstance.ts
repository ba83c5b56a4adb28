// Cloud Map RegisterInstance: what is checked (DESIGN "Cloud Map RegisterInstance").
import { perCase } from './common.ts';
import type { OperationPlan } from './types.ts';

export const registerInstance: OperationPlan = {
  operation: 'RegisterInstance',
  properties: [
    ...perCase,
    { id: 'idempotency', scenario: true, kinds: ['idempotency'],
      says: 'a retry with the same CreatorRequestId returns the same OperationId and executes nothing; a reused token with other parameters is refused (conflict class, inferred); concurrent same-instance requests never leave two instances and never 5xx (DuplicateRequest allowed); no token still works' },
    { id: 'state', scenario: true, kinds: ['state'],
      says: 're-registering an InstanceId updates it: GetInstance shows the new attributes, ListInstances one entry, GetOperation a REGISTER_INSTANCE operation that reaches SUCCESS' },
  ],
};
