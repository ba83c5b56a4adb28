// Scrub only what is written (issue 11 §1): the case loop hands the target's answers to the checks as they came
// and scrubs an answer only when it makes a finding, judging it again as scrubbed, so what is written (findings)
// is what scrubbing every answer gave, and a clean case costs no scrub.
import { describe, expect, it } from 'vitest';
import { checksFor } from '../../src/checks/index.ts';
import type { Case } from '../../src/contract/case.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { emptyBinding } from '../../src/run/binding.ts';
import { oracleExchange } from '../../src/run/exchange.ts';
import { createScrubber, scrubOutcome, scrubOutcomes, SCRUBBED } from '../../src/targets/scrub.ts';
import type { Call } from '../../src/contract/call.ts';
import type { SendOptions, Target } from '../../src/targets/target.ts';
import { wrap } from '../../src/targets/target.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzSECRET';
const context = { cloudMap: { serviceId: 'srv-abcdefgh12345678', service: { namespaceType: 'HTTP' as const, dnsRecords: [], healthCheck: false, healthCheckCustom: false } } };
const validCase: Case = {
  operation: 'RegisterInstance', kind: 'valid', breaks: [], exercises: [], context,
  input: { ServiceId: 'srv-abcdefgh12345678', InstanceId: 'i-1', CreatorRequestId: 'token-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } },
};

function fakeTarget(answer: (call: Call) => Outcome, seen: Array<SendOptions | undefined>): Target {
  return { name: 'fake', send: async (call, options) => { seen.push(options); return answer(call); }, close: async () => undefined };
}

describe('the case loop scrubs what it writes, not every answer', () => {
  it('a clean verdict never scrubs, even an answer holding a secret; the target is asked for the answer unscrubbed', async () => {
    const seen: Array<SendOptions | undefined> = [];
    const ok: Outcome = { status: 200, headers: { 'content-type': 'application/x-amz-json-1.1', 'x-echo': SECRET }, body: { OperationId: 'op-1' }, latencyMs: 1 };
    let scrubs = 0;
    const exchange = oracleExchange({ target: fakeTarget(() => ok, seen), binding: emptyBinding(), checks: checksFor({ messages: true }), scrub: (o) => { scrubs++; return o; } });
    const judged = await exchange(validCase);
    expect(judged.found).toEqual([]);
    expect(scrubs).toBe(0);
    expect(seen[0]?.unscrubbed).toBe(true);
  });

  it('an answer that makes a finding is judged again as scrubbed: the secret it echoed is not in the finding', async () => {
    const s = createScrubber([SECRET]);
    const refused: Outcome = { status: 400, code: 'InvalidInput', message: `bad signature ${SECRET}`, headers: { 'content-type': 'application/x-amz-json-1.1' }, body: { __type: 'InvalidInput', message: `bad signature ${SECRET}` }, latencyMs: 1 };
    let scrubs = 0;
    const exchange = oracleExchange({ target: fakeTarget(() => refused, []), binding: emptyBinding(), checks: checksFor({ messages: true }), scrub: (o) => { scrubs++; return scrubOutcome(s, o); } });
    const judged = await exchange(validCase);
    expect(judged.found.length).toBeGreaterThan(0);
    expect(scrubs).toBe(1);
    expect(JSON.stringify(judged.found)).not.toContain(SECRET);
    expect(JSON.stringify(judged.found)).toContain(SCRUBBED);
  });

  it('only the run\'s deferrable scrubber lets an answer through unscrubbed; any other scrubbing wrapper still scrubs', async () => {
    const s = createScrubber([SECRET]);
    const echo: Outcome = { status: 400, message: SECRET, headers: {}, latencyMs: 1 };
    const target = fakeTarget(() => echo, []);
    const call: Call = { service: 'servicediscovery', operation: 'RegisterInstance', input: {} };
    expect((await wrap(target, scrubOutcomes(s, { deferrable: true })).send(call, { unscrubbed: true })).message).toBe(SECRET);
    expect((await wrap(target, scrubOutcomes(s, { deferrable: true })).send(call)).message).toBe(SCRUBBED);
    expect((await wrap(target, scrubOutcomes(s)).send(call, { unscrubbed: true })).message).toBe(SCRUBBED);
  });
});
