// Issue 10 §3: the emulator's idempotency reads the operation's profile (token member, replay, mismatch answer,
// token lifetime), the same profile the runner's state model reads; before, each state module had its own copy.
import { describe, expect, it } from 'vitest';
import { IdempotencyLedger } from '../../src/emulator/state/idempotency.ts';
import { CloudMapState } from '../../src/emulator/state/cloudmap.ts';
import { ProtonState } from '../../src/emulator/state/proton.ts';
import { createIds } from '../../src/emulator/ids.ts';
import { profileOf, type Profile } from '../../src/profiles/index.ts';

const clock = { t: 0, now() { return this.t; } };
const base = profileOf('proton#CreateServiceInstance');
const edited: Profile = { ...base, idempotency: { ...base.idempotency!, mismatch: { ...base.idempotency!.mismatch, codes: ['EditedMismatch'], message: 'edited message' }, ttlMs: 1000 } };
const input = (spec: string, extra: Record<string, unknown> = {}) => ({ name: 'i', serviceName: 's', spec, clientToken: 'tok', ...extra });

describe('the emulator reads idempotency from the profile', () => {
  it('a replay is the original, a mismatch the profile\'s code and message, a token lives the profile\'s ttl', () => {
    clock.t = 0;
    const ledger = new IdempotencyLedger<string>(edited, clock);
    expect(ledger.check(input('a'))).toBeUndefined();
    ledger.remember(input('a'), 'first');
    expect(ledger.check(input('a'))).toEqual({ replay: 'first' });
    expect(ledger.check(input('a', { unknownMember: 1 }))).toEqual({ replay: 'first' }); // not a model member: ignored
    expect(ledger.check(input('b'))).toEqual({ mismatch: 'first', error: { code: 'EditedMismatch', message: 'edited message' } });
    clock.t = 1000;
    expect(ledger.check(input('b'))).toBeUndefined();
  });

  it('an empty token is no token', () => {
    const ledger = new IdempotencyLedger<string>(edited, clock);
    ledger.remember(input('a', { clientToken: '' }), 'first');
    expect(ledger.check(input('b', { clientToken: '' }))).toBeUndefined();
  });

  const options = { clock, ids: createIds('p'), operationDelayMs: 10, region: 'us-east-1', accountId: '123456789012' };
  it.each(['servicediscovery#RegisterInstance', 'proton#CreateServiceInstance'])('%s: the state module answers a mismatch as the profile says', (key) => {
    clock.t = 0;
    const p = profileOf(key);
    const error = key.startsWith('proton') ? protonMismatch(new ProtonState(options)) : cloudMapMismatch(new CloudMapState(options));
    expect(p.idempotency!.mismatch.codes).toContain(error.code);
    expect(error.message.startsWith(p.idempotency!.mismatch.message)).toBe(true);
  });

  it('the states the emulator meets answer with the profile\'s code and message', () => {
    const cm = new CloudMapState(options);
    const r = cm.registerInstance({ ServiceId: 'srv-none', InstanceId: 'i', Attributes: {} });
    const s = profileOf('servicediscovery#RegisterInstance').states.find((x) => x.id === 'state:service-not-found')!;
    expect(r).toEqual({ error: { code: s.code, message: s.message({ ServiceId: 'srv-none' }) } });
  });
});

function cloudMapMismatch(cm: CloudMapState) {
  const ns = cm.seedNamespace('HTTP', { Name: 'n' });
  if ('error' in ns) throw new Error('seed');
  const svc = cm.createService({ Name: 's', NamespaceId: ns.value.id });
  if ('error' in svc) throw new Error('service');
  cm.registerInstance({ ServiceId: svc.value.id, InstanceId: 'i', CreatorRequestId: 'tok', Attributes: { a: '1' } });
  const r = cm.registerInstance({ ServiceId: svc.value.id, InstanceId: 'i', CreatorRequestId: 'tok', Attributes: { a: '2' } });
  if (!('error' in r)) throw new Error('expected a mismatch');
  return r.error;
}

function protonMismatch(p: ProtonState) {
  p.createService({ name: 's', spec: 'x', templateName: 't', templateMajorVersion: '1' });
  p.createServiceInstance({ name: 'i', serviceName: 's', spec: 'a', clientToken: 'tok' });
  const r = p.createServiceInstance({ name: 'i', serviceName: 's', spec: 'b', clientToken: 'tok' });
  if (!('error' in r)) throw new Error('expected a mismatch');
  return r.error;
}
