// report.html: one self-contained page (inline CSS and script, no request to any host) for the people who open
// a failed CI job. Rendered by eta with auto-escaping: every value from a report, and so from a target, is escaped.
import { join } from 'node:path';
import { Eta } from 'eta';
import { writeFileAtomic } from '../files.ts';
import { htmlView } from './htmlView.ts';
import { CSP, SCRIPT, STYLE, TEMPLATE } from './htmlTemplate.ts';
import type { Report, ReportSink } from './types.ts';

const eta = new Eta({ autoEscape: true, useWith: false, varName: 'it', cache: false });
// Compiled once per process: the template is fixed.
const page = eta.compile(TEMPLATE);

export function renderHtml(report: Report): string {
  return eta.render(page, { ...htmlView(report), csp: CSP, style: STYLE, script: SCRIPT });
}

export const htmlSink = (dir: string): ReportSink => ({
  onRunEnd: (report) => writeFileAtomic(join(dir, 'report.html'), renderHtml(report)),
});
