// Reads an official model file and tells which format it is. The only place the importer touches a source file.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { HarnessError, isHarnessError } from '../errors.ts';
import { checkModel } from './check.ts';
import { oneLine, readRegularFile } from '../schemas/read.ts';
import { importBotocore, isBotocore } from './botocore.ts';
import { formatError, type SourceInfo } from './normalize.ts';
import { importSmithy, isSmithy } from './smithy.ts';
import type { ServiceModel, SourceFormat } from '../contract/model.ts';

export function detectFormat(doc: unknown): SourceFormat | undefined {
  if (isSmithy(doc)) return 'smithy';
  if (isBotocore(doc)) return 'botocore';
  return undefined;
}

export const today = (now: Date = new Date()): string => now.toISOString().slice(0, 10);

/** Reads, detects and imports one file (whole service, nothing selected yet). */
export function readServiceModel(path: string, now?: Date): ServiceModel {
  return importModelText(path, readModelJson(path), now);
}

/** A model file's text and its JSON (only a regular file: `models import` of a FIFO must not block forever). */
export function readModelJson(path: string): { text: string; doc: unknown } {
  const text = readRegularFile(path, 'model file', 'CF_ERR_MODEL_LOAD');
  try {
    return { text, doc: JSON.parse(text) };
  } catch (e) {
    throw new HarnessError('CF_ERR_MODEL_LOAD', `${path} is not JSON: ${oneLine((e as Error).message)}`);
  }
}

/** Detects the format of an official model already read and imports it (whole service, nothing selected yet). */
export function importModelText(path: string, { text, doc }: { text: string; doc: unknown }, now?: Date): ServiceModel {
  const info: SourceInfo = { file: basename(path), sha256: createHash('sha256').update(text).digest('hex'), importedAt: today(now) };
  const format = detectFormat(doc);
  if (format === undefined) throw formatError(path, 'neither a botocore service-2.json (metadata + shapes) nor a Smithy 2.0 JSON AST ("smithy": "2.0" + shapes)');
  let model: ServiceModel;
  try {
    model = format === 'smithy' ? importSmithy(doc, info) : importBotocore(doc, info);
  } catch (e) {
    // The importers read an untrusted file: whatever they trip over in it is a format error of that file.
    if (isHarnessError(e)) throw e;
    throw formatError(path, `cannot be imported as ${format}: ${String((e as Error)?.message ?? e).split('\n')[0]!.slice(0, 200)}`);
  }
  // What the importer made is checked like a model read from models/: later stages rely on its shape.
  return checkModel(model, path);
}
