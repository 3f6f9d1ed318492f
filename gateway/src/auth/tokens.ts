// Access tokens: ES256 JWTs that an organisation signs for its own users. The audience `cats:<Org>` and
// the issuer `<Org>` tie a token to one organisation's gateway, so a token from another organisation is
// refused there even before its signature (made with another key) is checked.
import { SignJWT, createLocalJWKSet, jwtVerify, errors as joseErrors, type JWTPayload } from 'jose';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { ROLES, type Role } from '../../../chaincode/src/domain/roles';
import type { NetworkFile, NetworkOrg } from '../../../network/src/network-file';
import type { Principal } from './principal';
import { signingKey } from './signing-key';

export const TOKEN_TTL_SECONDS = 15 * 60;

export const audienceOf = (orgName: string): string => `cats:${orgName}`;

interface CatsClaims extends JWTPayload {
  role: Role;
  offices: string[];
  traderId: string | null;
}

function orgOf(network: NetworkFile, orgName: string): NetworkOrg {
  const org = network.organisations.find((o) => o.name.toLowerCase() === orgName.toLowerCase());
  if (!org) throw new Error(`unknown organisation ${orgName} (known: ${network.organisations.map((o) => o.name).join(', ')})`);
  return org;
}

/** A token for a user the set-up enrolled (`cats token --as Org:user`). */
export async function issueToken(network: NetworkFile, orgName: string, userId: string, ttlSeconds = TOKEN_TTL_SECONDS): Promise<string> {
  const org = orgOf(network, orgName);
  const user = org.users.find((u) => u.id === userId);
  if (!user) throw new Error(`unknown user ${userId} in ${org.name} (known: ${org.users.map((u) => u.id).join(', ')})`);
  const key = await signingKey(org.jwtKeyFile);
  const claims: CatsClaims = { role: user.role, offices: user.offices ?? [], traderId: user.traderId ?? null };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'ES256', kid: key.kid, typ: 'JWT' })
    .setIssuer(org.name)
    .setAudience(audienceOf(org.name))
    .setSubject(user.id)
    .setIssuedAt(now)
    .setExpirationTime(now + ttlSeconds)
    .sign(key.privateKey);
}

export type TokenVerifier = (token: string) => Promise<Principal>;

const unauthenticated = (message: string, reason: string) => new CatsError('UNAUTHENTICATED', message, { reason });

/** Verifies tokens at `org`'s gateway: its own key only, its own issuer and audience, not expired. */
export async function tokenVerifier(org: NetworkOrg): Promise<TokenVerifier> {
  const key = await signingKey(org.jwtKeyFile);
  const jwks = createLocalJWKSet({ keys: [key.publicJwk] });
  return async (token) => {
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, jwks, { issuer: org.name, audience: audienceOf(org.name), algorithms: ['ES256'], requiredClaims: ['sub', 'exp'] }));
    } catch (e) {
      if (e instanceof joseErrors.JWTExpired) throw unauthenticated('the token has expired', 'expired');
      if (e instanceof joseErrors.JWTClaimValidationFailed) throw unauthenticated(`the token was not issued for ${org.name}'s gateway (${e.claim})`, `claim:${e.claim}`);
      if (e instanceof joseErrors.JWKSNoMatchingKey) throw unauthenticated(`the token was not signed by ${org.name}`, 'unknown-key');
      throw unauthenticated('the token is not valid', 'invalid');
    }
    const user = org.users.find((u) => u.id === payload.sub);
    if (!user) throw unauthenticated('the token names an unknown user', 'unknown-user');
    const role = payload.role;
    if (typeof role !== 'string' || !(ROLES as readonly string[]).includes(role) || role !== user.role) throw unauthenticated('the token carries an unknown role', 'role');
    // The certificate, not the token, is what the ledger trusts; take offices and trader id from the same
    // enrolment so the gateway's view never disagrees with the chaincode's.
    return { org: org.name, userId: user.id, role: user.role, offices: user.offices ?? [], traderId: user.traderId ?? null };
  };
}
