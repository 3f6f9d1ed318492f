// An organisation's ES256 token key: the private JWK the set-up wrote at org.jwtKeyFile (with its kid),
// and the public half the gateway publishes as its JWKS.
import fs from 'node:fs';
import { importJWK, type JWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  publicJwk: JWK;
}

const cache = new Map<string, Promise<SigningKey>>();

async function load(file: string): Promise<SigningKey> {
  const jwk = JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
  if (jwk.kty !== 'EC' || jwk.crv !== 'P-256' || !jwk.d) throw new Error(`${file} is not a private P-256 JWK`);
  const kid = jwk.kid ?? 'default';
  const privateKey = await importJWK({ ...jwk, alg: 'ES256' }, 'ES256');
  const { d: _private, ...pub } = jwk;
  return { kid, privateKey, publicJwk: { ...pub, kid, alg: 'ES256', use: 'sig' } };
}

/** The key in `file`, read once per process. */
export function signingKey(file: string): Promise<SigningKey> {
  let p = cache.get(file);
  if (!p) {
    p = load(file);
    cache.set(file, p);
    p.catch(() => cache.delete(file));
  }
  return p;
}
