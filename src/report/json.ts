// report.json: the machine-readable contract. Keys in a fixed order so identical runs give identical files.
import { join } from 'node:path';
import { writeFileAtomic } from '../files.ts';
import type { Report, ReportSink } from './types.ts';

export const jsonSink = (dir: string): ReportSink => ({
  onRunEnd: (report: Report) => writeFileAtomic(join(dir, 'report.json'), JSON.stringify(report, null, 2) + '\n'),
});
