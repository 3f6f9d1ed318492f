// Remembers what a token's signature check decided, so a token is verified once, not on every request.
// A client keeps its token for up to 15 minutes and sends it with every call; an ES256 verification costs
// ~0.35 ms of the gateway's only thread. The key is the whole token: the same bytes always get the same
// answer, and a changed byte is a new entry. A valid token stays valid only until its `exp`, checked on
// every hit. A refused token is remembered too (a national system retrying with an expired token, a
// replayed forged one); refusals that depend on the enrolment (unknown user, role) only for a minute.
// Bounded: the oldest entries go first. A client minting a new forged token per request is not helped
// by this, and costs one verification each, as before.
import { CatsError } from '../../../chaincode/src/domain/errors';
import type { Principal } from './principal';
import type { TokenVerifier } from './tokens';

type Entry = { principal: Principal; until: number } | { refusal: CatsError; until: number };

/** refusals that could change when users are enrolled or change role */
const ENROLMENT_REASONS = new Set(['unknown-user', 'role']);

export interface TokenCacheOptions {
  maxEntries: number;
  enrolmentRefusalMs: number;
  now?: () => number;
}

function expiryMs(token: string): number {
  try {
    const exp = (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : 0;
  } catch {
    return 0;
  }
}

export function cachedVerifier(verify: TokenVerifier, opts: TokenCacheOptions): TokenVerifier {
  const now = opts.now ?? Date.now;
  const entries = new Map<string, Entry>();
  const remember = (token: string, e: Entry) => {
    if (entries.size >= opts.maxEntries) entries.delete(entries.keys().next().value!);
    entries.set(token, e);
  };
  return async (token) => {
    const hit = entries.get(token);
    if (hit && now() < hit.until) {
      if ('refusal' in hit) throw hit.refusal;
      return hit.principal;
    }
    if (hit) entries.delete(token);
    try {
      const principal = await verify(token);
      // jose checked exp against the clock just now; the entry ends when the token does
      remember(token, { principal, until: expiryMs(token) });
      return principal;
    } catch (e) {
      if (e instanceof CatsError && e.code === 'UNAUTHENTICATED') {
        const reason = String((e.details as { reason?: unknown } | undefined)?.reason ?? '');
        remember(token, { refusal: e, until: ENROLMENT_REASONS.has(reason) ? now() + opts.enrolmentRefusalMs : Number.POSITIVE_INFINITY });
      }
      throw e;
    }
  };
}
