// Removing what a run created, one resource at a time, through the public API (any target, not only AWS):
// a Cloud Map service after deregistering every instance in it (and waiting for those operations: a
// service with instances is ResourceInUse); a Proton service (which takes its service instances with it),
// waited for until it is gone, so its environment can be deleted after it.
import type { Target } from '../targets/target.ts';
import { call, waitForOperation, PrerequisiteError, type Poll } from './prerequisiteCall.ts';

type Json = Record<string, unknown>;
// Cleanup runs after an interrupted run too: it must not be cut by the run's abort signal.
const unsignalled = (o: Poll): Poll => ({ ...(o.pollIntervalMs === undefined ? {} : { pollIntervalMs: o.pollIntervalMs }), pollTimeoutMs: o.pollTimeoutMs ?? 60_000 });

/** DeregisterInstance, waiting out a registration of the same instance still in progress (the run's last
 * cases may re-register an instance just before cleanup: DuplicateRequest is the documented answer then). */
async function deregister(target: Target, serviceId: string, instanceId: string, o: Poll): Promise<Json> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call(target, 'servicediscovery', 'DeregisterInstance', { ServiceId: serviceId, InstanceId: instanceId });
    } catch (e) {
      if (!(e instanceof PrerequisiteError) || e.outcome.code !== 'DuplicateRequest' || attempt >= 40) throw e;
      await new Promise((r) => setTimeout(r, o.pollIntervalMs ?? 25));
    }
  }
}

export async function cloudMapServiceCleanup(target: Target, serviceId: string, o: Poll): Promise<void> {
  // The first page again and again (deregistered instances leave it, so paging on would skip some), its
  // instances at once: a run leaves tens to hundreds per service. An instance listed again after it was
  // deregistered (eventual consistency) is not sent twice; a page of only those ends the loop.
  const done = new Set<string>();
  for (;;) {
    const page = await call(target, 'servicediscovery', 'ListInstances', { ServiceId: serviceId });
    const ids = ((page.Instances as Json[] | undefined) ?? []).map((i) => String(i.Id)).filter((id) => !done.has(id));
    if (ids.length === 0) break;
    const started = await Promise.all(ids.map((id) => {
      done.add(id);
      return deregister(target, serviceId, id, o);
    }));
    await Promise.all(started.map((s) => (typeof s.OperationId === 'string' ? waitForOperation(target, s.OperationId, unsignalled(o)) : undefined)));
  }
  await call(target, 'servicediscovery', 'DeleteService', { Id: serviceId });
}

/** Deregisters the given instances of a service the run did not create (the user's): only what the run registered. */
export async function deregisterAll(target: Target, serviceId: string, instanceIds: string[], o: Poll): Promise<void> {
  const started = await Promise.all(instanceIds.map((id) => deregister(target, serviceId, id, o)));
  await Promise.all(started.map((s) => (typeof s.OperationId === 'string' ? waitForOperation(target, s.OperationId, unsignalled(o)) : undefined)));
}

export async function protonServiceCleanup(target: Target, name: string, o: Poll): Promise<void> {
  await call(target, 'proton', 'DeleteService', { name });
  const deadline = Date.now() + (o.pollTimeoutMs ?? 60_000);
  for (;;) {
    try {
      await call(target, 'proton', 'GetService', { name });
    } catch (e) {
      if (e instanceof PrerequisiteError && e.outcome.code === 'ResourceNotFoundException') return;
      throw e;
    }
    if (Date.now() > deadline) throw new Error(`${target.name}: Proton service ${name} still exists after DeleteService`);
    await new Promise((r) => setTimeout(r, o.pollIntervalMs ?? 25));
  }
}
