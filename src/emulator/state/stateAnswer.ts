// The emulator's answer to a request that meets one of its operation's states (src/profiles/): the profile's
// code and message, so what the emulator answers and what the oracle expects are one text.
import type { Profile } from '../../profiles/index.ts';
import { fail, type EmulatorError } from '../types.ts';

export function stateAnswer(profile: Profile, id: string, payload: Readonly<Record<string, unknown>>, extra?: Record<string, unknown>): { error: EmulatorError } {
  const state = profile.states.find((s) => s.id === id);
  if (!state) throw new Error(`${profile.key}: the profile has no state ${id}`);
  return fail(state.code, state.message(payload), extra);
}

/** The profile's answer when the resource its operation references does not exist. */
export function notFoundAnswer(profile: Profile, payload: Readonly<Record<string, unknown>>): { error: EmulatorError } {
  if (!profile.reference) throw new Error(`${profile.key}: the profile references no resource`);
  return stateAnswer(profile, profile.reference.notFound, payload);
}
