// Proton through the emulator over real loopback HTTP: prerequisites (API and Seed), CreateServiceInstance
// validation, not-found, conflict, clientToken idempotency and expiry, GetServiceInstance.
import { afterEach, describe, expect, it } from 'vitest';
import { manualClock, startEmulator, type ManualClock, type RunningEmulator } from '../../src/emulator/index.ts';
import { TOKEN_TTL_MS } from '../../src/emulator/state/proton.ts';
import { expect as oracle } from '../../src/oracle/index.ts';
import { emulatorOp, ok, outputErrors, proton } from './helpers.ts';

const DELAY = 5_000;
let em: RunningEmulator | undefined;
let clock: ManualClock;

afterEach(async () => {
  await em?.close();
  em = undefined;
});

const template = { templateName: 'fargate-svc', templateMajorVersion: '1', templateMinorVersion: '4' };

/** Prerequisites the way the harness creates them: CreateEnvironment, then CreateService. */
async function start(): Promise<string> {
  clock = manualClock(Date.UTC(2025, 5, 1));
  em = await startEmulator({ clock, operationDelayMs: DELAY, seed: 'proton-e2e' });
  const url = em.url;
  ok(await proton(url, 'CreateEnvironment', { name: 'dev', spec: 'proton: EnvironmentSpec\n', ...template }));
  ok(await proton(url, 'CreateService', { name: 'api', spec: 'proton: ServiceSpec\ninstances:\n  - name: first\n    environment: dev\n', ...template }));
  return url;
}

const create = (url: string, over: Record<string, unknown> = {}) =>
  proton(url, 'CreateServiceInstance', { name: 'api-dev', serviceName: 'api', spec: 'proton: ServiceSpec\nport: 80\n', ...over });

describe('prerequisites', () => {
  it('creates and reads environments and services through the API; duplicates are ConflictException', async () => {
    const url = await start();
    const env = await proton(url, 'GetEnvironment', { name: 'dev' });
    expect(outputErrors('proton', 'GetEnvironment', ok(env))).toEqual([]);
    expect(env.body.environment).toMatchObject({ name: 'dev', arn: 'arn:aws:proton:us-east-1:123456789012:environment/dev', ...template });
    const svc = await proton(url, 'GetService', { name: 'api' });
    expect(outputErrors('proton', 'GetService', ok(svc))).toEqual([]);
    expect(svc.body.service).toMatchObject({ name: 'api', status: 'ACTIVE', templateName: 'fargate-svc' });
    const dupEnv = await proton(url, 'CreateEnvironment', { name: 'dev', spec: 'x', ...template });
    expect([dupEnv.status, dupEnv.code, dupEnv.body.__type]).toEqual([409, 'ConflictException', 'ConflictException']);
    expect(dupEnv.body.message).toContain('dev');
    expect(dupEnv.body.Message).toBeUndefined(); // Proton bodies use lowercase `message`
    const created = await proton(url, 'CreateService', { name: 'other', spec: 'x', ...template });
    expect(outputErrors('proton', 'CreateService', ok(created))).toEqual([]);
    const missing = await proton(url, 'GetEnvironment', { name: 'nope' });
    expect([missing.status, missing.code]).toEqual([404, 'ResourceNotFoundException']);
    // Proton's CreateService is validated against Proton's model (not Cloud Map's CreateService).
    const invalid = await proton(url, 'CreateService', { name: 'bad name', spec: 'x', templateName: 't' });
    expect([invalid.status, invalid.code]).toEqual([400, 'ValidationException']);
    expect(invalid.body.message).toBe(
      "2 validation errors detected: Value 'bad name' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$; Value null at 'templateMajorVersion' failed to satisfy constraint: Member must not be null",
    );
  });

  it('ContractFuzzEmulator.Seed creates prerequisites in one call; Reset forgets them', async () => {
    em = await startEmulator({ operationDelayMs: 0 });
    const url = em.url;
    const seeded = ok(await emulatorOp(url, 'Seed', {
      proton: { environments: [{ name: 'stage' }, { name: 'prod' }], services: [{ name: 'seeded', environmentName: 'prod' }] },
      cloudMap: { namespaces: [{ name: 'corp.local', type: 'DNS_PRIVATE', vpc: 'vpc-9' }], services: [{ name: 'web', namespace: 'corp.local', dnsRecords: ['A'], routingPolicy: 'WEIGHTED' }] },
    }));
    expect(seeded.proton.services[0]).toMatchObject({ name: 'seeded', environmentName: 'prod' });
    expect(seeded.cloudMap.services[0].id).toMatch(/^srv-[a-z0-9]{16}$/);
    const inst = ok(await proton(url, 'CreateServiceInstance', { name: 'x', serviceName: 'seeded', spec: 'proton: ServiceSpec\n' }));
    expect(inst.serviceInstance).toMatchObject({ environmentName: 'prod', templateName: 'emulator-template', templateMajorVersion: '1' });
    const bad = await emulatorOp(url, 'Seed', { proton: { environments: [{}] } });
    expect([bad.status, bad.code]).toEqual([400, 'ValidationException']);
    ok(await emulatorOp(url, 'Reset', {}));
    expect((await proton(url, 'GetService', { name: 'seeded' })).code).toBe('ResourceNotFoundException');
  });
});

describe('CreateServiceInstance', () => {
  it('creates an instance whose output satisfies the model and has every required member', async () => {
    const url = await start();
    const r = await create(url, { clientToken: 'c-1', tags: [{ key: 'team', value: 'core' }] });
    expect(outputErrors('proton', 'CreateServiceInstance', ok(r))).toEqual([]);
    const si = r.body.serviceInstance;
    for (const m of ['name', 'arn', 'createdAt', 'lastDeploymentAttemptedAt', 'lastDeploymentSucceededAt', 'serviceName',
      'environmentName', 'templateName', 'templateMajorVersion', 'templateMinorVersion', 'deploymentStatus']) {
      expect(si, m).toHaveProperty(m);
    }
    expect(si).toMatchObject({
      name: 'api-dev', serviceName: 'api', environmentName: 'dev', templateName: 'fargate-svc', templateMajorVersion: '1',
      templateMinorVersion: '4', deploymentStatus: 'IN_PROGRESS', arn: 'arn:aws:proton:us-east-1:123456789012:service/api/service-instance/api-dev',
    });
    expect(si.createdAt).toBe(Date.UTC(2025, 5, 1) / 1000);
    const got = await proton(url, 'GetServiceInstance', { name: 'api-dev', serviceName: 'api' });
    expect(outputErrors('proton', 'GetServiceInstance', ok(got))).toEqual([]);
    expect(got.body.serviceInstance.arn).toBe(si.arn);
    clock.advance(DELAY);
    const later = ok(await proton(url, 'GetServiceInstance', { name: 'api-dev', serviceName: 'api' })).serviceInstance;
    expect(later.deploymentStatus).toBe('SUCCEEDED');
    expect(later.lastDeploymentSucceededAt).toBe(si.createdAt + DELAY / 1000);
  });

  it('answers ValidationException with the exact message, as the reference validator does', async () => {
    const url = await start();
    const payload = { name: '-bad', serviceName: 'api', spec: 'x', templateMajorVersion: '01' };
    const r = await proton(url, 'CreateServiceInstance', payload);
    const message = "2 validation errors detected: Value '-bad' at 'name' failed to satisfy constraint: Member must satisfy regular expression pattern: ^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$; Value '01' at 'templateMajorVersion' failed to satisfy constraint: Member must satisfy regular expression pattern: ^(0|([1-9]{1}\\d*))$";
    expect([r.status, r.code, r.body.__type, r.body.message]).toEqual([400, 'ValidationException', 'ValidationException', message]);
    const e = oracle('CreateServiceInstance', payload, { proton: { serviceName: 'api', serviceExists: true } });
    expect(e.outcome === 'error' && e.message).toBe(message);
    const sensitive = await proton(url, 'CreateServiceInstance', { name: 'ok', serviceName: 'api', spec: '' });
    expect(sensitive.body.message).toBe("1 validation error detected: Value at 'spec' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });

  it('answers ResourceNotFoundException (404) for an unknown service', async () => {
    const url = await start();
    const r = await create(url, { serviceName: 'ghost' });
    expect([r.status, r.code, r.body.message]).toEqual([404, 'ResourceNotFoundException', "The service 'ghost' was not found."]);
    const g = await proton(url, 'GetServiceInstance', { name: 'api-dev', serviceName: 'api' });
    expect([g.status, g.code]).toEqual([404, 'ResourceNotFoundException']);
  });

  it('answers ConflictException (409) for an existing name without the same token', async () => {
    const url = await start();
    ok(await create(url, { clientToken: 'first' }));
    const noToken = await create(url);
    expect([noToken.status, noToken.code]).toEqual([409, 'ConflictException']);
    const otherToken = await create(url, { clientToken: 'second' });
    expect([otherToken.status, otherToken.code]).toEqual([409, 'ConflictException']);
  });

  it('a retry with the same clientToken and parameters returns the original instance; nothing is created twice', async () => {
    const url = await start();
    const first = ok(await create(url, { clientToken: 'idem-1' })).serviceInstance;
    clock.advance(60_000);
    const retry = await create(url, { clientToken: 'idem-1' });
    expect(outputErrors('proton', 'CreateServiceInstance', ok(retry))).toEqual([]);
    expect(retry.body.serviceInstance).toMatchObject({ arn: first.arn, createdAt: first.createdAt, lastAttemptedDeploymentId: first.lastAttemptedDeploymentId });
    expect(em!.emulator.proton.services.get('api')!.instances.size).toBe(1);
  });

  it('a retry that differs only by null members or unknown members is the same request (awsJson: null is absent, unknown is ignored)', async () => {
    const url = await start();
    const first = ok(await create(url, { clientToken: 'idem-null' })).serviceInstance;
    const retry = ok(await create(url, { clientToken: 'idem-null', tags: null, templateMinorVersion: null, somethingNew: 'ignored' })).serviceInstance;
    expect(retry.arn).toBe(first.arn);
    expect(retry.templateMinorVersion).toBe('4'); // null did not override the service's version
  });

  it('the same clientToken with different parameters is a ValidationException naming IdempotentParameterMismatch', async () => {
    const url = await start();
    ok(await create(url, { clientToken: 'idem-2' }));
    const r = await create(url, { clientToken: 'idem-2', spec: 'proton: ServiceSpec\nport: 8080\n' });
    expect([r.status, r.code]).toEqual([400, 'ValidationException']);
    expect(r.body.message).toContain('IdempotentParameterMismatch');
    const renamed = await create(url, { clientToken: 'idem-2', name: 'api-prod' });
    expect(renamed.code).toBe('ValidationException');
    expect((await proton(url, 'GetServiceInstance', { name: 'api-prod', serviceName: 'api' })).code).toBe('ResourceNotFoundException');
  });

  it('tokens expire after 8 hours on the injected clock: the retry becomes a ConflictException', async () => {
    const url = await start();
    ok(await create(url, { clientToken: 'idem-3' }));
    clock.advance(TOKEN_TTL_MS - 1000);
    expect((await create(url, { clientToken: 'idem-3' })).status).toBe(200);
    clock.advance(1000);
    const expired = await create(url, { clientToken: 'idem-3' });
    expect([expired.status, expired.code]).toEqual([409, 'ConflictException']);
  });
});

describe('deletion', () => {
  it('DeleteService removes the service with its instances; DeleteEnvironment refuses an environment in use', async () => {
    const url = await start();
    ok(await create(url));
    const inUse = await proton(url, 'DeleteEnvironment', { name: 'dev' });
    expect([inUse.status, inUse.code]).toEqual([409, 'ConflictException']);
    const del = await proton(url, 'DeleteService', { name: 'api' });
    expect(outputErrors('proton', 'DeleteService', ok(del))).toEqual([]);
    expect(del.body.service).toMatchObject({ name: 'api', status: 'DELETE_IN_PROGRESS' });
    expect((await proton(url, 'GetServiceInstance', { name: 'api-dev', serviceName: 'api' })).code).toBe('ResourceNotFoundException');
    const env = await proton(url, 'DeleteEnvironment', { name: 'dev' });
    expect(outputErrors('proton', 'DeleteEnvironment', ok(env))).toEqual([]);
    expect(env.body.environment.deploymentStatus).toBe('DELETE_IN_PROGRESS');
    expect((await proton(url, 'GetEnvironment', { name: 'dev' })).code).toBe('ResourceNotFoundException');
    expect((await proton(url, 'DeleteService', { name: 'api' })).code).toBe('ResourceNotFoundException');
  });
});
