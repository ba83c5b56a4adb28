// A profile derived from the model alone, for an operation nobody wrote one for (issue 10 §4): its idempotency
// tokens are the members the model marks `idempotencyToken`; it names no prerequisite and no state, so the
// oracle judges it by the model's constraints only. Everything here is `inferred`.
import { perCase } from '../../properties/common.ts';
import type { OperationRef } from '../model/load.ts';
import { nonceSafe } from './nonceSafe.ts';
import type { Profile, StateExpectation } from './profile.ts';
import { createUndo, createVerb } from './undo.ts';
import type { ModelPrepared, ScenarioSubject } from './scenario.ts';

/** AWS-wide names for "this token was used with other parameters" (no model of these services documents one):
 * the mismatch and conflict classes, then validation; whichever of them the operation declares. */
const MISMATCH_CODES = ['IdempotentParameterMismatch', 'IdempotentParameterMismatchException', 'ConflictException', 'DuplicateRequest', 'ResourceInUse', 'ValidationException', 'InvalidInput'];

/** The scenarios of an operation with an idempotency token: only a replay answering as the original (the family
 * says why the others cannot run against a stateless mock). */
function replayScenarios(ref: OperationRef, tokenMember: string, source: string): ScenarioSubject<ModelPrepared> {
  return {
    statements: [{
      id: 'idempotency:token-replay',
      says: `a replay of an accepted ${ref.name} (same ${tokenMember} and parameters) is accepted again with the same answer`,
      source,
      confidence: 'inferred',
      expected: { outcome: 'success' },
    }],
    families: ['replayAnswer'],
    slots: 1,
    variants: 1,
    prepare: (contexts) => (contexts[0] ? { placeholder: contexts[0].name, prepared: { context: contexts[0].context } } : undefined),
    fits: (p): p is ModelPrepared => typeof (p as ModelPrepared | undefined)?.context === 'object',
    shape: 'a prepared {context}',
    scope: () => '',
    context: (p) => p.context,
  };
}

export function derivedProfile(ref: OperationRef): Profile {
  const input = ref.operation.input ? ref.service.shapes[ref.operation.input] : undefined;
  const members = input?.type === 'structure' ? input.members : {};
  const tokens = Object.keys(members).filter((m) => members[m]!.idempotencyToken);
  const declared = new Set(ref.operation.errors ?? []);
  const codes = MISMATCH_CODES.filter((c) => declared.has(c));
  const tokenMember = tokens[0];
  const replay = (m: string) => `model ${ref.key} (${m} is an idempotency token): a replay answers as the original request (inferred)`;
  // Pagination: an input member the output returns too (NextToken) is a token only the service can issue.
  const output = ref.operation.output ? ref.service.shapes[ref.operation.output] : undefined;
  const returned = new Set(output?.type === 'structure' ? Object.keys(output.members) : []);
  const paging = Object.keys(members).filter((m) => returned.has(m) && /token/i.test(m) && !members[m]!.idempotencyToken);
  const validation = ['InvalidInput', 'ValidationException'].find((c) => declared.has(c)) ?? 'ValidationException';
  // Whatever the input references was not made for it: a declared not-found answer is accepted (inferred).
  // A create may meet what an earlier case of the run created under the same name: its declared conflict answer too.
  const creates = createVerb(ref.name) !== undefined;
  const unknowable = (c: string): boolean => /NotFound(Exception)?$/.test(c) || (creates && /^(ConflictException|ResourceInUse(Exception)?|DuplicateRequest|\w+AlreadyExists(Exception)?)$/.test(c));
  // What a create names carries the run nonce where its pattern keeps every verdict under it (nonceSafe), so a
  // second run against the same target never meets the first one's resources: the members its undo reads from
  // the input, else its name (`Name`, `<Resource>Name`).
  const undo = createUndo(ref);
  const bound = undo && 'undo' in undo ? Object.values(undo.undo.bind).flatMap((b) => (b.from === 'input' ? [b.path] : [])) : [];
  const resource = createVerb(ref.name)?.resource ?? '';
  const own = ['Name', 'name', `${resource}Name`, `${resource.charAt(0).toLowerCase()}${resource.slice(1)}Name`];
  const names = (!creates ? [] : bound.length > 0 ? bound : own.filter((m) => Object.hasOwn(members, m)))
    .filter((m, i, all) => all.indexOf(m) === i && !tokens.includes(m) && nonceSafe(ref.service, members[m]!.target));
  const notFound: StateExpectation[] = [...declared].filter(unknowable).map((code) => ({
    id: `state:${code}`, operation: ref.name, path: '', code, confidence: 'inferred',
    says: `what the input references may not exist, or what it creates may exist already: ${code} is accepted for a valid payload`,
    source: `model ${ref.key} (declares ${code}); the run cannot know the target's resources (inferred)`,
    message: () => `${code}`,
  }));
  return {
    key: ref.key,
    service: ref.service.service,
    operation: ref.name,
    origin: 'derived',
    ...(tokenMember !== undefined ? {
      scenarios: replayScenarios(ref, tokenMember, replay(tokenMember)),
      // Its replay scenario is a testcase of its own, so a pass shows in junit.xml too.
      junit: { operation: ref.name, properties: [...perCase, { id: 'idempotency', scenario: true, kinds: ['idempotency'], says: `a replay of an accepted request (same ${tokenMember} and parameters) answers as the original (inferred)` }] },
      idempotency: {
        tokenMember,
        replay: replay(tokenMember),
        mismatch: {
          codes: codes.length ? codes : ['ValidationException'],
          says: `${tokenMember} reused with other parameters is refused`,
          source: `model ${ref.key} (${tokenMember} is an idempotency token); the refusal's code is inferred from the operation's declared errors`,
          confidence: 'inferred',
          message: `${tokenMember} was already used with different parameters`,
        },
      },
    } : {}),
    nonceMembers: [...tokens, ...names],
    ...(undo ? { createUndo: undo } : {}),
    states: notFound,
    mayMeet: notFound.map((s) => s.id),
    ...(paging.length ? { opaque: { members: paging, code: validation, source: `model ${ref.key} (${paging.join(', ')} also in the output: a pagination token the service issues); its refusal inferred` } } : {}),
  };
}
