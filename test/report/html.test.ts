// report.html (issue 12 §1): a self-contained page whose every value from a target is escaped. A target's answer
// is untrusted input: markup planted in a message, a code or a payload must come out as text, never as an element.
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import { fold, htmlView } from '../../src/report/htmlView.ts';
import type { Report, WireExchange } from '../../src/report/types.ts';
import { discrepancy, reportOf, wrongCode } from './reports.ts';

const HOSTILE = `</textarea></script><script>window.__pwned=1</script><!-- " onmouseover="alert(1)" ' x='<img src=x onerror=alert(2)>`;

function reportWith(text: string): Report {
  const r = reportOf([
    discrepancy({ constraint: `InstanceId#pattern${text}`, request: { ServiceId: 'srv-x', InstanceId: text } }),
    wrongCode('InstanceId#length', 'ValidationException', { actual: { status: 400, code: `ValidationException${text}`, message: `bad ${text}` }, detail: text }),
    discrepancy({ kind: 'idempotency', constraint: 'idempotency:token-replay', severity: 'warning', request: { steps: [
      { call: { service: 'servicediscovery', operation: 'RegisterInstance', input: { InstanceId: text } }, outcome: { status: 400, code: 'InvalidInput', message: text } },
    ] } }),
  ], { target: `http://127.0.0.1:1/${text}` });
  r.coverage = { RegisterInstance: { 'InstanceId#length': { valid: 4, invalid: 3 }, [`x${text}`]: { valid: 1, invalid: 0 } } };
  return r;
}

/** The page's element structure: every tag name in order (attributes and text left out). */
const tags = (html: string): string[] => [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[0]);

describe('report.html', () => {
  it('renders values planted by a target as text: no injected element, comment or attribute', () => {
    const hostile = renderHtml(reportWith(HOSTILE));
    const plain = renderHtml(reportWith('plain'));
    expect(hostile).toContain('&lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;');
    // The same elements, in the same order, as with a harmless value: nothing was added by the planted text.
    expect(tags(hostile)).toEqual(tags(plain));
    expect(hostile.match(/<script/g)).toHaveLength(1);
    expect(hostile).not.toContain('<!--');
    expect(hostile).not.toContain('</textarea>');
    // Quotes are escaped too: the planted handler stays inside the attribute value it was put in, as text.
    expect(hostile).not.toMatch(/" onmouseover=|<img/);
    expect(hostile).toContain('&quot; onmouseover=&quot;');
  });

  it('asks no host for anything: inline style and script only, and a policy that forbids any request', () => {
    const html = renderHtml(reportWith('plain'));
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|\ssrc=|@import|url\(/);
    expect(html).toMatch(/Content-Security-Policy" content="default-src &#39;none&#39;|Content-Security-Policy" content="default-src 'none'/);
  });

  it('shows the header, the matrix cell of a failing constraint as a finding, root causes most severe first', () => {
    const r = reportWith('plain');
    const view = htmlView(r);
    expect(view.verdict).toBe('FAIL');
    const row = view.matrix[0]!.rows.find((x) => x.constraint === 'InstanceId#length')!;
    expect(row.invalid.state).toBe('finding');
    expect(row.invalid.severity).toBe('error');
    expect(row.valid.state).toBe('expected');
    expect(view.matrix[0]!.rows.find((x) => x.constraint === 'xplain')!.invalid.state).toBe('unexercised');
    expect(view.causes.map((c) => c.cause.severity)).toEqual([...view.causes.map((c) => c.cause.severity)].sort((a, b) => ['error', 'warning', 'info'].indexOf(a) - ['error', 'warning', 'info'].indexOf(b)));
    expect(view.scenarios[0]!.steps[0]!.answer).toContain('InvalidInput');
    const html = renderHtml(r);
    for (const s of ['seed', 'strictness', 'fail-on', 'contract-fuzz run --target http://127.0.0.1:1/plain']) expect(html).toContain(s);
    expect(html.match(/<details class="rc"/g)).toHaveLength(r.findings.length);
  });

  it('--diff: reference and candidate side by side, the cells where they part marked on both sides', () => {
    const r = reportWith('plain');
    r.run.diff = 'http://127.0.0.1:2';
    const html = renderHtml(r);
    const row = html.match(/<tr data-constraint="InstanceId#length">[\s\S]*?<\/tr>/)![0];
    expect(html).toContain('candidate http://127.0.0.1:2');
    expect(row.match(/<td class="cell [^"]*\bparts\b/g)).toHaveLength(2);
    expect(row).toMatch(/data-side="reference" data-column="invalid"/);
    expect(row.match(/<td /g)).toHaveLength(4);
  });

  it('the header says what the filters left out and how the run was bounded; a run stopped early is never PASS', () => {
    const r = reportOf([]);
    expect(renderHtml(r)).not.toContain('id="filtered"');
    r.run.filters = { include: ['InstanceId*'], exclude: ['rule:*'], excluded: { RegisterInstance: { count: 2, ids: ['ServiceId#length', 'rule:x'] } } };
    r.run.stoppedEarly = { reason: 'max-findings', maxFindings: 1, findings: 1 };
    const html = renderHtml(r);
    expect(html).toContain('<dd id="filtered">--include InstanceId* --exclude rule:*: <details><summary>RegisterInstance: 2 id(s) not generated</summary>ServiceId#length, rule:x</details>');
    expect(html).toMatch(/<dd id="notes">STOPPED EARLY: --max-findings 1 reached/);
    expect(htmlView(r).verdict).toBe('FAIL');
  });

  it('the wire exchange: request and answer as text, planted markup escaped, a long body folded, no answer said so', () => {
    const wire = (response: WireExchange['response'], failure?: string): WireExchange => ({
      request: { method: 'POST', path: '/', headers: { authorization: '<scrubbed>', 'x-amz-target': `T${HOSTILE}` }, body: `{"InstanceId":"${HOSTILE}"}`, bodyLength: 40 },
      ...(response ? { response } : {}), ...(failure ? { failure } : {}),
    });
    const r = reportOf([
      discrepancy({ wire: wire({ status: 200, headers: { 'x-planted': HOSTILE }, body: `${HOSTILE}${'b'.repeat(9_000)}`.slice(0, 8_192), bodyLength: 20_000 }) }),
      discrepancy({ kind: 'transport', constraint: 'InstanceId#length', actual: { status: 0 }, wire: wire(undefined, 'no response: timeout (no complete response within 30000 ms)') }),
    ]);
    const html = renderHtml(r);
    const plain = renderHtml(reportOf([discrepancy({ wire: wire({ status: 200, headers: { 'x-planted': 'p' }, body: 'b'.repeat(8_192), bodyLength: 20_000 }) }),
      discrepancy({ kind: 'transport', constraint: 'InstanceId#length', actual: { status: 0 }, wire: wire(undefined, 'no response: timeout') })]));
    expect(tags(html)).toEqual(tags(plain));
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).not.toContain('</textarea>');
    expect(html).toContain('x-planted: &lt;/textarea&gt;&lt;/script&gt;&lt;script&gt;');
    expect(html).toContain('authorization: &lt;scrubbed&gt;');
    expect(html).toMatch(/<div class="wire-response"><pre class="head">← HTTP 200\nx-planted: [^<]*<\/pre><pre>[^<]*<\/pre><details><summary>the rest \(8192 characters in all\)<\/summary>/);
    expect(html).toContain('<p class="note">the first 8192 of 20000 characters were kept</p>');
    expect(html).toContain('← no response: timeout (no complete response within 30000 ms)</pre>');
  });

  it('says INTERRUPTED for a stopped run, whatever it found', () => {
    expect(htmlView(reportOf([], { interrupted: true })).verdict).toBe('INTERRUPTED');
    expect(htmlView(reportOf([])).verdict).toBe('PASS');
  });

  it('folds long bodies and cuts what would make the page too big to attach', () => {
    const f = fold('y'.repeat(60_000));
    expect(f.head.length).toBeLessThan(2_000);
    expect(f.rest!.length).toBeLessThan(20_000);
    expect(f.length).toBe(60_000);
  });
  it('the header reproduces the run with every option that shaped it, as the run recorded it (profile, region, ids)', () => {
    const r: Report = reportOf([discrepancy()]);
    const recorded = 'npx contract-fuzz run --target http://127.0.0.1:4566 --profile envelope --region eu-west-1 --operation RegisterInstance --seed 5';
    expect(htmlView({ ...r, run: { ...r.run, reproduce: recorded } }).rerun).toBe(recorded);
    expect(renderHtml({ ...r, run: { ...r.run, reproduce: recorded } })).toContain('--profile envelope --region eu-west-1');
    // A report from before the field: the command is made from what the report says.
    expect(htmlView(r).rerun).toMatch(/^contract-fuzz run --target /);
  });
});
