// `contract-fuzz merge DIR…`: reads the shards' report.json files, merges them (merge.ts) and writes the
// report of the whole through the same sinks a run writes (report.json, junit.xml, summary.md, the console).
// Exit code as a run's: 0 no gating finding, 1 gating findings (or a partial run: a shard interrupted or stopped
// early), 2 not the shards of one run, a report that does not read, an output that cannot be written.
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../args.ts';
import { HarnessError } from '../errors.ts';
import { assertWritableDir, assertWritableFile } from '../files.ts';
import { attemptWrite } from '../report/outputs.ts';
import { reportSinks } from '../report/sinks.ts';
import type { Report } from '../report/types.ts';
import { readJsonFile } from '../schemas/read.ts';
import { writeBaseline } from './baseline.ts';
import { mergeReports, type ShardReport } from './merge.ts';
import { shardShapeProblem } from './shardShape.ts';

export const MERGE_HELP = `usage: contract-fuzz merge DIR… [--report-dir DIR] [--write-baseline FILE]

Merges the reports of the shards of one run (contract-fuzz run --shard i/n, each with its own --report-dir)
into the report of the whole: report.json, junit.xml, summary.md. Every shard 1…n must be given once, all run
with the same seed and options. Exit code 0: no gating finding; 1: findings (or a shard was interrupted or
stopped early); 2: not the shards of one run, or a report or output that cannot be read or written.

  DIR                   a shard's report folder (holding report.json), or its report.json
  --report-dir DIR      where the merged report goes (default reports; not one of the shards' folders)
  --write-baseline FILE write the whole run's findings as a baseline`;

export interface MergeIO { write(text: string): void; writeErr(text: string): void }

/** A shard's report.json: a folder holding one, or the file. */
function readShard(arg: string): ShardReport {
  let file = arg;
  try { if (statSync(arg).isDirectory()) file = join(arg, 'report.json'); } catch { /* readJsonFile says what is wrong */ }
  const value = readJsonFile(file, 'the shard report', 'CF_ERR_MERGE') as Partial<Report> | null;
  const ok = value !== null && typeof value === 'object' && typeof value.run === 'object' && value.run !== null && typeof value.summary === 'object'
    && Array.isArray(value.discrepancies) && typeof value.coverage === 'object' && typeof value.tool === 'object';
  if (!ok) throw new HarnessError('CF_ERR_MERGE', `${file} is not a contract-fuzz report.json`);
  const problem = shardShapeProblem(value as Report);
  if (problem) throw new HarnessError('CF_ERR_MERGE', `${file}: ${problem}`);
  return { from: file, report: value as Report };
}

export async function mergeReportDirs(dirs: readonly string[], reportDir: string, io: MergeIO, baselineFile?: string): Promise<{ report: Report; exitCode: number }> {
  if (dirs.some((d) => resolve(d) === resolve(reportDir) || resolve(d) === resolve(reportDir, 'report.json'))) {
    throw new HarnessError('CF_ERR_USAGE', `--report-dir ${reportDir} is one of the shards' folders: the merged report would overwrite a shard's`);
  }
  const report = mergeReports(dirs.map(readShard));
  await assertWritableDir(reportDir, 'reports');
  if (baselineFile) await assertWritableFile(baselineFile, 'the baseline');
  const problems: string[] = [];
  const attempt = async (what: string, where: string, write: () => unknown) => {
    const p = await attemptWrite(what, where, write);
    if (p !== undefined && !problems.includes(p)) problems.push(p);
    return p;
  };
  for (const sink of reportSinks(reportDir, io.write)) await attempt('reports', reportDir, () => sink.onRunEnd(report));
  if (baselineFile) {
    let entries = 0;
    const p = await attempt('the baseline', baselineFile, async () => { entries = await writeBaseline(baselineFile, report.discrepancies); });
    if (p === undefined) io.write(`baseline written: ${baselineFile} (${entries} entries)\n`);
  }
  for (const p of problems) io.writeErr(`contract-fuzz: ${p}\n`);
  const partial = report.run.interrupted || report.run.stoppedEarly !== undefined;
  if (report.run.interrupted) io.writeErr('contract-fuzz: a shard was interrupted: the merged report is partial\n');
  const exitCode = problems.length > 0 ? 2 : report.summary.gating > 0 || partial ? 1 : 0;
  return { report, exitCode };
}

export async function mergeCommand(argv: string[]): Promise<number> {
  const { values: v, positionals } = parse(argv, { 'report-dir': { type: 'string' }, 'write-baseline': { type: 'string' }, help: { type: 'boolean' } }, true);
  if (v.help) { process.stdout.write(MERGE_HELP + '\n'); return 0; }
  return (await mergeReportDirs(positionals, v['report-dir'] ?? 'reports', {
    write: (t) => process.stdout.write(t), writeErr: (t) => process.stderr.write(t),
  }, v['write-baseline'])).exitCode;
}
