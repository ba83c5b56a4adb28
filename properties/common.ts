// The per-case properties both operations share.
import type { Property } from './types.ts';

export const perCase: Property[] = [
  { id: 'valid-accepted', says: 'every payload the contract accepts is accepted (2xx)', kinds: ['rejected-valid'] },
  { id: 'invalid-rejected', says: 'every payload breaking one constraint is rejected with the documented code and a documented status', kinds: ['accepted-invalid', 'error-code', 'status', 'message'] },
  { id: 'response-shape', says: 'every 2xx body satisfies the output shape of the model', kinds: ['response-schema'] },
  { id: 'no-server-errors', says: 'no payload, valid or not, gets a 5xx, an unreadable body or no response', kinds: ['server-error', 'transport'] },
  { id: 'prerequisites', says: 'the target provides what the cases need (the operation is not tested otherwise)', kinds: ['not-tested'] },
];
