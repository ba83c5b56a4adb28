// Proton (AwsProton20200720, awsJson 1.0): operation name → handler. Error bodies use lowercase `message`.
//
// PREREQUISITES FOR CreateServiceInstance — which path the harness should use:
//   Use the real API: AwsProton20200720.CreateEnvironment, then AwsProton20200720.CreateService (with a spec
//   whose `environment: NAME` line names that environment). Both complete synchronously here (the service
//   is ACTIVE at once, deployments report IN_PROGRESS then SUCCEEDED after operationDelayMs), and the same
//   calls work against any Proton-compatible target, so the harness needs one code path.
//   The emulator-only shortcut ContractFuzzEmulator.Seed (routes/emulator.ts) creates environments and
//   services (and Cloud Map namespaces/services) in one call without waiting; meant for tests, fixtures
//   replayed against the builtin emulator, and people running `contract-fuzz serve` by hand.
//
// Deletion (for the harness's cleanup): DeleteService removes the service with its instances at once,
// DeleteEnvironment refuses an environment that still has instances (ConflictException, inferred).
//
// Instances take their environment from the `environment: NAME` line of their spec when that environment
// exists, else from the service (its spec's `environment:` line, or Seed's environmentName), else the first
// environment, else "default". No template registry: template names and versions are accepted as given.
import { epochSeconds } from '../clock.ts';
import type {
  CreateEnvironmentInput, CreateServiceInput, CreateServiceInstanceInput, ProtonEnvironment, ProtonService, ProtonServiceInstance, ProtonState,
} from '../state/proton.ts';
import { fail } from '../types.ts';
import { answer, str, type Routes } from './route.ts';

export function environmentView(e: ProtonEnvironment, state: ProtonState, deleting = false): Record<string, unknown> {
  const d = state.deployment(e.createdAt);
  return {
    name: e.name, arn: e.arn, createdAt: epochSeconds(e.createdAt), deploymentStatus: deleting ? 'DELETE_IN_PROGRESS' : d.deploymentStatus,
    lastDeploymentAttemptedAt: epochSeconds(e.createdAt), lastDeploymentSucceededAt: epochSeconds(d.lastDeploymentSucceededAt),
    lastAttemptedDeploymentId: e.deploymentId, lastSucceededDeploymentId: d.deploymentStatus === 'SUCCEEDED' ? e.deploymentId : undefined,
    templateName: e.templateName, templateMajorVersion: e.templateMajorVersion, templateMinorVersion: e.templateMinorVersion,
    description: e.description, protonServiceRoleArn: e.protonServiceRoleArn, spec: e.spec,
  };
}

export function serviceView(s: ProtonService, deleting = false): Record<string, unknown> {
  return {
    name: s.name, arn: s.arn, createdAt: epochSeconds(s.createdAt), lastModifiedAt: epochSeconds(s.createdAt),
    spec: s.spec, status: deleting ? 'DELETE_IN_PROGRESS' : 'ACTIVE', templateName: s.templateName, description: s.description,
    branchName: s.branchName, repositoryConnectionArn: s.repositoryConnectionArn, repositoryId: s.repositoryId,
  };
}

export function serviceInstanceView(i: ProtonServiceInstance, state: ProtonState): Record<string, unknown> {
  const d = state.deployment(i.createdAt);
  return {
    name: i.name, arn: i.arn, serviceName: i.serviceName, environmentName: i.environmentName,
    createdAt: epochSeconds(i.createdAt), deploymentStatus: d.deploymentStatus,
    lastDeploymentAttemptedAt: epochSeconds(i.createdAt), lastDeploymentSucceededAt: epochSeconds(d.lastDeploymentSucceededAt),
    lastAttemptedDeploymentId: i.deploymentId, lastSucceededDeploymentId: d.deploymentStatus === 'SUCCEEDED' ? i.deploymentId : undefined,
    lastClientRequestToken: i.clientToken, templateName: i.templateName,
    templateMajorVersion: i.templateMajorVersion, templateMinorVersion: i.templateMinorVersion, spec: i.spec,
  };
}

export const protonRoutes: Routes<ProtonState> = {
  CreateEnvironment: {
    resolve: (input, state) =>
      answer(state.createEnvironment(input as unknown as CreateEnvironmentInput), (e) => ({ environment: environmentView(e, state) })),
  },

  GetEnvironment: {
    resolve: (input, state) => {
      const e = state.environments.get(input.name as string);
      return e
        ? { output: { environment: environmentView(e, state) } }
        : fail('ResourceNotFoundException', `The environment '${input.name as string}' was not found.`);
    },
  },

  CreateService: {
    resolve: (input, state) =>
      answer(state.createService({ ...(input as unknown as CreateServiceInput), environmentName: undefined }), (s) => ({ service: serviceView(s) })),
  },

  GetService: {
    resolve: (input, state) => {
      const s = state.services.get(input.name as string);
      return s ? { output: { service: serviceView(s) } } : fail('ResourceNotFoundException', `The service '${input.name as string}' was not found.`);
    },
  },

  DeleteEnvironment: {
    resolve: (input, state) => answer(state.deleteEnvironment(input.name as string), (e) => ({ environment: environmentView(e, state, true) })),
  },

  DeleteService: {
    resolve: (input, state) => answer(state.deleteService(input.name as string), (s) => ({ service: serviceView(s, true) })),
  },

  CreateServiceInstance: {
    context: (input, state) => {
      const serviceName = str(input.serviceName) ?? '';
      return { proton: { serviceName, serviceExists: state.services.has(serviceName) } };
    },
    resolve: (input, state) =>
      answer(state.createServiceInstance(input as unknown as CreateServiceInstanceInput), (v) => ({
        serviceInstance: serviceInstanceView(v.instance, state),
      })),
  },

  GetServiceInstance: {
    resolve: (input, state) =>
      answer(state.getServiceInstance(input.serviceName as string, input.name as string), (i) => ({
        serviceInstance: serviceInstanceView(i, state),
      })),
  },
};
