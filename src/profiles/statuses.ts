// The documented HTTP statuses of an error code. The sources disagree (DESIGN "HTTP status: the sources
// disagree"): the model's httpError vs the API reference page, which prints 400 for every client error and 500
// for InternalServerException. Both are documented, so both are acceptable. The page's status is the profile's
// word (`errors`, per operation, with its source); the model's is read from the model; protocol-level codes
// are service-wide (src/rules/statuses.ts).
import { knownServices, loadServiceModel } from '../model/load.ts';
import { serviceWideStatus } from '../rules/statuses.ts';
import { HAND_WRITTEN } from './handWritten.ts';
import type { DocumentedError } from './profile.ts';

/** `service#code` → what a hand-written profile of the service documents of it (the first that does). */
const documented = new Map<string, DocumentedError>();
for (const p of HAND_WRITTEN) for (const e of p.errors ?? []) if (!documented.has(`${p.service}#${e.code}`)) documented.set(`${p.service}#${e.code}`, e);

/** The error's httpError status in the service's model. */
function modelStatusOf(service: string, code: string): number | undefined {
  if (!knownServices().includes(service)) return undefined;
  const shape = loadServiceModel(service).shapes[code];
  return shape?.type === 'structure' ? shape.error?.httpStatus : undefined;
}

/** The reference page's row of a code a profile of `service` documents. */
export const documentedError = (service: string, code: string): DocumentedError | undefined => documented.get(`${service}#${code}`);

/**
 * Acceptable statuses for a code: the model's (`modelStatus`, as the caller's loaded model declares it; else, for a
 * code a profile documents, the committed model's) and the reference page's (or the service-wide one of a
 * protocol-level code), deduplicated, ascending. Unknown codes: [] (nothing documented).
 */
export function statusesFor(service: string, code: string, modelStatus?: number): number[] {
  const row = documentedError(service, code);
  const m = modelStatus ?? (row ? modelStatusOf(service, code) : undefined);
  const page = row?.page ?? serviceWideStatus(code)?.referencePage;
  const out: number[] = [];
  if (m !== undefined) out.push(m);
  if (page !== undefined && page !== m) out.push(page);
  return out.sort((a, b) => a - b);
}
