// Regression: issue 10 corpus, recursive shapes. On main every operation holding a recursive shape failed to
// build ("recursive shape 'AttributeValue' under PutItem input is not supported": 43 corpus operations, DynamoDB's
// item operations among them). Now the schema has one definition per entry into such a shape; the oracle
// judges a violation at any depth under the id spelt from the entry's path (finite, stable), with the exact
// payload path and AWS-style message; generation, the site walk and the mock's output terminate.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { operationSchema } from '../../src/schema/json-schema.ts';
import { modelOracle } from '../../src/oracle/index.ts';
import { modelCases } from '../../src/generate/modelOperation.ts';
import { variantsOf } from '../../src/generate/targets.ts';
import { sitesOf } from '../../src/generate/model/sites.ts';
import { minimalValue, valueOf } from '../../src/generate/model/values.ts';
import { recursiveShapes } from '../../src/contract/walk.ts';
import { compileFor } from '../../src/schema/validators.ts';
import { mockRoutes } from '../../src/emulator/mock.ts';
import { recursiveModel } from '../support/recursiveModel.ts';

const model = recursiveModel();
const oracle = modelOracle(model, 'Put');
const judged = (input: unknown) => {
  const e = oracle.expect(input);
  return e.outcome === 'error' ? e.violations.map((v) => ({ id: v.constraint, path: v.path, message: v.message })) : [];
};
const ITEM = { Item: {} };

describe('recursive shapes: schema and oracle', () => {
  it('finds the shapes on a cycle', () => {
    expect([...recursiveShapes(model)].sort()).toEqual(['Expr', 'ExprList', 'ItemMap', 'Value', 'ValueList']);
  });

  it('compiles with one definition per entry; ids are finite and spelt from the entry path', () => {
    const s = operationSchema(model, 'Put', 'input');
    expect(Object.keys(s.schema.definitions as object).length).toBeGreaterThan(0);
    const ids = s.constraints.map((c) => c.id);
    expect(ids).toEqual(expect.arrayContaining(['Filter.Key#length', 'Filter.Key#pattern', 'Filter.Op#required', 'Filter.And#size', 'Filter.And[]#type', 'Filter.Not#type', 'Item{value}.L[]#type', 'Item{value}.S#length']));
    expect(ids.filter((id) => id.includes('And[].') || id.includes('Not.'))).toEqual([]);
  });

  it('accepts a valid value nested several levels deep', () => {
    const deep = { Filter: { Op: 'AND', And: [{ Op: 'OR', Not: { Op: 'AND', And: [{ Op: 'OR', Key: 'abc' }] } }] }, Item: { k: { M: { a: { L: [{ L: [{ S: 'x' }] }] } } } } };
    expect(judged(deep)).toEqual([]);
  });

  it.each([
    ['a length at depth 3', { Filter: { Op: 'AND', And: [{ Op: 'OR', Not: { Op: 'AND', Key: 'abcd' } }] }, ...ITEM }, 'Filter.Key#length', 'Filter.And.0.Not.Key', "filter.and.1.member.not.key"],
    ['a pattern at depth 2', { Filter: { Op: 'AND', Not: { Op: 'OR', Key: 'AB' } }, ...ITEM }, 'Filter.Key#pattern', 'Filter.Not.Key', 'filter.not.key'],
    ['a missing required member deep', { Filter: { Op: 'AND', And: [{ Op: 'OR' }, { And: [] }] }, ...ITEM }, 'Filter.Op#required', 'Filter.And.1.Op', 'filter.and.2.member.op'],
    ['a wrong type at a recursive reference', { Filter: { Op: 'AND', And: [{ Op: 'OR', Not: 'x' }] }, ...ITEM }, 'Filter.Not#type', 'Filter.And.0.Not', 'filter.and.1.member.not'],
    ['a null list item inside the recursion', { Filter: { Op: 'AND', Not: { Op: 'OR', And: [null] } }, ...ITEM }, 'Filter.And[]#type', 'Filter.Not.And.0', 'filter.not.and.1.member'],
    ['a list size deep', { Filter: { Op: 'AND', Not: { Op: 'OR', And: [{ Op: 'OR' }, { Op: 'OR' }, { Op: 'OR' }] } }, ...ITEM }, 'Filter.And#size', 'Filter.Not.And', 'filter.not.and'],
    ['a map value deep in a union', { Item: { k: { M: { a: { L: [{ S: 'x'.repeat(9) }] } } } } }, 'Item{value}.S#length', 'Item.k.M.a.L.0.S', 'item.k.m.a.l.1.member.s'],
  ])('%s: one violation, under the entry id, with the exact path', (_what, input, id, path, messagePath) => {
    const v = judged(input);
    expect(v.map((x) => x.id)).toEqual([id]);
    expect(v[0]!.path).toBe(path);
    expect(v[0]!.message).toContain(`at '${messagePath}'`);
  });

  it('validates a recursive output shape too', () => {
    const out = compileFor(model, 'Put', 'output').validate;
    expect(out({ Echo: { Op: 'AND', Not: { Op: 'OR', And: [{ Op: 'AND' }] } } })).toBe(true);
    expect(out({ Echo: { Op: 'AND', Not: { Op: 'XOR' } } })).toBe(false);
  });
});

describe('recursive shapes: generation terminates and agrees with the oracle', () => {
  it('the site walk stops where a shape meets itself: sites only at the first level', () => {
    const paths = sitesOf(model, 'Put').map((s) => s.path);
    expect(paths).toEqual(expect.arrayContaining(['Filter', 'Filter.And', 'Filter.And[]', 'Filter.Not', 'Filter.Key', 'Item', 'Item{value}']));
    expect(paths.filter((p) => p.includes('And[].') || p.includes('Not.'))).toEqual([]);
  });

  it('values are finite and nest (depth-bounded)', () => {
    const depthOf = (v: unknown): number => (v && typeof v === 'object' ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0);
    const values = fc.sample(valueOf(model, 'Expr'), { numRuns: 200, seed: 7 });
    expect(Math.max(...values.map(depthOf))).toBeGreaterThan(2);
    expect(Math.max(...values.map(depthOf))).toBeLessThan(20);
    expect(minimalValue(model, 'Expr')).toEqual({ Op: 'AND' });
    expect(minimalValue(model, 'Value')).toEqual({ L: [] });
  });

  it('valid cases are accepted; every variant is rejected for exactly what it names', () => {
    const { valid, targets } = modelCases(model, 'Put');
    const bad: string[] = [];
    const judge = (d: { input: unknown; breaks: readonly string[] }) => {
      const got = [...new Set(judged(d.input).map((v) => v.id))].sort();
      if (JSON.stringify(got) !== JSON.stringify([...d.breaks].sort())) bad.push(`${d.breaks} → ${got}: ${JSON.stringify(d.input)}`);
    };
    fc.sample(valid, { numRuns: 100, seed: 3 }).forEach(judge);
    for (const t of targets) for (const v of variantsOf(t)) fc.sample(v.arbitrary, { numRuns: 2, seed: 5 }).forEach(judge);
    expect(targets.length).toBeGreaterThan(10);
    expect(bad).toEqual([]);
  });

  it('the mock answers a valid request with an output its (recursive) output shape accepts', () => {
    const route = mockRoutes<unknown>(model).Put!;
    const out = compileFor(model, 'Put', 'output').validate;
    for (const [i, input] of fc.sample(modelCases(model, 'Put').valid, { numRuns: 20, seed: 9 }).entries()) {
      const answer = route.resolve(input.input as Record<string, unknown>, undefined as never) as { output: unknown };
      expect(out(answer.output), `${i}: ${JSON.stringify(out.errors)}`).toBe(true);
    }
  });
});
