import { describe, expect, it } from 'vitest';
import { classify, classOf, ERROR_CLASSES } from '../../src/protocol/errorClasses.ts';

describe('error classes (DESIGN.md "Error classes")', () => {
  it.each([
    ['InvalidInput', 'validation'], ['ValidationException', 'validation'], ['SerializationException', 'validation'], ['VALIDATION_ERROR', 'validation'],
    ['ServiceNotFound', 'not-found'], ['ResourceNotFoundException', 'not-found'],
    ['DuplicateRequest', 'conflict'], ['ResourceInUse', 'conflict'], ['ConflictException', 'conflict'],
    ['ResourceLimitExceeded', 'limit'], ['ServiceQuotaExceededException', 'limit'],
    ['ThrottlingException', 'throttling'], ['RequestLimitExceeded', 'throttling'],
    ['AccessDeniedException', 'auth'],
    ['InternalServerException', 'server'],
  ])('%s is %s', (code, cls) => {
    expect(classOf(code)).toBe(cls);
  });

  it('no code is in two classes', () => {
    const all = Object.values(ERROR_CLASSES).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it('unknown codes have no class; prototype names are not codes', () => {
    expect(classOf('SomethingElse')).toBeUndefined();
    expect(classOf('constructor')).toBeUndefined();
    expect(classOf(undefined)).toBeUndefined();
  });

  it('any 5xx without a known code is the server class; 4xx without one has none', () => {
    expect(classify(503, undefined)).toBe('server');
    expect(classify(500, 'Weird')).toBe('server');
    expect(classify(400, undefined)).toBeUndefined();
    expect(classify(400, 'InvalidInput')).toBe('validation');
    expect(classify(429, 'ThrottlingException')).toBe('throttling');
  });
});
