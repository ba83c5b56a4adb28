// Records with required and optional members in one arbitrary: presence flags from one draw, member values
// from their own arbitraries. Same values and shrinks as fc.record with requiredKeys (optional members are
// dropped first, then members shrink one at a time), with fewer intermediate values on the hot path.
import fc from 'fast-check';

type Members = Readonly<Record<string, fc.Arbitrary<unknown>>>;

interface Ctx {
  keys: string[];
  values: fc.Value<unknown>[];
}

export class RecordArbitrary<T extends Record<string, unknown>> extends fc.Arbitrary<T> {
  private readonly keys: string[];
  private readonly arbs: fc.Arbitrary<unknown>[];
  private readonly required: boolean[];

  constructor(members: Members, requiredKeys: readonly string[]) {
    super();
    this.keys = Object.keys(members);
    this.arbs = this.keys.map((k) => members[k]!);
    this.required = this.keys.map((k) => requiredKeys.includes(k));
    if (this.keys.length > 30) throw new Error('record: at most 30 members');
  }

  generate(mrng: fc.Random, bias: number | undefined): fc.Value<T> {
    const bits = mrng.nextInt(0, 0x3fffffff);
    const keys: string[] = [];
    const values: fc.Value<unknown>[] = [];
    for (let i = 0; i < this.keys.length; i++) {
      if (!this.required[i] && (bits >>> i) & 1) continue;
      keys.push(this.keys[i]!);
      values.push(this.arbs[i]!.generate(mrng, bias));
    }
    return this.value({ keys, values });
  }

  private value(c: Ctx): fc.Value<T> {
    const o: Record<string, unknown> = {};
    for (let i = 0; i < c.keys.length; i++) o[c.keys[i]!] = c.values[i]!.value;
    return new fc.Value(o as T, c);
  }

  canShrinkWithoutContext(v: unknown): v is T {
    if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
    const o = v as Record<string, unknown>;
    for (const k in o) if (!this.keys.includes(k)) return false;
    return this.keys.every((k, i) => (k in o ? this.arbs[i]!.canShrinkWithoutContext(o[k]) : !this.required[i]));
  }

  shrink(v: T, context: unknown): fc.Stream<fc.Value<T>> {
    let c = context as Ctx | undefined;
    if (!c) {
      const keys = this.keys.filter((k) => k in v);
      c = { keys, values: keys.map((k) => new fc.Value((v as Record<string, unknown>)[k], undefined)) };
    }
    return new fc.Stream(this.shrinks(c));
  }

  private *shrinks(c: Ctx): IterableIterator<fc.Value<T>> {
    for (let i = 0; i < c.keys.length; i++) {
      if (this.required[this.keys.indexOf(c.keys[i]!)]) continue;
      yield this.value({ keys: c.keys.filter((_, j) => j !== i), values: c.values.filter((_, j) => j !== i) });
    }
    for (let i = 0; i < c.keys.length; i++) {
      const arb = this.arbs[this.keys.indexOf(c.keys[i]!)]!;
      for (const s of arb.shrink(c.values[i]!.value_, c.values[i]!.context)) {
        const values = c.values.slice();
        values[i] = s;
        yield this.value({ keys: c.keys, values });
      }
    }
  }
}

/** Like fc.record(members, {requiredKeys}): optional members absent half of the time. */
export const record = <T extends Record<string, unknown>>(members: Members, requiredKeys: readonly string[]): fc.Arbitrary<T> =>
  new RecordArbitrary<T>(members, requiredKeys);
