// Helpers both importers share, so botocore and Smithy land on the same normalized facts (the model
// comparison would otherwise report differences that are only spelling).
import { HarnessError } from '../errors.ts';
import type { MemberModel, ServiceModel, Shape, ShapeName } from '../contract/model.ts';

/** What an importer needs to know about the file it reads; importers stay free of I/O. */
export interface SourceInfo {
  /** Basename of the file. */
  file: string;
  sha256: string;
  /** YYYY-MM-DD */
  importedAt: string;
}

export const formatError = (file: string, message: string): HarnessError =>
  new HarnessError('CF_ERR_MODEL_FORMAT', `${file}: ${message}`);

/**
 * Min/max as the model states them. A length/size minimum of 0 says nothing (Smithy writes it,
 * botocore omits it), so it is dropped; numeric ranges keep 0 because there it is a real bound.
 */
export function bounds(min: unknown, max: unknown, vacuousZeroMin: boolean): { min?: number; max?: number } {
  const out: { min?: number; max?: number } = {};
  if (typeof min === 'number' && !(vacuousZeroMin && min === 0)) out.min = min;
  if (typeof max === 'number') out.max = max;
  return out;
}

/** Required member names in member declaration order, so both formats list them identically. */
export function orderRequired(members: Record<string, MemberModel>, required: Iterable<string>): string[] {
  const want = new Set(required);
  return Object.keys(members).filter((m) => want.has(m));
}

/** Shape names a shape refers to (members, list members, map keys and values). */
export function referencedShapes(shape: Shape): ShapeName[] {
  switch (shape.type) {
    case 'structure':
    case 'union':
      return Object.values(shape.members).map((m) => m.target);
    case 'list':
      return [shape.member];
    case 'map':
      return [shape.key, shape.value];
    default:
      return [];
  }
}

/** Every name an operation or shape mentions must be a shape of the model: a closed graph. */
export function checkReferences(model: ServiceModel, file: string): ServiceModel {
  const missing = (name: string) => !Object.hasOwn(model.shapes, name);
  for (const op of Object.values(model.operations)) {
    for (const ref of [op.input, op.output, ...op.errors]) {
      if (ref !== undefined && missing(ref)) throw formatError(file, `operation ${op.name} references missing shape '${ref}'`);
    }
  }
  for (const [name, shape] of Object.entries(model.shapes)) {
    for (const ref of referencedShapes(shape)) {
      if (missing(ref)) throw formatError(file, `shape ${name} references missing shape '${ref}'`);
    }
  }
  return model;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
