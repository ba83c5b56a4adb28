import fc from 'fast-check';

// One fixed seed in CI so every run generates the same cases; locally a fresh seed unless FC_SEED is set.
// fast-check prints the seed and path of any failing property, so a failure is always replayable.
const fixed = process.env.FC_SEED ?? (process.env.CI ? '20261122' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
