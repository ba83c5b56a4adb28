// The corpus check behind botocore.test.ts: every operation of every awsJson model in Debian's
// python3-botocore, a sample of cases each, judged by the model-only oracle. Returns figures and every
// disagreement or failure with its reason, so the test can print and assert them.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { importBotocore } from '../../src/model/botocore.ts';
import type { ServiceModel } from '../../src/contract/model.ts';
import { modelCases } from '../../src/generate/modelOperation.ts';
import { variantsOf } from '../../src/generate/targets.ts';
import type { Draft } from '../../src/generate/draft.ts';
import { modelOracle } from '../../src/oracle/index.ts';
import { uncoveredPatterns } from '../../src/generate/strings/uncovered.ts';
import { stringModel } from '../../src/generate/strings/shapeString.ts';

export const BOTOCORE_DATA = '/usr/lib/python3/dist-packages/botocore/data';

export interface CorpusFigures {
  models: number;
  operations: number;
  patterns: number;
  patternsDerived: number;
  patternsTable: number;
  cases: number;
  /** `service#Operation: reason` for operations the generic path could not build. */
  failures: string[];
  /** `service#Operation [breaks]: what the oracle said` for cases the oracle judged otherwise. */
  disagreements: string[];
  uncovered: Map<string, string>;
  slowest: { id: string; ms: number };
}

/** The newest service-2.json of each service in the corpus, parsed, awsJson only. */
export function* awsJsonModels(dir = BOTOCORE_DATA): Generator<{ file: string; doc: Record<string, unknown> }> {
  for (const svc of readdirSync(dir).sort()) {
    const versions = statSync(join(dir, svc)).isDirectory() ? readdirSync(join(dir, svc)).filter((v) => /^\d{4}-/.test(v)).sort() : [];
    const v = versions.at(-1);
    if (!v) continue;
    const base = join(dir, svc, v, 'service-2.json');
    const file = existsSync(base) ? base : existsSync(`${base}.gz`) ? `${base}.gz` : undefined;
    if (!file) continue;
    const raw = readFileSync(file);
    const doc = JSON.parse((file.endsWith('.gz') ? gunzipSync(raw) : raw).toString('utf8')) as Record<string, unknown>;
    const meta = doc.metadata as { protocol?: string; protocols?: string[]; jsonVersion?: string } | undefined;
    const json = meta?.protocol === 'json' || (meta?.protocols ?? []).includes('json');
    if (json && (meta?.jsonVersion === '1.0' || meta?.jsonVersion === '1.1')) yield { file, doc };
  }
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

export function checkCorpus(options: { casesPerOperation: number; seed: number; trace?: (id: string, ms: number) => void }): CorpusFigures {
  const f: CorpusFigures = { models: 0, operations: 0, patterns: 0, patternsDerived: 0, patternsTable: 0, cases: 0, failures: [], disagreements: [], uncovered: new Map(), slowest: { id: '', ms: 0 } };
  const patterns = new Set<string>();
  let opIndex = 0;
  for (const { file, doc } of awsJsonModels()) {
    let model: ServiceModel;
    try {
      model = importBotocore(doc, { file: file.split('/').slice(-3).join('/'), sha256: '', importedAt: '2026-01-01' });
    } catch (e) {
      f.failures.push(`${file}: import: ${(e as Error).message.split('\n')[0]}`);
      continue;
    }
    f.models++;
    for (const s of Object.values(model.shapes)) {
      if (s.type !== 'string' || s.pattern === undefined || patterns.has(s.pattern)) continue;
      patterns.add(s.pattern);
      const m = stringModel(s);
      if (m.derived) f.patternsDerived++;
      else if (m.spec) f.patternsTable++;
    }
    for (const operation of Object.keys(model.operations)) {
      f.operations++;
      const id = `${model.service}#${operation}`;
      const started = Date.now();
      options.trace?.(`start ${id}`, 0);
      try {
        const oracle = modelOracle(model, operation);
        const { valid, targets } = modelCases(model, operation);
        // a sample of the operation's cases: valid ones, and variants of targets taken in turn (seeded)
        const drafts: Draft[] = [];
        const rng = new fc.Random(xoroshiro128plus(options.seed + opIndex++));
        drafts.push(valid.generate(rng, undefined).value);
        const variants = targets.flatMap((t) => variantsOf(t));
        for (let k = 0; drafts.length < options.casesPerOperation && variants.length && k < options.casesPerOperation * 2; k++) {
          const v = variants[rng.nextInt(0, variants.length - 1)]!;
          drafts.push(v.arbitrary.generate(rng, undefined).value);
        }
        for (const d of drafts) {
          f.cases++;
          const e = oracle.expect(d.input);
          const got = e.outcome === 'error' ? [...new Set(e.violations.map((x) => x.constraint))] : [];
          if (!sameSet(got, d.breaks)) {
            f.disagreements.push(`${id} breaks [${d.breaks.join(', ')}] but the oracle says [${got.join(', ')}] for ${JSON.stringify(d.input).slice(0, 300)}`);
          }
        }
      } catch (e) {
        f.failures.push(`${id}: ${(e as Error).message.split('\n')[0]}`);
      }
      const took = Date.now() - started;
      if (took > f.slowest.ms) f.slowest = { id, ms: took };
      if (options.trace) options.trace(id, took);
    }
  }
  f.patterns = patterns.size;
  f.uncovered = new Map(uncoveredPatterns());
  return f;
}
