// Every output a finished report goes to, in one list: `run` and `merge` write the same files (a new sink,
// report.html say, is added here once and both commands write it).
import { consoleSink } from './console.ts';
import { jsonSink } from './json.ts';
import { junitSink } from './junit.ts';
import { markdownSink } from './markdown.ts';
import type { ReportSink } from './types.ts';

/** report.json first: if a later output fails, the machine-readable report is already there. */
export const reportSinks = (reportDir: string, write: (text: string) => void): ReportSink[] =>
  [jsonSink(reportDir), junitSink(reportDir), markdownSink(reportDir), consoleSink(reportDir, write)];
