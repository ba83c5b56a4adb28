// The AWS SDK clients an sdk target can drive, as data: service name → package, client class, loader.
// Packages are imported on first use (most runs never load an SDK). Commands are looked up by operation
// name (`${operation}Command`), so any operation of the two clients can be sent, valid or not.

/** What the target needs of an SDK command: its middleware stack, to observe the exchange. */
export interface SdkCommand {
  middlewareStack: {
    add(middleware: unknown, options: { step: 'deserialize'; priority: 'low'; name: string; override?: boolean }): void;
  };
}
export type SdkCommandClass = new (input: never) => SdkCommand;

export interface SdkClient {
  send(command: SdkCommand, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  destroy(): void;
}
export type SdkClientClass = new (config: Record<string, unknown>) => SdkClient;

export interface SdkService {
  /** npm package of the client. */
  readonly pkg: string;
  /** Client class exported by the package. */
  readonly client: string;
  load(): Promise<Record<string, unknown>>;
}

export const SDK_SERVICES: Readonly<Record<string, SdkService>> = Object.freeze({
  servicediscovery: {
    pkg: '@aws-sdk/client-servicediscovery',
    client: 'ServiceDiscoveryClient',
    load: () => import('@aws-sdk/client-servicediscovery') as Promise<Record<string, unknown>>,
  },
  proton: {
    pkg: '@aws-sdk/client-proton',
    client: 'ProtonClient',
    load: () => import('@aws-sdk/client-proton') as Promise<Record<string, unknown>>,
  },
});

export const isSdkService = (service: string): boolean => Object.hasOwn(SDK_SERVICES, service);

export interface LoadedService {
  Client: SdkClientClass;
  /** The command class for an operation, or undefined when the client has none by that name. */
  command(operation: string): SdkCommandClass | undefined;
}

const OPERATION_NAME = /^[A-Z][A-Za-z0-9]*$/;

export async function loadService(service: SdkService): Promise<LoadedService> {
  const mod = await service.load();
  const Client = mod[service.client];
  if (typeof Client !== 'function') throw new TypeError(`${service.pkg} exports no ${service.client}`);
  return {
    Client: Client as SdkClientClass,
    command(operation) {
      if (!OPERATION_NAME.test(operation)) return undefined;
      const name = `${operation}Command`;
      const C = Object.hasOwn(mod, name) ? mod[name] : undefined;
      return typeof C === 'function' ? (C as SdkCommandClass) : undefined;
    },
  };
}
