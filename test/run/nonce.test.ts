// The run nonce (issue 7 §1): in every id and token a case creates, without moving a boundary, and masked in
// what the run writes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Case } from '../../src/contract/case.ts';
import { expectCase } from '../../src/oracle/index.ts';
import { bindCase, emptyBinding, maskPairs, type Binding } from '../../src/run/binding.ts';
import { maskText } from '../../src/run/mask.ts';
import { applyToLiteral, drawNonceTag, runNonce } from '../../src/run/nonce.ts';
import { createStateModel } from '../../src/run/stateModel.ts';

const classOf = (ch: string): string => (/[0-9]/.test(ch) ? 'd' : /[a-z]/.test(ch) ? 'l' : /[A-Z]/.test(ch) ? 'u' : ch);
const shape = (s: string): string => [...s].map(classOf).join('');
const printable = fc.string({ unit: fc.constantFrom(...Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i))), maxLength: 70 });

describe('runNonce', () => {
  it('keeps the length and the character class of every position, and undoes exactly', () => {
    fc.assert(fc.property(fc.string({ maxLength: 200 }), printable, (tagSource, value) => {
      const n = runNonce(`t${tagSource}`);
      const applied = n.apply(value);
      expect(applied.length).toBe(value.length);
      expect(shape(applied)).toBe(shape(value));
      expect(n.remove(applied)).toBe(value);
    }));
  });

  it('is a bijection: equal values stay equal, different ones stay different', () => {
    fc.assert(fc.property(printable, printable, (a, b) => {
      const n = runNonce('abc12345');
      expect(n.apply(a) === n.apply(b)).toBe(a === b);
    }));
  });

  it('changes every letter and digit, so boundary ids (1 character, 64 characters) differ from the seed\'s', () => {
    const n = runNonce(drawNonceTag());
    for (const v of ['0', 'a', 'Z', 'x'.repeat(64), '9'.repeat(64)]) {
      const out = n.apply(v);
      expect([...out].every((ch, i) => ch !== v[i])).toBe(true);
    }
    // Punctuation carries no nonce: such a token may meet an earlier run's (the state model accepts that answer).
    expect(n.apply('!-~')).toBe('!-~');
  });

  it('two draws give two nonces', () => {
    expect(drawNonceTag()).not.toBe(drawNonceTag());
    expect(drawNonceTag()).toMatch(/^[0-9a-z]{8}$/);
  });

  it('rewrites a JSON string literal in place, escapes kept as escapes', () => {
    const n = runNonce('k');
    const literal = '"a\\u0062\\n\\u00e9C\\"9"';
    const out = applyToLiteral(literal, n);
    expect(JSON.parse(out)).toBe(n.apply(JSON.parse(literal) as string));
    expect(out).toMatch(/^"[a-z]\\u006[0-9a-f]\\n\\u00e9[A-Z]\\"[0-9]"$/);
  });
});

const nonce = runNonce('q1w2e3r4');
const binding: Binding = { ...emptyBinding(), nonce };
binding.serviceIds.set('srv-http', 'srv-realrealreal0001');
binding.serviceNames.set('svc-main', 'cf-q1w2e3r4-svc');

const cloudMapCase = (input: Record<string, unknown>, rawBody?: string): Case => ({
  operation: 'RegisterInstance', kind: 'valid', input, breaks: [], exercises: [], context: { cloudMap: { serviceId: 'srv-http', service: { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: false } } },
  ...(rawBody === undefined ? {} : { rawBody }),
});
const protonCase = (input: Record<string, unknown>, rawBody?: string): Case => ({
  operation: 'CreateServiceInstance', kind: 'valid', input, breaks: [], exercises: [], context: { proton: { serviceName: 'svc-main', serviceExists: true } },
  ...(rawBody === undefined ? {} : { rawBody }),
});

describe('bindCase with a nonce', () => {
  it('puts it into InstanceId / CreatorRequestId and name / clientToken, nothing else', () => {
    const c = cloudMapCase({ ServiceId: 'srv-http', InstanceId: 'i-1', CreatorRequestId: 'tok', Attributes: { a: 'b' } });
    const sent = bindCase(c, binding).input as Record<string, unknown>;
    expect(sent).toEqual({ ServiceId: 'srv-realrealreal0001', InstanceId: nonce.apply('i-1'), CreatorRequestId: nonce.apply('tok'), Attributes: { a: 'b' } });
    const p = bindCase(protonCase({ serviceName: 'svc-main', name: 'A', clientToken: 'x'.repeat(64), spec: 'abc', templateMajorVersion: '0' }), binding).input as Record<string, unknown>;
    expect(p).toMatchObject({ serviceName: 'cf-q1w2e3r4-svc', name: nonce.apply('A'), spec: 'abc', templateMajorVersion: '0' });
    expect(p.clientToken).toHaveLength(64);
  });

  it('keeps every boundary verdict of the generated cases (the oracle judges the sent case alike)', () => {
    const values = ['', 'a', 'A'.repeat(64), 'A'.repeat(65), 'a b', 'é', '-a', 'a_-9', '0'];
    for (const v of values) {
      for (const c of [cloudMapCase({ ServiceId: 'srv-http', InstanceId: v, CreatorRequestId: v, Attributes: {} }),
        protonCase({ serviceName: 'svc-main', name: v, clientToken: v, spec: 'a' })]) {
        const before = expectCase(bindCase(c, { ...binding, nonce: undefined }));
        const after = expectCase(bindCase(c, binding));
        expect([after.outcome, after.outcome === 'error' ? after.codes : []]).toEqual([before.outcome, before.outcome === 'error' ? before.codes : []]);
      }
    }
  });

  // Regression: the reported false finding was on a protocol:malformed-json case: raw bodies carry tokens too.
  it('raw bodies: the value of a nonce member gets it, however the body is written; other strings do not', () => {
    const input = { serviceName: 'svc-main', name: 'ab', clientToken: 'tok', spec: 'ab' };
    const raw = '{\n  "serviceName": "svc-main",\n  "name" : "ab",\n  "\\u0063lientToken":"t\\u006fk",\n  "spec": "ab"\n}';
    const sent = bindCase(protonCase(input, raw), binding);
    expect(JSON.parse(sent.rawBody!)).toEqual({ serviceName: 'cf-q1w2e3r4-svc', name: nonce.apply('ab'), clientToken: nonce.apply('tok'), spec: 'ab' });
    expect(sent.rawBody).toContain('\\u0063lientToken');
    expect(sent.input).toEqual(JSON.parse(sent.rawBody!));
    // Malformed: still rewritten where a member's value can be told, and still malformed.
    const broken = bindCase({ ...protonCase(input, '{"name":"ab","clientToken":"tok",}'), kind: 'invalid', breaks: ['protocol:malformed-json'] }, binding);
    expect(broken.rawBody).toBe(`{"name":"${nonce.apply('ab')}","clientToken":"${nonce.apply('tok')}",}`);
  });

  it('what is written masks it back: the seed\'s values and the placeholders', () => {
    const c = protonCase({ serviceName: 'svc-main', name: 'G6', clientToken: 'tok3n', spec: 'a' });
    const sent = bindCase(c, binding);
    const s = sent.input as Record<string, string>;
    const message = `A service instance with the name '${s.name}' already exists in ${s.serviceName}; token ${s.clientToken}`;
    expect(maskText(message, maskPairs(sent, c, binding))).toBe("A service instance with the name 'G6' already exists in svc-main; token tok3n");
    // A short value is only unmasked where quoted: it must not rewrite a word of the sentence.
    expect(maskText('a b', [['a', 'z']])).toBe('a b');
  });
});

describe('state model on a target that keeps state', () => {
  it('a valid raw-body case with a token may meet an earlier run\'s: the mismatch answer is accepted', () => {
    const state = createStateModel({ freshTarget: false });
    const c = protonCase({ serviceName: 'svc-main', name: 'a', clientToken: '!', spec: 'a' }, '{"serviceName":"svc-main","name":"a","clientToken":"!","spec":"a"}');
    const judged = state.judge(c, expectCase(c));
    expect(judged.outcome).toBe('success');
    expect(judged.outcome === 'success' ? judged.alsoAcceptable?.codes : []).toContain('ValidationException');
  });
});
