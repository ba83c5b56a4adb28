import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { encodeRequest } from '../../src/protocol/codec.ts';

const cloudMap = { protocol: 'awsJson1_1', targetPrefix: 'Route53AutoNaming_v20170314' } as const;
const proton = { protocol: 'awsJson1_0', targetPrefix: 'AwsProton20200720' } as const;

describe('encodeRequest', () => {
  it('Cloud Map RegisterInstance: POST / awsJson 1.1 with its X-Amz-Target and the JSON input', () => {
    const input = { ServiceId: 'srv-1', InstanceId: 'i-1', Attributes: { AWS_INSTANCE_IPV4: '10.0.0.1' } };
    expect(encodeRequest(cloudMap, { service: 'servicediscovery', operation: 'RegisterInstance', input }, '127.0.0.1:4566')).toEqual({
      method: 'POST',
      path: '/',
      headers: {
        host: '127.0.0.1:4566',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'Route53AutoNaming_v20170314.RegisterInstance',
      },
      body: JSON.stringify(input),
    });
  });

  it('Proton CreateServiceInstance: awsJson 1.0', () => {
    const wire = encodeRequest(proton, { service: 'proton', operation: 'CreateServiceInstance', input: { name: 'a' } }, 'h');
    expect(wire.headers['content-type']).toBe('application/x-amz-json-1.0');
    expect(wire.headers['x-amz-target']).toBe('AwsProton20200720.CreateServiceInstance');
  });

  it('undefined input is sent as {}', () => {
    expect(encodeRequest(cloudMap, { service: 's', operation: 'GetOperation', input: undefined }, 'h').body).toBe('{}');
  });

  it('rawBody is sent verbatim, even empty or malformed', () => {
    for (const rawBody of ['', '{"ServiceId":', 'not json', '{"a":1}{"b":2}']) {
      expect(encodeRequest(cloudMap, { service: 's', operation: 'RegisterInstance', input: { x: 1 }, rawBody }, 'h').body).toBe(rawBody);
    }
  });

  it('any JSON input round-trips through the body', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const body = encodeRequest(cloudMap, { service: 's', operation: 'Op', input }, 'h').body;
        expect(JSON.parse(body)).toEqual(JSON.parse(JSON.stringify(input)));
      }),
    );
  });

  it('rejects an unknown protocol instead of sending something undefined', () => {
    expect(() => encodeRequest({ protocol: 'restJson1' as never, targetPrefix: 'X' }, { service: 's', operation: 'Op', input: {} }, 'h')).toThrow(TypeError);
  });
});
