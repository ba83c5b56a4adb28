// `run --target replay:DIR` answers the run that was recorded and nothing else: with another seed or operation
// every case would be "not in recording" and show as a transport finding. One line naming what was recorded.
import { HarnessError } from '../errors.ts';
import type { OpenTarget } from '../targets/open.ts';
import type { RunOptions } from './options.ts';

export function assertRecordedRun(t: Pick<OpenTarget, 'name' | 'recorded'>, o: Pick<RunOptions, 'seed' | 'operations'>): void {
  const r = t.recorded;
  if (r === undefined) return;
  // Seeds are 32-bit and accepted signed or unsigned (options.ts): compare them as unsigned.
  if (!r.seeds.some((s) => s >>> 0 === o.seed >>> 0)) {
    throw new HarnessError('CF_ERR_USAGE', `${t.name} was recorded with --seed ${r.seeds.join(', ')}, not ${o.seed}: run it with --seed ${r.seeds[0]}`);
  }
  const missing = o.operations.filter((op) => !r.operations.includes(op));
  if (missing.length > 0) {
    throw new HarnessError('CF_ERR_USAGE', `${t.name} holds no recording of ${missing.join(', ')} (recorded: ${r.operations.join(', ')}): run it with --operation ${r.operations.length === 1 ? r.operations[0] : 'all'}`);
  }
}
