// What Proton CreateServiceInstance needs on a target, as data read by src/run/recipe.ts: one environment and
// one service whose spec deploys its instances there, for every context whose service exists; removed again by
// deleting the service (it takes its instances with it), waiting until it is gone, then the environment.
import type { Prerequisite } from '../recipe.ts';

export const protonService: Prerequisite = {
  name: 'Proton service',
  per: 'run',
  slotsFor: (context) => (context.proton?.serviceExists
    ? { placeholder: context.proton.serviceName, slots: { environmentName: 'cf-{runTag}-env', serviceName: 'cf-{runTag}-svc' } }
    : undefined),
  steps: [
    {
      as: 'environment',
      service: 'proton', operation: 'CreateEnvironment',
      input: { name: '{environmentName}', templateName: 'contract-fuzz-env', templateMajorVersion: '1', spec: 'proton: EnvironmentSpec\nspec: {}\n' },
      undo: { service: 'proton', operation: 'DeleteEnvironment', input: { name: '{environmentName}' } },
    },
    {
      as: 'service',
      service: 'proton', operation: 'CreateService',
      input: {
        name: '{serviceName}', templateName: 'contract-fuzz-svc', templateMajorVersion: '1',
        spec: 'proton: ServiceSpec\ninstances:\n  - name: first\n    environment: {environmentName}\n',
      },
      // The environment can be deleted only once the service (and its instances) are gone.
      undo: {
        service: 'proton', operation: 'DeleteService', input: { name: '{serviceName}' },
        // The read must show the service (Service.status is required in the model): an answer without it is no sign the
        // service is still there, and a target answering {} to everything is told at once, not polled for a minute.
        untilGone: { call: { service: 'proton', operation: 'GetService', input: { name: '{serviceName}' }, outputs: { status: 'service.status' } }, code: 'ResourceNotFoundException' },
      },
    },
  ],
  binds: 'serviceName',
};
