import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runModelsCommand } from '../../src/model/command.ts';
import type { ServiceModel } from '../../src/contract/model.ts';
import { SHARED } from './shared.ts';

const run = async (argv: string[]) => {
  const lines: string[] = [];
  const code = await runModelsCommand(argv, (l) => lines.push(l));
  return { code, lines };
};

describe('contract-fuzz models import', () => {
  it('writes the model, prints one line per file and one per difference, returns 0', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cf-cmd-'));
    const { code, lines } = await run(['import', SHARED.servicediscovery.botocore, '--with', SHARED.servicediscovery.smithy, '--operations', 'RegisterInstance', '--out', out]);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^wrote .*servicediscovery\/model\.json \(1 operations, 15 shapes\)$/);
    expect(lines).toContain('differs: shape RegisterInstanceRequest.ServiceId max: botocore 255 vs smithy 64');
    expect(lines).toHaveLength(5);
    const model = JSON.parse(readFileSync(join(out, 'servicediscovery', 'model.json'), 'utf8')) as ServiceModel;
    expect(Object.keys(model.operations)).toEqual(['RegisterInstance']);
  });

  it('imports a Smithy file alone, with no differences to print', async () => {
    const out = mkdtempSync(join(tmpdir(), 'cf-cmd-'));
    const { lines } = await run(['models', 'import', SHARED.proton.smithy, '--out', out]);
    expect(lines).toHaveLength(1);
    const model = JSON.parse(readFileSync(join(out, 'proton', 'model.json'), 'utf8')) as ServiceModel;
    expect(model.provenance.format).toBe('smithy');
    expect(Object.keys(model.operations)).toHaveLength(15); // the default operations of Proton (src/model/defaults.ts)
  });

  it('--help prints the usage and returns 0', async () => {
    expect(await run(['import', '--help'])).toEqual({ code: 0, lines: [expect.stringMatching(/^usage: contract-fuzz models import FILE/)] });
  });

  it.each([
    [[]],
    [['export', 'x.json']],
    [['import']],
    [['import', 'a.json', 'b.json']],
    [['import', 'a.json', '--bogus']],
    [['import', 'a.json', '--operations', ' , ']],
  ])('usage error for %j is CF_ERR_USAGE', async (argv) => {
    await expect(runModelsCommand(argv, () => {})).rejects.toMatchObject({ code: 'CF_ERR_USAGE' });
  });

  it('an unknown --operations name is CF_ERR_UNKNOWN_OPERATION', async () => {
    await expect(run(['import', SHARED.proton.botocore, '--operations', 'CreateServiceInstance,Nope', '--out', mkdtempSync(join(tmpdir(), 'cf-cmd-'))]))
      .rejects.toMatchObject({ code: 'CF_ERR_UNKNOWN_OPERATION' });
  });
});
