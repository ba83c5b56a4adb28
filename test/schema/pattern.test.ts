import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translatePattern } from '../../src/schema/index.ts';

const SHARED = new URL('../../../shared/models/', import.meta.url);
const compilesU = (p: string) => new RegExp(p, 'u');

describe('translatePattern: AWS (Java-flavoured) patterns under the u flag', () => {
  it("leaves this project's AWS patterns unchanged", () => {
    for (const p of ['^[a-zA-Z0-9!-~]+$', '^([a-zA-Z0-9!-~][ \\ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$', '^[0-9A-Za-z]+[0-9A-Za-z_\\-]*$', '^(0|([1-9]{1}\\d*))$', '^[!-~]*$', '^[0-9a-zA-Z_/:.@-]+$']) {
      expect(translatePattern(p)).toBe(p);
    }
  });

  it('AttrValue: a tab inside is fine, a leading space or tab is not; trailing whitespace passes (as the model pattern says)', () => {
    const re = compilesU(translatePattern('^([a-zA-Z0-9!-~][ \\ta-zA-Z0-9!-~]*){0,1}[a-zA-Z0-9!-~]{0,1}$'));
    expect(re.test('a\tb c')).toBe(true);
    expect(re.test('')).toBe(true);
    expect(re.test(' a')).toBe(false);
    expect(re.test('\ta')).toBe(false);
    expect(re.test('a ')).toBe(true);
    expect(re.test('é')).toBe(false);
  });

  it.each([
    ['^\\_\\:[a]$', '^_:[a]$'],
    ['^a{$', '^a\\{$'],
    ['^a}]$', '^a\\}\\]$'],
    ['^\\p{Alnum}+$', '^[a-zA-Z0-9]+$'],
    ['^a*+b++$', '^a*b+$'],
    ['^\\Qa.b\\E$', '^a\\.b$'],
    ['\\Aabc\\z', '^abc$'],
  ])('translates %s → %s', (from, to) => {
    expect(() => compilesU(from)).toThrow();
    expect(translatePattern(from)).toBe(to);
    expect(() => compilesU(to)).not.toThrow();
  });

  it('gives Java POSIX classes their ASCII meaning even where JS would parse them as Unicode properties', () => {
    expect(compilesU('^[\\p{Alpha}_]+$').test('é')).toBe(true); // JS: Unicode Alphabetic
    const t = translatePattern('^[\\p{Alpha}_]+$');
    expect(t).toBe('^[a-zA-Z_]+$');
    expect(compilesU(t).test('é')).toBe(false);
    expect(translatePattern('^\\p{L}+$')).toBe('^\\p{L}+$'); // real Unicode categories stay
  });

  it('refuses what JavaScript cannot express, with CF_ERR_MODEL_FORMAT', () => {
    expect(() => translatePattern('(?m)^abc\\_$')).toThrow(expect.objectContaining({ code: 'CF_ERR_MODEL_FORMAT' }));
    expect(() => translatePattern('^[\\p{L}&&[^b]]\\_$')).toThrow(expect.objectContaining({ code: 'CF_ERR_MODEL_FORMAT' }));
  });

  it.skipIf(!existsSync(SHARED))('every pattern of both official models (botocore and Smithy) compiles after translation', () => {
    const patterns = new Set<string>();
    for (const f of ['botocore/servicediscovery-2017-03-14.service-2.json', 'botocore/proton-2020-07-20.service-2.json']) {
      const m = JSON.parse(readFileSync(new URL(f, SHARED), 'utf8')) as { shapes: Record<string, { pattern?: string }> };
      for (const s of Object.values(m.shapes)) if (s.pattern) patterns.add(s.pattern);
    }
    for (const f of ['smithy/servicediscovery-2017-03-14.json', 'smithy/proton-2020-07-20.json']) {
      const m = JSON.parse(readFileSync(new URL(f, SHARED), 'utf8')) as { shapes: Record<string, { traits?: Record<string, unknown> }> };
      for (const s of Object.values(m.shapes)) {
        const p = s.traits?.['smithy.api#pattern'];
        if (typeof p === 'string') patterns.add(p);
      }
    }
    expect(patterns.size).toBeGreaterThan(10);
    for (const p of patterns) expect(() => compilesU(translatePattern(p)), p).not.toThrow();
  });
});
