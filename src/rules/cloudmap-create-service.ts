// Cloud Map CreateService: the namespace is required, at the top level or (deprecated) in DnsConfig; the model
// marks neither member required. Without it the builtin emulator refused a model-valid payload and the oracle
// called that a finding (`run --operation 'servicediscovery#*'` against serve, rejected-valid).
import type { Rule } from './rule.ts';

const SOURCE = 'model servicediscovery (botocore 2017-03-14) CreateServiceRequest.NamespaceId documentation: "The namespace ID must be specified, but it can be specified either here or in the DnsConfig object."';

export const createServiceNamespaceRequired: Rule = {
  id: 'rule:namespace-id-required',
  operation: 'CreateService',
  says: 'NamespaceId must be given, at the top level or in DnsConfig',
  path: 'NamespaceId',
  source: SOURCE,
  confidence: 'documented',
  code: 'InvalidInput',
  check: (p) => {
    const dns = p.DnsConfig as { NamespaceId?: unknown } | null | undefined; // awsJson: null is absent
    return p.NamespaceId == null && dns?.NamespaceId == null ? { path: 'NamespaceId', message: 'NamespaceId is required' } : undefined;
  },
};
