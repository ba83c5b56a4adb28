// What this run put into the listings cleanup drains (issue 11 §6): the Cloud Map instances it registered and did not
// deregister, per service, read from every call and answer of the run (Prepared.track). Cleanup deregisters these
// without listing the service first — against a slow target the listing is a round trip before anything else can
// start. Only a shortcut: the service is then deleted, and a service still in use (an instance the run could not
// see, such as a registration whose answer never came) is drained from its listing as before.
import type { Call } from '../contract/call.ts';
import type { Outcome } from '../contract/outcome.ts';
import { profileOf } from '../profiles/index.ts';

type Json = Record<string, unknown>;

export interface KnownItems {
  track(call: Call, outcome: Outcome): void;
  /** The items known to be in `scope`; undefined when the run cannot know (nothing tracked, or an answer unclear). */
  of(scope: string): string[] | undefined;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The payload the target read: the raw body when there is one (odd whitespace, \u-escapes), else the input. */
function payload(c: Call): Json | undefined {
  if (c.rawBody === undefined) return isObject(c.input) ? c.input : undefined;
  try {
    const parsed: unknown = JSON.parse(c.rawBody);
    return isObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

export function knownItems(): KnownItems {
  // Registrations (the profile's `creates`) and what undoes them: the same calls the population keeper sends.
  const register = profileOf('servicediscovery#RegisterInstance');
  const { scopeMember, idMember, undo } = register.creates!;
  const deregister = undo!.operation;
  const items = new Map<string, Set<string>>();
  const unsure = new Set<string>();
  let tracked = false;
  let blind = false; // a registration the target accepted whose payload this cannot read
  return {
    track(c, outcome) {
      tracked = true;
      if (c.service !== register.service || (c.operation !== register.operation && c.operation !== deregister)) return;
      const ok = outcome.status >= 200 && outcome.status < 300;
      const input = payload(c);
      const scope = input?.[scopeMember];
      const id = input?.[idMember];
      if (typeof scope !== 'string' || typeof id !== 'string') {
        if (ok && c.operation === register.operation) blind = true;
        return;
      }
      if (c.operation === deregister) { if (ok) items.get(scope)?.delete(id); return; }
      if (ok) (items.get(scope) ?? items.set(scope, new Set()).get(scope)!).add(id);
      // No answer, or a server error: it may have registered all the same.
      else if (outcome.status === 0 || outcome.status >= 500) unsure.add(scope);
    },
    of(scope) {
      if (!tracked || blind || unsure.has(scope)) return undefined;
      return [...(items.get(scope) ?? [])];
    },
  };
}
