// What the cases of model-only create-like operations made on a target, and undoing it after the run (issue 10
// §4 on a long-lived target): every 2xx answer of such an operation is remembered with the values its derived
// inverse needs (src/profiles/undo.ts: DeleteTable{TableName} from the input, DeleteService{Id} from the answer's
// Service.Id, a Cloud Map namespace from its finished operation); cleanup sends the inverses side by side, then
// once more those that failed (one made inside another), and a long run undoes its oldest as it goes (Upkeep). The pairing is inferred: an operation it cannot pair
// is said once (notUndoneLines), never silently left.
import type { Call } from '../contract/call.ts';
import type { Outcome } from '../contract/outcome.ts';
import { profileOf } from '../profiles/index.ts';
import type { DerivedUndo } from '../profiles/undo.ts';
import type { Target } from '../targets/target.ts';
import { PrerequisiteError, type Poll } from './prerequisiteCall.ts';
import { undo, valueAt, wait } from './recipe.ts';

type Json = Record<string, unknown>;

interface Made { operation: string; undo: DerivedUndo; slots: Json; operationId?: string }

/** Per operation: how its creates are undone and how many were, or why they are not. */
export type UndoSummary = Record<string, { via?: string; undone?: number; notUndone?: string; confidence: 'inferred' }>;

export interface CaseCreations {
  /** Sees every call and answer: a success of a create-like operation is remembered. */
  track(call: Call, outcome: Outcome): void;
  /** Undoes everything remembered; returns the problems met (one line each). */
  undoAll(): Promise<string[]>;
  summary(): UndoSummary;
}

const derivedUndo = (operation: string): DerivedUndo | undefined => {
  const u = profileOf(operation).createUndo;
  return u && 'undo' in u ? u.undo : undefined;
};

/** One warning line per operation of the run whose creates nothing undoes. */
export function notUndoneLines(operations: readonly string[]): string[] {
  return operations.flatMap((op) => {
    const u = profileOf(op).createUndo;
    return u && 'notUndone' in u ? [`contract-fuzz: warning: ${op}: what it creates is not undone after the run (${u.notUndone})\n`] : [];
  });
}

/** Upkeep during the run: past `high` remembered creates, the oldest are undone until `low` remain (a long run
 * against a long-lived target stays bounded, as Cloud Map instances do: src/run/population.ts). */
export interface Upkeep { high: number; low: number }
export const UPKEEP: Upkeep = { high: 400, low: 200 };
const BUSY_RETRY_MS = 1_000;

export function caseCreations(target: Target, operations: readonly string[], poll: Poll, upkeep?: Upkeep): CaseCreations {
  const byCall = new Map<string, { operation: string; undo: DerivedUndo }>();
  for (const op of operations) {
    const u = derivedUndo(op);
    const p = profileOf(op);
    if (u) byCall.set(`${p.service}#${p.operation}`, { operation: op, undo: u });
  }
  const made = new Map<string, Made>(); // by what the inverse will name: a replayed create is undone once
  const problems: string[] = [];
  const undone = new Map<string, number>();

  const track = (c: Call, o: Outcome): void => {
    if (byCall.size === 0) return; // no model-only create in the run: nothing to remember, no key to build per request
    const hit = byCall.get(`${c.service}#${c.operation}`);
    if (!hit || o.status < 200 || o.status >= 300) return;
    const slots: Json = {};
    for (const [member, b] of Object.entries(hit.undo.bind)) {
      if (b.from === 'awaited') continue;
      const v = valueAt(b.from === 'input' ? c.input : o.body, b.path);
      if (typeof v !== 'string' && typeof v !== 'number') {
        problems.push(`${hit.operation} answered HTTP ${o.status} without the ${b.from}'s ${b.path}: what it made is not undone`);
        return;
      }
      slots[member] = v;
    }
    const awaited = hit.undo.awaits ? valueAt(o.body, hit.undo.awaits.id) : undefined;
    if (hit.undo.awaits && typeof awaited !== 'string') {
      problems.push(`${hit.operation} answered HTTP ${o.status} without ${hit.undo.awaits.id}: what it made is not undone`);
      return;
    }
    const key = `${hit.operation}\u0000${JSON.stringify(slots)}\u0000${awaited ?? ''}`;
    if (!made.has(key)) made.set(key, { operation: hit.operation, undo: hit.undo, slots, ...(typeof awaited === 'string' ? { operationId: awaited } : {}) });
    if (upkeep && made.size > upkeep.high && !sweeping) sweeping = sweep(upkeep.low).finally(() => { sweeping = undefined; });
  };

  const undoOne = async (m: Made): Promise<void> => {
    let slots = m.slots;
    if (m.undo.awaits && m.operationId !== undefined) {
      // The id the create made is known once its operation is done (a failed one made nothing).
      let answer: Json;
      try { answer = await wait(target, m.undo.awaits.waiter, m.operationId, poll); } catch (e) {
        if ((e as Error).message.includes(`operation ${m.operationId} failed`)) return;
        throw e;
      }
      slots = { ...slots };
      for (const [member, b] of Object.entries(m.undo.bind)) if (b.from === 'awaited') slots[member] = valueAt(answer, b.path);
    }
    // A resource still being made refuses its inverse (DynamoDB: ResourceInUseException while CREATING, seconds on
    // AWS): beyond the executor's quick retries, asked again every second until the poll deadline.
    const deadline = Date.now() + (poll.pollTimeoutMs ?? 60_000);
    for (;;) {
      try {
        await undo(target, { ...m.undo.call, retryOn: m.undo.retryOn }, slots, poll);
        return;
      } catch (e) {
        if (e instanceof PrerequisiteError && m.undo.gone.includes(e.outcome.code ?? '')) return; // gone already
        if (!(e instanceof PrerequisiteError) || !m.undo.retryOn.includes(e.outcome.code ?? '') || Date.now() > deadline) throw e;
      }
      await new Promise((r) => setTimeout(r, BUSY_RETRY_MS));
    }
  };

  const count = (m: Made) => undone.set(m.operation, (undone.get(m.operation) ?? 0) + 1);
  let sweeping: Promise<void> | undefined;
  /** The oldest undone until `low` remain; one that fails stays for the cleanup to try again. Housekeeping: whatever
   * a case meets meanwhile (a name gone, or still there) its derived profile accepts. */
  async function sweep(low: number): Promise<void> {
    const oldest = [...made.entries()].slice(0, Math.max(0, made.size - low));
    for (const [key] of oldest) made.delete(key);
    const settled = await Promise.allSettled(oldest.map(([, m]) => undoOne(m)));
    settled.forEach((r, i) => {
      const [key, m] = oldest[i]!;
      if (r.status === 'fulfilled') count(m);
      else if (!made.has(key)) made.set(key, m);
    });
  }

  return {
    track,
    async undoAll() {
      await sweeping;
      const out = [...problems];
      let pending = [...made.values()];
      made.clear();
      // Side by side, then once more what failed: a resource made inside another (a service in a namespace) first.
      for (let pass = 0; pass < 2 && pending.length > 0; pass++) {
        const settled = await Promise.allSettled(pending.map(undoOne));
        const failed: Made[] = [];
        settled.forEach((r, i) => {
          const m = pending[i]!;
          if (r.status === 'fulfilled') count(m);
          else if (pass === 1) out.push((r.reason as Error).message);
          else failed.push(m);
        });
        pending = failed;
      }
      return out;
    },
    summary() {
      const s: UndoSummary = {};
      for (const op of operations) {
        const u = profileOf(op).createUndo;
        if (!u) continue;
        s[op] = 'undo' in u ? { via: u.undo.call.operation, undone: undone.get(op) ?? 0, confidence: 'inferred' } : { notUndone: u.notUndone, confidence: 'inferred' };
      }
      return s;
    },
  };
}
