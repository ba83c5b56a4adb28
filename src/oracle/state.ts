// State-dependent outcomes, as data: errors that depend on what exists at the target, not on the payload
// alone. The oracle decides `state:service-not-found` itself from the context; the others need state the
// context does not carry (instances in flight, instance counts, existing names), so the emulator and the
// state/idempotency checks ask for their expectation with expectState().
import type { OperationKey } from '../contract/operation.ts';
import type { Confidence } from '../contract/expected.ts';

export interface StateExpectation {
  /** `state:<name>`, stable. */
  id: string;
  operation: string;
  /** Payload member the state concerns. */
  path: string;
  says: string;
  code: string;
  source: string;
  confidence: Confidence;
  /** The reference emulator's message (wording inferred: AWS documents none). */
  message(payload: Readonly<Record<string, unknown>>): string;
}

const SEED_001 = 'seeds/001_7eaeaf5c0747f14e.txt';
const SEED_002 = 'seeds/002_c7cd0fce7ab6d58d.txt';
const str = (v: unknown) => (typeof v === 'string' ? v : String(v));

/** Keyed `service#Operation` (a bare name could be another service's operation of the same name). */
export const STATE_EXPECTATIONS: Readonly<Record<OperationKey, readonly StateExpectation[]>> = {
  'servicediscovery#RegisterInstance': [
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
  'proton#CreateServiceInstance': [
    {
      id: 'state:service-not-found',
      operation: 'CreateServiceInstance',
      path: 'serviceName',
      says: 'the service named by serviceName exists, else ResourceNotFoundException',
      code: 'ResourceNotFoundException',
      source: `${SEED_002} (Errors: ResourceNotFoundException "The requested resource wasn't found."); message inferred`,
      confidence: 'documented',
      message: (p) => `The service '${str(p.serviceName)}' was not found.`,
    },
    {
      id: 'state:name-conflict',
      operation: 'CreateServiceInstance',
      path: 'name',
      says: 'a service instance with this name already exists (and the request is no idempotent replay) → ConflictException',
      code: 'ConflictException',
      source: `${SEED_002} (Errors: ConflictException "conflicting operation or resource"); DESIGN (Proton idempotency, inferred for this operation); message inferred`,
      confidence: 'inferred',
      message: (p) => `Service instance '${str(p.name)}' already exists in service '${str(p.serviceName)}'.`,
    },
  ],
};

export const statesOf = (operation: OperationKey): readonly StateExpectation[] => STATE_EXPECTATIONS[operation] ?? [];
export const stateOf = (operation: OperationKey, id: string): StateExpectation | undefined => statesOf(operation).find((s) => s.id === id);
