// Every fact two imports of the same service disagree on, for the operations both were asked about.
// Shapes are compared where both closures hold them: a shape reached by only one side is the consequence
// of a member target or operation reference that differs, and that difference is already listed.
import { shapeClosure } from './select.ts';
import type { ModelDifference, ServiceModel, Shape } from '../contract/model.ts';

const SCALAR_FIELDS = ['type', 'min', 'max', 'pattern', 'enum', 'sensitive'] as const;

export function compareModels(a: ServiceModel, b: ServiceModel, operations?: readonly string[]): ModelDifference[] {
  const out: ModelDifference[] = [];
  const diff = (where: string, left: unknown, right: unknown): void => {
    if (JSON.stringify(left) !== JSON.stringify(right)) out.push({ where, left, right });
  };
  const names = [...new Set(operations ?? Object.keys(a.operations))].sort();
  const shared = names.filter((n) => Object.hasOwn(a.operations, n) && Object.hasOwn(b.operations, n));
  for (const n of names) diff(`operation ${n}`, present(a.operations, n), present(b.operations, n));
  for (const n of shared) {
    const [x, y] = [a.operations[n]!, b.operations[n]!];
    diff(`operation ${n} input`, x.input, y.input);
    diff(`operation ${n} output`, x.output, y.output);
    diff(`operation ${n} errors`, [...x.errors].sort(), [...y.errors].sort());
    diff(`operation ${n} idempotent`, x.idempotent ?? false, y.idempotent ?? false);
    diff(`operation ${n} deprecated`, x.deprecated ?? false, y.deprecated ?? false);
  }
  const inB = new Set(shapeClosure(b, shared));
  for (const name of shapeClosure(a, shared).filter((s) => inB.has(s))) {
    compareShape(`shape ${name}`, a.shapes[name]!, b.shapes[name]!, diff);
    const [x, y] = [a.shapes[name]!, b.shapes[name]!];
    if ((x.type === 'structure' || x.type === 'union') && (y.type === 'structure' || y.type === 'union')) {
      for (const m of Object.keys(x.members).filter((k) => Object.hasOwn(y.members, k))) {
        const [mx, my] = [x.members[m]!, y.members[m]!];
        if (mx.target !== my.target) {
          diff(`shape ${name}.${m} target`, mx.target, my.target);
          // What the member accepts is what matters downstream: compare the two targets' constraints too.
          compareShape(`shape ${name}.${m}`, a.shapes[mx.target]!, b.shapes[my.target]!, diff);
        }
        diff(`shape ${name}.${m} idempotencyToken`, mx.idempotencyToken ?? false, my.idempotencyToken ?? false);
        diff(`shape ${name}.${m} deprecated`, mx.deprecated ?? false, my.deprecated ?? false);
      }
    }
  }
  return out;
}

const present = (r: Record<string, unknown>, k: string): string => (Object.hasOwn(r, k) ? 'present' : 'absent');

function compareShape(where: string, x: Shape, y: Shape, diff: (w: string, l: unknown, r: unknown) => void): void {
  const fx: Record<string, unknown> = Object.fromEntries(Object.entries(x));
  const fy: Record<string, unknown> = Object.fromEntries(Object.entries(y));
  for (const f of SCALAR_FIELDS) diff(`${where} ${f}`, fx[f], fy[f]);
  if (x.type === 'list' && y.type === 'list') diff(`${where} member`, x.member, y.member);
  if (x.type === 'map' && y.type === 'map') {
    diff(`${where} key`, x.key, y.key);
    diff(`${where} value`, x.value, y.value);
  }
  if ((x.type === 'structure' || x.type === 'union') && (y.type === 'structure' || y.type === 'union')) {
    diff(`${where} members`, Object.keys(x.members).sort(), Object.keys(y.members).sort());
  }
  if (x.type === 'structure' && y.type === 'structure') {
    diff(`${where} required`, [...x.required].sort(), [...y.required].sort());
    diff(`${where} error`, x.error ? 'error' : 'none', y.error ? 'error' : 'none');
    if (x.error && y.error) {
      diff(`${where} code`, x.error.code, y.error.code);
      diff(`${where} fault`, x.error.fault, y.error.fault);
      // A status only one side states is a gap (supplement() fills it), not a disagreement.
      if (x.error.httpStatus !== undefined && y.error.httpStatus !== undefined) diff(`${where} httpStatus`, x.error.httpStatus, y.error.httpStatus);
      diff(`${where} retryable`, x.error.retryable, y.error.retryable);
    }
  }
}

/** "shape RegisterInstanceRequest.ServiceId max: botocore 255 vs smithy 64" */
export function formatDifference(d: ModelDifference, leftName: string, rightName: string): string {
  return `${d.where}: ${leftName} ${show(d.left)} vs ${rightName} ${show(d.right)}`;
}

function show(v: unknown): string {
  if (v === undefined) return 'none';
  if (Array.isArray(v)) return `[${v.map(show).join(', ')}]`;
  return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}
