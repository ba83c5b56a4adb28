// The contexts that together reach every id of constraintsOf(operation), with placeholder service ids.
import type { NamedContext } from './operation.ts';
import { specOf } from './registry.ts';

export type { NamedContext } from './operation.ts';

export const coverageContexts = (operation: string): NamedContext[] => specOf(operation).contexts();
