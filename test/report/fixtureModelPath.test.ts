// Where a --model fixture finds its model (src/report/fixtures.ts modelPath): beside the fixtures, a path from the
// fixture's folder (the pair moves together); outside the working folder, the absolute path (a system model stays).
import { describe, expect, it } from 'vitest';
import { modelPath } from '../../src/report/fixtures.ts';

describe('modelPath', () => {
  const base = '/work/repo';
  it('a model under the working folder: relative to the fixture\'s folder', () => {
    expect(modelPath('/work/repo/fixtures/CreateTable/x.json', '/work/repo/models/dynamodb/model.json', base)).toBe('../../models/dynamodb/model.json');
  });

  it('a model elsewhere: its absolute path', () => {
    const botocore = '/usr/lib/python3/dist-packages/botocore/data/dynamodb/2012-08-10/service-2.json';
    expect(modelPath('/work/repo/fixtures/CreateTable/x.json', botocore, base)).toBe(botocore);
    expect(modelPath('/work/repo/fixtures/CreateTable/x.json', '/work/repo-other/m.json', base)).toBe('/work/repo-other/m.json');
  });
});
