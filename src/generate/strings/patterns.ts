// The model's patterns as data a constructive generator can use: which characters may start a value,
// which may follow, which whole values are also allowed, and which characters break it where. Keyed by
// the model's pattern text; test/generate/patterns.test.ts checks every entry against the real regex.
import { ALNUM, DIGIT, NONZERO, VISIBLE, VISIBLE_WS, justOutside, union, without, type CharClass } from './chars.ts';

export interface PatternSpec {
  /** Class of the first character. */
  first: CharClass;
  /** Class of every later character. */
  rest: CharClass;
  /** The shortest string the pattern accepts through `first`/`rest` (1 for `+`, 0 for `*`). */
  minLength: number;
  /** Whole values the pattern also accepts outside first/rest (TemplateVersionPart: "0"). */
  extra?: readonly string[];
  /** Break the pattern wherever they stand. */
  anywhere: CharClass;
  /** Break it only as the first character of a non-empty valid value (`_name`, ` value`, `01`). */
  leading: CharClass;
  /** Whole values that break it (besides the empty string, which `minLength` covers). */
  whole?: readonly string[];
  /** Class for values at a length bound, when it differs from `rest` (pattern-free text: astral characters). */
  boundary?: CharClass;
}

const INSTANCE_ID = union(DIGIT, ALNUM, '_/:.@-');
const RESOURCE_REST = union(ALNUM, '_-');

const simple = (cls: CharClass, minLength: number): PatternSpec => ({
  first: cls, rest: cls, minLength, anywhere: justOutside(cls), leading: [],
});

export const KNOWN_PATTERNS: Readonly<Record<string, PatternSpec>> = {
  // Cloud Map InstanceId
  '^[0-9a-zA-Z_/:.@-]+$': simple(INSTANCE_ID, 1),
  // Cloud Map AttrKey
  '^[a-zA-Z0-9!-~]+$': simple(VISIBLE, 1),
  // Cloud Map AttrValue: no leading space or tab; trailing ones are allowed by the regex
  '^([a-zA-Z0-9!-~][ \\ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$': {
    first: VISIBLE, rest: VISIBLE_WS, minLength: 0,
    anywhere: without(justOutside(VISIBLE_WS), ' \t'), leading: [' ', '\t'], whole: [' ', '\t', '  ', ' \t ', '\t\t'],
  },
  // Proton ResourceName
  '^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$': {
    first: ALNUM, rest: RESOURCE_REST, minLength: 1, anywhere: justOutside(RESOURCE_REST), leading: ['_', '-'],
  },
  // Proton TemplateVersionPart
  '^(0|([1-9]{1}\\d*))$': {
    first: NONZERO, rest: DIGIT, minLength: 1, extra: ['0'],
    anywhere: union(justOutside(DIGIT), ['a', 'e', 'E', 'x', '٣', '１']), leading: ['0'], whole: ['-0', '+1', '1.0', '1e3', '0x1', ' 1', '1 ', '١'],
  },
  // Proton ClientToken
  '^[!-~]*$': simple(VISIBLE, 0),
};

/** The spec of a model pattern, or undefined when the table does not know it. */
export const patternSpec = (pattern: string): PatternSpec | undefined => KNOWN_PATTERNS[pattern];
