// The run nonce: drawn fresh for every run, it goes into every name, idempotency token and instance id the
// run creates, so nothing collides with what an earlier run left on a long-lived target (8-hour tokens,
// instances, namespaces) while the cases themselves stay seed-determined.
//
// Generated values sit on boundaries (a 64-character clientToken, a 1-character InstanceId, a pattern's
// edge), so the nonce cannot be appended: it rotates each ASCII letter and digit within its own class
// (digit → digit, lower → lower, upper → upper) by a per-position amount drawn from the nonce. Length and
// character class at every position are kept, so every constraint a value satisfies or breaks stays so;
// it is a bijection, so two equal values stay equal and two different ones stay different (the run's state
// model sees the same relations), and `remove` gives the seed's value back for what reports write.
import { randomBytes } from 'node:crypto';
import { prng } from '../emulator/ids.ts';

export interface RunNonce {
  /** The nonce as text: names of created resources carry it (`cf-<tag>-…`). */
  readonly tag: string;
  apply(value: string): string;
  remove(value: string): string;
  /** One character (UTF-16 code unit) at `position` of a value: applied (1) or removed (-1). */
  at(code: number, position: number, sign: 1 | -1): number;
}

/** A fresh nonce: 8 lower-case base-36 characters. */
export const drawNonceTag = (): string => {
  const n = randomBytes(6).readUIntBE(0, 6);
  return n.toString(36).padStart(10, '0').slice(-8);
};

const CLASSES: ReadonlyArray<[number, number]> = [[0x30, 10], [0x61, 26], [0x41, 26]]; // 0-9, a-z, A-Z
const CYCLE = 128; // positions with their own shift; longer values repeat the cycle

// The class of a character code (CLASSES' entries, without a search per character: the nonce runs on every case).
const classOf = (code: number): [number, number] | undefined =>
  code >= 0x30 && code < 0x3a ? CLASSES[0] : code >= 0x61 && code < 0x7b ? CLASSES[1] : code >= 0x41 && code < 0x5b ? CLASSES[2] : undefined;

/** Rotates one character at `position`; `sign` -1 undoes it. Never 0 within a class: every letter and digit changes. */
function rotate(code: number, position: number, shifts: readonly number[], sign: 1 | -1): number {
  const cls = classOf(code);
  if (!cls) return code;
  const base = cls[0];
  const size = cls[1];
  const by = 1 + Math.floor(shifts[position % CYCLE]! * (size - 1));
  return base + ((((code - base) + sign * by) % size) + size) % size;
}

export function runNonce(tag: string): RunNonce {
  const next = prng(`run-nonce\u0000${tag}`);
  const shifts = Array.from({ length: CYCLE }, () => next());
  const codes: number[] = [];
  const map = (value: string, sign: 1 | -1): string => {
    // One string made at the end, not one per character.
    codes.length = value.length;
    for (let i = 0; i < value.length; i++) codes[i] = rotate(value.charCodeAt(i), i, shifts, sign);
    return value.length <= 4096 ? String.fromCharCode.apply(null, codes) : codes.map((c) => String.fromCharCode(c)).join('');
  };
  return { tag, apply: (v) => map(v, 1), remove: (v) => map(v, -1), at: (code, position, sign) => rotate(code, position, shifts, sign) };
}

/**
 * The same rotation on the source text of a JSON string literal (quotes included), escapes kept as they are
 * written: `\u0061` stays a `\u` escape of the rotated letter. Positions count decoded characters, so the
 * literal decodes to `nonce.apply` of what it decoded to before.
 */
export function applyToLiteral(literal: string, nonce: RunNonce, sign: 1 | -1 = 1): string {
  let out = '"';
  let position = 0;
  const shift = (ch: string) => String.fromCharCode(nonce.at(ch.charCodeAt(0), position, sign));
  for (let i = 1; i < literal.length - 1; i++) {
    const ch = literal[i]!;
    if (ch !== '\\') { out += shift(ch); position++; continue; }
    const esc = literal[i + 1];
    if (esc === 'u' && /^[0-9a-fA-F]{4}$/.test(literal.slice(i + 2, i + 6))) {
      const hex = literal.slice(i + 2, i + 6);
      const code = shift(String.fromCharCode(parseInt(hex, 16))).charCodeAt(0);
      const rewritten = code.toString(16).padStart(4, '0');
      out += `\\u${hex === hex.toUpperCase() && /[A-F]/.test(hex) ? rewritten.toUpperCase() : rewritten}`;
      i += 5;
    } else {
      out += ch + (esc ?? '');
      i += 1;
    }
    position++;
  }
  return `${out}"`;
}

/** Letters and digits a token needs before the nonce makes it this run's own: every one of them is rotated
 * (never by 0), so two runs' nonces send the same such token with odds below 1 in 9^8. A shorter token, or one
 * made of punctuation the nonce keeps, may still be one an earlier run bound to other parameters. */
export const RUN_UNIQUE_ALNUM = 8;

export const runUniqueToken = (token: string): boolean => {
  let n = 0;
  for (let i = 0; i < token.length && n < RUN_UNIQUE_ALNUM; i++) {
    const c = token.charCodeAt(i);
    const lower = c | 0x20; // ASCII letters folded to lower case
    if ((c >= 0x30 && c <= 0x39) || (lower >= 0x61 && lower <= 0x7a)) n++;
  }
  return n >= RUN_UNIQUE_ALNUM;
};
