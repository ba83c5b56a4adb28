// The floors of src/, lowest first. A folder (or a top-level file) imports only from its own floor or a lower one,
// and the imports between folders form no cycle: the pipeline reads bottom-up, and nothing imports upward.
// Type-only and dynamic imports count too: an upward type is still a dependency on a higher floor.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

export const FLOORS: readonly (readonly string[])[] = [
  ['errors', 'version', 'packageRoot', 'files', 'args', 'negativeValues', 'schemas', 'pool', 'listingGuard'], // plumbing: coded errors, file writes, argv, JSON documents, a bounded pool, a listing guard
  ['contract'], // the shared vocabulary: Case, Call, Expected, Outcome, Discrepancy, the model types, ids and the model walk
  ['model'], // loading, importing and checking service models
  ['rules', 'schema', 'protocol'], // documented rules as data, model → JSON Schema, the awsJson wire
  ['profiles'], // one profile per operation: everything operation-specific, written once
  ['oracle'], // the reference validator
  ['generate', 'emulator'], // cases from the contract; the reference emulator that validates through the oracle
  ['targets', 'checks'], // what cases are sent to (recording included); comparing an Outcome with an Expected
  ['scenarios'], // idempotency and state scenarios against a target
  ['report'], // report files and sinks
  ['run'], // the run, record and replay commands
  ['config'], // the config file: its schema made from the commands' flag tables, merged into argv before a command runs
  ['cli'], // the entry point
];

const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../src');
const floorOf = new Map(FLOORS.flatMap((names, i) => names.map((n) => [n, i] as const)));

/** The folder a source file belongs to: its top-level folder under src/, or its own name for a file at the top. */
const unitOf = (file: string): string => relative(SRC, file).split(sep)[0]!.replace(/\.ts$/, '');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)['"](\.{1,2}\/[^'"]+)['"]/gm;

interface Edge { from: string; to: string; file: string; spec: string }

/** Every import between two source files (inside a folder too), as file → files. */
function fileGraph(): Map<string, string[]> {
  return new Map(sources(SRC).map((file) => [relative(SRC, file),
    [...readFileSync(file, 'utf8').matchAll(IMPORT)].map((m) => relative(SRC, resolve(dirname(file), m[1]!)))]));
}

function cyclesOf(next: ReadonlyMap<string, Iterable<string>>): string[] {
  const cycles: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const visit = (u: string, path: string[]): void => {
    if (state.get(u) === 'done') return;
    if (state.get(u) === 'open') { cycles.push([...path.slice(path.indexOf(u)), u].join(' → ')); return; }
    state.set(u, 'open');
    for (const v of next.get(u) ?? []) visit(v, [...path, u]);
    state.set(u, 'done');
  };
  for (const u of next.keys()) visit(u, []);
  return cycles;
}

function edges(): Edge[] {
  const out: Edge[] = [];
  for (const file of sources(SRC)) {
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolve(dirname(file), m[1]!);
      if (!target.startsWith(SRC + sep)) continue; // properties/ and package.json sit beside src/, not in a floor
      const [from, to] = [unitOf(file), unitOf(target)];
      if (from !== to) out.push({ from, to, file: relative(SRC, file), spec: m[1]! });
    }
  }
  return out;
}

describe('the layer order of src/', () => {
  const all = edges();

  it('reads imports (the graph is not empty)', () => {
    expect(all.length).toBeGreaterThan(100);
  });

  it('places every folder of src/ on a floor', () => {
    const units = new Set(sources(SRC).map(unitOf));
    expect([...units].filter((u) => !floorOf.has(u))).toEqual([]);
  });

  it('has no import from a lower floor to a higher one', () => {
    const upward = all.filter((e) => floorOf.get(e.from)! < floorOf.get(e.to)!).map((e) => `${e.file} imports ${e.spec} (${e.from} → ${e.to})`);
    expect(upward).toEqual([]);
  });

  it('has no cycle between folders', () => {
    const next = new Map<string, Set<string>>();
    for (const e of all) (next.get(e.from) ?? next.set(e.from, new Set()).get(e.from)!).add(e.to);
    expect(cyclesOf(next)).toEqual([]);
  });

  // A cycle inside a folder is two modules that cannot be understood (or tested) one without the other
  // (run/prerequisites.ts ↔ run/cleanup.ts was one).
  it('has no cycle between files', () => {
    expect(cyclesOf(fileGraph())).toEqual([]);
  });
});
