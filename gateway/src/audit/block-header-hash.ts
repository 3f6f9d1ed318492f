// The hash that chains Fabric blocks: SHA-256 of the ASN.1 DER encoding of
// SEQUENCE { INTEGER number, OCTET STRING previousHash, OCTET STRING dataHash } (Fabric's
// protoutil.BlockHeaderBytes), and the data hash: SHA-256 of the block's data entries concatenated.
import crypto from 'node:crypto';

function derLength(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n]);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

function tlv(tag: number, content: Buffer): Buffer {
  return Buffer.concat([Buffer.from([tag]), derLength(content.length), content]);
}

/** DER INTEGER of a non-negative integer: minimal big-endian, with a leading 0 if the top bit is set. */
function derInteger(n: bigint): Buffer {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(Number(v & 0xffn));
    v >>= 8n;
  } while (v > 0n);
  if (bytes[0] & 0x80) bytes.unshift(0);
  return tlv(0x02, Buffer.from(bytes));
}

export function blockHeaderBytes(number: bigint, previousHash: Uint8Array, dataHash: Uint8Array): Buffer {
  return tlv(0x30, Buffer.concat([derInteger(number), tlv(0x04, Buffer.from(previousHash)), tlv(0x04, Buffer.from(dataHash))]));
}

export function blockHeaderHash(number: bigint, previousHash: Uint8Array, dataHash: Uint8Array): Buffer {
  return crypto.createHash('sha256').update(blockHeaderBytes(number, previousHash, dataHash)).digest();
}

export function blockDataHash(data: Uint8Array[]): Buffer {
  const h = crypto.createHash('sha256');
  for (const d of data) h.update(d);
  return h.digest();
}
