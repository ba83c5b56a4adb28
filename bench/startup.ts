// Start-up cost of the CLI as installed (compiled dist/, issue 11 §3): `contract-fuzz run --help` against a
// bare `node -e 0`, interleaved in one run so the machine's drifting speed hits both alike.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function wallMs(args: string[], env: NodeJS.ProcessEnv = process.env): number {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return performance.now() - t0;
}

export function benchStartup(rounds = 9): { nodeMs: number; helpMs: number; ratio: number; sourceMs: number } {
  const bin = fileURLToPath(new URL('../bin/contract-fuzz.js', import.meta.url));
  if (!existsSync(fileURLToPath(new URL('../dist/src/cli.js', import.meta.url)))) throw new Error('no dist/: run `npm run build` first');
  const compiled = { ...process.env, CONTRACT_FUZZ_FROM_SOURCE: '0' };
  const node: number[] = [];
  const help: number[] = [];
  const source: number[] = [];
  for (let i = 0; i < rounds; i++) {
    node.push(wallMs(['-e', '0']));
    help.push(wallMs([bin, 'run', '--help'], compiled));
    if (i < 3) source.push(wallMs([bin, 'run', '--help'], { ...process.env, CONTRACT_FUZZ_FROM_SOURCE: '1' }));
  }
  const nodeMs = median(node);
  const helpMs = median(help);
  return { nodeMs, helpMs, ratio: helpMs / nodeMs, sourceMs: median(source) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = benchStartup();
  console.log(`start-up: run --help ${s.helpMs.toFixed(0)} ms (compiled) vs node -e 0 ${s.nodeMs.toFixed(0)} ms: ${s.ratio.toFixed(1)}× (goal ≤ 3×); from source via tsx ${s.sourceMs.toFixed(0)} ms`);
}
