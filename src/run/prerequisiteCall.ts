// One call of preparation or cleanup: what the recipe executor (recipe.ts) and prerequisites.ts both send through.
import { HarnessError } from '../errors.ts';
import type { Call } from '../contract/call.ts';
import type { Outcome } from '../contract/outcome.ts';
import type { Target } from '../targets/target.ts';

type Json = Record<string, unknown>;

/** How long and how often to poll (an asynchronous operation, a resource going away), and what stops it; `during`:
 * what the calls are part of, for their messages (default: preparing the run). */
export interface Poll { pollIntervalMs?: number; pollTimeoutMs?: number; signal?: AbortSignal; during?: During }

export type During = 'preparing the run' | 'cleaning up';
export const PREPARING: During = 'preparing the run';

/** A prerequisite call the target answered with an error. Transport failures are not this: the run stops. */
export class PrerequisiteError extends HarnessError {
  constructor(readonly call: Call, readonly outcome: Outcome, message: string) {
    super('CF_ERR_PREREQUISITE', message);
  }
}

/**
 * One preparation call. `needs`: dotted paths the answer must hold as non-empty strings (`Operation.Status`):
 * an answer without them fails at once, with one line saying what was missing, instead of polling on `undefined`.
 */
export async function call(target: Target, service: string, operation: string, input: Json, needs: string[] = [], during: During = PREPARING): Promise<Json> {
  const c: Call = { service, operation, input };
  const o: Outcome = await target.send(c);
  const ok = o.status >= 200 && o.status < 300;
  if (ok && o.body && typeof o.body === 'object') {
    const missing = needs.filter((path) => !nonEmptyString(path.split('.').reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Json)[k] : undefined), o.body)));
    if (missing.length === 0) return o.body as Json;
    throw new PrerequisiteError(c, o, `${target.name}: ${operation} answered HTTP ${o.status} without ${missing.join(', ')} while ${during} (body: ${shortJson(o.body)})`);
  }
  const why = o.transport ? `${o.transport.failure}: ${o.transport.message}`
    : ok ? `HTTP ${o.status} with ${o.bodyProblem ? `an unreadable body (${o.bodyProblem})` : 'no JSON object'}${o.bodyExcerpt ? `: ${o.bodyExcerpt.slice(0, 80)}` : ''}`
      : `${o.code ?? `HTTP ${o.status}`}${o.message ? `: ${o.message}` : ''}`;
  const line = `${target.name}: ${operation} failed while ${during} (${why})`;
  if (o.transport) throw new HarnessError('CF_ERR_PREREQUISITE', line);
  throw new PrerequisiteError(c, o, line);
}

export const nonEmptyString = (v: unknown): boolean => typeof v === 'string' && v !== '';
const shortJson = (v: unknown): string => { const t = JSON.stringify(v) ?? ''; return t.length > 120 ? `${t.slice(0, 120)}…` : t; };
