// Walks through a listing and removals from it exclude each other per scope (issue 11 §6: the scenarios overlap
// the cases, whose population upkeep deregisters instances while a scenario may be reading ListInstances pages).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createListingGuard } from '../src/listingGuard.ts';

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe('listing guard', () => {
  it('never lets a removal and a walk of the same scope overlap, and runs every task (arbitrary interleavings)', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.record({ kind: fc.constantFrom('reading', 'removing'), scope: fc.constantFrom('a', 'b'), ms: fc.nat(3), after: fc.nat(3) }), { maxLength: 30 }),
      async (tasks) => {
        const guard = createListingGuard();
        const active = { a: { reading: 0, removing: 0 }, b: { reading: 0, removing: 0 } };
        let overlapSame = 0;
        let ran = 0;
        await Promise.all(tasks.map(async (t) => {
          await tick(t.after);
          await guard[t.kind](t.scope, async () => {
            const here = active[t.scope];
            here[t.kind]++;
            if (here.reading > 0 && here.removing > 0) overlapSame++;
            await tick(t.ms);
            here[t.kind]--;
            ran++;
          });
        }));
        expect(overlapSame).toBe(0);
        expect(ran).toBe(tasks.length);
      },
    ), { numRuns: 40 });
  });

  it('lets walks run together, removals run together, and other scopes run freely', async () => {
    const guard = createListingGuard();
    let most = 0;
    let now = 0;
    const task = async () => { now++; most = Math.max(most, now); await tick(5); now--; };
    await Promise.all([guard.reading('s', task), guard.reading('s', task), guard.removing('t', task)]);
    expect(most).toBe(3);
    most = 0;
    await Promise.all([guard.removing('s', task), guard.removing('s', task)]);
    expect(most).toBe(2);
  });

  it('serves waiters in arrival order: a walk that waits is not overtaken by later removals', async () => {
    const guard = createListingGuard();
    const order: string[] = [];
    const first = guard.removing('s', async () => { await tick(5); order.push('remove1'); });
    const walk = guard.reading('s', async () => { order.push('walk'); });
    const later = guard.removing('s', async () => { order.push('remove2'); });
    await Promise.all([first, walk, later]);
    expect(order).toEqual(['remove1', 'walk', 'remove2']);
  });

  it('a task that throws releases the scope', async () => {
    const guard = createListingGuard();
    await expect(guard.removing('s', async () => { throw new Error('no'); })).rejects.toThrow('no');
    expect(await guard.reading('s', async () => 'read')).toBe('read');
  });
});
