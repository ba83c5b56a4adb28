// Issue 12 §1: "for `--diff`, reference and candidate side by side, with the cells where they part coloured".
// A --diff run's report.json says, per constraint and column, what each target did (diffCoverage); report.html's
// matrix shows both sides of each column, agreed cells green, parted cells coloured on both sides.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.ts';
import { htmlView } from '../../src/report/htmlView.ts';
import type { Report } from '../../src/report/types.ts';
import { mergeReports } from '../../src/run/merge.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { SCRUBBED } from '../../src/targets/scrub.ts';
import { startFaultyTarget } from '../support/faultyTarget.ts';

/** The cells of one matrix row of the page: side, column, state and text. */
function rowCells(html: string, operation: string, constraint: string): { side: string; column: string; state: string; cls: string; text: string }[] {
  const table = html.slice(html.indexOf(`<table class="matrix" data-operation="${operation}">`));
  const row = table.match(new RegExp(`<tr data-constraint="${constraint.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}">([\\s\\S]*?)</tr>`))![1]!;
  return [...row.matchAll(/<td class="([^"]*)" data-side="(\w+)" data-column="(\w+)" data-state="(\w+)"[^>]*>([^<]*)<\/td>/g)]
    .map((m) => ({ cls: m[1]!, side: m[2]!, column: m[3]!, state: m[4]!, text: m[5]! }));
}

describe('--diff: the matrix side by side', () => {
  let work: string;
  let report: Report;
  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'cf-diff-matrix-'));
    const faulty = await startFaultyTarget('instance-id-too-long-accepted');
    try {
      const options = parseRunOptions(['--target', 'builtin', '--diff', faulty.url, '--operation', 'RegisterInstance', '--seed', '7', '--runs', '5',
        '--shrink-requests', '20', '--no-fixtures', '--no-scenarios', '--quiet', '--report-dir', join(work, 'reports')]);
      ({ report } = await executeRun(options, new AbortController().signal, { write: () => undefined, writeErr: () => undefined, isTTY: false }));
    } finally {
      await faulty.close();
    }
  }, 180_000);
  afterAll(async () => { await rm(work, { recursive: true, force: true }); });

  it('report.json says what each side did per constraint, and where they parted', () => {
    const table = report.diffCoverage!.RegisterInstance!;
    const length = table['InstanceId#length']!;
    expect(length.invalid.reference.refused).toBeGreaterThan(0);
    expect(length.invalid.candidate.accepted).toBeGreaterThan(0);
    expect(length.invalid.parted).toBe(length.invalid.candidate.accepted);
    expect(length.valid.parted).toBe(0);
    expect(length.valid.reference.accepted).toBe(length.valid.candidate.accepted);
    // Every exercised id has a row, with the same case counts as the coverage table.
    for (const [id, c] of Object.entries(report.coverage.RegisterInstance!)) {
      const d = table[id];
      const sum = (s: { accepted: number; refused: number; none: number }) => s.accepted + s.refused + s.none;
      expect(d ? sum(d.invalid.reference) : 0, id).toBe(c.invalid);
      expect(d ? sum(d.valid.candidate) : 0, id).toBe(c.valid);
    }
    const parted = Object.entries(table).filter(([, r]) => r.valid.parted + r.invalid.parted > 0).map(([id]) => id);
    expect(parted).toEqual(['InstanceId#length']);
  });

  it('report.html: per constraint the reference\'s and the candidate\'s cells side by side, parted ones coloured', async () => {
    const html = await readFile(join(work, 'reports', 'report.html'), 'utf8');
    expect(html).toContain('<th>reference</th><th>candidate</th><th>reference</th><th>candidate</th>');
    const length = rowCells(html, 'RegisterInstance', 'InstanceId#length');
    expect(length.map((c) => `${c.column} ${c.side} ${c.state}`)).toEqual([
      'valid reference agreed', 'valid candidate agreed', 'invalid reference parted', 'invalid candidate parted',
    ]);
    const [validRef, , invalidRef, invalidCand] = length;
    expect(validRef!.cls).toContain('expected');
    expect(invalidRef!.text).toMatch(/^\d+ refused$/);
    expect(invalidCand!.text).toMatch(/^\d+ accepted · \d+ ≠$/);
    expect(invalidCand!.cls).toMatch(/\bfinding\b.*\bparts\b.*\bfs-error\b/);
    expect(invalidRef!.cls).toMatch(/\bparted parts\b/);
    // A row where they agree: no cell coloured as parted.
    const pattern = rowCells(html, 'RegisterInstance', 'InstanceId#pattern');
    expect(pattern.map((c) => c.state)).toEqual(['agreed', 'agreed', 'agreed', 'agreed']);
    expect(pattern.every((c) => !/parts/.test(c.cls))).toBe(true);
  });

  it('the root cause shows both exchanges: the candidate\'s and the reference\'s', () => {
    const cause = report.findings.find((c) => c.kind === 'accepted-invalid')!;
    expect(cause.example.wire!.response!.status).toBe(200);
    expect(cause.example.referenceWire!.response!.status).toBe(400);
    expect(cause.example.referenceWire!.request.headers.host).toBe('<builtin emulator>');
    expect(cause.example.referenceWire!.request.headers.authorization).toBe(SCRUBBED);
    expect(htmlView(report).causes.find((v) => v.cause.id === cause.id)!.wires.map((w) => w.label)).toEqual([`candidate ${report.run.diff}`, 'reference builtin']);
  });

  it('merge adds the shards\' diff tables up', () => {
    const shard = (index: number): Report => ({ ...report, run: { ...report.run, shard: { index, total: 2, options: [], scenarios: [] } } });
    const merged = mergeReports([{ from: 'a', report: shard(1) }, { from: 'b', report: shard(2) }]);
    const one = report.diffCoverage!.RegisterInstance!['InstanceId#length']!.invalid;
    expect(merged.diffCoverage!.RegisterInstance!['InstanceId#length']!.invalid.parted).toBe(2 * one.parted);
    expect(renderHtml(merged)).toContain('data-state="parted"');
  });
});
