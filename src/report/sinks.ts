// The report files every run writes (and `merge` too): one list, so a new format reaches both.
import { htmlSink } from './html.ts';
import { jsonSink } from './json.ts';
import { junitSink } from './junit.ts';
import { markdownSink } from './markdown.ts';
import type { ReportSink } from './types.ts';

/** report.json, junit.xml, summary.md and report.html in `dir` (the console is the caller's). */
export const fileSinks = (dir: string): ReportSink[] => [jsonSink(dir), junitSink(dir), markdownSink(dir), htmlSink(dir)];

export { htmlSink };
