// MRN allocation at acceptance: deterministic from the transaction, so every endorsing peer computes the
// same MRN, and unpredictable enough that holders cannot guess each other's MRNs.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import { buildMrn, mrnProcedureLetter, type SecurityIndicator } from '../domain/identifiers';
import { sha256Hex } from '../ledger/hash';
import { exists } from '../ledger/state';
import { txTime } from '../ledger/tx';
import { movementKey } from './store';

/** 12 base-36 characters from a hash (60 bits of it). */
function twelveFrom(hex: string): string {
  return BigInt('0x' + hex.slice(0, 16))
    .toString(36)
    .toUpperCase()
    .padStart(13, '0')
    .slice(-12);
}

export async function allocateMrn(ctx: Context, departureCountry: string, security: SecurityIndicator): Promise<string> {
  const yy = txTime(ctx).iso.slice(2, 4);
  const letter = mrnProcedureLetter(security);
  for (let attempt = 0; attempt < 4; attempt++) {
    const mrn = buildMrn(yy, departureCountry, twelveFrom(sha256Hex(`cats.mrn:${ctx.stub.getTxID()}:${attempt}`)), letter);
    if (!(await exists(ctx, movementKey(ctx, mrn)))) return mrn;
  }
  throw new CatsError('INTERNAL', 'mrn: could not allocate a free MRN', { field: 'mrn' });
}
