// report.html's layout: one eta template (auto-escaping: every `<%= %>` is escaped; `<%~ %>` only ever takes the
// fixed CSS and script below, never a value from a report), with inline CSS and a small inline script. The
// Content-Security-Policy allows only that script (by hash) and no request to any host.
import { createHash } from 'node:crypto';

export const STYLE = `
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.4em}h2{font-size:1.15em;margin-top:1.6em}
.verdict{padding:.1em .5em;border-radius:4px;color:#fff}.v-PASS{background:#2a7d2a}.v-FAIL{background:#b32424}.v-INTERRUPTED{background:#9a6a00}
dl.head{display:grid;grid-template-columns:max-content auto;gap:.2em 1em}dl.head dt{font-weight:600}dl.head dd{margin:0}
table{border-collapse:collapse;margin:.5em 0}th,td{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}
td.cell{text-align:center;min-width:5em}.expected{background:#d9f2d9}.finding{background:#f7c6c6;font-weight:600}.finding.fs-warning{background:#fbe3b4}.finding.fs-info{background:#e4dff5}.unexercised{background:#eee;color:#888}
.parts{outline:3px solid #e07b00;outline-offset:-3px}.parted{background:#fde7cf}
.legend span{display:inline-block;padding:0 .5em;margin-right:.5em;border:1px solid #ccc}
details.rc{border:1px solid #ccc;border-radius:4px;margin:.4em 0;padding:.3em .6em}details.rc[hidden]{display:none}
details.rc>summary{cursor:pointer}.sev-error{color:#b32424;font-weight:600}.sev-warning{color:#9a6a00;font-weight:600}.sev-info{color:#555}
.wire h5{margin:.6em 0 .2em}.wire pre.head{background:#eef2f7;margin-bottom:0}.note{color:#666;font-size:.9em;margin:.2em 0}
pre{background:#f6f6f6;padding:.5em;overflow:auto;max-height:30em;white-space:pre-wrap;word-break:break-all}
code.cmd{background:#f6f6f6;padding:.2em .4em}button.copy{margin-left:.5em}
.filters label{margin-right:1em}
`;

/** Filters (by each row's data attributes) and copy buttons. Static: it reads the page, never a report value. */
export const SCRIPT = `
(function(){
  var selects = document.querySelectorAll('select[data-filter]');
  function apply(){
    var rows = document.querySelectorAll('details.rc'), shown = 0;
    for (var i = 0; i < rows.length; i++) {
      var ok = true;
      for (var j = 0; j < selects.length; j++) {
        var want = selects[j].value, key = selects[j].getAttribute('data-filter');
        if (want && (' ' + rows[i].getAttribute('data-' + key) + ' ').indexOf(' ' + want + ' ') < 0) ok = false;
      }
      rows[i].hidden = !ok; if (ok) shown++;
    }
    var count = document.getElementById('shown'); if (count) count.textContent = String(shown);
  }
  for (var k = 0; k < selects.length; k++) selects[k].addEventListener('change', apply);
  document.addEventListener('click', function(e){
    var b = e.target; if (!b || !b.classList || !b.classList.contains('copy')) return;
    var text = b.previousElementSibling ? b.previousElementSibling.textContent : '';
    function done(){ b.textContent = 'copied'; }
    function fallback(){
      var t = document.createElement('textarea'); t.value = text; document.body.appendChild(t); t.select();
      try { document.execCommand('copy'); done(); } catch (err) { b.textContent = 'select and copy'; }
      document.body.removeChild(t);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback); else fallback();
  });
})();
`;

const SCRIPT_HASH = createHash('sha256').update(SCRIPT).digest('base64');
export const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src data:; form-action 'none'; base-uri 'none'`;

const folded = (v: string): string => `<pre><%= ${v}.head %><% if (${v}.rest !== undefined) { %></pre><details><summary>the rest (<%= ${v}.length %> characters in all)</summary><pre><%= ${v}.rest %><% } %></pre><% if (${v}.rest !== undefined) { %></details><% } %>`;

/** One side of a --diff cell (`d`, column `col`): agreed in green, parted coloured on both sides (the candidate's as its finding). */
const diffTd = (side: 'reference' | 'candidate'): string =>
  `<td class="cell <%= d.state === 'agreed' ? 'expected' : d.state === 'unexercised' ? 'unexercised' : ${side === 'candidate' ? "'finding parts' + (d.severity ? ' fs-' + d.severity : '')" : "'parted parts'"} %>" data-side="${side}" data-column="<%= col %>" data-state="<%= d.state %>" title="${side}: <%= d.${side} %><%= d.parted > 0 ? ' · parted on ' + d.parted + ' case(s)' : '' %>"><%= d.${side} %>${side === 'candidate' ? "<% if (d.parted > 0) { %> · <%= d.parted %> ≠<% } %>" : ''}</td>`;

const cellTd = (cell: string, extra = ''): string =>
  `<td class="cell <%= ${cell}.state %><%= ${cell}.severity ? ' fs-' + ${cell}.severity : '' %>${extra}" data-state="<%= ${cell}.state %>" title="<%= ${cell}.kinds.join(', ') %>"><%= ${cell}.cases %><% if (${cell}.findings > 0) { %> · <%= ${cell}.findings %> ✗<% } %></td>`;

export const TEMPLATE = `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="<%= it.csp %>">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>contract-fuzz <%= it.verdict %>: <%= it.report.run.target %></title>
<style><%~ it.style %></style></head><body>
<% const r = it.report; const run = r.run; const s = r.summary; %>
<h1>contract-fuzz <span class="verdict v-<%= it.verdict %>" id="verdict"><%= it.verdict %></span></h1>
<dl class="head">
<dt>tool</dt><dd><%= r.tool.name %> <%= r.tool.version %></dd>
<dt>target</dt><dd><%= run.target %><% if (run.diff) { %> (reference) vs <%= run.diff %> (candidate)<% } %></dd>
<dt>operations</dt><dd><%= run.operations.join(', ') %></dd>
<dt>seed</dt><dd><%= run.seed %></dd>
<dt>strictness</dt><dd><%= run.strictness %></dd>
<dt>fail-on</dt><dd><%= run.failOn ?? 'error' %></dd>
<dt>duration</dt><dd><%= (run.durationMs / 1000).toFixed(1) %> s</dd>
<dt>cases</dt><dd><%= s.cases %></dd>
<dt>requests</dt><dd><%= s.requests %></dd>
<dt>findings</dt><dd><%= s.findings %> root cause(s), <%= s.gatingFindings %> gating, over <%= s.discrepancies %> discrepancies</dd>
<% if (run.baseline) { %><dt>baseline</dt><dd><%= run.baseline %></dd><% } %>
<% if (it.notes.length > 0) { %><dt>run</dt><dd id="notes"><%= it.notes.join(' · ') %></dd><% } %>
<% if (it.filtered) { %><dt>filtered out</dt><dd id="filtered"><%= it.filtered.patterns %>: <% for (const f of it.filtered.operations) { %><details><summary><%= f.operation %>: <%= f.count %> id(s) not generated</summary><%= f.ids %></details><% } %></dd><% } %>
<dt>reproduce the run</dt><dd><code class="cmd"><%= it.rerun %></code><button class="copy" type="button">copy</button></dd>
</dl>

<h2>Constraints × outcomes</h2>
<p class="legend"><span class="expected"><%= run.diff && r.diffCoverage ? 'agreed' : 'as expected' %></span><span class="finding fs-error">finding: error</span><span class="finding fs-warning">finding: warning</span><span class="finding fs-info">finding: info</span><span class="unexercised">not exercised</span><% if (run.diff) { %><span class="parts">reference and candidate part (≠ cases where they did)</span><% } %> · cases sent · ✗ cases with a discrepancy</p>
<% for (const m of it.matrix) { %>
<h3><%= m.operation %></h3>
<table class="matrix" data-operation="<%= m.operation %>"><thead>
<% if (m.diff) { %><tr><th rowspan="2">constraint or rule</th><th colspan="2">valid cases</th><th colspan="2">violating cases</th></tr><tr><th>reference</th><th>candidate</th><th>reference</th><th>candidate</th></tr>
<% } else if (run.diff) { %><tr><th rowspan="2">constraint or rule</th><th colspan="2">reference <%= run.target %></th><th colspan="2">candidate <%= run.diff %></th></tr><tr><th>valid</th><th>violating</th><th>valid</th><th>violating</th></tr>
<% } else { %><tr><th>constraint or rule</th><th>valid cases</th><th>violating cases</th></tr><% } %>
</thead><tbody>
<% for (const row of m.rows) { %><tr data-constraint="<%= row.constraint %>"><th><%= row.constraint %></th>
<% if (row.diff) { for (const col of ['valid', 'invalid']) { const d = row.diff[col]; %>${diffTd('reference')}${diffTd('candidate')}<% } } else { %>
<% if (run.diff) { %><td class="cell <%= row.valid.cases > 0 ? 'expected' : 'unexercised' %><%= row.valid.state === 'finding' ? ' parts' : '' %>" data-side="reference" data-column="valid"><%= row.valid.cases %></td><td class="cell <%= row.invalid.cases > 0 ? 'expected' : 'unexercised' %><%= row.invalid.state === 'finding' ? ' parts' : '' %>" data-side="reference" data-column="invalid"><%= row.invalid.cases %></td><% } %>
${cellTd('row.valid', `<%= run.diff && row.valid.state === 'finding' ? ' parts' : '' %>" data-column="valid`)}${cellTd('row.invalid', `<%= run.diff && row.invalid.state === 'finding' ? ' parts' : '' %>" data-column="invalid`)}<% } %></tr>
<% } %></tbody></table>
<% } %>

<h2>Root causes (<span id="shown"><%= it.causes.length %></span> of <%= it.causes.length %>)</h2>
<% if (it.causes.length > 0) { %><p class="filters">
<% for (const key of ['operation', 'kind', 'severity', 'confidence']) { %><label><%= key %> <select data-filter="<%= key %>" id="filter-<%= key %>"><option value="">all</option><% for (const v of it.filters[key]) { %><option value="<%= v %>"><%= v %></option><% } %></select></label><% } %>
</p><% } else { %><p>None.</p><% } %>
<% for (const v of it.causes) { const c = v.cause; %>
<details class="rc" id="rc-<%= c.id %>" data-operation="<%= c.operations.join(' ') %>" data-kind="<%= c.kind %>" data-severity="<%= c.severity %>" data-confidence="<%= c.confidence %>">
<summary><span class="sev-<%= c.severity %>"><%= c.severity %></span> · <%= c.confidence %> · <%= c.kind %>: <%= c.signature %> ×<%= c.count %><%= c.gating ? ' (gating)' : c.baselined ? ' (baselined)' : '' %> <small><%= c.id %></small></summary>
<h4>Minimal request (<%= c.example.operation %>, <%= c.example.constraint %>)</h4>
<div class="request">${folded('v.request')}</div>
<h4>Exchange as it went over the wire (scrubbed)</h4>
<div class="exchange"><% if (v.wires.length === 0) { %>${folded('v.exchange')}<% } %>
<% for (const w of v.wires) { %><div class="wire"><h5><%= w.label %></h5>
<div class="wire-request"><pre class="head">→ <%= w.requestHead %></pre>${folded('w.requestBody')}<% if (w.requestCut) { %><p class="note"><%= w.requestCut %></p><% } %></div>
<div class="wire-response"><pre class="head">← <%= w.responseHead %></pre><% if (w.responseBody) { %>${folded('w.responseBody')}<% } %><% if (w.responseCut) { %><p class="note"><%= w.responseCut %></p><% } %></div>
</div><% } %></div>
<h4>Expectation</h4>
<p>Expected <%= c.expectedCodes.length ? c.expectedCodes.join(' / ') : 'success' %> · source: <%= c.source %> · confidence <%= c.confidence %> · severity <%= c.severity %></p>
<p><%= c.detail %></p>
<h4>Seen on</h4>
<ul><% for (const o of c.seenOn) { %><li><%= o.operation %> <code><%= o.constraint %></code> ×<%= o.count %><%= o.baselined ? ' (baselined)' : '' %></li><% } %>
<% for (const q of c.consequences) { %><li>consequence: <%= q.operation %> <%= q.kind %> <code><%= q.constraint %></code></li><% } %></ul>
<h4>Reproduce</h4>
<p><code class="cmd reproduce"><%= c.reproduce %></code><button class="copy" type="button">copy</button></p>
</details>
<% } %>

<% if (it.scenarios.length > 0) { %><h2>Scenario failures</h2>
<% for (const sc of it.scenarios) { const f = sc.finding; %>
<section class="scenario"><h3><%= f.operation %> <%= f.kind %> <code><%= f.constraint %></code> (<%= f.severity %>)</h3>
<p><%= f.detail %></p>
<ol><% for (const st of sc.steps) { %><li><code><%= st.call %></code> → <%= st.answer %></li><% } %></ol>
<p><code class="cmd"><%= f.reproduce %></code><button class="copy" type="button">copy</button></p></section>
<% } %><% } %>
<% if (r.fixed.length > 0) { %><p>Fixed since the baseline: <%= r.fixed.join(', ') %></p><% } %>
<% if (r.notExercised && r.notExercised.length > 0) { %><p>Not exercised by this run: <%= r.notExercised.join(', ') %></p><% } %>
<script><%~ it.script %></script>
</body></html>
`;
