// Shared helpers for the generator tests: what the oracle says a case breaks, the contexts by kind.
import { coverageContexts, type Case, type NamedContext } from '../../src/generate/index.ts';
import { expectCase, violatedIds } from '../../src/oracle/index.ts';

export const OPERATIONS = ['RegisterInstance', 'CreateServiceInstance'] as const;

/** The ids the oracle finds broken in `c`, sorted. */
export const judged = (c: Case): string[] => violatedIds(expectCase(c)).sort();

export const sorted = (ids: readonly string[]): string[] => [...ids].sort();

export const serviceExists = (c: NamedContext): boolean =>
  c.context.cloudMap ? c.context.cloudMap.service !== null : c.context.proton?.serviceExists === true;

export const existing = (operation: string): NamedContext[] => coverageContexts(operation).filter(serviceExists);

/** A short, readable description of a case for failure messages (never the whole spec). */
export const show = (c: Case): string => {
  const body = c.rawBody ?? JSON.stringify(c.input);
  return `${c.contextName ?? ''} ${c.kind} breaks=${JSON.stringify(c.breaks)} exercises=${JSON.stringify(c.exercises)} ${c.wireOperation ? `target=${c.wireOperation} ` : ''}${body.length > 400 ? `${body.slice(0, 400)}…` : body}`;
};
