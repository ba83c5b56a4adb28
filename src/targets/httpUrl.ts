// Validation of an `http://HOST:PORT` / `https://HOST[:PORT][/base]` target URL: one clear HarnessError line.
import { HarnessError } from '../errors.ts';

export interface TargetUrl {
  /** "http://127.0.0.1:4566": what undici connects to. */
  origin: string;
  /** Host header value: host[:port]. */
  host: string;
  /** Request path: "/" or a gateway's base path. */
  path: string;
  /** What reports and messages show: origin plus base path, never URL credentials. */
  name: string;
}

const EXPECTED = 'expected http://HOST:PORT or https://HOST[:PORT]';

const shown = (url: string): string => JSON.stringify(url.length > 120 ? `${url.slice(0, 120)}…` : url);

const invalid = (what: string, reason: string): HarnessError =>
  new HarnessError('CF_ERR_TARGET_URL', `invalid target URL ${what}: ${reason} (${EXPECTED})`);

export function parseTargetUrl(url: string): TargetUrl {
  if (typeof url !== 'string' || url.trim() === '') throw invalid('""', 'empty');
  let u: URL;
  try {
    u = new URL(url.trim());
  } catch {
    throw invalid(shown(url), 'not a URL');
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid(shown(url), `unsupported scheme '${u.protocol.slice(0, -1)}'`);
  if (u.username !== '' || u.password !== '') throw invalid(`${u.protocol}//***@${u.host}`, 'credentials in the URL are not allowed');
  if (u.hostname === '') throw invalid(shown(url), 'no host');
  if (u.search !== '' || u.hash !== '') throw invalid(shown(url), 'a query or fragment is not allowed');
  const path = u.pathname === '' ? '/' : u.pathname;
  return { origin: u.origin, host: u.host, path, name: path === '/' ? u.origin : `${u.origin}${path}` };
}
