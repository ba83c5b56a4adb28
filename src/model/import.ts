// `models import`: official file (+ optional other-format file) → models/<service>/model.json.
import { writeFileSync } from 'node:fs';
import { ensureDirSync } from '../files.ts';
import { join } from 'node:path';
import { HarnessError } from '../errors.ts';
import { stringifyModel } from './canonical.ts';
import { compareModels } from './compare.ts';
import { defaultOperations } from './defaults.ts';
import { selectOperations } from './select.ts';
import { readServiceModel } from './source.ts';
import { supplement } from './supplement.ts';
import type { ModelDifference, ServiceModel, SourceFormat } from '../contract/model.ts';

export interface ImportOptions {
  file: string;
  /** The same service in the other format: fills missing facts and is compared against. */
  with?: string;
  /** Explicit operation names; unknown ones are an error. Default: the service's default set. */
  operations?: readonly string[];
  outDir: string;
  /** Import date (tests pin it). */
  now?: Date;
}

export interface ImportResult {
  service: string;
  /** Path of the written model.json. */
  file: string;
  differences: ModelDifference[];
  /** Formats of the two compared models, left then right (for printing differences). */
  compared?: [SourceFormat, SourceFormat];
  model: ServiceModel;
}

export function importModel(options: ImportOptions): ImportResult {
  const primary = readServiceModel(options.file, options.now);
  const other = options.with === undefined ? undefined : readServiceModel(options.with, options.now);
  if (other && other.service !== primary.service) {
    throw new HarnessError('CF_ERR_MODEL_FORMAT', `${options.with} models service '${other.service}', ${options.file} models '${primary.service}'`);
  }
  const names = options.operations ?? defaultOperations(primary.service, Object.keys(primary.operations));
  // selectOperations throws CF_ERR_UNKNOWN_OPERATION for a name the primary lacks.
  const selected = selectOperations(primary, names);
  const ops = Object.keys(selected.operations);
  const differences = other ? compareModels(selected, other, ops) : [];
  const model = other ? supplement(selected, other) : selected;
  const dir = join(options.outDir, model.service);
  const file = join(dir, 'model.json');
  try {
    ensureDirSync(dir); // not mkdirSync(…, {recursive}): it never returns for a folder under /proc on Node 20
    writeFileSync(file, stringifyModel(model));
  } catch (e) {
    throw new HarnessError('CF_ERR_CONFIG', `cannot write the model to ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return {
    service: model.service,
    file,
    differences,
    ...(other ? { compared: [primary.provenance.format, other.provenance.format] as [SourceFormat, SourceFormat] } : {}),
    model,
  };
}
