// What the two hand-written generators (generate/cloudmap, generate/proton) both need before they build: the
// part of the coverage context they read, and their operation's input structure. Written once here.
import { HarnessError } from '../errors.ts';
import type { ServiceModel, StructureShape } from '../contract/model.ts';
import type { OracleContext } from '../contract/context.ts';
import { shapeOf } from './model/values.ts';

/** The context part an operation's generator reads (`cloudMap`, `proton`); a context without it is a config error. */
export function contextPart<K extends 'cloudMap' | 'proton'>(ctx: OracleContext, key: K, operation: string, members: string): NonNullable<OracleContext[K]> {
  const part = ctx[key];
  if (!part) throw new HarnessError('CF_ERR_CONFIG', `${operation} needs a context with ${key} (${members})`);
  return part as NonNullable<OracleContext[K]>;
}

/** The operation's input shape, which a hand-written generator needs to be a structure. */
export function inputStructure(model: ServiceModel, operation: string): StructureShape {
  const input = shapeOf(model, model.operations[operation]!.input!);
  if (input.type !== 'structure') throw new HarnessError('CF_ERR_MODEL_FORMAT', `${operation} input is not a structure`);
  return input;
}
