// Cloud Map RegisterInstance: registers (or updates) an instance of an existing service.
import { registerInstance as plan } from '../../../properties/RegisterInstance.ts';
import { registerScenarios } from './registerScenarios.ts';
import type { Profile } from '../profile.ts';
import { str } from '../profile.ts';
import { cloudMapContexts } from './contexts.ts';
import { cloudMapAttributeRules, cloudMapModelBacked } from '../../rules/cloudmap-attributes.ts';
import { cloudMapServiceRules } from '../../rules/cloudmap-service.ts';
import { cloudMapService, DEREGISTER } from './prerequisites.ts';

const SEED_001 = 'seeds/001_7eaeaf5c0747f14e.txt';

export const registerInstance: Profile = {
  key: 'servicediscovery#RegisterInstance',
  service: 'servicediscovery',
  operation: 'RegisterInstance',
  origin: 'hand-written',
  rules: [...cloudMapAttributeRules, ...cloudMapServiceRules],
  modelBacked: cloudMapModelBacked,
  // The reference page prints 400 for every error; the model's httpError says 400/409/404 (DESIGN status table).
  errors: ['InvalidInput', 'ResourceLimitExceeded', 'DuplicateRequest', 'ResourceInUse', 'ServiceNotFound']
    .map((code) => ({ code, page: 400, source: 'Cloud Map API reference, RegisterInstance "Errors" (DESIGN status table)' })),
  reference: { member: 'ServiceId', binding: 'serviceIds', notFound: 'state:service-not-found' },
  junit: plan,
  scenarios: registerScenarios,
  contexts: cloudMapContexts,
  prerequisite: cloudMapService,
  idempotency: {
    tokenMember: 'CreatorRequestId',
    replay: `${SEED_001} (CreatorRequestId: "allows failed RegisterInstance requests to be retried without the risk of executing the operation twice")`,
    mismatch: {
      // Undocumented for Cloud Map; a conflict-class refusal is the AWS-wide convention.
      codes: ['DuplicateRequest', 'ResourceInUse'],
      says: 'a CreatorRequestId reused with other parameters is refused with a conflict-class error (DuplicateRequest or ResourceInUse)',
      source: 'CreatorRequestId reused with other parameters: undocumented (inferred: a conflict-class error)',
      confidence: 'inferred',
      message: 'CreatorRequestId was already used with different parameters',
    },
  },
  creates: { scopeMember: 'ServiceId', idMember: 'InstanceId', again: 'update', againState: 'state:duplicate-request',
    limit: { count: 1000, state: 'state:instance-limit' }, undo: DEREGISTER }, // Cloud Map quotas: instances per service (DESIGN)
  nonceMembers: ['InstanceId', 'CreatorRequestId'],
  states: [
    {
      id: 'state:service-not-found',
      operation: 'RegisterInstance',
      path: 'ServiceId',
      says: 'the service named by ServiceId (ID or ARN) exists, else ServiceNotFound',
      code: 'ServiceNotFound',
      source: 'model errors of RegisterInstance (ServiceNotFound: "No service exists with the specified ID."); message inferred',
      confidence: 'documented',
      message: (p) => `Service not found: ${str(p.ServiceId)}`,
    },
    {
      id: 'state:duplicate-request',
      operation: 'RegisterInstance',
      path: 'InstanceId',
      says: 'a RegisterInstance for the same ServiceId and InstanceId still in progress may be rejected with DuplicateRequest',
      code: 'DuplicateRequest',
      source: `${SEED_001} ("One RegisterInstance request must complete before you can submit another request and specify the same service ID and instance ID"); model errors (DuplicateRequest); message inferred`,
      confidence: 'documented',
      message: (p) => `Another operation is in progress for instance ${str(p.InstanceId)} of service ${str(p.ServiceId)}.`,
    },
    {
      id: 'state:instance-limit',
      operation: 'RegisterInstance',
      path: 'InstanceId',
      says: 'registering a new instance beyond the per-service instance quota (1,000) → ResourceLimitExceeded',
      code: 'ResourceLimitExceeded',
      source: `${SEED_001} (Cloud Map quotas); model errors (ResourceLimitExceeded); message inferred`,
      confidence: 'documented',
      message: (p) => `The number of instances registered with service ${str(p.ServiceId)} has reached the limit.`,
    },
  ],
};
