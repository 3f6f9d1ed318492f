// ECDSA P-256 signatures for the Fabric Gateway client through node:crypto (OpenSSL) instead of
// fabric-gateway's pure-JavaScript signer, which took ~20 % of a REST gateway's CPU under load (issue 7,
// docs/performance.md). Used with fabric-gateway's `hash.none`: OpenSSL hashes the message (SHA-256) and
// signs it. Fabric refuses "high-S" signatures (S above half the curve order: the malleable twin of a
// valid one), which OpenSSL produces half the time, so S is replaced by n − S when it is high.
import type { Signer } from '@hyperledger/fabric-gateway';
import crypto, { type KeyObject } from 'node:crypto';

/** The order n of the P-256 group. */
const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;
const HALF_N = N >> 1n;

export function p256Signer(key: KeyObject): Signer {
  if (key.type !== 'private' || key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw new Error(`a P-256 (prime256v1) private key expected, not ${key.type} ${key.asymmetricKeyType ?? ''} ${key.asymmetricKeyDetails?.namedCurve ?? ''}`.trim());
  }
  return async (message) => lowSDer(crypto.sign('sha256', message, { key, dsaEncoding: 'ieee-p1363' }));
}

/** r‖s (32 bytes each) → DER SEQUENCE { INTEGER r, INTEGER s } with s ≤ n/2. */
export function lowSDer(rs: Uint8Array): Uint8Array {
  if (rs.length !== 64) throw new Error(`a 64-byte r‖s signature expected, got ${rs.length} bytes`);
  let s = BigInt(`0x${Buffer.from(rs.subarray(32)).toString('hex')}`);
  if (s > HALF_N) s = N - s;
  const r = derInteger(rs.subarray(0, 32));
  const sInt = derInteger(Buffer.from(s.toString(16).padStart(64, '0'), 'hex'));
  return Buffer.concat([Buffer.from([0x30, r.length + sInt.length]), r, sInt]);
}

/** A non-negative big-endian integer as DER: no leading zero bytes, one added when the top bit is set. */
function derInteger(bytes: Uint8Array): Buffer {
  let i = 0;
  while (i < bytes.length - 1 && bytes[i] === 0) i++;
  const body = Buffer.from(bytes.subarray(i));
  const pad = body[0]! & 0x80 ? Buffer.from([0]) : Buffer.alloc(0);
  return Buffer.concat([Buffer.from([0x02, body.length + pad.length]), pad, body]);
}
