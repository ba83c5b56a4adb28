// Smithy 2.0 JSON AST → ServiceModel. Namespaces are stripped (names are unique within a service);
// prelude targets become shapes named after their local name; member-level constraint traits get a
// synthesized shape named like botocore names them (container + Member + Type: "…StatusMessageString").
import type { OperationModel, Protocol, ServiceModel, Shape } from '../contract/model.ts';
import { checkReferences, formatError, isRecord, type SourceInfo } from './normalize.ts';
import { has, localName, namespaceOf, PRELUDE, PRELUDE_NAMESPACE, T, UNIT, type SmithyDocument, type SmithyRef, type SmithyShape } from './smithy-ast.ts';
import { convertShape, hasMemberConstraints, withMemberConstraints } from './smithy-shapes.ts';

const STRUCTURAL = new Set(['service', 'operation', 'resource']);

export const isSmithy = (doc: unknown): doc is SmithyDocument =>
  isRecord(doc) && typeof doc.smithy === 'string' && doc.smithy.startsWith('2.') && isRecord(doc.shapes);

export function importSmithy(doc: unknown, source: SourceInfo): ServiceModel {
  const { file } = source;
  if (!isSmithy(doc)) throw formatError(file, 'not a Smithy 2.0 JSON AST (needs "smithy": "2.0" and shapes)');
  const services = Object.entries(doc.shapes).filter(([, s]) => s.type === 'service');
  if (services.length !== 1) throw formatError(file, `expected exactly one service shape, found ${services.length}`);
  const [serviceId, service] = services[0]!;
  const traits = service.traits ?? {};
  const sigv4 = record(traits[T.sigv4]);
  const awsService = record(traits[T.awsService]);
  const signingName = str(sigv4.name) ?? str(awsService.endpointPrefix);
  const endpointPrefix = str(awsService.endpointPrefix) ?? signingName;
  if (!signingName || !endpointPrefix || !service.version) {
    throw formatError(file, `service ${serviceId} lacks a sigv4 name / endpointPrefix or a version`);
  }

  const shapes: Record<string, Shape> = {};
  const names = nameTable(doc, file);
  const get = (id: string): SmithyShape => {
    const s = doc.shapes[id];
    if (!s) throw formatError(file, `reference to missing shape '${id}'`);
    return s;
  };
  // Resolves a target id to a normalized name, converting it on first use (prelude included).
  const pending = new Set<string>(); // recursive shapes (a structure listing itself) stop here
  const use = (id: string): string => {
    const name = names(id);
    if (Object.hasOwn(shapes, name) || pending.has(name)) return name;
    pending.add(name);
    if (namespaceOf(id) === PRELUDE_NAMESPACE) {
      const p = PRELUDE[localName(id)];
      if (!p) throw formatError(file, `unsupported prelude target '${id}'`);
      shapes[name] = p;
    } else {
      shapes[name] = convertShape(name, get(id), file, resolve);
    }
    pending.delete(name);
    return name;
  };
  const resolve = (container: string, member: string, ref: SmithyRef): string => {
    const base = use(ref.target);
    if (!hasMemberConstraints(ref.traits)) return base;
    const shape = shapes[base];
    if (!shape) throw formatError(file, `member ${container}.${member} constrains recursive shape '${base}'`);
    const synth = `${container}${cap(member)}${cap(shape.type)}`;
    shapes[synth] = withMemberConstraints(shape, ref.traits);
    return synth;
  };

  const operations: Record<string, OperationModel> = {};
  const serviceErrors = (service.errors ?? []).map((e) => e.target);
  for (const opId of operationIds(doc, serviceId, file)) {
    const op = get(opId);
    const name = localName(opId);
    const errors = [...new Set([...(op.errors ?? []).map((e) => e.target), ...serviceErrors])].map(use);
    const out: OperationModel = { name, errors };
    if (op.input && op.input.target !== UNIT) out.input = use(op.input.target);
    if (op.output && op.output.target !== UNIT) out.output = use(op.output.target);
    if (has(op.traits, T.idempotent)) out.idempotent = true;
    if (has(op.traits, T.deprecated)) out.deprecated = true;
    operations[name] = out;
  }
  // Shapes no operation reaches are still part of the model (botocore keeps them too).
  for (const [id, s] of Object.entries(doc.shapes)) if (!STRUCTURAL.has(s.type)) use(id);

  return checkReferences({
    service: signingName,
    fullName: str(traits[T.title]) ?? str(awsService.sdkId) ?? signingName,
    apiVersion: service.version,
    protocol: protocol(traits, file),
    targetPrefix: localName(serviceId),
    signingName,
    endpointPrefix,
    operations,
    shapes,
    provenance: { format: 'smithy', file, sha256: source.sha256, importedAt: source.importedAt },
  }, file);
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const record = (v: unknown): Record<string, unknown> => (isRecord(v) ? v : {});
const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

function protocol(traits: Record<string, unknown>, file: string): Protocol {
  if (has(traits, T.awsJson1_0)) return 'awsJson1_0';
  if (has(traits, T.awsJson1_1)) return 'awsJson1_1';
  throw formatError(file, 'service has no aws.protocols#awsJson1_0 / awsJson1_1 trait (only awsJson is supported)');
}

/** Local names must be unique; a prelude name a service shape also uses gets a "Smithy" prefix. */
function nameTable(doc: SmithyDocument, file: string): (id: string) => string {
  const owner = new Map<string, string>();
  for (const [id, s] of Object.entries(doc.shapes)) {
    if (STRUCTURAL.has(s.type)) continue;
    const local = localName(id);
    const prev = owner.get(local);
    if (prev !== undefined) throw formatError(file, `shapes ${prev} and ${id} share the local name '${local}'`);
    owner.set(local, id);
  }
  return (id) => {
    const local = localName(id);
    return namespaceOf(id) === PRELUDE_NAMESPACE && owner.has(local) ? `Smithy${local}` : local;
  };
}

/** The service's operations, including those bound to (nested) resources, in a stable order. */
function operationIds(doc: SmithyDocument, serviceId: string, file: string): string[] {
  const found = new Set<string>();
  const seen = new Set<string>();
  const visit = (id: string): void => {
    if (seen.has(id)) return;
    seen.add(id);
    const s = doc.shapes[id];
    if (!s) throw formatError(file, `service references missing shape '${id}'`);
    if (s.type === 'operation') { found.add(id); return; }
    const refs = [s.create, s.put, s.read, s.update, s.delete, s.list, ...(s.operations ?? []), ...(s.collectionOperations ?? []), ...(s.resources ?? [])];
    for (const r of refs) if (r) visit(r.target);
  };
  visit(serviceId);
  return [...found].sort();
}
