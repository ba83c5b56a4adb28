// Unit tests of the Proton state module: no network, no validator, a manual clock.
import { beforeEach, describe, expect, it } from 'vitest';
import { manualClock, type ManualClock } from '../../src/emulator/clock.ts';
import { createIds } from '../../src/emulator/ids.ts';
import { ProtonState, TOKEN_TTL_MS, type CreateServiceInstanceInput } from '../../src/emulator/state/proton.ts';
import { TokenStore } from '../../src/emulator/state/tokens.ts';

const DELAY = 50;
let clock: ManualClock;
let p: ProtonState;

function value<T>(r: { value: T } | { error: unknown }): T {
  if ('error' in r) throw new Error(`unexpected error ${JSON.stringify(r.error)}`);
  return r.value;
}
function error(r: { value: unknown } | { error: { code: string; message: string } }) {
  if (!('error' in r)) throw new Error(`expected an error, got ${JSON.stringify(r.value)}`);
  return r.error;
}

const template = { templateName: 'fargate', templateMajorVersion: '1', templateMinorVersion: '2' };
const instance = (over: Partial<CreateServiceInstanceInput> = {}): CreateServiceInstanceInput =>
  ({ name: 'inst1', serviceName: 'svc', spec: 'proton: ServiceSpec\n', ...over });

beforeEach(() => {
  clock = manualClock(Date.UTC(2026, 0, 1));
  p = new ProtonState({ clock, ids: createIds('proton'), operationDelayMs: DELAY, region: 'eu-west-1', accountId: '111122223333' });
  value(p.createEnvironment({ name: 'env1', ...template }));
  value(p.createEnvironment({ name: 'env2', ...template }));
  value(p.createService({ name: 'svc', spec: 'instances:\n  - name: a\n    environment: env2\n', ...template }));
});

describe('ProtonState CreateServiceInstance', () => {
  it('creates an instance with the service template and an ARN', () => {
    const { instance: i, replayed } = value(p.createServiceInstance(instance()));
    expect(replayed).toBe(false);
    expect(i).toMatchObject({
      name: 'inst1', serviceName: 'svc', templateName: 'fargate', templateMajorVersion: '1', templateMinorVersion: '2',
      arn: 'arn:aws:proton:eu-west-1:111122223333:service/svc/service-instance/inst1',
      environmentName: 'env2', // from the service spec's environment line
    });
    expect(value(p.getServiceInstance('svc', 'inst1'))).toBe(i);
  });

  it('takes the environment named in the instance spec when it exists, and versions given in the input', () => {
    const { instance: i } = value(p.createServiceInstance(instance({
      spec: 'proton: ServiceSpec\ninstances:\n  - name: inst1\n    environment: "env1"\n', templateMajorVersion: '3', templateMinorVersion: '0',
    })));
    expect(i.environmentName).toBe('env1');
    expect([i.templateMajorVersion, i.templateMinorVersion]).toEqual(['3', '0']);
  });

  it('answers ResourceNotFoundException for an unknown service', () => {
    expect(error(p.createServiceInstance(instance({ serviceName: 'ghost' }))).code).toBe('ResourceNotFoundException');
    expect(error(p.getServiceInstance('ghost', 'x')).code).toBe('ResourceNotFoundException');
    expect(error(p.getServiceInstance('svc', 'x')).code).toBe('ResourceNotFoundException');
  });

  it('answers ConflictException for an existing name without the same token', () => {
    value(p.createServiceInstance(instance({ clientToken: 't1' })));
    expect(error(p.createServiceInstance(instance())).code).toBe('ConflictException');
    expect(error(p.createServiceInstance(instance({ clientToken: 't2' }))).code).toBe('ConflictException');
    // The same name in another service is fine.
    value(p.createService({ name: 'svc2', spec: 'x', ...template }));
    value(p.createServiceInstance(instance({ serviceName: 'svc2' })));
  });

  it('replays the same token and parameters: the original instance, nothing created twice', () => {
    const first = value(p.createServiceInstance(instance({ clientToken: 'tok', tags: [{ key: 'a', value: 'b' }] })));
    clock.advance(60_000);
    const again = value(p.createServiceInstance(instance({ clientToken: 'tok', tags: [{ key: 'a', value: 'b' }] })));
    expect(again.replayed).toBe(true);
    expect(again.instance).toBe(first.instance);
    expect(again.instance.createdAt).toBe(first.instance.createdAt);
    expect(p.services.get('svc')!.instances.size).toBe(1);
  });

  it('answers ValidationException naming IdempotentParameterMismatch for the same token with different parameters', () => {
    value(p.createServiceInstance(instance({ clientToken: 'tok' })));
    const e = error(p.createServiceInstance(instance({ clientToken: 'tok', spec: 'different' })));
    expect(e.code).toBe('ValidationException');
    expect(e.message).toContain('IdempotentParameterMismatch');
    const other = error(p.createServiceInstance(instance({ clientToken: 'tok', name: 'inst2' })));
    expect(other.code).toBe('ValidationException');
    expect(p.services.get('svc')!.instances.size).toBe(1);
  });

  it('forgets tokens after 8 hours on the injected clock', () => {
    value(p.createServiceInstance(instance({ clientToken: 'tok' })));
    clock.advance(TOKEN_TTL_MS - 1);
    expect(value(p.createServiceInstance(instance({ clientToken: 'tok' }))).replayed).toBe(true);
    clock.advance(1);
    expect(error(p.createServiceInstance(instance({ clientToken: 'tok' }))).code).toBe('ConflictException');
    // An expired token can no longer mismatch either: a new name with it creates a new instance.
    expect(value(p.createServiceInstance(instance({ clientToken: 'tok', name: 'inst2', spec: 'other' }))).replayed).toBe(false);
  });

  it('treats an empty clientToken as no token', () => {
    value(p.createServiceInstance(instance({ clientToken: '' })));
    expect(error(p.createServiceInstance(instance({ clientToken: '' }))).code).toBe('ConflictException');
  });

  it('reports IN_PROGRESS until the deployment delay has passed, then SUCCEEDED', () => {
    const { instance: i } = value(p.createServiceInstance(instance()));
    expect(p.deployment(i.createdAt)).toEqual({ deploymentStatus: 'IN_PROGRESS', lastDeploymentSucceededAt: i.createdAt });
    clock.advance(DELAY);
    expect(p.deployment(i.createdAt)).toEqual({ deploymentStatus: 'SUCCEEDED', lastDeploymentSucceededAt: i.createdAt + DELAY });
  });
});

describe('ProtonState prerequisites', () => {
  it('refuses duplicate environment and service names', () => {
    expect(error(p.createEnvironment({ name: 'env1', ...template })).code).toBe('ConflictException');
    expect(error(p.createService({ name: 'svc', spec: 'x', ...template })).code).toBe('ConflictException');
  });

  it('defaults a service without an environment line to the first environment', () => {
    value(p.createService({ name: 'plain', spec: 'no environment here', ...template }));
    expect(value(p.createServiceInstance(instance({ serviceName: 'plain' }))).instance.environmentName).toBe('env1');
  });
});

describe('TokenStore', () => {
  it('expires entries after the ttl and drops the oldest beyond its bound', () => {
    const t = new TokenStore<number>(10, 2);
    t.set('a', 1, 0);
    expect(t.get('a', 9)).toBe(1);
    expect(t.get('a', 10)).toBeUndefined();
    t.set('x', 1, 0);
    t.set('y', 2, 0);
    t.set('z', 3, 0);
    expect(t.size).toBe(2);
    expect(t.get('x', 0)).toBeUndefined();
    expect(t.get('z', 0)).toBe(3);
  });
});
