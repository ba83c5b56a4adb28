// Proton in memory: environments, services and service instances. Pure state with an injected clock and
// id generator. Inputs are already validated against the model; this module enforces what needs state:
// unknown service, name conflicts, clientToken idempotency (8-hour tokens on the injected clock).
//
// Deployments finish lazily: a resource reports IN_PROGRESS until `createdAt + operationDelayMs`, then
// SUCCEEDED. No template registry: template names and versions are accepted as given.
import { fail, type StateOptions, type StateResult } from '../types.ts';
import { profileOf } from '../../profiles/index.ts';
import { IdempotencyLedger } from './idempotency.ts';
import { notFoundAnswer, stateAnswer } from './stateAnswer.ts';

const CREATE_INSTANCE = profileOf('proton#CreateServiceInstance');
/** Proton's "Ensuring idempotency": how long a client token is remembered (the profile's). */
export const TOKEN_TTL_MS = CREATE_INSTANCE.idempotency!.ttlMs!;

interface Templated { templateName: string; templateMajorVersion: string; templateMinorVersion: string }

export interface ProtonEnvironment extends Templated {
  name: string; arn: string; spec?: string; description?: string; protonServiceRoleArn?: string;
  createdAt: number; deploymentId: string;
}
export interface ProtonService extends Templated {
  name: string; arn: string; spec: string; description?: string; branchName?: string;
  repositoryConnectionArn?: string; repositoryId?: string; createdAt: number;
  /** Where instances go when their spec names no existing environment. */
  environmentName?: string;
  instances: Map<string, ProtonServiceInstance>;
}
export interface ProtonServiceInstance extends Templated {
  name: string; arn: string; serviceName: string; environmentName: string; spec: string;
  createdAt: number; deploymentId: string; clientToken?: string;
}

export interface Tag { key: string; value: string }
export interface CreateEnvironmentInput {
  name: string; spec?: string; templateName: string; templateMajorVersion: string; templateMinorVersion?: string;
  description?: string; protonServiceRoleArn?: string; tags?: Tag[];
}
export interface CreateServiceInput {
  name: string; spec: string; templateName: string; templateMajorVersion: string; templateMinorVersion?: string;
  description?: string; branchName?: string; repositoryConnectionArn?: string; repositoryId?: string; tags?: Tag[];
  /** Emulator seeding only: the default environment of the service's instances. */
  environmentName?: string;
}
export interface CreateServiceInstanceInput {
  name: string; serviceName: string; spec: string; templateMajorVersion?: string; templateMinorVersion?: string;
  tags?: Tag[]; clientToken?: string;
}

export interface Deployment { deploymentStatus: 'IN_PROGRESS' | 'SUCCEEDED'; lastDeploymentSucceededAt: number }

/** First `environment: NAME` line of a spec (instances name their environment there). */
const ENVIRONMENT_LINE = /^[ \t]*(?:-[ \t]*)?environment:[ \t]*["']?([0-9A-Za-z][0-9A-Za-z_-]*)/m;

export class ProtonState {
  readonly environments = new Map<string, ProtonEnvironment>();
  readonly services = new Map<string, ProtonService>();
  private readonly tokens: IdempotencyLedger<{ serviceName: string; name: string }>;

  constructor(private readonly o: StateOptions) {
    this.tokens = new IdempotencyLedger(CREATE_INSTANCE, o.clock);
  }

  now(): number { return this.o.clock.now(); }

  /** IN_PROGRESS until the deployment delay has passed, then SUCCEEDED. */
  deployment(createdAt: number, now = this.now()): Deployment {
    const done = createdAt + this.o.operationDelayMs;
    return now >= done
      ? { deploymentStatus: 'SUCCEEDED', lastDeploymentSucceededAt: done }
      : { deploymentStatus: 'IN_PROGRESS', lastDeploymentSucceededAt: createdAt };
  }

  createEnvironment(input: CreateEnvironmentInput): StateResult<ProtonEnvironment> {
    if (this.environments.has(input.name)) {
      return fail('ConflictException', `An environment with the name '${input.name}' already exists.`);
    }
    const env: ProtonEnvironment = {
      name: input.name, arn: this.arn(`environment/${input.name}`), spec: input.spec, description: input.description,
      protonServiceRoleArn: input.protonServiceRoleArn, templateName: input.templateName,
      templateMajorVersion: input.templateMajorVersion, templateMinorVersion: input.templateMinorVersion ?? '0',
      createdAt: this.now(), deploymentId: this.o.ids.uuid(),
    };
    this.environments.set(env.name, env);
    return { value: env };
  }

  createService(input: CreateServiceInput): StateResult<ProtonService> {
    if (this.services.has(input.name)) return fail('ConflictException', `A service with the name '${input.name}' already exists.`);
    const named = input.environmentName ?? ENVIRONMENT_LINE.exec(input.spec)?.[1];
    const now = this.now();
    const svc: ProtonService = {
      name: input.name, arn: this.arn(`service/${input.name}`), spec: input.spec, description: input.description,
      branchName: input.branchName, repositoryConnectionArn: input.repositoryConnectionArn, repositoryId: input.repositoryId,
      templateName: input.templateName, templateMajorVersion: input.templateMajorVersion,
      templateMinorVersion: input.templateMinorVersion ?? '0', createdAt: now, environmentName: named,
      instances: new Map(),
    };
    this.services.set(svc.name, svc);
    return { value: svc };
  }

  createServiceInstance(input: CreateServiceInstanceInput): StateResult<{ instance: ProtonServiceInstance; replayed: boolean }> {
    const payload = input as unknown as Record<string, unknown>;
    const svc = this.services.get(input.serviceName);
    if (!svc) return notFoundAnswer(CREATE_INSTANCE, payload);
    const now = this.now();
    const token = this.tokens.check(payload);
    if (token && 'error' in token) return token;
    const original = token && this.services.get(token.replay.serviceName)?.instances.get(token.replay.name);
    if (original) return { value: { instance: original, replayed: true } };
    // A second create of the same name without the original token: the profile says what that is.
    if (svc.instances.has(input.name)) return stateAnswer(CREATE_INSTANCE, CREATE_INSTANCE.creates!.againState, payload);
    const instance: ProtonServiceInstance = {
      name: input.name, arn: this.arn(`service/${svc.name}/service-instance/${input.name}`), serviceName: svc.name,
      environmentName: this.environmentFor(input.spec, svc), spec: input.spec, templateName: svc.templateName,
      templateMajorVersion: input.templateMajorVersion ?? svc.templateMajorVersion,
      templateMinorVersion: input.templateMinorVersion ?? svc.templateMinorVersion,
      createdAt: now, deploymentId: this.o.ids.uuid(), clientToken: input.clientToken || undefined,
    };
    svc.instances.set(instance.name, instance);
    this.tokens.remember(payload, { serviceName: svc.name, name: instance.name });
    return { value: { instance, replayed: false } };
  }

  getServiceInstance(serviceName: string, name: string): StateResult<ProtonServiceInstance> {
    const svc = this.services.get(serviceName);
    if (!svc) return fail('ResourceNotFoundException', `The service '${serviceName}' was not found.`);
    const instance = svc.instances.get(name);
    if (!instance) return fail('ResourceNotFoundException', `The service instance '${name}' was not found in service '${serviceName}'.`);
    return { value: instance };
  }

  /** "Delete a service, with its instances and pipeline." Immediate here. */
  deleteService(name: string): StateResult<ProtonService> {
    const svc = this.services.get(name);
    if (!svc) return fail('ResourceNotFoundException', `The service '${name}' was not found.`);
    this.services.delete(name);
    return { value: svc };
  }

  /** Deletes an environment no service instance is deployed to (inferred: in use → ConflictException). */
  deleteEnvironment(name: string): StateResult<ProtonEnvironment> {
    const env = this.environments.get(name);
    if (!env) return fail('ResourceNotFoundException', `The environment '${name}' was not found.`);
    for (const svc of this.services.values()) {
      for (const i of svc.instances.values()) {
        if (i.environmentName === name) return fail('ConflictException', `The environment '${name}' has service instances deployed to it.`);
      }
    }
    this.environments.delete(name);
    return { value: env };
  }

  /** The environment an instance spec names, if it exists; else the service's; else any; else "default". */
  private environmentFor(spec: string, svc: ProtonService): string {
    const named = ENVIRONMENT_LINE.exec(spec)?.[1];
    if (named !== undefined && this.environments.has(named)) return named;
    if (svc.environmentName !== undefined) return svc.environmentName;
    const first = this.environments.keys().next();
    return first.done ? 'default' : first.value;
  }

  private arn(resource: string): string {
    return `arn:aws:proton:${this.o.region}:${this.o.accountId}:${resource}`;
  }
}
