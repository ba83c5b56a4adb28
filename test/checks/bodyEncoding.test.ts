// Issue 8 §2: a 2,000-level JSON body ended the run (stack overflow while scrubbing) and a body that is not UTF-8
// passed with 0 findings. Over a real loopback server: both are Outcomes with protocol findings, nothing throws.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { DEFAULT_CHECKS } from '../../src/checks/index.ts';
import type { Case } from '../../src/contract/case.ts';
import type { Expected } from '../../src/contract/expected.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import { runScrubber, scrubOutcomes } from '../../src/targets/scrub.ts';

const validCase: Case = { operation: 'RegisterInstance', kind: 'valid', input: {}, breaks: [], exercises: ['InstanceId#length'], context: {} };
const accepts: Expected = { outcome: 'success', source: 'model', confidence: 'documented' };

const BODIES: Record<string, Buffer> = {
  deep: Buffer.from(`${'{"a":'.repeat(2_000)}1${'}'.repeat(2_000)}`),
  deeper: Buffer.from(`${'['.repeat(200_000)}${']'.repeat(200_000)}`),
  // `{"OperationId":"op-<0xff><0xfe>"}`: valid JSON around bytes that are not UTF-8.
  latin1: Buffer.concat([Buffer.from('{"OperationId":"op-'), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]),
  ok: Buffer.from('{"OperationId":"op-ü"}'),
};

let server: http.Server;
let url = '';
beforeAll(async () => {
  server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(200, { 'content-type': 'application/x-amz-json-1.1' }).end(BODIES[req.url!.slice(1)]));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const judge = async (name: string) => {
  const target = createHttpTarget({ url: `${url}/${name}`, timeoutMs: 5_000 });
  try {
    const outcome = await scrubOutcomes(runScrubber())(target.send)({ service: 'servicediscovery', operation: 'RegisterInstance', input: {} });
    return { outcome, found: DEFAULT_CHECKS.flatMap((check) => check({ case: validCase, expected: accepts, outcome })) };
  } finally {
    await target.close();
  }
};

describe('bodies no walk may choke on, and bytes that are not UTF-8', () => {
  it.each(['deep', 'deeper'])('%s: JSON nested past the limit is a protocol finding; the body is not kept', async (name) => {
    const { outcome, found } = await judge(name);
    expect(outcome).toMatchObject({ status: 200, bodyProblem: 'too-deep' });
    expect(outcome.body).toBeUndefined();
    expect(found).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'protocol', constraint: 'protocol:json-depth', severity: 'error' })]));
    expect(() => JSON.stringify(found)).not.toThrow();
  });

  it('a body that is not UTF-8 is a protocol warning', async () => {
    const { outcome, found } = await judge('latin1');
    expect(outcome.invalidUtf8).toBe(true);
    expect(found).toEqual([expect.objectContaining({ kind: 'protocol', constraint: 'protocol:utf-8', severity: 'warning' })]);
  });

  it('a UTF-8 body with non-ASCII text is fine', async () => {
    const { outcome, found } = await judge('ok');
    expect(outcome.invalidUtf8).toBeUndefined();
    expect(found).toEqual([]);
  });
});
