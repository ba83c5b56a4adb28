// `npm run bench`: the three numbers the project promises, one process each where it matters.
//   1. generated-and-classified cases/s per operation (generate + oracle), one core
//   2. requests/s through the full send path vs a raw undici loop against an echo server, concurrency 32
//   3. wall time and cases/s of the default job (`npm start`)
//   4. start-up of the compiled CLI against a bare node
//   5. the soak: 200,000 cases against `serve` at concurrency 64 and 50,000 in-process, 0 findings (`soak`)
//   6. shard equality: the default job as 1 run and as 3 shards merged (`shards`)
//   7. per case against `serve`: harness CPU vs generate+classify, end-to-end cases/s vs the send path (`perf`)
//   8. peak RSS after 10k, 100k and 1M cases of one run against `serve` (`memory`, only when asked: it takes many minutes)
//   9. a default run against a target answering in 2 s, through a delaying proxy (`slow`, only when asked: minutes)
import { benchGenerate } from './generate.ts';
import { benchMemory, benchPerf, memoryLine, perfLines } from './perf.ts';
import { benchDefaultRun } from './run.ts';
import { benchSend, sendCpuLine } from './send.ts';
import { benchShards, shardLine } from './shards.ts';
import { benchSlow, slowLines } from './slow.ts';
import { benchSoak, soakLine } from './soak.ts';
import { benchStartup } from './startup.ts';

const only = process.argv[2];
if (!only || only === 'generate') {
  for (const r of await benchGenerate()) console.log(`generate+classify ${r.operation}: ${Math.round(r.casesPerSecond)} cases/s`);
}
if (!only || only === 'send') {
  const s = await benchSend();
  console.log(`send path @32: ${Math.round(s.fullPath)} req/s (encode+sign+send+decode vs builtin emulator); raw undici vs echo: ${Math.round(s.echoBaseline)} req/s; ratio ${(s.ratio * 100).toFixed(0)}% (goal ≥ 50%)`);
  console.log(sendCpuLine(s));
}
if (!only || only === 'run') {
  const r = benchDefaultRun();
  console.log(`default run (npm start): ${r.wallSeconds.toFixed(1)} s wall (goal < 20 s), ${r.cases} cases, ${r.requests} requests, ${r.casesPerSecond} cases/s, ${r.findings} findings, exit ${r.exitCode}`);
}
if (!only || only === 'startup') {
  const s = benchStartup();
  console.log(`start-up: run --help ${s.helpMs.toFixed(0)} ms (compiled) vs node -e 0 ${s.nodeMs.toFixed(0)} ms: ${s.ratio.toFixed(1)}× (goal ≤ 3×); from source via tsx ${s.sourceMs.toFixed(0)} ms`);
}
if (!only || only === 'soak') {
  for (const r of await benchSoak()) console.log(soakLine(r));
}
if (!only || only === 'shards') console.log(shardLine(await benchShards()));
if (!only || only === 'perf') {
  for (const l of perfLines(await benchPerf())) console.log(l);
}
if (only === 'memory') {
  const sizes = (process.env.MEMORY_SIZES ?? '10000,100000,1000000').split(',').map(Number);
  await benchMemory(sizes, (r) => console.log(memoryLine(r)));
}
if (only === 'slow') {
  for (const l of slowLines(await benchSlow(undefined, process.argv.slice(3)), process.env.SLOW_VERBOSE !== undefined)) console.log(l);
}
