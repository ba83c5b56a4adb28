// What a scenario's steps were answered, in the words root causes use (report/answers.ts): a scenario failure
// whose steps show an answer already reported as a root cause is listed as its consequence.
import { outputProblem } from '../checks/responseSchema.ts';
import { isFuzzedOperation } from '../model/load.ts';
import type { Outcome } from '../contract/outcome.ts';
import { answerKeys } from '../report/answers.ts';
import type { Step } from '../scenarios/index.ts';
import type { Call } from '../contract/call.ts';
import { wrap, type Target } from '../targets/target.ts';

/** A target that remembers each call's full outcome (steps keep only status, code and message). */
export function rememberingOutcomes(target: Target): { target: Target; outcomeOf(call: Call): Outcome | undefined } {
  const seen = new WeakMap<Call, Outcome>();
  return {
    target: wrap(target, (send) => async (call, options) => {
      const outcome = await send(call, options);
      seen.set(call, outcome);
      return outcome;
    }),
    outcomeOf: (call) => seen.get(call),
  };
}

/** "<operation> <answer>" for every answer the steps show, deduplicated, in step order. */
export function stepAnswers(steps: Step[], outcomeOf: (call: Call) => Outcome | undefined): string[] {
  const out = new Set<string>();
  for (const { call, outcome: step } of steps) {
    const o = outcomeOf(call);
    const ok = step.status >= 200 && step.status < 300;
    const broken = ok && o && !o.bodyProblem && isFuzzedOperation(call.operation) ? outputProblem(call.operation, o.body)?.constraint : undefined;
    const keys = answerKeys({
      status: step.status,
      ...(step.code !== undefined ? { code: step.code } : {}),
      ...(step.message !== undefined ? { message: step.message } : {}),
      ...(o?.bodyProblem !== undefined ? { bodyProblem: o.bodyProblem } : {}),
      ...(o?.transport ? { transport: true } : {}),
      ...(broken !== undefined ? { output: broken } : {}),
    });
    for (const k of keys) out.add(`${call.operation} ${k}`);
  }
  return [...out];
}
