// Proton needs two worlds: a service that exists (`svc-main`) and one that does not (`svc-missing`).
import type { NamedContext } from '../../contract/context.ts';

export const protonContexts = (): NamedContext[] => [
  { name: 'main', context: { proton: { serviceName: 'svc-main', serviceExists: true } } },
  { name: 'missing', context: { proton: { serviceName: 'svc-missing', serviceExists: false } } },
];
