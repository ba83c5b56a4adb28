// Idempotency tokens seen by the emulator: key → what the first request did. Entries expire after `ttlMs`
// on the injected clock (Proton documents 8 hours) and the oldest are dropped beyond `max` entries, so a
// long run whose SDK fills in a fresh token per call cannot grow memory without bound.

interface Entry<T> { value: T; expiresAt: number }

export class TokenStore<T> {
  private readonly entries = new Map<string, Entry<T>>();

  constructor(private readonly ttlMs = Number.POSITIVE_INFINITY, private readonly max = 200_000) {}

  get(key: string, now: number): T | undefined {
    const e = this.entries.get(key);
    if (!e) return undefined;
    if (now >= e.expiresAt) {
      this.entries.delete(key);
      return undefined;
    }
    return e.value;
  }

  set(key: string, value: T, now: number): void {
    this.entries.delete(key);
    this.entries.set(key, { value, expiresAt: now + this.ttlMs });
    if (this.entries.size > this.max) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  get size(): number { return this.entries.size; }
}
