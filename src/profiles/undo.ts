// What undoes a model-only create (issue 10 §4 on a long-lived target): from the model alone, a create-like
// operation (CreateTable, RegisterX, StartX…) is paired with its inverse by resource name (DeleteTable,
// DeregisterX, StopX…), and each required input member of the inverse is bound from the create's input (same
// member name) or its answer (the same name, or the identifier of the resource it returns: Service.Id). Where the
// service creates asynchronously (data: ASYNC_CREATES), the id is read from the finished operation. All of it is
// `inferred`: no model says which call undoes which. Pure: reads the model, sends nothing.
import type { OperationRef } from '../model/load.ts';
import type { ServiceModel, Shape } from '../contract/model.ts';
import type { RecipeCall, Waiter } from './recipe.ts';
import { CLOUD_MAP_OPERATION } from './servicediscovery/prerequisites.ts';

/** Verb of a create-like operation → verbs of its inverse, in the order they are looked for. */
const INVERSE_VERBS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['Create', ['Delete']], ['Put', ['Delete']], ['Register', ['Deregister', 'Unregister']], ['Start', ['Stop']],
  ['Add', ['Remove']], ['Allocate', ['Release']], ['Associate', ['Disassociate']], ['Attach', ['Detach']],
];

/** Services that create asynchronously: the answer names an operation, whose finished form names what it made. */
const ASYNC_CREATES: Readonly<Record<string, { id: string; waiter: Waiter; targets: string; source: string }>> = {
  servicediscovery: {
    id: 'OperationId', waiter: CLOUD_MAP_OPERATION, targets: 'Operation.Targets',
    source: 'Cloud Map API reference, GetOperation: Targets names the NAMESPACE, SERVICE or INSTANCE an operation acted on',
  },
};

/** Where one member of the inverse's input comes from. */
export type UndoSource = { from: 'input'; path: string } | { from: 'answer'; path: string } | { from: 'awaited'; path: string };

/** How every success of a create-like operation is undone after the run. */
export interface DerivedUndo {
  /** The inverse, its input members filled from slots of the same names. */
  call: RecipeCall;
  /** Inverse input member → where its value is read. */
  bind: Readonly<Record<string, UndoSource>>;
  /** The create answers with an operation id: wait for it before the ids it made are known. */
  awaits?: { id: string; waiter: Waiter };
  /** The inverse's declared answers meaning "already gone": fine at cleanup. */
  gone: readonly string[];
  /** Codes meaning "still busy" (a resource being created): wait and send again. */
  retryOn: readonly string[];
  confidence: 'inferred';
  source: string;
}

/** A create-like operation: how it is undone, or why it cannot be (said once, never silently). */
export type CreateUndo = { undo: DerivedUndo } | { notUndone: string };

const structOf = (model: ServiceModel, name: string | undefined): Extract<Shape, { type: 'structure' }> | undefined => {
  const s = name === undefined ? undefined : model.shapes[name];
  return s?.type === 'structure' ? s : undefined;
};
const isScalar = (model: ServiceModel, target: string): boolean => ['string', 'integer', 'long'].includes(model.shapes[target]?.type ?? '');

/** CamelCase words: `HttpNamespace` → ['Http', 'Namespace']. */
const words = (s: string): string[] => s.match(/[A-Z][a-z0-9]*|[a-z0-9]+/g) ?? [s];

/** The verb and resource of a create-like operation name, or undefined. */
export function createVerb(name: string): { verb: string; inverses: readonly string[]; resource: string } | undefined {
  for (const [verb, inverses] of INVERSE_VERBS) {
    if (name.startsWith(verb) && /^[A-Z]/.test(name.slice(verb.length))) return { verb, inverses, resource: name.slice(verb.length) };
  }
  return undefined;
}

/** The inverse operation: the inverse verb with the whole resource, else with its trailing words (CreateHttpNamespace → DeleteNamespace). */
function inverseOf(model: ServiceModel, inverses: readonly string[], resource: string): { name: string; resource: string } | undefined {
  const parts = words(resource);
  for (let i = 0; i < parts.length; i++) {
    const r = parts.slice(i).join('');
    for (const v of inverses) if (Object.hasOwn(model.operations, v + r)) return { name: v + r, resource: r };
  }
  return undefined;
}

/** Scalar members of a structure, one level of nested structures deep: path → member name. */
function answerPaths(model: ServiceModel, output: string | undefined): Array<{ path: string; member: string; parent?: string }> {
  const top = structOf(model, output);
  if (!top) return [];
  const out: Array<{ path: string; member: string; parent?: string }> = [];
  for (const [m, member] of Object.entries(top.members)) {
    if (isScalar(model, member.target)) out.push({ path: m, member: m });
    const inner = structOf(model, member.target);
    if (inner) for (const [n, nm] of Object.entries(inner.members)) if (isScalar(model, nm.target)) out.push({ path: `${m}.${n}`, member: n, parent: m });
  }
  return out;
}

const ID_SUFFIXES = ['Id', 'Arn', 'Name', 'Identifier'];

/** Where an inverse input member's value comes from, or undefined. */
function bindMember(model: ServiceModel, create: OperationRef, member: string, resource: string): UndoSource | undefined {
  const input = structOf(model, create.operation.input);
  if (input && Object.hasOwn(input.members, member) && isScalar(model, input.members[member]!.target)) return { from: 'input', path: member };
  const paths = answerPaths(model, create.operation.output);
  const exact = paths.find((p) => p.member === member && p.parent === undefined) ?? paths.find((p) => p.member === member);
  if (exact) return { from: 'answer', path: exact.path };
  // The identifier of the resource the create returns: `Id` ← Service.Id, `ServiceId` ← ServiceId / Service.Id.
  const suffix = ID_SUFFIXES.find((s) => member.endsWith(s));
  if (suffix === undefined) return undefined;
  const owner = member.slice(0, -suffix.length) || resource;
  const named = paths.find((p) => p.member === suffix && (p.parent === owner || p.parent === resource));
  if (named) return { from: 'answer', path: named.path };
  const async = ASYNC_CREATES[model.service];
  if (async && paths.some((p) => p.path === async.id)) return { from: 'awaited', path: `${async.targets}.${owner.toUpperCase()}` };
  return undefined;
}

/** How a create-like operation is undone; undefined for an operation that creates nothing by its name. */
export function createUndo(create: OperationRef): CreateUndo | undefined {
  const model = create.service;
  const verb = createVerb(create.name);
  if (!verb) return undefined;
  const inverse = inverseOf(model, verb.inverses, verb.resource);
  if (!inverse) return { notUndone: `the model has no ${verb.inverses.map((v) => v + verb.resource).join(' or ')}` };
  const op = model.operations[inverse.name]!;
  const input = structOf(model, op.input);
  const required = input?.required ?? [];
  const bind: Record<string, UndoSource> = {};
  for (const m of required) {
    const b = bindMember(model, create, m, inverse.resource);
    // Found by the resource's last words (CreateGlobalTable → DeleteTable): say that the exact inverse is missing too.
    const exact = inverse.resource === verb.resource ? '' : `the model has no ${verb.inverses.map((v) => v + verb.resource).join(' or ')}; `;
    if (!b) return { notUndone: `${exact}${inverse.name} needs ${m}, which ${create.name} neither takes nor returns` };
    bind[m] = b;
  }
  // No required member: bind what can be bound, and refuse to send an inverse that names nothing.
  if (required.length === 0) {
    for (const m of Object.keys(input?.members ?? {})) {
      const b = bindMember(model, create, m, inverse.resource);
      if (b && b.from === 'input') bind[m] = b;
    }
    if (Object.keys(bind).length === 0) return { notUndone: `${inverse.name} takes nothing ${create.name} names` };
  }
  // Found by the resource's last words, the inverse removes a wider kind of thing: only what the create's answer
  // names is surely its own (CreateFileSystemFromBackup's input BackupId is not, and DeleteBackup must not get it).
  const fromInput = Object.entries(bind).filter(([, b]) => b.from === 'input').map(([m]) => m);
  if (inverse.resource !== verb.resource && fromInput.length > 0) {
    return { notUndone: `the model has no ${verb.inverses.map((v) => v + verb.resource).join(' or ')}; ${inverse.name} would take ${fromInput.join(', ')} from ${create.name}'s input, which may name what ${create.name} did not make` };
  }
  const declared = op.errors ?? [];
  const async = Object.values(bind).some((b) => b.from === 'awaited') ? ASYNC_CREATES[model.service] : undefined;
  const call: RecipeCall = { service: model.service, operation: inverse.name, input: Object.fromEntries(Object.keys(bind).map((m) => [m, `{${m}}`])) };
  return {
    undo: {
      call, bind,
      ...(async ? { awaits: { id: async.id, waiter: async.waiter } } : {}),
      gone: declared.filter((c) => /NotFound/.test(c)),
      retryOn: declared.filter((c) => /InUse|Conflict|InProgress|Concurrent|DuplicateRequest/.test(c)),
      confidence: 'inferred',
      source: `model ${create.key}: ${inverse.name} by resource name, ${Object.entries(bind).map(([m, b]) => `${m} from the ${b.from === 'input' ? 'input' : 'answer'}'s ${b.path}`).join(', ')} (inferred)${async ? `; ${async.source}` : ''}`,
    },
  };
}
