// Reads an official model file and tells which format it is. The only place the importer touches a source file.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { HarnessError } from '../errors.ts';
import { importBotocore, isBotocore } from './botocore.ts';
import { formatError, type SourceInfo } from './normalize.ts';
import { importSmithy, isSmithy } from './smithy.ts';
import type { ServiceModel, SourceFormat } from './types.ts';

export function detectFormat(doc: unknown): SourceFormat | undefined {
  if (isSmithy(doc)) return 'smithy';
  if (isBotocore(doc)) return 'botocore';
  return undefined;
}

export const today = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Reads, detects and imports one file (whole service, nothing selected yet). */
export function readServiceModel(path: string, now?: Date): ServiceModel {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new HarnessError('CF_ERR_MODEL_LOAD', `cannot read model file ${path}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new HarnessError('CF_ERR_MODEL_LOAD', `${path} is not JSON: ${(e as Error).message}`);
  }
  const info: SourceInfo = { file: basename(path), sha256: createHash('sha256').update(text).digest('hex'), importedAt: today(now) };
  switch (detectFormat(doc)) {
    case 'smithy': return importSmithy(doc, info);
    case 'botocore': return importBotocore(doc, info);
    default: throw formatError(path, 'neither a botocore service-2.json (metadata + shapes) nor a Smithy 2.0 JSON AST ("smithy": "2.0" + shapes)');
  }
}
