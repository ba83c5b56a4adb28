import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeResponse, EXCERPT_CHARS, type RawResponse } from '../../src/protocol/decode.ts';

const AMZ = { 'content-type': 'application/x-amz-json-1.1' };
const raw = (status: number, bodyText: string, headers: Record<string, string> = AMZ): RawResponse => ({ status, headers, bodyText, latencyMs: 3 });

describe('decodeResponse (aws-json)', () => {
  it('a 2xx JSON body is the body; no code, no problem', () => {
    const o = decodeResponse(raw(200, '{"OperationId":"op-1"}'));
    expect(o).toEqual({ status: 200, headers: AMZ, latencyMs: 3, body: { OperationId: 'op-1' } });
  });

  it('an error gets its awsJson code, message and class; header names are lower-cased', () => {
    const o = decodeResponse(raw(400, '{"__type":"com.amazonaws.servicediscovery#InvalidInput","Message":"1 validation error detected"}', { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amzn-RequestId': 'r-1' }));
    expect(o).toMatchObject({ status: 400, code: 'InvalidInput', message: '1 validation error detected', errorClass: 'validation' });
    expect(o.headers).toEqual({ 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'r-1' });
    expect(o.body).toEqual({ __type: 'com.amazonaws.servicediscovery#InvalidInput', Message: '1 validation error detected' });
  });

  it('keeps the error body (DuplicateRequest carries DuplicateOperationId)', () => {
    const o = decodeResponse(raw(409, '{"__type":"DuplicateRequest","Message":"m","DuplicateOperationId":"op-9"}'));
    expect(o).toMatchObject({ code: 'DuplicateRequest', errorClass: 'conflict', body: { DuplicateOperationId: 'op-9' } });
  });

  it('accepts content-type parameters and application/json', () => {
    expect(decodeResponse(raw(200, '{}', { 'content-type': 'application/x-amz-json-1.0; charset=UTF-8' })).bodyProblem).toBeUndefined();
    expect(decodeResponse(raw(200, '{}', { 'content-type': 'application/json' })).bodyProblem).toBeUndefined();
    expect(decodeResponse(raw(200, '{}', {})).bodyProblem).toBeUndefined();
  });

  it.each([
    ['empty', 500, '', {}],
    ['html', 502, '<html><body>Bad Gateway</body></html>', { 'content-type': 'text/html' }],
    ['html', 200, '  <!DOCTYPE html><p>hi', AMZ],
    ['html', 500, 'Internal error', { 'content-type': 'text/html; charset=utf-8' }],
    ['truncated', 200, '{"OperationId":"op-1', AMZ],
    ['truncated', 200, '{"a":{"b":[1,2', AMZ],
    ['truncated', 200, '[{"a":1},', AMZ],
    ['non-json', 200, 'OK', AMZ],
    ['non-json', 200, '{"a" 1}', AMZ],
    ['non-json', 200, '{"a":1}}', AMZ],
    ['non-json', 500, '\u0000\u00ff\u0001garbage', { 'content-type': 'application/octet-stream' }],
  ] as const)('%s: status %i %j', (problem, status, text, headers) => {
    const o = decodeResponse(raw(status, text, headers));
    expect(o.bodyProblem).toBe(problem);
    expect(o.bodyExcerpt).toBe(text.slice(0, EXCERPT_CHARS));
    expect(o.status).toBe(status);
    expect(o.body).toBeUndefined();
  });

  // Issue 9 §1: the AWS SDKs parse the body whatever the Content-Type says (an emulator answers JSON as
  // text/html): a body that parses is decoded as usual; the header is the protocol checks' business.
  it.each([
    ['text/html; charset=utf-8'], ['text/plain'], ['application/octet-stream'],
  ])('JSON under Content-Type %s is decoded, not a body problem', (contentType) => {
    const ok = decodeResponse(raw(200, '{"OperationId":"x"}', { 'content-type': contentType }));
    expect(ok.bodyProblem).toBeUndefined();
    expect(ok.bodyExcerpt).toBeUndefined();
    expect(ok.body).toEqual({ OperationId: 'x' });
    const error = decodeResponse(raw(400, '{"__type":"InvalidInput","Message":"m"}', { 'content-type': contentType }));
    expect(error).toMatchObject({ code: 'InvalidInput', message: 'm', errorClass: 'validation' });
    expect(error.bodyProblem).toBeUndefined();
  });

  it('HTML under text/html is still unreadable (a server error), JSON under it is not', () => {
    const page = decodeResponse(raw(500, '<html><body>oops</body></html>', { 'content-type': 'text/html; charset=utf-8' }));
    expect(page.bodyProblem).toBe('html');
  });

  it('marks outcomes decoded through another profile than aws-json (protocol checks judge only awsJson)', () => {
    expect(decodeResponse(raw(200, '{"success":true,"data":{}}'), 'envelope').profile).toBe('envelope');
    expect(decodeResponse(raw(200, '{}')).profile).toBeUndefined();
  });

  it('an unparseable error body still yields the header code and the server class', () => {
    const o = decodeResponse(raw(503, '<html>down</html>', { 'content-type': 'text/html', 'x-amzn-errortype': 'ServiceUnavailable' }));
    expect(o).toMatchObject({ code: 'ServiceUnavailable', errorClass: 'server', bodyProblem: 'html' });
  });

  it('excerpts are at most 512 characters', () => {
    const o = decodeResponse(raw(200, 'x'.repeat(10_000)));
    expect(o.bodyExcerpt).toHaveLength(512);
  });

  it('never throws; excerpts stay bounded; header names come out lower-case', () => {
    const body = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 2000 }),
      fc.json().map((j) => j.slice(0, Math.max(0, j.length - 3))),
      fc.json(),
      fc.constantFrom('', '<', '{', '[', '"', '{"__type":', '{"code":null}', '{"code":{}}', '{"__type":"a#b:c"}', 'null'),
    );
    const headers = fc.dictionary(fc.string({ minLength: 1, maxLength: 20 }), fc.string({ maxLength: 40 }), { maxKeys: 5 });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999 }), headers, body, fc.constantFrom('aws-json', 'envelope'), (status, h, text, profile) => {
        const o = decodeResponse({ status, headers: h, bodyText: text, latencyMs: 1, operation: 'RegisterInstance' }, profile);
        expect(o.status).toBe(status);
        if (o.bodyExcerpt !== undefined) expect(o.bodyExcerpt.length).toBeLessThanOrEqual(EXCERPT_CHARS);
        for (const name of Object.keys(o.headers)) expect(name).toBe(name.toLowerCase());
      }),
    );
  });

  it('a profile that throws cannot break decoding', () => {
    const o = decodeResponse(raw(400, '{"a":1}'), { name: 'broken', interpret: () => { throw new Error('bug'); } });
    expect(o).toEqual({ status: 400, headers: AMZ, latencyMs: 3, body: { a: 1 }, profile: 'broken' });
  });
});

describe('JSON nested past the limit: the bracket count only skips walks that cannot find it', () => {
  // Nesting around the limit (MAX_JSON_DEPTH = 100), arrays and objects mixed, with brackets inside strings and
  // siblings that add brackets without depth: flagged exactly when the walk of the parsed value finds it.
  const nested = fc.record({
    depth: fc.integer({ min: 90, max: 104 }),
    kinds: fc.array(fc.boolean(), { minLength: 104, maxLength: 104 }),
    noise: fc.array(fc.constantFrom('"[[{{"', '[]', '{}', '"x"', '1'), { maxLength: 30 }),
  }).map(({ depth, kinds, noise }) => {
    let text = JSON.stringify(noise.join(''));
    for (let i = 0; i < depth; i++) text = kinds[i] ? `[${text}${i < noise.length ? `,${noise[i]}` : ''}]` : `{"k":${text}}`;
    return text;
  });
  const deeper = (v: unknown, limit: number): boolean =>
    v !== null && typeof v === 'object' && (limit <= 0 || Object.values(v).some((c) => deeper(c, limit - 1)));
  it('too-deep iff some value sits more than 100 containers deep', () => {
    fc.assert(fc.property(nested, (text) => {
      const o = decodeResponse({ status: 200, headers: { 'content-type': 'application/x-amz-json-1.1' }, bodyText: text, latencyMs: 1 });
      expect(o.bodyProblem === 'too-deep').toBe(deeper(JSON.parse(text), 100));
    }), { numRuns: 300 });
  });
});
