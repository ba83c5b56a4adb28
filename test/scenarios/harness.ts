// Shared set-up of the scenario tests: the builtin emulator on an ephemeral loopback port, a raw awsJson
// HTTP target over undici, and fresh prerequisites per test through the emulator's ContractFuzzEmulator.Seed
// shortcut (so one test's instances never page another's ListInstances).
import { startEmulator, type RunningEmulator } from '../../src/emulator/index.ts';
import type { CloudMapServiceConfig } from '../../src/oracle/index.ts';
import type { CloudMapPrepared, ProtonPrepared } from '../../src/scenarios/index.ts';
import { createHttpTarget, type HttpTarget } from '../../src/targets/http.ts';
import { wrap, type SendWrapper, type Target } from '../../src/targets/target.ts';

export type ServiceKind = 'http' | 'dns-a' | 'srv';

export interface Lab {
  emulator: RunningEmulator;
  target: HttpTarget;
  /** A new Cloud Map service of this kind, with the config the scenarios must satisfy. */
  cloudMapService(kind: ServiceKind): Promise<CloudMapPrepared>;
  /** A new Proton service (template 1.0) in the lab's environment. */
  protonService(): Promise<ProtonPrepared>;
  /** The target with `wrappers` around it, counting every request in `requests.n`. */
  faulty(...wrappers: SendWrapper[]): { target: Target; requests: { n: number } };
  close(): Promise<void>;
}

const EMULATOR_ENDPOINT = { protocol: 'awsJson1_1' as const, targetPrefix: 'ContractFuzzEmulator', signingName: 'emulator' };

const KINDS: Record<ServiceKind, { namespace: string; seed: Record<string, unknown>; config: CloudMapServiceConfig }> = {
  http: { namespace: 'scn-http', seed: {}, config: { namespaceType: 'HTTP', dnsRecords: [], healthCheck: false, healthCheckCustom: false } },
  'dns-a': {
    namespace: 'scn.dns', seed: { dnsRecords: ['A'] },
    config: { namespaceType: 'DNS_PRIVATE', dnsRecords: ['A'], routingPolicy: 'MULTIVALUE', healthCheck: false, healthCheckCustom: false },
  },
  srv: {
    namespace: 'scn.dns', seed: { dnsRecords: ['SRV'], healthCheckCustom: true },
    config: { namespaceType: 'DNS_PRIVATE', dnsRecords: ['SRV'], routingPolicy: 'MULTIVALUE', healthCheck: false, healthCheckCustom: true },
  },
};

export async function startLab(options: { operationDelayMs?: number } = {}): Promise<Lab> {
  const emulator = await startEmulator({ port: 0, ...options });
  const target = createHttpTarget({ url: emulator.url, endpoints: { emulator: EMULATOR_ENDPOINT }, timeoutMs: 10_000 });
  let made = 0;
  const seed = async (input: Record<string, unknown>): Promise<any> => {
    const r = await target.send({ service: 'emulator', operation: 'Seed', input });
    if (r.status !== 200) throw new Error(`Seed answered ${r.status} ${r.code} ${r.message}`);
    return r.body;
  };
  await seed({
    cloudMap: { namespaces: [{ name: 'scn-http', type: 'HTTP' }, { name: 'scn.dns', type: 'DNS_PRIVATE', vpc: 'vpc-1' }] },
    proton: { environments: [{ name: 'scn-env' }] },
  });
  const counted = (n: { n: number }): SendWrapper => (send) => (call, o) => {
    n.n++;
    return send(call, o);
  };
  return {
    emulator,
    target,
    async cloudMapService(kind) {
      const k = KINDS[kind];
      const body = await seed({ cloudMap: { services: [{ name: `svc-${++made}`, namespace: k.namespace, ...k.seed }] } });
      return { serviceId: body.cloudMap.services[0].id as string, config: k.config };
    },
    async protonService() {
      const name = `scn-svc-${++made}`;
      await seed({ proton: { services: [{ name, environmentName: 'scn-env', templateMajorVersion: '1', templateMinorVersion: '0' }] } });
      return { serviceName: name, templateMajorVersion: '1', templateMinorVersion: '0' };
    },
    faulty(...wrappers) {
      const requests = { n: 0 };
      return { target: wrap(target, counted(requests), ...wrappers), requests };
    },
    async close() {
      await target.close();
      await emulator.close();
    },
  };
}
