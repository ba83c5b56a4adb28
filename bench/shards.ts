// Shard equality and wall time: the default job (both operations against the builtin emulator, seed 1) as one
// run and as 3 shards run side by side (3 processes, as a CI matrix would), merged with `contract-fuzz merge`.
// Prints whether the cases (case id digests), finding ids and coverage are the same, and both wall times.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Report } from '../src/report/types.ts';

const bin = fileURLToPath(new URL('../bin/contract-fuzz.js', import.meta.url));
const env = { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' };

const cli = (args: string[]): Promise<number | null> => new Promise((resolve, reject) => {
  const child = spawn(process.execPath, [bin, ...args], { env, stdio: 'ignore' });
  child.once('error', reject);
  child.once('close', resolve);
});

export interface ShardBench { sameCases: boolean; sameFindings: boolean; sameCoverage: boolean; cases: number; wholeSeconds: number; shardedSeconds: number }

export async function benchShards(total = 3): Promise<ShardBench> {
  const dir = mkdtempSync(join(tmpdir(), 'cf-bench-shards-'));
  try {
    const common = ['run', '--seed', '1', '--no-fixtures'];
    let t0 = performance.now();
    await cli([...common, '--report-dir', join(dir, 'whole')]);
    const wholeSeconds = (performance.now() - t0) / 1000;
    t0 = performance.now();
    const shards = Array.from({ length: total }, (_, i) => join(dir, `shard-${i + 1}`));
    await Promise.all(shards.map((d, i) => cli([...common, '--shard', `${i + 1}/${total}`, '--report-dir', d])));
    await cli(['merge', ...shards, '--report-dir', join(dir, 'merged')]);
    const shardedSeconds = (performance.now() - t0) / 1000;
    const read = (d: string) => JSON.parse(readFileSync(join(dir, d, 'report.json'), 'utf8')) as Report;
    const whole = read('whole');
    const merged = read('merged');
    return {
      sameCases: isDeepStrictEqual(whole.run.caseDigest, merged.run.caseDigest),
      sameFindings: isDeepStrictEqual(whole.discrepancies.map((f) => `${f.id} ${f.count}`), merged.discrepancies.map((f) => `${f.id} ${f.count}`)),
      sameCoverage: isDeepStrictEqual(whole.coverage, merged.coverage),
      cases: whole.summary.cases, wholeSeconds, shardedSeconds,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const shardLine = (r: ShardBench): string =>
  `shards: default job as 1 run vs 3 shards merged: cases ${r.sameCases ? 'same' : 'DIFFER'}, finding ids ${r.sameFindings ? 'same' : 'DIFFER'}, coverage ${r.sameCoverage ? 'same' : 'DIFFERS'} (${r.cases} cases); wall ${r.wholeSeconds.toFixed(1)} s whole, ${r.shardedSeconds.toFixed(1)} s for 3 shards side by side + merge (on this machine's cores)`;
