// Issue 10 §4 on a long-lived target: a model-only create undoes what it made. On main a run of widgets#CreateWidget
// left every widget it created on the target, and a second run with the same seed met them (ResourceInUseException
// for valid creates: rejected-valid findings); a Cloud Map CreateHttpNamespace run left its namespaces.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator } from '../../src/emulator/index.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { executeRun } from '../../src/run/run.ts';
import { startWidgetsTarget, WIDGETS_WITH_DELETE, type WidgetsTarget } from '../support/statefulWidgets.ts';
import { WIDGETS } from '../support/widgetsModel.ts';

let work: string;
let model: string;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cf-model-undo-'));
  model = join(work, 'widgets.json');
  await writeFile(model, JSON.stringify(WIDGETS_WITH_DELETE));
});
afterAll(async () => { await rm(work, { recursive: true, force: true }); });

const run = async (args: string[], dir: string) => {
  let stderr = '';
  const o = parseRunOptions([...args, '--seed', '7', '--runs', '40', '--quiet', '--no-fixtures', '--report-dir', join(work, dir)]);
  const r = await executeRun(o, new AbortController().signal, { write: () => undefined, writeErr: (t) => void (stderr += t), isTTY: false });
  return { ...r, stderr };
};

describe('model-only creates are undone after the run', () => {
  let target: WidgetsTarget;
  beforeAll(async () => {
    parseRunOptions(['--model', model, '--operation', 'widgets#CreateWidget']); // the model is known before the target serves it
    target = await startWidgetsTarget();
  });
  afterAll(async () => { await target.close(); });

  it('a run of CreateWidget leaves no widget behind, and a second run against the same target finds nothing', async () => {
    const first = await run(['--model', model, '--operation', 'widgets#CreateWidget', '--target', target.url], 'first');
    expect(first.stderr).toBe('');
    expect(first.report.summary.discrepancies).toBe(0);
    expect(first.exitCode).toBe(0);
    expect(target.created).toBeGreaterThan(5);
    expect([...target.widgets]).toEqual([]);
    expect(first.report.run.undo).toEqual({ CreateWidget: { via: 'DeleteWidget', undone: target.created, confidence: 'inferred' } });
    const before = target.created;
    const second = await run(['--model', model, '--operation', 'widgets#CreateWidget', '--target', target.url], 'second');
    expect(second.report.discrepancies).toEqual([]);
    expect(second.exitCode).toBe(0);
    expect(target.created).toBeGreaterThan(before);
    expect([...target.widgets]).toEqual([]);
  }, 120_000);

  it('the names a create sends carry the run nonce: two runs of one seed create different widgets', async () => {
    const seen: string[][] = [];
    for (const dir of ['nonce1', 'nonce2']) {
      const names: string[] = [];
      target.answer = (op, input) => { if (op === 'CreateWidget' && typeof input?.WidgetName === 'string') names.push(input.WidgetName); return undefined; };
      await run(['--model', model, '--operation', 'widgets#CreateWidget', '--target', target.url, '--no-scenarios'], dir);
      seen.push(names);
    }
    delete target.answer;
    expect(seen[0]!.length).toBe(seen[1]!.length);
    const alnum = seen[0]!.filter((n) => /[a-z0-9]{3}/i.test(n));
    expect(alnum.length).toBeGreaterThan(3);
    expect(alnum.filter((n) => seen[1]!.includes(n))).toEqual([]);
  }, 120_000);

  it('an undo the target refuses: one warning line, the report as without it', async () => {
    target.answer = (op) => (op === 'DeleteWidget' ? { status: 500, body: { __type: 'InternalFailure', message: 'later' } } : undefined);
    try {
      const r = await run(['--model', model, '--operation', 'widgets#CreateWidget', '--target', target.url], 'refused');
      expect(r.exitCode).toBe(0);
      expect(r.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^contract-fuzz: warning: cleanup on http:\/\/127\.0\.0\.1:\d+ failed \d+ time\(s\): .*DeleteWidget/)]);
    } finally {
      delete target.answer;
      target.widgets.clear();
    }
  }, 120_000);
});

describe('an operation nothing can undo is said once', () => {
  it('CreateWidget of a model without DeleteWidget: one warning line naming it, and the report says why', async () => {
    // Another service name: this process already knows widgets#CreateWidget with its DeleteWidget.
    const plain = join(work, 'plain.json');
    await writeFile(plain, JSON.stringify({ ...WIDGETS, metadata: { ...WIDGETS.metadata, endpointPrefix: 'gadgets', targetPrefix: 'Gadgets_20260101' } }));
    parseRunOptions(['--model', plain, '--operation', 'gadgets#CreateWidget']);
    const target = await startWidgetsTarget();
    try {
      const r = await run(['--model', plain, '--operation', 'gadgets#CreateWidget', '--target', target.url], 'plain');
      const op = r.report.run.operations[0]!; // gadgets#CreateWidget: widgets has one too in this process
      expect(r.stderr.trimEnd().split('\n')).toEqual([`contract-fuzz: warning: ${op}: what it creates is not undone after the run (the model has no DeleteWidget)`]);
      expect(r.report.run.undo).toEqual({ [op]: { notUndone: 'the model has no DeleteWidget', confidence: 'inferred' } });
    } finally {
      await target.close();
    }
  }, 120_000);
});

describe('Cloud Map creates run by name against the emulator over loopback', () => {
  it('CreateHttpNamespace and CreateService leave no namespace and no service behind', async () => {
    const emulator = await startEmulator({ port: 0, host: '127.0.0.1', operationDelayMs: 5 });
    try {
      for (const dir of ['cm1', 'cm2']) {
        const r = await run(['--operation', 'servicediscovery#CreateHttpNamespace', '--target', emulator.url], `${dir}-ns`);
        expect(r.report.discrepancies).toEqual([]);
        expect([...emulator.emulator.cloudMap.namespaces.values()].filter((n) => !n.deleting)).toEqual([]);
        expect(r.report.run.undo?.CreateHttpNamespace?.undone).toBeGreaterThan(3);
      }
      const r = await run(['--operation', 'servicediscovery#CreateService', '--target', emulator.url], 'cm-svc');
      expect(r.report.discrepancies).toEqual([]);
      expect(emulator.emulator.cloudMap.services.size).toBe(0);
    } finally {
      await emulator.close();
    }
  }, 120_000);
});
