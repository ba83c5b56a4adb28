// Service instance specs as a client writes them: a small YAML document (`proton: ServiceSpec`, instance
// inputs) most of the time, arbitrary text within the model's length the rest. The model only bounds the
// length (1–51,200); what a template accepts is not documented, so the oracle accepts any text.
import fc from 'fast-check';
import type { StringShape } from '../../contract/model.ts';
import { DIGIT, LOWER, union } from '../strings/chars.ts';
import { classString } from '../strings/classString.ts';
import { stringModel, validString } from '../strings/shapeString.ts';

const word = classString({ min: 1, max: 16, rest: union(LOWER, DIGIT) });

const yaml = fc.tuple(word, fc.integer({ min: 1, max: 65535 }), fc.integer({ min: 1, max: 10 }), word).map(([name, port, count, image]) =>
  `proton: ServiceSpec\n\ninstances:\n  - name: "${name}"\n    spec:\n      port: ${port}\n      desired_count: ${count}\n      image: "public.ecr.aws/${image}:latest"\n`);

export const specs = (shape: StringShape): fc.Arbitrary<string> => {
  const m = stringModel(shape);
  const fits = m.min <= 120 && (shape.max ?? Infinity) >= 220; // the template's length range
  return fits ? fc.oneof({ arbitrary: yaml, weight: 3 }, { arbitrary: validString(m), weight: 1 }) : validString(m);
};
