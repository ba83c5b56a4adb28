// Credentials for SDK (and other) targets: the standard chain resolved once at start-up, one CF_ERR_CONFIG line
// when it finds nothing, the fake static key for emulators. The real chain runs here only with an isolated
// environment: no config files, the EC2 metadata service disabled (and pointed at a closed loopback port).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isHarnessError } from '../../src/errors.ts';
import { chainProvider, FAKE_CREDENTIALS, resolveChainCredentials, scrub } from '../../src/targets/credentials.ts';
import { createSdkTarget } from '../../src/targets/sdk.ts';

const saved = { ...process.env };
const ISOLATED: Record<string, string> = {
  AWS_CONFIG_FILE: '/nonexistent/contract-fuzz/aws-config',
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/contract-fuzz/aws-credentials',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_EC2_METADATA_SERVICE_ENDPOINT: 'http://127.0.0.1:1',
};

beforeEach(() => {
  for (const k of Object.keys(process.env)) if (k.startsWith('AWS_')) delete process.env[k];
  Object.assign(process.env, ISOLATED);
});
afterEach(() => {
  for (const k of Object.keys(process.env)) if (!(k in saved)) delete process.env[k];
  Object.assign(process.env, saved);
});

async function configError(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(isHarnessError(e) && e.code).toBe('CF_ERR_CONFIG');
  return (e as Error).message;
}

describe('credentials', () => {
  it('the fake static key for local emulators is obviously fake', () => {
    expect(FAKE_CREDENTIALS).toEqual({ accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'contract-fuzz-fake-secret' });
  });

  it('an empty default chain is one CF_ERR_CONFIG line telling what to set', async () => {
    const message = await configError(resolveChainCredentials());
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^no AWS credentials found by the default chain \(.*\): set AWS_PROFILE or AWS_ACCESS_KEY_ID\/AWS_SECRET_ACCESS_KEY/);
  });

  it('the chain finds environment credentials, resolved once and then served from its cache', async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDCHAINFROMENV';
    process.env.AWS_SECRET_ACCESS_KEY = 'chain-secret-from-env';
    const provider = await resolveChainCredentials();
    delete process.env.AWS_ACCESS_KEY_ID; // cached: a changed environment does not matter any more
    const c = await provider();
    expect([c.accessKeyId, c.secretAccessKey]).toEqual(['AKIDCHAINFROMENV', 'chain-secret-from-env']);
  });

  it('start-up resolution calls the provider once; failures and incomplete credentials are CF_ERR_CONFIG', async () => {
    let calls = 0;
    await resolveChainCredentials({ provider: async () => (calls++, { accessKeyId: 'AKIDX', secretAccessKey: 's' }) });
    expect(calls).toBe(1);
    await configError(resolveChainCredentials({ provider: async () => ({ accessKeyId: 'AKIDX', secretAccessKey: '' }) }));
    // Built at run time: a key-shaped literal would look like a leaked credential in the repository.
    const leaked = ['AKIA', 'FAKEFAKEFAKEFAKE'].join('');
    const message = await configError(
      resolveChainCredentials({ provider: async () => { throw new Error(`profile p: bad key ${leaked}\nsecond line`); } }),
    );
    expect(message).toContain('last: profile p: bad key ***');
    expect(message).not.toContain(leaked);
  });

  it('scrub masks key ids and long secret-like strings', () => {
    expect(scrub('ASIAABCDEFGHIJKLMNOP and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe('*** and ***');
    expect(scrub('The SSO session has expired')).toBe('The SSO session has expired');
  });
});

describe('sdk target with the chain', () => {
  let server: Server;
  let base: string;
  const seen: IncomingHttpHeaders[] = [];
  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req.headers);
      req.resume().on('end', () => {
        res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' });
        res.end('{"OperationId":"op"}');
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((r) => server.close(r)));

  const call = { service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId: 's', InstanceId: 'i', Attributes: {} } };

  it("signs with what the chain found ('chain' on a loopback endpoint)", async () => {
    process.env.AWS_ACCESS_KEY_ID = 'AKIDCHAINSIGNS';
    process.env.AWS_SECRET_ACCESS_KEY = 'chain-secret';
    const t = createSdkTarget({ endpoint: `sdk+${base}`, credentials: 'chain' });
    try {
      const o = await t.send(call);
      expect(o.status).toBe(200);
      expect(seen.at(-1)?.authorization).toContain('Credential=AKIDCHAINSIGNS/');
      expect(JSON.stringify(o)).not.toContain('AKIDCHAINSIGNS');
    } finally {
      await t.close();
    }
  });

  it('an empty chain rejects the send with CF_ERR_CONFIG and nothing reaches the server', async () => {
    const before = seen.length;
    const t = createSdkTarget({ endpoint: `sdk+${base}`, credentials: chainProvider() });
    try {
      await configError(t.send(call));
      expect(seen.length).toBe(before);
    } finally {
      await t.close();
    }
  });
});
