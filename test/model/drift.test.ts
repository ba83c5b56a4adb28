// Guards models/ against drift: re-importing from ../shared/models must reproduce the committed files.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importModel } from '../../src/model/import.ts';
import type { ServiceModel } from '../../src/contract/model.ts';
import { PROJECT_MODELS, SHARED } from './shared.ts';

const withoutDate = (m: ServiceModel) => ({ ...m, provenance: { ...m.provenance, importedAt: undefined } });
const read = (file: string): ServiceModel => JSON.parse(readFileSync(file, 'utf8')) as ServiceModel;

describe.each(['servicediscovery', 'proton'] as const)('models/%s/model.json', (service) => {
  const out = mkdtempSync(join(tmpdir(), 'cf-drift-'));
  const fresh = importModel({ file: SHARED[service].botocore, with: SHARED[service].smithy, outDir: out });
  const committed = join(PROJECT_MODELS, service, 'model.json');

  it('equals a fresh import of the shared models (ignoring importedAt)', () => {
    expect(fresh.file).toBe(join(out, service, 'model.json'));
    expect(withoutDate(read(committed))).toEqual(withoutDate(read(fresh.file)));
  });

  it('is byte-identical to the fresh import apart from importedAt', () => {
    const strip = (t: string) => t.replace(/"importedAt": "\d{4}-\d{2}-\d{2}"/, '"importedAt": ""');
    expect(strip(readFileSync(committed, 'utf8'))).toBe(strip(readFileSync(fresh.file, 'utf8')));
  });

  it('re-imports deterministically: same date ⇒ same bytes, pretty JSON with a trailing newline', () => {
    const now = new Date('2026-08-07T12:00:00Z');
    const a = importModel({ file: SHARED[service].botocore, with: SHARED[service].smithy, outDir: join(out, 'a'), now });
    const b = importModel({ file: SHARED[service].botocore, with: SHARED[service].smithy, outDir: join(out, 'b'), now });
    const text = readFileSync(a.file, 'utf8');
    expect(text).toBe(readFileSync(b.file, 'utf8'));
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "service": ');
    expect(read(a.file).provenance.importedAt).toBe('2026-08-07');
  });

  it('records provenance and holds every default operation of the service', () => {
    const m = read(committed);
    expect(m.provenance).toMatchObject({ format: 'botocore', supplementedBy: { format: 'smithy' } });
    expect(m.provenance.sha256).toBe(fresh.model.provenance.sha256);
    expect(Object.keys(m.operations)).toHaveLength(15); // Cloud Map: 14 and ListOperations, which confirms the population keeper's deregistrations by the page
    expect(Object.keys(m.operations)).toContain(service === 'proton' ? 'CreateServiceInstance' : 'RegisterInstance');
  });
});
