// Valid documents as the tool writes them (shapes of a real run's output), for the loader tests to break.
import type { Baseline } from '../../src/run/baseline.ts';
import type { Fixture } from '../../src/report/fixtures.ts';
import type { Recording } from '../../src/targets/record/recording.ts';

const service = { namespaceType: 'DNS_PUBLIC', dnsRecords: ['A', 'SRV'], routingPolicy: 'WEIGHTED', healthCheck: true, healthCheckCustom: false } as const;

export const fixture = (): Fixture => ({
  fixtureVersion: 1, id: '3ac2f85d4a57', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#length',
  request: { ServiceId: 'srv-secmu4dl7mblt2rg', InstanceId: '0'.repeat(65), Attributes: { AWS_INSTANCE_IPV4: '1.0.0.0', AWS_INSTANCE_PORT: '1' } },
  context: { cloudMap: { serviceId: 'srv-secmu4dl7mblt2rg', service: { ...service, dnsRecords: ['A', 'SRV'] } } },
  case: {
    operation: 'RegisterInstance', kind: 'invalid',
    input: { ServiceId: 'srv-a-srv-hc', InstanceId: '0'.repeat(65), Attributes: { AWS_INSTANCE_IPV4: '1.0.0.0', AWS_INSTANCE_PORT: '1' } },
    breaks: ['InstanceId#length'], exercises: [],
    context: { cloudMap: { serviceId: 'srv-a-srv-hc', service: { ...service, dnsRecords: ['A', 'SRV'] } } }, contextName: 'a-srv-hc',
  },
  expected: { outcome: 'error', codes: ['InvalidInput'], statuses: [400], source: 'model servicediscovery shape InstanceId' },
  observed: { status: 200 },
  detail: 'accepted (HTTP 200); expected InvalidInput', target: 'http://127.0.0.1:42789', seed: 465824253, path: '0:0',
  tool: { name: 'contract-fuzz', version: '0.1.0' },
});

export const baseline = (): Baseline => ({
  baselineVersion: 1,
  findings: [{ id: '3ac2f85d4a57', operation: 'RegisterInstance', kind: 'accepted-invalid', constraint: 'InstanceId#length' }],
});

export const recording = (): Recording => ({
  recordingVersion: 1, operation: 'RegisterInstance', target: 'builtin', seed: 34657256, runTag: 'kmtpk',
  tool: { name: 'contract-fuzz', version: '0.1.0' },
  exchanges: [{
    scope: 'http://127.0.0.1:37923', method: 'POST', path: '/', body: { Name: 'cf-kmtpk', CreatorRequestId: 'cf-kmtpk-HTTP' },
    status: 200, response: { OperationId: 'okxnukfzhn6bhzidsvmk0qsro1onnfhw-1pwad36e' },
    rawHeaders: { 'content-type': 'application/x-amz-json-1.1' },
    reqheaders: { authorization: '<scrubbed>', 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'Route53AutoNaming_v20170314.CreateHttpNamespace' },
    responseIsBinary: false,
  }],
});

/** contract-fuzz.config.json with both sections and every kind of value (text, integer, enum, boolean, list). */
export const config = () => ({
  $schema: './schemas/config.schema.json',
  run: {
    target: 'http://127.0.0.1:4566', operation: 'RegisterInstance', runs: 50, seed: 7, concurrency: 4, strictness: 'inferred',
    profile: 'aws-json', 'no-scenarios': true, include: ['rule:*', 'Attributes*'], exclude: 'idempotency:*', 'report-dir': 'reports',
  },
  serve: { port: 4566, host: '127.0.0.1', 'operation-delay-ms': 5, 'status-source': 'reference' },
});
