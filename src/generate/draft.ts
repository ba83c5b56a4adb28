// A case before it knows its operation and context: what targets produce. `toCase` finishes it.
import type { OracleContext } from '../contract/context.ts';
import type { Case } from '../contract/case.ts';

export interface Draft {
  input: unknown;
  breaks: readonly string[];
  exercises: readonly string[];
  rawBody?: string;
  wireOperation?: string;
}

export const NONE: readonly string[] = Object.freeze([]);

export const toCase = (operation: string, context: OracleContext, contextName: string | undefined) => (d: Draft): Case => {
  const c: Case = {
    operation,
    kind: d.breaks.length ? 'invalid' : 'valid',
    input: d.input,
    breaks: d.breaks.slice(),
    exercises: d.exercises.slice(),
    context,
  };
  if (d.rawBody !== undefined) c.rawBody = d.rawBody;
  if (d.wireOperation !== undefined) c.wireOperation = d.wireOperation;
  if (contextName !== undefined) c.contextName = contextName;
  return c;
};
