// --include / --exclude: which constraint, rule and scenario ids a run generates cases for and checks.
// Patterns are ids or globs (picomatch: 'Attributes*', 'rule:*', 'idempotency:*'); an id is kept when it matches
// an --include pattern (or there is none) and no --exclude pattern. A pattern that matches no id of the run's
// operations is a usage error: a typo must not silently run everything (or nothing).
//
// What a filtered-out id means (README "Run filters"):
// - generated: no coverage case aims at it, no case that breaks it is generated (random invalid cases are drawn
//   among the kept ids only), and scenario families whose ids are all filtered out do not run;
// - checked: every check still runs on every case that is sent. Valid cases satisfy every constraint, so they
//   are still generated and judged whole (a target refusing a valid case is a finding, whichever constraint it
//   objects to); answer-level checks (status, Content-Type, message key, response schema) run on every answer.
//   In a scenario family that checks several ids, a check failing on a filtered-out id counts for nothing.
// - reported: report.json run.filters lists the patterns and, per operation, the ids left out; the coverage
//   table leaves them out; a baseline entry about a filtered-out id is "not exercised", never "fixed".
import picomatch from 'picomatch';
import { HarnessError } from '../errors.ts';
import { UNKNOWN_MEMBER } from '../generate/index.ts';
import { constraintsOf } from '../oracle/index.ts';
import { scenariosOf } from '../scenarios/index.ts';

export interface RunFilter {
  /** Whether any pattern was given. */
  active: boolean;
  /** Whether `id` of `operation` is generated for (ids outside the filterable set, e.g. `Op#valid`, always are). */
  keeps(operation: string, id: string): boolean;
  /** For report.json run.filters. */
  summary(): FilterSummary;
}

export interface FilterSummary {
  include: string[];
  exclude: string[];
  /** Per operation: the ids left out, in catalogue order. */
  excluded: Record<string, { count: number; ids: string[] }>;
}

/** Every id a filter can name for `operation`: catalogue constraints and rules, generator-only ids, scenarios. */
export const filterableIds = (operation: string): string[] =>
  [...new Set([...constraintsOf(operation).map((c) => c.id), UNKNOWN_MEMBER, ...scenariosOf(operation).map((s) => s.id)])];

type Matcher = (id: string) => boolean;

/** An exact id matches itself even where it reads as a glob (`Attributes{key}#length`, `tags[].key#required`). */
function matcher(pattern: string, flag: string): Matcher {
  let glob: Matcher;
  try {
    glob = picomatch(pattern, { dot: true });
  } catch (e) {
    throw new HarnessError('CF_ERR_USAGE', `--${flag} '${pattern}' is not a valid glob (${(e as Error).message})`);
  }
  return (id) => id === pattern || glob(id);
}

export function runFilter(operations: readonly string[], include: readonly string[], exclude: readonly string[]): RunFilter {
  const ids = new Map(operations.map((op) => [op, filterableIds(op)]));
  const compile = (patterns: readonly string[], flag: string) => patterns.map((p) => {
    const m = matcher(p, flag);
    if (![...ids.values()].some((list) => list.some(m))) {
      throw new HarnessError('CF_ERR_USAGE', `--${flag} '${p}' matches no constraint, rule or scenario id of ${operations.join(', ')} (ids: the coverage table of report.json; scenarios: idempotency:*, state:*)`);
    }
    return m;
  });
  const inc = compile(include, 'include');
  const exc = compile(exclude, 'exclude');
  const filterable = new Map([...ids].map(([op, list]) => [op, new Set(list)]));
  const keeps = (operation: string, id: string): boolean =>
    !filterable.get(operation)?.has(id) || ((inc.length === 0 || inc.some((m) => m(id))) && !exc.some((m) => m(id)));
  return {
    active: include.length + exclude.length > 0,
    keeps,
    summary: () => ({
      include: [...include], exclude: [...exclude],
      excluded: Object.fromEntries([...ids].map(([op, list]) => {
        const out = list.filter((id) => !keeps(op, id));
        return [op, { count: out.length, ids: out }];
      })),
    }),
  };
}

/** The console's one line: what the filters left out. */
export function filterLine(s: FilterSummary): string {
  const given = [...s.include.map((p) => `--include ${p}`), ...s.exclude.map((p) => `--exclude ${p}`)].join(' ');
  const per = Object.entries(s.excluded).map(([op, e]) => `${op} ${e.count}`).join(', ');
  return `filters (${given}): ids left out (not generated; see report.json run.filters): ${per}`;
}
