// Issue 10 §6, regression fixtures of another service: a `run --model FILE` finding writes a fixture that names its
// model (path from the fixture's folder and sha256); `replay` reads that model and reproduces the finding against
// the target. A missing or changed model is one line and exit 2. On main such a fixture named no model, replay
// refused its operation (exit 2), and the finding's reproduce command was a rerun.
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useModel } from '../../src/model/load.ts';
import { readModelFile } from '../../src/model/modelFile.ts';
import { argvOf, cli } from '../support/cli.ts';
import { startWidgetsTarget, WIDGETS_WITH_DELETE, type WidgetsTarget } from '../support/statefulWidgets.ts';
import { WIDGETS, writeWidgets } from '../support/widgetsModel.ts';

interface Discrepancy { kind: string; constraint: string; fixture?: string; expected: { outcome: string } }
interface Report { discrepancies: Discrepancy[]; findings: Array<{ kind: string; reproduce: string }> }

let work: string;
let model: string;
let target: WidgetsTarget;
/** The fault: a CreateWidget whose Size is above the model's 10 is accepted. */
const acceptsBigSize: WidgetsTarget['answer'] = (op, input) =>
  (op === 'CreateWidget' && typeof input?.Size === 'number' && input.Size > 10 ? { status: 200, body: { Widget: { WidgetName: 'big', Status: 'ACTIVE' } } } : undefined);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'cf-model-replay-'));
  model = writeWidgets(work);
  useModel(readModelFile(model)); // the target's validating mock serves it
  target = await startWidgetsTarget();
});
afterAll(async () => { await target.close(); });

describe('replaying a fixture of a --model run', () => {
  let fixture: string;
  let reproduce: string;

  it('the run writes a fixture naming its model, and the finding reproduces by replay', async () => {
    target.answer = acceptsBigSize;
    const run = await cli(['run', '--model', 'widgets-2026-01-01.service-2.json', '--operation', 'widgets#CreateWidget', '--target', target.url, '--seed', '3', '--runs', '10', '--quiet', '--no-scenarios'], work);
    expect(run.code, run.stderr).toBe(1);
    const report = JSON.parse(readFileSync(join(work, 'reports', 'report.json'), 'utf8')) as Report;
    const d = report.discrepancies.find((x) => x.kind === 'accepted-invalid' && x.constraint === 'Size#range')!;
    expect(d.fixture).toMatch(/^fixtures\/CreateWidget\/accepted-invalid-[0-9a-f]+\.json$/);
    fixture = d.fixture!;
    const written = JSON.parse(readFileSync(join(work, fixture), 'utf8')) as { model: { path: string; sha256: string } };
    expect(written.model).toEqual({ path: '../../widgets-2026-01-01.service-2.json', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    reproduce = report.findings.find((f) => f.kind === 'accepted-invalid')!.reproduce;
    expect(reproduce).toMatch(/^npx contract-fuzz replay fixtures\/CreateWidget\/accepted-invalid-[0-9a-f]+\.json --target /);
    // The reproduce command as printed.
    const again = await cli(argvOf(reproduce), work);
    expect(again.stderr).toBe('');
    expect(again.code).toBe(1);
    expect(again.stdout).toMatch(/^✗ reproduces fixtures\/CreateWidget\/accepted-invalid-[0-9a-f]+\.json {2}accepted-invalid \[Size#range\]/m);
  }, 120_000);

  it('against a target without the fault: fixed, exit 0', async () => {
    delete target.answer;
    const x = await cli(['replay', fixture, '--target', target.url], work);
    expect(x.code, x.stderr).toBe(0);
    expect(x.stdout).toMatch(/^✓ fixed/m);
  }, 60_000);

  it('a changed model: one line, exit 2', async () => {
    writeFileSync(model, JSON.stringify({ ...WIDGETS, metadata: { ...WIDGETS.metadata, serviceFullName: 'Changed Widgets' } }));
    try {
      for (const args of [[fixture], ['fixtures']]) {
        const x = await cli(['replay', ...args, '--target', target.url], work);
        expect(x.code).toBe(2);
        expect(x.stderr).toMatch(/^contract-fuzz: fixtures\/CreateWidget\/accepted-invalid-[0-9a-f]+\.json: its model \S+widgets-2026-01-01\.service-2\.json changed since the fixture was written \(sha256 [0-9a-f]{12}…, the fixture's [0-9a-f]{12}…\)\n$/);
      }
    } finally {
      writeWidgets(work);
    }
  }, 60_000);

  it('a missing model: one line, exit 2; --model names where it went', async () => {
    renameSync(model, join(work, 'moved.json'));
    try {
      const x = await cli(['replay', fixture, '--target', target.url], work);
      expect(x.code).toBe(2);
      expect(x.stderr).toMatch(/^contract-fuzz: fixtures\/CreateWidget\/accepted-invalid-[0-9a-f]+\.json: its model \S+widgets-2026-01-01\.service-2\.json \(sha256 [0-9a-f]{12}…\) cannot be read: cannot read model file \S+ \(ENOENT\)\n$/);
      target.answer = acceptsBigSize;
      const moved = await cli(['replay', fixture, '--target', target.url, '--model', 'moved.json'], work);
      expect(moved.code, moved.stderr).toBe(1);
      expect(moved.stdout).toMatch(/^✗ reproduces/m);
    } finally {
      delete target.answer;
      renameSync(join(work, 'moved.json'), model);
    }
  }, 60_000);
});

describe('a replayed create on a long-lived target', () => {
  it('what it made is undone when the replay ends', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cf-model-replay-undo-'));
    // Its own service name: this process serves widgets without a DeleteWidget.
    const file = writeWidgets(dir, { ...WIDGETS_WITH_DELETE, metadata: { ...WIDGETS.metadata, endpointPrefix: 'gizmos', targetPrefix: 'Gizmos_20260101' } }, 'gizmos.json');
    useModel(readModelFile(file));
    const t = await startWidgetsTarget();
    try {
      t.answer = (op, input) => (op === 'CreateWidget' && input?.Size === 10 ? { status: 500, body: { __type: 'InternalFailure', message: 'boom' } } : undefined);
      const run = await cli(['run', '--model', 'gizmos.json', '--operation', 'gizmos#CreateWidget', '--target', t.url, '--seed', '3', '--runs', '10', '--quiet', '--no-scenarios'], dir);
      expect(run.code, run.stderr).toBe(1);
      expect([...t.widgets]).toEqual([]); // the run undid what it made
      const report = JSON.parse(readFileSync(join(dir, 'reports', 'report.json'), 'utf8')) as Report;
      const d = report.discrepancies.find((x) => x.fixture !== undefined && x.kind === 'server-error' && x.expected.outcome === 'success')!;
      delete t.answer;
      const before = t.created;
      const x = await cli(['replay', d.fixture!, '--target', t.url], dir);
      expect(x.code, x.stderr + x.stdout).toBe(0);
      expect(x.stdout).toMatch(/^✓ fixed/m);
      expect(t.created).toBe(before + 1);
      expect([...t.widgets]).toEqual([]);
    } finally {
      await t.close();
    }
  }, 120_000);
});
