// CreateServiceInstance's idempotency and state scenarios as data: what each says and where, which generic
// families apply (a name is created once: a re-create is a conflict), the request of one instance (specs are
// the prepared base spec plus a YAML comment naming the variant) and how it is read back (GetServiceInstance).
import type { NamedContext } from '../../contract/context.ts';
import type { ScenarioSubject } from '../scenario.ts';

/** A Proton service to create instances in. `spec` is the base spec (variants append a YAML comment);
 * template versions, when given, are sent by the read-after-write scenario and must exist at the target. */
export interface ProtonPrepared {
  serviceName: string;
  spec?: string;
  templateMajorVersion?: string;
  templateMinorVersion?: string;
}

const SEED_002 = 'seeds/002_c7cd0fce7ab6d58d.txt';
export const DEFAULT_SPEC = 'proton: ServiceSpec\n';

export const specFor = (p: ProtonPrepared, v: number): string => {
  const base = p.spec ?? DEFAULT_SPEC;
  return `${base}${base.endsWith('\n') ? '' : '\n'}# contract-fuzz variant ${v}\n`;
};

/** The first existing service. */
function prepare(contexts: readonly NamedContext[], bound: (placeholder: string) => string) {
  const p = contexts.find((c) => c.context.proton?.serviceExists)?.context.proton;
  return p ? { placeholder: p.serviceName, prepared: { serviceName: bound(p.serviceName) } } : undefined;
}

export const createScenarios: ScenarioSubject<ProtonPrepared> = {
  statements: [
    {
      id: 'idempotency:token-replay',
      says: 'the same clientToken and parameters return the original service instance (same arn and createdAt) and create nothing twice (GetServiceInstance)',
      source: 'DESIGN (Proton idempotency): Proton user guide "Ensuring Idempotency", documented for Proton create APIs, inferred for CreateServiceInstance',
      confidence: 'inferred',
      expected: { outcome: 'success' },
    },
    { mismatch: true },
    { state: 'state:name-conflict', says: 'an existing service instance name, without the token that created it → ConflictException, and the instance is unchanged' },
    {
      id: 'idempotency:no-token',
      says: 'a CreateServiceInstance without clientToken works, and two of them are two requests, not a replay',
      source: `model CreateServiceInstanceInput (clientToken is not required); ${SEED_002}`,
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
    {
      id: 'state:read-after-write',
      says: 'GetServiceInstance shows what CreateServiceInstance created: name, serviceName, arn, createdAt, template versions (and spec when returned)',
      source: `${SEED_002} (CreateServiceInstance "Create a service instance"); model GetServiceInstance ("Get detailed data for a service instance")`,
      confidence: 'documented',
      expected: { outcome: 'success' },
    },
  ],
  families: ['replay', 'mismatch', 'again', 'noToken', 'readAfterWrite'],
  slots: 3,
  variants: 3,
  prepare,
  fits: (p): p is ProtonPrepared => typeof (p as ProtonPrepared).serviceName === 'string',
  shape: 'a prepared {serviceName}',
  scope: (p) => p.serviceName,
  context: (p) => ({ proton: { serviceName: p.serviceName, serviceExists: true } }),
  request: (p, i) => ({
    service: 'proton',
    operation: 'CreateServiceInstance',
    input: {
      name: i.id, serviceName: p.serviceName, spec: specFor(p, i.variant),
      ...(i.token === undefined ? {} : { clientToken: i.token }),
      ...(i.extras && p.templateMajorVersion !== undefined ? { templateMajorVersion: p.templateMajorVersion } : {}),
      ...(i.extras && p.templateMinorVersion !== undefined ? { templateMinorVersion: p.templateMinorVersion } : {}),
    },
  }),
  extras: true,
  answer: { item: 'serviceInstance', identity: ['arn', 'createdAt'] },
  read: { call: { service: 'proton', operation: 'GetServiceInstance', input: { serviceName: '{scope}', name: '{id}' } }, item: 'serviceInstance', showsIdentity: true },
  written: { members: ['name', 'serviceName', 'templateMajorVersion', 'templateMinorVersion'], ifShown: ['spec'] },
};
