// Issue 12 §1: each root cause expands to "the exchange as it went over the wire (secrets scrubbed, long bodies
// folded)". report.json keeps the representative (shrunk) case's exchange: request line, headers and body as
// sent; status, headers and raw body text as received; secrets scrubbed, bodies capped, volatile headers stable.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HttpResponse } from 'msw';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import type { Report } from '../../src/report/types.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import type { Group } from '../../src/run/runner.ts';
import { groupWire, reportWire, VARIES, WIRE_BODY_MAX } from '../../src/run/wire.ts';
import { createScrubber, SCRUBBED } from '../../src/targets/scrub.ts';
import { DEVIATIONS, startFaultyTarget, type Deviation } from '../support/faultyTarget.ts';

const TOKEN = 'IQoJb3JpZ2luX2VjEHwaCXVzLWVhc3QtMSJHMEUCIQDxSessionTokenForTests0123456789';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const HOSTILE = `</textarea></script><script>window.__pwned=1</script><!-- " onmouseover="x" '>`;

describe('reportWire', () => {
  const scrubber = createScrubber([SECRET, TOKEN]);
  const signed = {
    method: 'POST' as const, path: '/',
    headers: {
      Host: '127.0.0.1:4566', 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Route53AutoNaming_v20170314.RegisterInstance',
      'X-Amz-Date': '20261201T232900Z', 'X-Amz-Security-Token': TOKEN,
      Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261201/us-east-1/servicediscovery/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123456789abcdef0123456789abcdef',
    },
    body: JSON.stringify({ ServiceId: 'srv-realid12345678', InstanceId: 'cf-abcd1234-i' }),
  };

  it('scrubs the signature, the date and the token by header name, and secrets in any form in a body', () => {
    const echoed = JSON.stringify({ Message: `you sent ${signed.headers.Authorization} with ${Buffer.from(SECRET).toString('base64')}`, token: TOKEN.slice(0, 30) });
    const w = reportWire({ request: signed, response: { status: 400, headers: { 'x-echo': `token=${TOKEN}`, 'content-type': 'application/x-amz-json-1.1' }, bodyText: echoed } }, { scrubber, pairs: [] });
    expect(w.request.headers).toMatchObject({ authorization: SCRUBBED, 'x-amz-date': SCRUBBED, 'x-amz-security-token': SCRUBBED, 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' });
    const text = JSON.stringify(w);
    for (const leak of [SECRET, TOKEN.slice(0, 20), Buffer.from(SECRET).toString('base64').slice(0, 20), 'AKIDEXAMPLE', 'Signature=0123', '20261201T232900Z']) expect(text).not.toContain(leak);
    expect(w.response!.status).toBe(400);
    expect(w.response!.body).toContain('you sent');
  });

  it('keeps the body as sent and received, cut at 8 KiB with its length; volatile headers and the masked ids stable', () => {
    const long = `{"Message":"${'x'.repeat(20_000)}"}`;
    const w = reportWire({ request: signed, response: { status: 200, headers: { date: 'Tue, 01 Dec 2026 23:29:00 GMT', 'x-amzn-requestid': 'abc', 'x-planted': HOSTILE }, bodyText: long } },
      { scrubber, pairs: [['srv-realid12345678', 'srv-placeholder'], ['abcd1234', 'RUN']], hostAs: '<builtin emulator>' });
    expect(JSON.parse(w.request.body)).toEqual({ ServiceId: 'srv-placeholder', InstanceId: 'cf-RUN-i' });
    expect(w.request.headers.host).toBe('<builtin emulator>');
    expect(w.response!.headers).toEqual({ date: VARIES, 'x-amzn-requestid': VARIES, 'x-planted': HOSTILE });
    expect(w.response!.body.length).toBe(WIRE_BODY_MAX);
    expect(w.response!.bodyLength).toBe(long.length);
    // Not cut: the length is the body's own (masking shortened it, nothing was left out).
    expect(w.request.bodyLength).toBe(w.request.body.length);
  });

  // Regression (test/run/rerun.test.ts): the nonce turned the name "a" into "h" on one run and "n" on the next, and the
  // target's ARN named it unquoted: two runs with one seed wrote different report.json files.
  it('a short value the nonce changed is masked where it is a whole ARN segment, not inside words', () => {
    const body = JSON.stringify({ serviceInstance: { name: 'h', arn: 'arn:aws:proton:us-east-1:1:service/svc/service-instance/h', note: 'hh h-x /hx' } });
    const w = reportWire({ request: { ...signed, body: '{"name":"h"}' }, response: { status: 200, headers: {}, bodyText: body } }, { scrubber, pairs: [['h', 'a']] });
    expect(JSON.parse(w.response!.body)).toEqual({ serviceInstance: { name: 'a', arn: 'arn:aws:proton:us-east-1:1:service/svc/service-instance/a', note: 'hh h-x /hx' } });
    expect(w.request.body).toBe('{"name":"a"}');
  });

  it('a transport failure: the request, and why no response came', () => {
    const g = { wire: { request: signed }, discrepancy: { kind: 'transport', detail: 'no response (timeout)', actual: { status: 0 } } } as unknown as Group;
    expect(groupWire(g, { scrubber, pairs: [] }).wire).toMatchObject({ failure: 'no response (timeout)', request: { method: 'POST' } });
    expect(groupWire(g, { scrubber, pairs: [] }).wire!.response).toBeUndefined();
  });
});

/** InstanceId over 64 accepted; every answer carries the request's Authorization echoed in a header and planted markup. */
const echoing = (): Deviation => {
  const tooLong = DEVIATIONS['instance-id-too-long-accepted']();
  return async (x) => {
    const r = await tooLong(x);
    const headers = new Headers(r.headers);
    headers.set('x-echo-authorization', x.headers.authorization ?? '');
    headers.set('x-planted', HOSTILE);
    const text = await r.text();
    const body = r.status === 200 && x.operation === 'RegisterInstance' ? JSON.stringify({ ...JSON.parse(text) as object, Note: HOSTILE, Padding: 'p'.repeat(3_000) }) : text;
    return new HttpResponse(body, { status: r.status, headers });
  };
};

describe('a run against a target: every finding keeps its exchange as it went over the wire', () => {
  let work: string;
  let report: Report;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cf-wire-'));
    const faulty = await startFaultyTarget(echoing());
    try {
      const options = parseRunOptions(['--target', faulty.url, '--operation', 'RegisterInstance', '--seed', '7', '--runs', '5', '--shrink-requests', '20',
        '--no-fixtures', '--no-scenarios', '--quiet', '--report-dir', join(work, 'reports')]);
      ({ report } = await executeRun(options, new AbortController().signal, { write: () => undefined, writeErr: () => undefined, isTTY: false }));
    } finally {
      await faulty.close();
    }
  }, 180_000);
  afterAll(async () => { await rm(work, { recursive: true, force: true }); });

  it('report.json: the shrunk request as sent (scrubbed) and the raw answer', async () => {
    const onDisk = JSON.parse(await readFile(join(work, 'reports', 'report.json'), 'utf8')) as Report;
    const accepted = onDisk.findings.find((c) => c.kind === 'accepted-invalid' && c.example.constraint === 'InstanceId#length')!;
    const w = accepted.example.wire!;
    expect(w, 'the root cause carries its example\'s wire exchange').toBeDefined();
    expect(w.request.method).toBe('POST');
    expect(w.request.path).toBe('/');
    expect(w.request.headers).toMatchObject({ authorization: SCRUBBED, 'x-amz-date': SCRUBBED, 'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance' });
    expect(w.request.headers['content-type']).toMatch(/^application\/x-amz-json-1\.1/);
    // The body as sent is the shrunk request the report shows (masked alike).
    expect(JSON.parse(w.request.body)).toEqual(accepted.example.request);
    expect(w.response!.status).toBe(200);
    expect(w.response!.headers['x-planted']).toBe(HOSTILE);
    expect(w.response!.headers['x-echo-authorization']).toBe(SCRUBBED);
    expect(w.response!.body).toContain('"Note"');
    expect(w.response!.bodyLength).toBeGreaterThan(3_000);
    // Every discrepancy (the per-constraint groups) has its own.
    for (const d of onDisk.discrepancies) expect(d.wire, `${d.kind} ${d.constraint}`).toBeDefined();
    const text = await readFile(join(work, 'reports', 'report.json'), 'utf8');
    expect(text).not.toMatch(/AWS4-HMAC-SHA256|Credential=AKID|AKIDEXAMPLE|Signature=[0-9a-f]|contract-fuzz-fake-secret/);
  });

  it('summary.md says the answer in one short line', async () => {
    const md = await readFile(join(work, 'reports', 'summary.md'), 'utf8');
    expect(md).toMatch(/ {2}- answer: `+ ?HTTP 200 \{"OperationId":"fake-[0-9a-f]+","Note":/);
    expect(md).not.toMatch(/p{201}/);
  });

  it('report.html shows it in the expanded root cause, long bodies folded, every target-sent value escaped', async () => {
    const html = await readFile(join(work, 'reports', 'report.html'), 'utf8');
    expect(html).toBe(renderHtml(report));
    const accepted = report.findings.find((c) => c.kind === 'accepted-invalid' && c.example.constraint === 'InstanceId#length')!;
    const row = html.slice(html.indexOf(`id="rc-${accepted.id}"`), html.indexOf('</details>\n', html.indexOf(`id="rc-${accepted.id}"`)));
    const exchange = row.slice(row.indexOf('<div class="exchange">'));
    expect(exchange).toContain('→ POST /');
    expect(exchange).toContain('authorization: &lt;scrubbed&gt;');
    expect(exchange).toContain('← HTTP 200');
    expect(exchange).toContain('x-planted: &lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    // The answer's body is over the fold: its first part shown, the rest in a <details>.
    expect(exchange).toMatch(/<div class="wire-response">[\s\S]*<details><summary>the rest \(\d+ characters in all\)<\/summary>/);
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('</textarea>');
    expect(html).not.toContain('<!--');
  });
});
