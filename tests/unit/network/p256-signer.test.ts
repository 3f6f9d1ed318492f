// The Fabric Gateway client's signer: valid P-256 ECDSA over SHA-256 of the message, always low-S.
import { expect } from 'chai';
import crypto from 'node:crypto';
import { lowSDer, p256Signer } from '../../../network/src/p256-signer';

const N = 0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551n;

/** r and s of a DER ECDSA signature. */
function parseDer(der: Uint8Array): { r: bigint; s: bigint } {
  const b = Buffer.from(der);
  expect(b[0]).to.equal(0x30);
  expect(b[1]).to.equal(b.length - 2);
  const rLen = b[3]!;
  const r = b.subarray(4, 4 + rLen);
  const sLen = b[5 + rLen]!;
  const s = b.subarray(6 + rLen, 6 + rLen + sLen);
  expect(6 + rLen + sLen).to.equal(b.length);
  return { r: BigInt(`0x${r.toString('hex')}`), s: BigInt(`0x${s.toString('hex')}`) };
}

describe('P-256 signer (node:crypto)', () => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' });

  it('signs verifiably, and every one of 200 signatures is low-S (OpenSSL alone gives high-S about half the time)', async () => {
    const sign = p256Signer(privateKey);
    let raw = 0;
    for (let i = 0; i < 200; i++) {
      const message = Buffer.from(`proposal ${i}`);
      const der = await sign(message);
      expect(crypto.verify('sha256', message, publicKey, der), `signature ${i}`).to.equal(true);
      expect(parseDer(der).s <= N >> 1n, `signature ${i} is low-S`).to.equal(true);
      const p1363 = crypto.sign('sha256', message, { key: privateKey, dsaEncoding: 'ieee-p1363' });
      if (BigInt(`0x${p1363.subarray(32).toString('hex')}`) > N >> 1n) raw++;
    }
    expect(raw, 'OpenSSL produced high-S signatures to normalise').to.be.greaterThan(0);
  });

  it('does not verify for another message', async () => {
    const der = await p256Signer(privateKey)(Buffer.from('a'));
    expect(crypto.verify('sha256', Buffer.from('b'), publicKey, der)).to.equal(false);
  });

  it('turns a high S into n − S and encodes integers as DER wants (no leading zeros, a zero before a top bit)', () => {
    const r = Buffer.alloc(32);
    r[1] = 0x80; // r with one leading zero byte and its top bit then set
    const s = Buffer.from((N - 1n).toString(16), 'hex');
    const der = Buffer.from(lowSDer(Buffer.concat([r, s])));
    expect(der.toString('hex')).to.equal(`3025` + `022000` + r.subarray(1).toString('hex') + `020101`);
    expect(parseDer(der)).to.deep.equal({ r: BigInt(`0x${r.toString('hex')}`), s: 1n });
  });

  it('refuses a key that is not a P-256 private key, naming what it got', () => {
    const ed = crypto.generateKeyPairSync('ed25519').privateKey;
    expect(() => p256Signer(ed)).to.throw(/P-256 \(prime256v1\) private key expected, not private ed25519/);
    expect(() => p256Signer(publicKey)).to.throw(/not public ec prime256v1/);
  });

  it('refuses a signature that is not 64 bytes', () => {
    expect(() => lowSDer(new Uint8Array(63))).to.throw(/64-byte/);
  });
});
