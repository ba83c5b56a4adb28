// The emulator's idempotency tokens, read from the operation's profile (src/profiles/): which member is the
// token, that a replay (same token, same parameters) answers as the original request did, what a token reused
// with other parameters answers, and how long a token is remembered. The runner's state model reads the same
// profile, so the emulator and the harness judging targets cannot disagree on what replay and mismatch mean.
import { findOperation } from '../../model/load.ts';
import type { Profile, Idempotency } from '../../profiles/index.ts';
import { fingerprint } from '../ids.ts';
import { fail, type EmulatorError } from '../types.ts';
import { TokenStore } from './tokens.ts';

type Input = Readonly<Record<string, unknown>>;

/** What a token means for a request: a replay of `ref`, a mismatch (the error to answer), or nothing (no
 * token, or one not seen yet). */
export type TokenCheck<T> = { replay: T } | { mismatch: T; error: EmulatorError } | undefined;

export class IdempotencyLedger<T> {
  private readonly idem: Idempotency;
  private readonly store: TokenStore<{ fp: string; ref: T }>;
  /** The input members the model defines: an unknown member is ignored by the service, so it is no other parameter. */
  private readonly members: readonly string[];

  /** `describe` names the original request in a mismatch answer (its message, extra body members). */
  constructor(profile: Profile, private readonly clock: { now(): number },
    private readonly describe: (ref: T) => { text: string; extra?: Record<string, unknown> } = () => ({ text: '' })) {
    if (!profile.idempotency) throw new Error(`${profile.key}: the profile names no idempotency token`);
    this.idem = profile.idempotency;
    this.store = new TokenStore(profile.idempotency.ttlMs);
    const { operation, service } = findOperation(profile.key);
    const input = operation.input ? service.shapes[operation.input] : undefined;
    this.members = input?.type === 'structure' ? Object.keys(input.members) : [];
  }

  /** The token a request carries; an empty token is no token. */
  token(input: Input): string | undefined {
    const t = input[this.idem.tokenMember];
    return typeof t === 'string' && t !== '' ? t : undefined;
  }

  /** `resolved`: members as the service reads them (a service ARN and its id name the same service), and what
   * else the request is bound to besides its members (the namespace type of a CreateNamespace). */
  check(input: Input, resolved: Input = {}): TokenCheck<T> {
    const token = this.token(input);
    const prior = token === undefined ? undefined : this.store.get(token, this.clock.now());
    if (!prior) return undefined;
    if (prior.fp === this.params(input, resolved)) return { replay: prior.ref };
    const { text, extra } = this.describe(prior.ref);
    return { mismatch: prior.ref, ...fail(this.idem.mismatch.codes[0]!, `${this.idem.mismatch.message}${text}`, extra) };
  }

  /** Binds the request's token (if any) to its parameters and to what it did. */
  remember(input: Input, ref: T, resolved: Input = {}): void {
    const token = this.token(input);
    if (token !== undefined) this.store.set(token, { fp: this.params(input, resolved), ref }, this.clock.now());
  }

  // The parameters a token is bound to: the request's members without the token (null is absent: fingerprint).
  private params(input: Input, resolved: Input): string {
    const rest: Record<string, unknown> = {};
    for (const m of this.members) if (m !== this.idem.tokenMember) rest[m] = input[m];
    return fingerprint({ ...rest, ...resolved });
  }
}
