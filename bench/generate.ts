// Generated-and-classified cases per second, per operation: the fill phase of a plan (valid and invalid
// cases alternating over the coverage contexts), each case generated and judged by the oracle. One process,
// fixed seed, a warm-up, then a few seconds per operation. `npx tsx bench/generate.ts [seconds]`.
import { fileURLToPath } from 'node:url';
import { GENERATED_OPERATIONS, plan } from '../src/generate/index.ts';
import { expectCase } from '../src/oracle/index.ts';

export interface GenerateBenchRow {
  operation: string;
  /** Over the whole measured run (wall clock). */
  casesPerSecond: number;
  /** Best and median of 250 ms windows: the best one is the least disturbed by other load on the machine. */
  bestWindow: number;
  medianWindow: number;
  /** Per second of this process's CPU time (less sensitive to other load on the machine). */
  casesPerCpuSecond: number;
  cases: number;
  invalidShare: number;
}

const SEED = 20261122;

const WINDOW_MS = 250;

function run(operation: string, seconds: number) {
  const items = plan(operation, { seed: SEED, runs: Number.MAX_SAFE_INTEGER, coverage: false });
  let cases = 0;
  let invalid = 0;
  const windows: number[] = [];
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const deadline = t0 + seconds * 1000;
  let w0 = t0;
  let wCases = 0;
  for (let now = t0; now < deadline; ) {
    for (let i = 0; i < 64; i++) {
      const item = items.next().value!;
      expectCase(item.case);
      if (item.case.kind === 'invalid') invalid++;
    }
    cases += 64;
    wCases += 64;
    now = performance.now();
    if (now - w0 >= WINDOW_MS) {
      windows.push((wCases * 1000) / (now - w0));
      w0 = now;
      wCases = 0;
    }
  }
  const c = process.cpuUsage(c0);
  windows.sort((a, b) => a - b);
  return {
    cases, invalid, wall: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6,
    best: windows[windows.length - 1] ?? 0, median: windows[windows.length >> 1] ?? 0,
  };
}

export async function benchGenerate(options: { seconds?: number; warmupSeconds?: number } = {}): Promise<GenerateBenchRow[]> {
  const seconds = options.seconds ?? 4;
  const rows: GenerateBenchRow[] = [];
  for (const operation of GENERATED_OPERATIONS) {
    run(operation, options.warmupSeconds ?? 3);
    const r = run(operation, seconds);
    rows.push({
      operation,
      casesPerSecond: Math.round(r.cases / r.wall),
      bestWindow: Math.round(r.best),
      medianWindow: Math.round(r.median),
      casesPerCpuSecond: Math.round(r.cases / r.cpu),
      cases: r.cases,
      invalidShare: r.invalid / r.cases,
    });
  }
  return rows;
}

export function formatTable(rows: readonly GenerateBenchRow[]): string {
  const head = ['operation', 'cases/s', 'best 250ms', 'median 250ms', 'cases/cpu-s', 'cases', 'invalid'];
  const body = rows.map((r) => [r.operation, String(r.casesPerSecond), String(r.bestWindow), String(r.medianWindow), String(r.casesPerCpuSecond), String(r.cases), `${Math.round(r.invalidShare * 100)}%`]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const seconds = Number(process.argv[2] ?? 4);
  benchGenerate({ seconds }).then((rows) => console.log(`generate + classify, seed ${SEED}, ${seconds}s per operation (Node ${process.version})\n${formatTable(rows)}`));
}
