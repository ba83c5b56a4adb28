// Cloud Map DeregisterInstance: removes an instance of an existing service. No idempotency token (the model
// declares none); it creates nothing, so no nonce goes into its members beyond the instance it names.
import type { Profile } from '../profile.ts';
import { str } from '../profile.ts';
import { cloudMapContexts } from './contexts.ts';
import { cloudMapService } from './prerequisites.ts';

const MODEL = 'model errors of DeregisterInstance';

export const deregisterInstance: Profile = {
  key: 'servicediscovery#DeregisterInstance',
  service: 'servicediscovery',
  operation: 'DeregisterInstance',
  origin: 'hand-written',
  reference: { member: 'ServiceId', binding: 'serviceIds', notFound: 'state:service-not-found' },
  // An instance of an existing service, or of none.
  contexts: () => cloudMapContexts().filter((c) => c.name === 'http' || c.name === 'missing'),
  prerequisite: cloudMapService,
  // The instance it names is one this run registered (nonce applied) or none: never another run's.
  nonceMembers: ['InstanceId'],
  // Generated cases name instances nobody registered, and one may still be registering.
  mayMeet: ['state:instance-not-found', 'state:duplicate-request'],
  states: [
    {
      id: 'state:service-not-found',
      operation: 'DeregisterInstance',
      path: 'ServiceId',
      says: 'the service named by ServiceId (ID or ARN) exists, else ServiceNotFound',
      code: 'ServiceNotFound',
      source: `${MODEL} (ServiceNotFound: "No service exists with the specified ID."); message inferred`,
      confidence: 'documented',
      message: (p) => `Service not found: ${str(p.ServiceId)}`,
    },
    {
      id: 'state:instance-not-found',
      operation: 'DeregisterInstance',
      path: 'InstanceId',
      says: 'the instance named by InstanceId is registered with the service, else InstanceNotFound',
      code: 'InstanceNotFound',
      source: `${MODEL} (InstanceNotFound: "No instance exists with the specified ID, or the instance was recently registered, and information about the instance hasn't propagated yet."); message inferred`,
      confidence: 'documented',
      message: (p) => `Instance not found: ${str(p.InstanceId)}`,
    },
    {
      id: 'state:duplicate-request',
      operation: 'DeregisterInstance',
      path: 'InstanceId',
      says: 'an operation on the same instance still in progress may be rejected with DuplicateRequest',
      code: 'DuplicateRequest',
      source: `${MODEL} (DuplicateRequest: "The operation is already in progress."); message inferred`,
      confidence: 'documented',
      message: (p) => `Another operation is in progress for instance ${str(p.InstanceId)} of service ${str(p.ServiceId)}.`,
    },
  ],
};
