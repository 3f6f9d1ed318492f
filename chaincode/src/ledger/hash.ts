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

/**
 * Codes found to match a stored hash, by that hash. A holder declares on the same guarantee many times a
 * day, and each check is the 20 000-round PBKDF2 on every endorsing peer: 15 % of a chaincode server's CPU
 * in the benchmark (issue 7). Only matches are remembered, so a wrong guess still costs the whole
 * derivation, and the answer is the same function of the same inputs on every peer. What is kept is a
 * SHA-256 of salt, GRN and code: no easier to reverse than the code this process reads at every check.
 */
const matched = new Map<string, string>();
const MATCHED_MAX = 10000;

export function accessCodeMatchesHash(grn: string, code: string, salt: string, stored: string): boolean {
  const fingerprint = sha256Hex(`${salt}:${grn}:${code.toUpperCase()}`);
  if (matched.get(stored) === fingerprint) return true;
  if (accessCodeHash(grn, code, salt) !== stored) return false;
  if (matched.size >= MATCHED_MAX) matched.delete(matched.keys().next().value!);
  matched.set(stored, fingerprint);
  return true;
}
