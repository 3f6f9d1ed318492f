// Hashes the ledger stores instead of secrets or private details. node:crypto is deterministic and does no I/O.

import { createHash, pbkdf2Sync } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json';

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value));
}

/** A salt derived from the issuing transaction: unique per guarantee, the same on every endorsing peer. */
export function saltFromTx(txId: string): string {
  return sha256Hex('cats.salt:' + txId).slice(0, 32);
}

/**
 * Access codes are 4 alphanumerics (1.7 M values), so any hash of one can be brute-forced by a channel member;
 * the salt stops precomputed tables and the key stretching (PBKDF2, 20 000 rounds) makes a search cost hours
 * rather than seconds. The code itself never enters args, state, events or logs.
 */
export function accessCodeHash(grn: string, code: string, salt: string): string {
  return pbkdf2Sync(`${grn}:${code.toUpperCase()}`, salt, 20000, 32, 'sha256').toString('hex');
}
