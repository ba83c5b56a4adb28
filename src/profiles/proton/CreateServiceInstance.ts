// Proton CreateServiceInstance: creates a named instance of an existing service.
import { createServiceInstance as plan } from '../../../properties/CreateServiceInstance.ts';
import { createScenarios } from './createScenarios.ts';
import type { Profile } from '../profile.ts';
import { str } from '../profile.ts';
import { protonContexts } from './contexts.ts';
import { protonModelBacked, protonRules } from '../../rules/proton.ts';
import { protonService } from './prerequisites.ts';

const SEED_002 = 'seeds/002_c7cd0fce7ab6d58d.txt';
const PROTON_IDEMPOTENCY = 'Proton user guide "Ensuring Idempotency" (documented for Proton create APIs, inferred here)';

export const createServiceInstance: Profile = {
  key: 'proton#CreateServiceInstance',
  service: 'proton',
  operation: 'CreateServiceInstance',
  origin: 'hand-written',
  rules: protonRules,
  modelBacked: protonModelBacked,
  // The reference page prints 400 for every client error and 500 for InternalServerException.
  errors: [
    ...['ValidationException', 'ConflictException', 'ResourceNotFoundException', 'AccessDeniedException', 'ThrottlingException'].map((code) => ({ code, page: 400 })),
    { code: 'InternalServerException', page: 500 },
  ].map((e) => ({ ...e, source: `${SEED_002} (Errors)` })),
  reference: { member: 'serviceName', binding: 'serviceNames', notFound: 'state:service-not-found' },
  junit: plan,
  scenarios: createScenarios,
  contexts: protonContexts,
  prerequisite: protonService,
  idempotency: {
    tokenMember: 'clientToken',
    replay: PROTON_IDEMPOTENCY,
    mismatch: {
      codes: ['ValidationException'],
      says: 'the same clientToken with other parameters → ValidationException (IdempotentParameterMismatch)',
      source: PROTON_IDEMPOTENCY,
      confidence: 'inferred',
      message: 'IdempotentParameterMismatch: clientToken was already used with different parameters',
    },
    ttlMs: 8 * 60 * 60 * 1000, // "Ensuring idempotency": a client token is remembered for 8 hours
  },
  creates: { scopeMember: 'serviceName', idMember: 'name', again: 'conflict', againState: 'state:name-conflict' },
  nonceMembers: ['name', 'clientToken'],
  states: [
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
