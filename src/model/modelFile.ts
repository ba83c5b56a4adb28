// `--model FILE` (run, serve): a model of any awsJson 1.0/1.1 service, given either as an official file (botocore
// service-2.json, Smithy 2.0 JSON AST: imported whole, in memory) or as what `models import` wrote
// (models/<service>/model.json). Anything else is one CF_ERR_MODEL_* line (exit 2), never a stack trace.
import { HarnessError } from '../errors.ts';
import { oneLine, readRegularFile } from '../schemas/read.ts';
import { checkModel } from './check.ts';
import { isRecord } from './normalize.ts';
import { readServiceModel } from './source.ts';
import type { ServiceModel } from '../contract/model.ts';

/** A normalized contract-fuzz model names its service and provenance; the official formats do not. */
const isNormalized = (doc: unknown): boolean => isRecord(doc) && typeof doc.service === 'string' && isRecord(doc.provenance);

export function readModelFile(path: string): ServiceModel {
  const text = readRegularFile(path, 'model file', 'CF_ERR_MODEL_LOAD');
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new HarnessError('CF_ERR_MODEL_LOAD', `${path} is not JSON: ${oneLine((e as Error).message)}`);
  }
  return isNormalized(doc) ? checkModel(doc, path) : readServiceModel(path);
}
