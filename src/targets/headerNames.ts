// Response header names as the exchange keeps them (lower-cased strings), read from undici's raw name bytes. The
// names AWS-style answers carry are matched byte by byte, case-insensitively, and given as one interned string:
// no decoding and no lower-casing per header per request. Any other name is decoded and lower-cased as before.
const COMMON = [
  'content-type', 'content-length', 'date', 'connection', 'keep-alive', 'server', 'transfer-encoding', 'vary',
  'cache-control', 'retry-after', 'etag', 'x-amzn-requestid', 'x-amzn-errortype', 'x-amzn-error-message',
  'x-amzn-query-error', 'x-amz-request-id', 'x-amz-id-2', 'x-amz-crc32', 'x-amzn-trace-id', 'x-amz-apigw-id',
  'x-amz-cf-id', 'x-amz-cf-pop', 'x-cache', 'via', 'access-control-allow-origin',
];

const byLength: string[][] = [];
for (const name of COMMON) (byLength[name.length] ??= []).push(name);

/** `raw` decoded as UTF-8 and lower-cased. */
export function headerName(raw: Buffer | string): string {
  if (typeof raw === 'string') return raw.toLowerCase();
  const candidates = byLength[raw.length];
  if (candidates !== undefined) {
    for (const name of candidates) if (sameName(raw, name)) return name;
  }
  return raw.toString().toLowerCase();
}

// ASCII letters compared case-insensitively, every other byte exactly (a lower-case ASCII name matches only the
// bytes that decode and lower-case to it).
function sameName(raw: Buffer, name: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if ((c >= 65 && c <= 90 ? c + 32 : c) !== name.charCodeAt(i)) return false;
  }
  return true;
}
