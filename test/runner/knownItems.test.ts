// What the run registered in the services cleanup drains (issue 11 §6): deregistered at cleanup without a listing
// first. Unknown (the listing is used) when nothing was tracked or an answer left it unclear.
import { describe, expect, it } from 'vitest';
import type { Call } from '../../src/contract/call.ts';
import type { Outcome } from '../../src/contract/outcome.ts';
import { knownItems } from '../../src/run/knownItems.ts';

const answer = (status: number): Outcome => ({ status, headers: {}, latencyMs: 1, body: {} });
const reg = (ServiceId: string, InstanceId: string): Call => ({ service: 'servicediscovery', operation: 'RegisterInstance', input: { ServiceId, InstanceId, Attributes: {} } });
const dereg = (ServiceId: string, InstanceId: string): Call => ({ service: 'servicediscovery', operation: 'DeregisterInstance', input: { ServiceId, InstanceId } });

describe('knownItems', () => {
  it('nothing tracked: unknown (the listing is used)', () => {
    expect(knownItems().of('s')).toBeUndefined();
  });
  it('accepted registrations, less accepted deregistrations, per service; refused ones change nothing', () => {
    const k = knownItems();
    k.track(reg('s', 'a'), answer(200));
    k.track(reg('s', 'b'), answer(200));
    k.track(reg('s', 'c'), answer(400));
    k.track(reg('t', 'a'), answer(200));
    k.track(dereg('s', 'a'), answer(200));
    k.track(dereg('s', 'b'), answer(404));
    expect(k.of('s')).toEqual(['b']);
    expect(k.of('t')).toEqual(['a']);
    expect(k.of('u')).toEqual([]);
  });
  it('a registration without an answer or with a server error may have happened: that service is unknown', () => {
    const k = knownItems();
    k.track(reg('s', 'a'), answer(200));
    k.track(reg('s', 'b'), { status: 0, headers: {}, latencyMs: 1, transport: { failure: 'timeout', message: 't' } });
    k.track(reg('t', 'a'), answer(503));
    expect(k.of('s')).toBeUndefined();
    expect(k.of('t')).toBeUndefined();
  });
  it('reads the raw body the target read; an accepted registration it cannot read makes every service unknown', () => {
    const k = knownItems();
    k.track({ ...reg('x', 'x'), rawBody: '{ "ServiceId" : "s", "InstanceId" : "\\u0061" }' }, answer(200));
    expect(k.of('s')).toEqual(['a']);
    k.track({ service: 'servicediscovery', operation: 'RegisterInstance', input: {}, rawBody: '{"ServiceId": "s",' }, answer(200));
    expect(k.of('s')).toBeUndefined();
  });
});
