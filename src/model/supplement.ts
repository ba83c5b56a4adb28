// Fills facts the primary model lacks from the other format's model of the same service. Today that is
// the error HTTP status: the newest botocore files carry none, the Smithy files do (httpError trait).
import type { ServiceModel, Shape } from '../contract/model.ts';

export function supplement(primary: ServiceModel, other: ServiceModel): ServiceModel {
  const shapes: Record<string, Shape> = {};
  for (const [name, shape] of Object.entries(primary.shapes)) {
    const theirs = other.shapes[name];
    const status = theirs?.type === 'structure' ? theirs.error?.httpStatus : undefined;
    shapes[name] =
      shape.type === 'structure' && shape.error && shape.error.httpStatus === undefined && status !== undefined
        ? { ...shape, error: { ...shape.error, httpStatus: status, httpStatusSource: other.provenance.format } }
        : shape;
  }
  const { format, file, sha256 } = other.provenance;
  // Recorded even when nothing was missing: the file was an input of the import.
  return { ...primary, shapes, provenance: { ...primary.provenance, supplementedBy: { format, file, sha256 } } };
}
