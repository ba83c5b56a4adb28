// One scenario run's view of the target: every request counted against a budget and cut by the signal, the
// requests worth showing recorded as steps, and `fail` to stop the run with a violation that carries them.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Outcome } from '../contract/outcome.ts';
import type { Call } from '../contract/call.ts';
import type { SendOptions, Target } from '../targets/target.ts';
import type { Step, StepOutcome } from './types.ts';
import { isThrottled } from '../protocol/throttling.ts';

/** A scenario's check failed: which scenario, the response that showed it, and the run's steps so far. */
export class ScenarioViolation extends Error {
  constructor(readonly scenario: string, readonly actual: StepOutcome, readonly detail: string, readonly steps: Step[]) {
    super(`${scenario}: ${detail}`);
    this.name = 'ScenarioViolation';
  }
}

/** The run cannot go on (signal aborted, request budget spent): it proves nothing either way. */
export class ScenarioStop extends Error {
  constructor(readonly reason: 'aborted' | 'budget' | 'throttled') {
    super(`scenario run stopped: ${reason}`);
    this.name = 'ScenarioStop';
  }
}

/** Shared by the runs of one family: how many requests it may still send. */
export interface Budget {
  left: number;
  readonly signal?: AbortSignal;
  onRequest?(): void;
}

const MESSAGE_MAX = 300;

export function summarize(o: Outcome): StepOutcome {
  const message = o.message ?? o.transport?.message;
  return {
    status: o.status,
    ...(o.code !== undefined ? { code: o.code } : {}),
    ...(message !== undefined ? { message: message.length > MESSAGE_MAX ? `${message.slice(0, MESSAGE_MAX)}…` : message } : {}),
  };
}

export const isOk = (o: Outcome): boolean => o.transport === undefined && o.status >= 200 && o.status < 300;

/** "HTTP 409 DuplicateRequest", "no response (timeout)". */
export const describe = (o: Outcome): string =>
  o.transport ? `no response (${o.transport.failure})` : isOk(o) ? `HTTP ${o.status}` : `HTTP ${o.status} ${o.code ?? 'without an error code'}`;

export class Session {
  readonly steps: Step[] = [];
  /** Requests sent so far (a read taken when nothing was sent since still shows the same). */
  sent = 0;

  constructor(private readonly target: Target, private readonly budget: Budget) {}

  /** Sends and records the step. */
  async send(call: Call): Promise<Outcome> {
    const o = await this.raw(call);
    this.record(call, o);
    return o;
  }

  /** Sends without recording (polls, concurrent requests recorded later in issue order). */
  async raw(call: Call, options: Pick<SendOptions, 'together'> = {}): Promise<Outcome> {
    const b = this.budget;
    if (b.signal?.aborted) throw new ScenarioStop('aborted');
    if (b.left <= 0) throw new ScenarioStop('budget');
    b.left--;
    this.sent++;
    b.onRequest?.();
    const o = await this.target.send(call, b.signal ? { ...options, signal: b.signal } : options);
    if (b.signal?.aborted) throw new ScenarioStop('aborted'); // a request cut by the signal says nothing
    // Still throttled after the retries (src/targets/retry.ts): the target said nothing about the scenario.
    if (isThrottled(o)) throw new ScenarioStop('throttled');
    return o;
  }

  record(call: Call, o: Outcome): void {
    this.steps.push({ call, outcome: summarize(o) });
  }

  async pause(ms: number): Promise<void> {
    try {
      await sleep(ms, undefined, this.budget.signal ? { signal: this.budget.signal } : {});
    } catch {
      throw new ScenarioStop('aborted');
    }
  }

  fail(scenario: string, o: Outcome | StepOutcome, detail: string): never {
    const actual = 'headers' in o ? summarize(o) : o;
    throw new ScenarioViolation(scenario, actual, detail, this.steps.slice());
  }
}
