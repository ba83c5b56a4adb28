// Which findings of a `--model` run name their model in the fixture: those whose operation comes from the file
// given (not a committed model's), with the hash of the file as the run read it, so `replay` can load it again
// and tell it has not changed.
import { resolve } from 'node:path';
import { findOperation } from '../model/load.ts';
import { modelFileHash } from '../model/modelFile.ts';
import type { ModelFileOf } from '../report/fixtures.ts';

export function fixtureModelOf(file: string | undefined): ModelFileOf | undefined {
  if (file === undefined) return undefined;
  const path = resolve(file);
  return (operation) => {
    const sha256 = modelFileHash(findOperation(operation).service);
    return sha256 === undefined ? undefined : { file: path, sha256 };
  };
}
