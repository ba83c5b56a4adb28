// The operations models/ keeps per service: the fuzzed operation and what the harness needs around it
// (creating prerequisites, reading state back, cleaning up, listing what is left).
export const DEFAULT_OPERATIONS: Readonly<Record<string, readonly string[]>> = {
  servicediscovery: [
    'RegisterInstance', 'CreateHttpNamespace', 'CreatePrivateDnsNamespace', 'CreatePublicDnsNamespace',
    'CreateService', 'GetService', 'GetInstance', 'ListInstances', 'DeregisterInstance', 'GetOperation',
    'DeleteService', 'DeleteNamespace', 'ListNamespaces', 'ListServices', 'ListOperations',
  ],
  proton: [
    'CreateServiceInstance', 'GetServiceInstance', 'CreateEnvironment', 'GetEnvironment', 'CreateService',
    'GetService', 'CreateServiceTemplate', 'CreateServiceTemplateVersion', 'CreateEnvironmentTemplate',
    'CreateEnvironmentTemplateVersion', 'DeleteService', 'DeleteEnvironment', 'ListEnvironments', 'ListServices',
    'ListServiceInstances',
  ],
};

/** Default set for a service, minus names this model lacks; all operations for services without a default. */
export function defaultOperations(service: string, available: readonly string[]): string[] {
  const wanted = DEFAULT_OPERATIONS[service];
  return wanted ? wanted.filter((n) => available.includes(n)) : [...available];
}
