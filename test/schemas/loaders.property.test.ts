// Issue 8 §3: fast-check garbage for every loader of a file a user hands the tool: fixtures, baselines,
// recordings (and the replay:FILE target built from them), official models (`models import`) and normalized
// models (models/<service>/model.json). Whatever the file holds, the answer is the document or a HarnessError
// with a code and a one-line message: never another error, never a stack trace. Config files too (issue 12 §3).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HarnessError, type HarnessErrorCode } from '../../src/errors.ts';
import { importModel } from '../../src/model/import.ts';
import { loadServiceModel } from '../../src/model/load.ts';
import { createRecordingTarget } from '../../src/targets/record/replayTarget.ts';
import { withConfig } from '../../src/config/index.ts';
import { readBaseline } from '../../src/run/baseline.ts';
import { parseRunOptions } from '../../src/run/options.ts';
import { readFixture, replayFixtures } from '../../src/run/replay.ts';
import { openTarget } from '../../src/targets/open.ts';
import { compileFor } from '../../src/schema/validators.ts';
import { SHARED, PROJECT_MODELS } from '../model/shared.ts';
import { everyFieldBroken, garbage, type Garbage } from './garbage.ts';
import { baseline, config, fixture, recording } from './samples.ts';

const work = mkdtempSync(join(tmpdir(), 'cf-garbage-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** How each loader answered each class of garbage: "accepted" or the HarnessError code. */
const answers: Record<string, Record<string, Record<string, number>>> = {};
afterAll(() => {
  let total = 0;
  for (const [loader, byClass] of Object.entries(answers)) {
    for (const [cls, byAnswer] of Object.entries(byClass)) {
      const n = Object.values(byAnswer).reduce((a, b) => a + b, 0);
      total += n;
      console.log(`${loader.padEnd(10)} ${cls.padEnd(15)} ${String(n).padStart(4)}  ${Object.entries(byAnswer).map(([a, c]) => `${a} ${c}`).join(', ')}`);
    }
  }
  console.log(`malformed inputs tried: ${total}`);
});

let fileNo = 0;
const put = (g: Garbage, name = `g${++fileNo}.json`, dir = work): string => {
  const file = join(dir, name);
  writeFileSync(file, g.content);
  return file;
};

/** Runs `load`; fails the property unless it returns or throws a HarnessError with one of `codes`. */
async function answered(loader: string, g: Garbage, codes: HarnessErrorCode[], load: () => unknown): Promise<void> {
  let answer = 'accepted';
  try {
    await load();
  } catch (e) {
    if (!(e instanceof HarnessError)) throw new Error(`${loader}: ${g.cls} garbage gave ${(e as Error)?.name}: ${(e as Error)?.message}`);
    expect(codes).toContain(e.code);
    expect(e.message).not.toMatch(/\n|\bat .*:\d+:\d+/);
    answer = e.code;
  }
  const byClass = (answers[loader] ??= {});
  const byAnswer = (byClass[g.cls] ??= {});
  byAnswer[answer] = (byAnswer[answer] ?? 0) + 1;
}

const RUNS = 250;

/** fc.assert, but the failure names the class and the error, not a megabyte of counterexample. */
async function holds(property: fc.IAsyncPropertyWithHooks<[Garbage]>, numRuns: number): Promise<void> {
  const r = await fc.check(property, { numRuns });
  if (r.failed) {
    const [g] = r.counterexample ?? [];
    throw new Error(`seed ${r.seed} path ${r.counterexamplePath}: ${g?.cls} (${String(g?.content).slice(0, 200)}…): ${String((r.errorInstance as Error)?.message ?? r.errorInstance)}`);
  }
}

describe('garbage in, a coded HarnessError out (or the document)', () => {
  it('fixtures', async () => {
    await holds(fc.asyncProperty(garbage(fixture()), (g) => answered('fixture', g, ['CF_ERR_FIXTURE'], () => readFixture(put(g)))), RUNS);
  });

  it('fixtures that load also replay (builtin target): a coded error or a verdict, never an internal error', async () => {
    const target = await openTarget('builtin', { region: 'us-east-1', timeoutMs: 5_000, concurrency: 4, allowAws: false });
    try {
      await holds(fc.asyncProperty(garbage(fixture(), { hugeChars: 1 << 16 }), (g) => answered('replay', g, ['CF_ERR_FIXTURE', 'CF_ERR_UNKNOWN_OPERATION'], async () => {
        const results = await replayFixtures([put(g)], target, { seedTag: `gb${fileNo}` });
        for (const r of results) expect(['reproduces', 'changed', 'fixed']).toContain(r.verdict);
      })), 60);
    } finally {
      await target.close();
    }
  });

  it('every field of a fixture (and of its case) broken every way: replay answers with a coded error or a verdict', async () => {
    const target = await openTarget('builtin', { region: 'us-east-1', timeoutMs: 5_000, concurrency: 4, allowAws: false });
    try {
      for (const g of everyFieldBroken(fixture() as unknown as Record<string, unknown>)) {
        await answered('replay', g, ['CF_ERR_FIXTURE', 'CF_ERR_UNKNOWN_OPERATION'], async () => {
          const results = await replayFixtures([put(g)], target, { seedTag: `fb${fileNo}` });
          for (const r of results) expect(['reproduces', 'changed', 'fixed']).toContain(r.verdict);
        });
      }
    } finally {
      await target.close();
    }
  });

  it('baselines', async () => {
    await holds(fc.asyncProperty(garbage(baseline()), (g) => answered('baseline', g, ['CF_ERR_BASELINE'], () => readBaseline(put(g)))), RUNS);
  });

  it('config files (contract-fuzz.config.json / --config): the options, or one coded line', async () => {
    // A config only reaches the option parser: its values meet the same checks as flags (CF_ERR_USAGE), an
    // operation name the model does not know is CF_ERR_UNKNOWN_OPERATION.
    const codes: HarnessErrorCode[] = ['CF_ERR_CONFIG', 'CF_ERR_USAGE', 'CF_ERR_UNKNOWN_OPERATION'];
    await holds(fc.asyncProperty(garbage(config()), (g) => answered('config', g, codes, () => {
      const f = put(g);
      withConfig('serve', ['--config', f]);
      return parseRunOptions(withConfig('run', ['--config', f]), () => 1);
    })), RUNS);
  });

  it('recordings, and the replay:FILE target made from one', async () => {
    await holds(fc.asyncProperty(garbage(recording()), (g) => answered('recording', g, ['CF_ERR_FIXTURE'], async () => {
      const target = createRecordingTarget(put(g));
      await target.close();
    })), RUNS);
  });

  it('models import (botocore and Smithy)', async () => {
    const sources = [SHARED.servicediscovery.botocore, SHARED.servicediscovery.smithy].map((f) => JSON.parse(readFileSync(f, 'utf8')) as unknown);
    const out = join(work, 'imported');
    const codes: HarnessErrorCode[] = ['CF_ERR_MODEL_LOAD', 'CF_ERR_MODEL_FORMAT', 'CF_ERR_UNKNOWN_OPERATION'];
    await holds(fc.asyncProperty(fc.oneof(...sources.map((s) => garbage(s, { hugeChars: 1 << 16 }))), (g) =>
      answered('import', g, codes, () => importModel({ file: put(g), outDir: out, now: new Date(0) }))), 150);
  });

  it('normalized models (models/<service>/model.json) and the schemas compiled from them', async () => {
    const valid = JSON.parse(readFileSync(join(PROJECT_MODELS, 'servicediscovery', 'model.json'), 'utf8')) as unknown;
    const codes: HarnessErrorCode[] = ['CF_ERR_MODEL_LOAD', 'CF_ERR_MODEL_FORMAT', 'CF_ERR_UNKNOWN_OPERATION'];
    await holds(fc.asyncProperty(garbage(valid, { hugeChars: 1 << 16 }), (g) => answered('model', g, codes, () => {
      // A fresh folder each time: loaded models are cached per file.
      const dir = join(work, `models-${++fileNo}`);
      mkdirSync(join(dir, 'servicediscovery'), { recursive: true });
      put(g, 'model.json', join(dir, 'servicediscovery'));
      const service = loadServiceModel('servicediscovery', dir);
      compileFor(service, 'RegisterInstance', 'input');
      compileFor(service, 'RegisterInstance', 'output');
    })), 150);
  });
});
