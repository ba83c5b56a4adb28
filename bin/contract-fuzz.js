#!/usr/bin/env node
// The package runs the compiled JavaScript in dist/ (built by `npm ci` through the prepare script): no
// TypeScript compiler at run time. A checkout without dist/, or CONTRACT_FUZZ_FROM_SOURCE=1 (the tests, so
// they never run a stale build), runs the TypeScript sources through tsx instead.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/src/cli.js', import.meta.url);
if (process.env.CONTRACT_FUZZ_FROM_SOURCE !== '1' && existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli.ts');
}
