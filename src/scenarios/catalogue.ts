// The idempotency and state scenarios as data: stable id, what it says, where that is written, how sure we
// are, and what a target should answer. Ids repeat across operations (idempotency:token-replay is a
// scenario of both); (operation, id) is the key. Kind is the id's prefix.
import type { Discrepancy } from '../contract/discrepancy.ts';
import type { Confidence } from '../contract/expected.ts';
import type { OperationKey } from '../contract/operation.ts';
import { stateOf } from '../oracle/index.ts';
import { profileOf } from '../profiles/index.ts';
import { statusesFor } from '../rules/statuses.ts';

/** The code of RegisterInstance's in-progress state (its profile's `creates.againState`). */
const inProgress = (): string => {
  const p = profileOf('servicediscovery#RegisterInstance');
  return stateOf(p.key, p.creates!.againState)!.code;
};

export interface Scenario {
  id: string;
  operation: 'RegisterInstance' | 'CreateServiceInstance';
  kind: 'idempotency' | 'state';
  says: string;
  source: string;
  confidence: Confidence;
  expected: Discrepancy['expected'];
}

const SEED_001 = 'seeds/001_7eaeaf5c0747f14e.txt';
const SEED_002 = 'seeds/002_c7cd0fce7ab6d58d.txt';
const PROTON_IDEMPOTENCY = 'DESIGN (Proton idempotency): Proton user guide "Ensuring Idempotency", documented for Proton create APIs, inferred for CreateServiceInstance';

const success = (source: string, codes: string[] = [], statuses: number[] = [200]): Discrepancy['expected'] => ({ outcome: 'success', codes, statuses, source });
const error = (service: string, codes: string[], source: string): Discrepancy['expected'] =>
  ({ outcome: 'error', codes, statuses: [...new Set(codes.flatMap((c) => statusesFor(service, c)))].sort((a, b) => a - b), source });

type Entry = Omit<Scenario, 'operation' | 'kind' | 'expected'> & { expected: (source: string) => Discrepancy['expected'] };

/** What a token reused with other parameters means: the profile's words (the runner's state model reads the same). */
function tokenMismatch(key: OperationKey): Entry {
  const p = profileOf(key);
  const m = p.idempotency!.mismatch;
  return { id: 'idempotency:token-mismatch', says: m.says, source: m.source, confidence: m.confidence, expected: (s) => error(p.service, [...m.codes], s) };
}

const CLOUD_MAP: Entry[] = [
  {
    id: 'idempotency:token-replay',
    says: 'a retry with the same CreatorRequestId and parameters returns the same OperationId and executes nothing twice: GetOperation still shows that one REGISTER_INSTANCE operation, ListInstances the instance once',
    source: `${SEED_001} (CreatorRequestId: "allows failed RegisterInstance requests to be retried without the risk of executing the operation twice"); same OperationId: DESIGN (Cloud Map idempotency)`,
    confidence: 'documented',
    expected: (s) => success(s),
  },
  tokenMismatch('servicediscovery#RegisterInstance'),
  {
    id: 'idempotency:concurrent-same-instance',
    says: 'concurrent RegisterInstance requests for one InstanceId never leave two instances and never answer 5xx; DuplicateRequest is allowed',
    source: `${SEED_001} ("One RegisterInstance request must complete before you can submit another request and specify the same service ID and instance ID"); model errors (DuplicateRequest)`,
    confidence: 'documented',
    expected: (s) => { const busy = inProgress(); return success(s, [busy], [200, ...statusesFor('servicediscovery', busy)]); },
  },
  {
    id: 'state:read-after-write',
    says: 'after a registration completes, GetInstance shows the attributes sent and ListInstances lists the instance once',
    source: `${SEED_001} (RegisterInstance "Creates or updates one or more records"); model GetInstance ("Gets information about a specified instance"), ListInstances ("the instances that you registered")`,
    confidence: 'documented',
    expected: (s) => success(s),
  },
  {
    id: 'state:re-register-updates',
    says: 're-registering an InstanceId updates it: GetInstance shows the new attributes, ListInstances one entry',
    source: `${SEED_001} (InstanceId: "You can use this value to update an existing instance"; "If you specify an existing InstanceId and ServiceId, Cloud Map updates the existing DNS records")`,
    confidence: 'documented',
    expected: (s) => success(s),
  },
  {
    id: 'state:operation-completes',
    says: 'GetOperation(OperationId) of a registration reaches SUCCESS, with Type REGISTER_INSTANCE and the instance as its INSTANCE target',
    source: 'model RegisterInstance output OperationId ("To get the status of the operation, see GetOperation"); GetOperation Type/Status/Targets (DESIGN Cloud Map state)',
    confidence: 'documented',
    expected: (s) => success(s),
  },
  {
    id: 'idempotency:no-token',
    says: 'a RegisterInstance without CreatorRequestId works, and two of them are two requests, not a replay',
    source: `model RegisterInstanceRequest (CreatorRequestId is not required); ${SEED_001}`,
    confidence: 'documented',
    expected: (s) => success(s),
  },
];

const nameConflict = stateOf('proton#CreateServiceInstance', 'state:name-conflict')!;

const PROTON: Entry[] = [
  {
    id: 'idempotency:token-replay',
    says: 'the same clientToken and parameters return the original service instance (same arn and createdAt) and create nothing twice (GetServiceInstance)',
    source: PROTON_IDEMPOTENCY,
    confidence: 'inferred',
    expected: (s) => success(s),
  },
  tokenMismatch('proton#CreateServiceInstance'),
  {
    id: nameConflict.id,
    says: 'an existing service instance name, without the token that created it → ConflictException, and the instance is unchanged',
    source: nameConflict.source,
    confidence: nameConflict.confidence,
    expected: (s) => error('proton', [nameConflict.code], s),
  },
  {
    id: 'idempotency:no-token',
    says: 'a CreateServiceInstance without clientToken works, and two of them are two requests, not a replay',
    source: `model CreateServiceInstanceInput (clientToken is not required); ${SEED_002}`,
    confidence: 'documented',
    expected: (s) => success(s),
  },
  {
    id: 'state:read-after-write',
    says: 'GetServiceInstance shows what CreateServiceInstance created: name, serviceName, arn, createdAt, template versions (and spec when returned)',
    source: `${SEED_002} (CreateServiceInstance "Create a service instance"); model GetServiceInstance ("Get detailed data for a service instance")`,
    confidence: 'documented',
    expected: (s) => success(s),
  },
];

const build = (operation: Scenario['operation'], entries: Entry[]): Scenario[] =>
  entries.map((e) => Object.freeze({ ...e, operation, kind: e.id.startsWith('state:') ? 'state' : 'idempotency', expected: e.expected(e.source) }));

export const SCENARIOS: Readonly<Record<Scenario['operation'], readonly Scenario[]>> = {
  RegisterInstance: build('RegisterInstance', CLOUD_MAP),
  CreateServiceInstance: build('CreateServiceInstance', PROTON),
};

export const scenariosOf = (operation: string): readonly Scenario[] => SCENARIOS[operation as Scenario['operation']] ?? [];

export function scenarioOf(operation: string, id: string): Scenario {
  const s = scenariosOf(operation).find((x) => x.id === id);
  if (!s) throw new Error(`no scenario ${id} for ${operation}`); // a harness bug: ids are literals in this folder
  return s;
}
