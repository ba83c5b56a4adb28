// What model-only creates make, remembered from the answers and undone (src/run/caseCreations.ts): a long run keeps
// it bounded as it goes (the oldest first), the cleanup undoes the rest, and what the inverse finds gone already
// counts as done.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useModel } from '../../src/model/load.ts';
import { readModelFile } from '../../src/model/modelFile.ts';
import { caseCreations } from '../../src/run/caseCreations.ts';
import { createHttpTarget } from '../../src/targets/http.ts';
import { until } from '../support/cli.ts';
import { startWidgetsTarget, WIDGETS_WITH_DELETE, type WidgetsTarget } from '../support/statefulWidgets.ts';

let work: string;
let t: WidgetsTarget;
beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'cf-case-creations-'));
  const file = join(work, 'widgets.json');
  await writeFile(file, JSON.stringify(WIDGETS_WITH_DELETE));
  useModel(readModelFile(file));
  t = await startWidgetsTarget();
});
afterAll(async () => { await t.close(); await rm(work, { recursive: true, force: true }); });

describe('case creations', () => {
  it('past the upkeep bound the oldest go while the run goes on; the cleanup undoes the rest', async () => {
    const target = createHttpTarget({ url: t.url, concurrency: 4 });
    try {
      const made = caseCreations(target, ['widgets#CreateWidget', 'widgets#DescribeWidget'], {}, { high: 4, low: 2 });
      for (let i = 0; i < 10; i++) {
        const call = { service: 'widgets', operation: 'CreateWidget', input: { WidgetName: `w${i}-name` } };
        made.track(call, await target.send(call));
      }
      await until('the upkeep sweeps', () => t.widgets.size <= 4, 10_000);
      expect(t.widgets.has('w0-name')).toBe(false); // the oldest went first
      expect(t.widgets.has('w9-name')).toBe(true);
      // One the run deleted itself: the inverse's not-found answer counts as done.
      await target.send({ service: 'widgets', operation: 'DeleteWidget', input: { WidgetName: 'w9-name' } });
      expect(await made.undoAll()).toEqual([]);
      expect([...t.widgets]).toEqual([]);
      expect(made.summary()).toEqual({ 'widgets#CreateWidget': { via: 'DeleteWidget', undone: 10, confidence: 'inferred' } });
    } finally {
      await target.close();
    }
  });

  it('an inverse refused as busy (still being made) is asked again until the resource lets go', async () => {
    const target = createHttpTarget({ url: t.url, concurrency: 4 });
    let refused = 0; // 60 refusals: more than the executor's quick retries (41 attempts) give one undo call
    try {
      const made = caseCreations(target, ['widgets#CreateWidget'], {});
      const call = { service: 'widgets', operation: 'CreateWidget', input: { WidgetName: 'busy-one' } };
      made.track(call, await target.send(call));
      t.answer = (op) => (op === 'DeleteWidget' && refused < 60 ? (refused++, { status: 400, body: { __type: 'ResourceInUseException', message: 'still CREATING' } }) : undefined);
      expect(await made.undoAll()).toEqual([]);
      expect(refused).toBe(60);
      expect([...t.widgets]).toEqual([]);
    } finally {
      delete t.answer;
      await target.close();
    }
  });

  it('an answer without what the inverse needs is a problem line, never silence', async () => {
    const target = createHttpTarget({ url: t.url, concurrency: 4 });
    try {
      const made = caseCreations(target, ['widgets#CreateWidget'], {});
      made.track({ service: 'widgets', operation: 'CreateWidget', input: { Size: 3 } }, { status: 200, body: {}, latencyMs: 1 } as never);
      // Refused creates are not remembered.
      made.track({ service: 'widgets', operation: 'CreateWidget', input: { WidgetName: 'nope' } }, { status: 400, code: 'ValidationException', body: {}, latencyMs: 1 } as never);
      expect(await made.undoAll()).toEqual(['widgets#CreateWidget answered HTTP 200 without the input\'s WidgetName: what it made is not undone']);
    } finally {
      await target.close();
    }
  });
});
