// Reading what a target reports back about an item, the way its profile says: the read call (GetInstance,
// GetServiceInstance), the listing (every ListInstances page), and the read-after-write check both the
// `readAfterWrite` and the `again: update` families make.
import type { Call } from '../../contract/call.ts';
import type { Outcome } from '../../contract/outcome.ts';
import { fill, valueAt } from '../../profiles/template.ts';
import type { ItemCall } from '../../profiles/scenario.ts';
import { describe, isOk, ScenarioViolation, type Session } from '../session.ts';
import { differs, itemOf, type Created, type Ctx } from './model.ts';

const record = (v: unknown): Record<string, unknown> | undefined =>
  (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined);

export const itemCall = (ctx: Ctx, c: ItemCall, id: string, more: Record<string, unknown> = {}): Call => ({
  service: c.service, operation: c.operation,
  input: { ...(fill(c.input, { scope: ctx.env.subject.scope(ctx.env.prepared), id }) as Record<string, unknown>), ...more },
});

/** The read call of an item (the prefix probe sends it too). */
export const readCall = (ctx: Ctx, id: string): Call => itemCall(ctx, ctx.env.subject.read!.call, id);

/** Reads item `id`: the answer, and the item it shows. */
export async function readItem(ctx: Ctx, id: string): Promise<{ outcome: Outcome; item: Record<string, unknown> | undefined }> {
  return readOf(ctx, await ctx.session.send(readCall(ctx, id)));
}

/** The item a read's answer shows (none when the read was refused). */
const readOf = (ctx: Ctx, outcome: Outcome): { outcome: Outcome; item: Record<string, unknown> | undefined } =>
  ({ outcome, item: isOk(outcome) ? itemOf(ctx.env.subject, outcome.body, ctx.env.subject.read!.item) : undefined });

export interface Listed {
  outcome: Outcome;
  /** Entries of the item across every page. */
  entries: Record<string, unknown>[];
  /** Each page as sent and answered, when the caller records them itself (`deferRecording`). */
  pages: Array<[Call, Outcome]>;
}

/** Every page of the listing (at most `pages`), keeping the entries of `id`, while the run's population upkeep
 * removes nothing from it (src/listingGuard.ts). Records each page, or leaves that to the caller
 * (`deferRecording`: sent alongside another read, the steps are recorded in the order they always were). */
export async function listed(ctx: Ctx, id: string, deferRecording = false): Promise<Listed> {
  const walk = () => walkListing(ctx, id, deferRecording);
  const guard = ctx.env.listing;
  return guard ? guard.reading(ctx.env.subject.scope(ctx.env.prepared), walk) : walk();
}

async function walkListing(ctx: Ctx, id: string, deferRecording: boolean): Promise<Listed> {
  const l = ctx.env.subject.list!;
  const entries: Record<string, unknown>[] = [];
  const sent: Array<[Call, Outcome]> = [];
  let next: string | undefined;
  let outcome: Outcome;
  let pages = 0;
  do {
    const call = itemCall(ctx, l.call, id, next === undefined ? {} : { [l.nextMember]: next });
    outcome = deferRecording ? await ctx.session.raw(call) : await ctx.session.send(call);
    if (deferRecording) sent.push([call, outcome]);
    if (!isOk(outcome)) return { outcome, entries, pages: sent };
    const list = valueAt(outcome.body, l.items);
    for (const i of Array.isArray(list) ? list : []) if (record(i)?.[l.id] === id) entries.push(i as Record<string, unknown>);
    const token = valueAt(outcome.body, l.next);
    next = typeof token === 'string' && token !== '' ? token : undefined;
  } while (next !== undefined && ++pages < l.pages);
  return { outcome, entries, pages: sent };
}

/** Reads item `id` and walks the listing at once (one round trip against a slow target, issue 11 §6). The read is
 * recorded; the pages are the caller's to record (`recordPages`) once the read is judged, so a finding's steps end
 * where they did when the two were sent one after the other. */
export interface ReadAndList { read?: Awaited<ReturnType<typeof readItem>>; list?: Listed }

export async function readAndList(ctx: Ctx, id: string): Promise<ReadAndList> {
  const { read, list } = ctx.env.subject;
  if (!read || !list) return { ...(read ? { read: await readItem(ctx, id) } : {}), ...(list ? { list: await listed(ctx, id) } : {}) };
  const call = readCall(ctx, id);
  const [outcome, l] = await Promise.all([ctx.session.raw(call), listed(ctx, id, true)]);
  ctx.session.record(call, outcome);
  return { read: readOf(ctx, outcome), list: l };
}

type Strings = Record<string, string>;
const strings = (v: unknown): Strings | undefined => {
  const a = record(v);
  return a && Object.values(a).every((x) => typeof x === 'string') ? (a as Strings) : undefined;
};

/** The keys of a sent map shown differently ("" when all are shown); `onlyShown`: absent keys are fine. */
export function mapDiff(sent: Strings, shown: Strings | undefined, o: { onlyShown?: boolean; missing: string }): string {
  if (!shown) return o.onlyShown ? '' : o.missing;
  const wrong = Object.keys(sent).filter((k) => shown[k] !== sent[k] && !(o.onlyShown && shown[k] === undefined));
  return wrong.map((k) => `${k}=${shown[k] === undefined ? '(absent)' : JSON.stringify(shown[k])} (sent ${JSON.stringify(sent[k])})`).join(', ');
}

/** What the read shows differently from what was written and answered ("" when nothing). */
export function writtenDiff(ctx: Ctx, c: Created, read: Record<string, unknown> | undefined, o: { onlyShown?: boolean } = {}): string {
  const { subject } = ctx.env;
  const w = subject.written;
  const sent = c.call.input as Record<string, unknown>;
  const out: string[] = [];
  if (w?.map) out.push(mapDiff(sent[w.map] as Strings, strings(read?.[w.map]), { ...o, missing: `no ${w.map}` }));
  if (c.item && subject.read?.showsIdentity && !o.onlyShown) out.push(differs(c.item, read, [...(subject.answer?.identity ?? []), ...(w?.members ?? [])], `no ${subject.read.item}`));
  return out.filter((d) => d !== '').join(', ');
}

/** What a read shows differently from an earlier read of the same item ("" when nothing). */
export function changed(ctx: Ctx, before: Record<string, unknown>, after: Record<string, unknown>): string {
  const { subject } = ctx.env;
  const w = subject.written;
  const out: string[] = [];
  if (w?.map) out.push(mapDiff(strings(before[w.map]) ?? {}, strings(after[w.map]), { missing: `no ${w.map}` }));
  const identity = subject.read?.showsIdentity ? subject.answer?.identity ?? [] : [];
  out.push(differs(before, after, [...identity, ...(w?.members ?? []), ...(w?.ifShown ?? [])]));
  return out.filter((d) => d !== '').join(', ');
}

/**
 * State after a create (`what`: "after …"): the answer describes what was sent; the read shows what was written
 * (and what the answer said); members shown only sometimes are the ones sent; the listing shows the item once,
 * with what was written. Findings under `scenario`.
 */
export async function expectWritten(ctx: Ctx, scenario: string, c: Created, id: string, what: string, early?: Promise<ReadAndList>): Promise<void> {
  const { subject, operation } = ctx.env;
  const sent = c.call.input as Record<string, unknown>;
  const w = subject.written;
  if (c.item && w) {
    const answered = differs(sent, c.item, w.members.filter((k) => sent[k] !== undefined));
    if (answered !== '') ctx.session.fail(scenario, c.reply, `${what}, ${operation} answered ${answered} for what was sent`);
  }
  // Eagerly read along with the wait for completion (createSlot `along`): it may have raced the completion, so it
  // counts only when it shows what was written; else the item is read again, now that the write has completed.
  if (early) {
    try {
      judgeWritten(ctx, scenario, c, what, await early);
      return;
    } catch (e) {
      if (!(e instanceof ScenarioViolation)) throw e;
    }
  }
  judgeWritten(ctx, scenario, c, what, await readAndList(ctx, id));
}

function judgeWritten(ctx: Ctx, scenario: string, c: Created, what: string, both: ReadAndList): void {
  const { subject } = ctx.env;
  const s: Session = ctx.session;
  const sent = c.call.input as Record<string, unknown>;
  const w = subject.written;
  if (subject.read) {
    const readOp = subject.read.call.operation;
    const r = both.read!;
    if (!isOk(r.outcome)) s.fail(scenario, r.outcome, `${what}, ${readOp} answered ${describe(r.outcome)}`);
    const shown = writtenDiff(ctx, c, r.item);
    if (shown !== '') s.fail(scenario, r.outcome, `${what}, ${readOp} shows ${shown}`);
    for (const k of w?.ifShown ?? []) {
      if (r.item?.[k] !== undefined && r.item[k] !== sent[k]) s.fail(scenario, r.outcome, `${what}, ${readOp} shows another ${k} than the one sent`);
    }
  }
  if (subject.list) {
    const listOp = subject.list.call.operation;
    const l = both.list!;
    for (const [call, outcome] of l.pages) s.record(call, outcome);
    if (!isOk(l.outcome)) s.fail(scenario, l.outcome, `${what}, ${listOp} answered ${describe(l.outcome)}`);
    if (l.entries.length !== 1) s.fail(scenario, l.outcome, `${what}, ${listOp} shows the item ${l.entries.length} times`);
    // Summaries may carry fewer members than the read: only the ones listed are compared.
    const listedDiff = writtenDiff(ctx, c, l.entries[0], { onlyShown: true });
    if (listedDiff !== '') s.fail(scenario, l.outcome, `${what}, ${listOp} shows ${listedDiff}`);
  }
}
