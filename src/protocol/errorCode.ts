// Error code and message of an awsJson 1.0/1.1 error response, as Smithy's awsJson protocols define them
// (and smithy-typescript's loadRestJsonErrorCode implements): the `X-Amzn-ErrorType` header first, then a
// top-level body `code`, then a top-level body `__type`; keep the text before the first `:` (a URI
// suffix), then the text after the first `#` (a namespace prefix). Nested `__type`s are never looked at.
import { isObject } from '../contract/json.ts';

const ERROR_TYPE_HEADER = 'x-amzn-errortype';

/** One raw code value → the shape name: "ns#Foo:http://…" → "Foo". Non-strings (but numbers) are ignored. */
export function sanitizeErrorCode(raw: unknown): string | undefined {
  if (typeof raw === 'number') raw = String(raw);
  if (typeof raw !== 'string') return undefined;
  let code = raw;
  const comma = code.indexOf(','); // a header repeated and joined by ", ": the first one counts
  if (comma >= 0) code = code.slice(0, comma);
  const colon = code.indexOf(':');
  if (colon >= 0) code = code.slice(0, colon);
  const hash = code.indexOf('#');
  if (hash >= 0) {
    const rest = code.slice(hash + 1);
    const next = rest.indexOf('#');
    code = next >= 0 ? rest.slice(0, next) : rest;
  }
  return code.trim();
}

function headerValue(headers: Record<string, string>, lowerName: string): string | undefined {
  const direct = headers[lowerName];
  if (direct !== undefined) return direct;
  for (const name in headers) if (name.toLowerCase() === lowerName) return headers[name];
  return undefined;
}


/** The error code of a response: `headers` (any case) and the parsed JSON `body` (anything; only an object counts). */
export function parseErrorCode(headers: Record<string, string>, body: unknown): string | undefined {
  const header = headerValue(headers, ERROR_TYPE_HEADER);
  if (header !== undefined) return sanitizeErrorCode(header);
  if (!isObject(body)) return undefined;
  if (body.code !== undefined) return sanitizeErrorCode(body.code);
  for (const key in body) if (key !== 'code' && key.toLowerCase() === 'code' && body[key] !== undefined) return sanitizeErrorCode(body[key]);
  if (body.__type !== undefined) return sanitizeErrorCode(body.__type);
  return undefined;
}

/** The error message: top-level `message`, else `Message` (Cloud Map uses `Message`, Proton `message`). */
export function parseErrorMessage(body: unknown): string | undefined {
  if (!isObject(body)) return undefined;
  const m = body.message ?? body.Message;
  return typeof m === 'string' ? m : undefined;
}
