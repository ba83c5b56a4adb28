// Every output a finished report goes to, in one list: `run` and `merge` write the same files (a new sink is
// added here once and both commands write it).
import { consoleSink } from './console.ts';
import { htmlSink } from './html.ts';
import { jsonSink } from './json.ts';
import { junitSink } from './junit.ts';
import { markdownSink } from './markdown.ts';
import type { ReportSink } from './types.ts';

/** report.json, junit.xml, summary.md and report.html in `dir` (the console is the caller's). */
export const fileSinks = (dir: string): ReportSink[] => [jsonSink(dir), junitSink(dir), markdownSink(dir), htmlSink(dir)];

/** report.json first: if a later output fails, the machine-readable report is already there. */
export const reportSinks = (reportDir: string, write: (text: string) => void): ReportSink[] =>
  [...fileSinks(reportDir), consoleSink(reportDir, write)];

export { htmlSink };
