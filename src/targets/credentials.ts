// Credentials for targets. `aws`: the standard AWS chain (fromNodeProviderChain), resolved once at start-up so
// a missing chain is one CF_ERR_CONFIG line before any case runs; the chain's own cache then serves (and
// refreshes expiring) credentials. Local emulators: an obviously fake static key. Credentials are never
// printed, logged or returned in an Outcome; error messages are scrubbed of anything key-like.
import { HarnessError } from '../errors.ts';
import { FAKE_CREDENTIALS, type Credentials } from '../protocol/sigv4.ts';

export { FAKE_CREDENTIALS };
export type { Credentials };

export type CredentialProvider = () => Promise<Credentials>;

export interface ChainOptions {
  /** A named profile instead of AWS_PROFILE / default. */
  profile?: string;
  /** Replaces the default chain (tests). */
  provider?: CredentialProvider;
}

const SOURCES = 'environment, SSO, shared config and credentials files, credential_process, web identity, ECS/EC2 metadata';
const HOW = 'set AWS_PROFILE or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary credentials)';

/**
 * The default chain as a provider; no I/O until called. A failure (now or on a later refresh) rejects with
 * HarnessError CF_ERR_CONFIG: credentials the harness cannot get stop the run, they are not a target's answer.
 */
export function chainProvider(options: ChainOptions = {}): CredentialProvider {
  // The SDK's provider chain is loaded on first use: only `aws` targets pay for it.
  let chain: CredentialProvider | undefined = options.provider;
  return async () => {
    let c: Credentials;
    try {
      if (!chain) {
        const { fromNodeProviderChain } = await import('@aws-sdk/credential-providers');
        chain = fromNodeProviderChain(options.profile === undefined ? {} : { profile: options.profile });
      }
      c = await chain();
    } catch (e) {
      throw noCredentials(e);
    }
    if (!c || typeof c.accessKeyId !== 'string' || c.accessKeyId === '' || typeof c.secretAccessKey !== 'string' || c.secretAccessKey === '') {
      throw noCredentials(new Error('the chain returned incomplete credentials'));
    }
    return c;
  };
}

/** Start-up: resolves the chain once (CF_ERR_CONFIG when it finds nothing) and returns the cached provider. */
export async function resolveChainCredentials(options: ChainOptions = {}): Promise<CredentialProvider> {
  const provider = chainProvider(options);
  await provider();
  return provider;
}

function noCredentials(cause: unknown): HarnessError {
  const reason = scrub(cause instanceof Error ? cause.message : String(cause));
  const detail = reason === '' ? SOURCES : `${SOURCES}; last: ${reason}`;
  return new HarnessError('CF_ERR_CONFIG', `no AWS credentials found by the default chain (${detail}): ${HOW}`);
}

/** First line of a provider's message, capped, with anything that looks like a key or secret masked. */
export function scrub(message: string): string {
  const line = (message.split('\n', 1)[0] ?? '').trim();
  const masked = line
    .replace(/\b(?:AKIA|ASIA|AKID|AIDA|AROA|A3T[A-Z0-9])[A-Z0-9]{8,}\b/g, '***')
    .replace(/[A-Za-z0-9/+=_-]{32,}/g, '***');
  return masked.length > 160 ? `${masked.slice(0, 160)}…` : masked;
}
