// `--model FILE` (run, serve): a model of any awsJson 1.0/1.1 service, given either as an official file (botocore
// service-2.json, Smithy 2.0 JSON AST: imported whole, in memory) or as what `models import` wrote
// (models/<service>/model.json). Anything else is one CF_ERR_MODEL_* line (exit 2), never a stack trace.
import { createHash } from 'node:crypto';
import { checkModel } from './check.ts';
import { isRecord } from './normalize.ts';
import { importModelText, readModelJson } from './source.ts';
import type { ServiceModel } from '../contract/model.ts';

/** A normalized contract-fuzz model names its service and provenance; the official formats do not. */
const isNormalized = (doc: unknown): boolean => isRecord(doc) && typeof doc.service === 'string' && isRecord(doc.provenance);

/** The sha256 of the file each model read here came from: a fixture of a `--model` run names it, so a replay
 * can tell the model it reads is the one the fixture was made with. */
const fileHashes = new WeakMap<ServiceModel, string>();

export function readModelFile(path: string): ServiceModel {
  const read = readModelJson(path); // read once, whichever kind of model it is
  const model = isNormalized(read.doc) ? checkModel(read.doc, path) : importModelText(path, read);
  fileHashes.set(model, createHash('sha256').update(read.text).digest('hex'));
  return model;
}

/** The sha256 of the file `model` was read from with readModelFile (undefined for a committed model). */
export const modelFileHash = (model: ServiceModel): string | undefined => fileHashes.get(model);
