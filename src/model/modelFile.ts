// `--model FILE` (run, serve): a model of any awsJson 1.0/1.1 service, given either as an official file (botocore
// service-2.json, Smithy 2.0 JSON AST: imported whole, in memory) or as what `models import` wrote
// (models/<service>/model.json). Anything else is one CF_ERR_MODEL_* line (exit 2), never a stack trace.
import { checkModel } from './check.ts';
import { isRecord } from './normalize.ts';
import { importModelText, readModelJson } from './source.ts';
import type { ServiceModel } from '../contract/model.ts';

/** A normalized contract-fuzz model names its service and provenance; the official formats do not. */
const isNormalized = (doc: unknown): boolean => isRecord(doc) && typeof doc.service === 'string' && isRecord(doc.provenance);

export function readModelFile(path: string): ServiceModel {
  const read = readModelJson(path); // read once, whichever kind of model it is
  return isNormalized(read.doc) ? checkModel(read.doc, path) : importModelText(path, read);
}
