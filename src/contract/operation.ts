// Operations are named `service#Operation` (DESIGN: "operations are named service#Operation"): two services may
// share an operation name (Cloud Map and Proton both have CreateService), so every lookup is keyed by both.
// Bare names stay what reports and consoles show.

export type OperationKey = `${string}#${string}`;

export const operationKey = (service: string, operation: string): OperationKey => `${service}#${operation}`;

/** `service#Operation` split in two; undefined for a bare name. */
export function splitOperationKey(name: string): { service: string; operation: string } | undefined {
  const at = name.indexOf('#');
  if (at <= 0 || at === name.length - 1 || name.indexOf('#', at + 1) !== -1) return undefined;
  return { service: name.slice(0, at), operation: name.slice(at + 1) };
}
