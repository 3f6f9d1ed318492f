// Guarantee, reservation and claim records. The guarantee key is written only by its guarantor; movements
// never write it. Each movement writes its own reservation key (grn, mrn), so the balance is a range read.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import { sumMinor } from '../domain/money';
import { getJson, key, listJson } from '../ledger/state';
import type { Claim, Guarantee, Reservation } from './model';

export const T = { guarantee: 'cats.grn', reservation: 'cats.rsv', claim: 'cats.claim' } as const;

export const guaranteeKey = (ctx: Context, grn: string) => key(ctx, T.guarantee, [grn]);
export const reservationKey = (ctx: Context, grn: string, mrn: string) => key(ctx, T.reservation, [grn, mrn]);
export const claimKey = (ctx: Context, grn: string, mrn: string) => key(ctx, T.claim, [grn, mrn]);

export async function findGuarantee(ctx: Context, grn: string): Promise<Guarantee | undefined> {
  return getJson<Guarantee>(ctx, guaranteeKey(ctx, grn));
}

export async function requireGuarantee(ctx: Context, grn: string, field = 'grn'): Promise<Guarantee> {
  const g = await findGuarantee(ctx, grn);
  if (!g) throw new CatsError('UNKNOWN_GUARANTEE', `${field}: guarantee ${grn} is not known`, { field, grn });
  return g;
}

/**
 * All reservations of a GRN. This range read is what makes concurrent reservations on the same GRN safe:
 * Fabric re-checks the range at commit (phantom read detection), so two movements that both saw enough
 * balance cannot both commit; the later one fails with PHANTOM_READ_CONFLICT and the gateway retries it
 * against the new balance. Movements on different GRNs never conflict: there is no shared balance key.
 */
export async function reservationsOf(ctx: Context, grn: string): Promise<Reservation[]> {
  return listJson<Reservation>(ctx, T.reservation, [grn]);
}

export function reservedAmount(reservations: Reservation[], exceptMrn?: string): string {
  return sumMinor(reservations.filter((r) => r.status === 'ACTIVE' && r.mrn !== exceptMrn).map((r) => r.amount));
}

export async function findReservation(ctx: Context, grn: string, mrn: string): Promise<Reservation | undefined> {
  return getJson<Reservation>(ctx, reservationKey(ctx, grn, mrn));
}

export async function findClaim(ctx: Context, grn: string, mrn: string): Promise<Claim | undefined> {
  return getJson<Claim>(ctx, claimKey(ctx, grn, mrn));
}

/** A guarantee as queries return it: without the access-code hash and salt. */
export function publicView(g: Guarantee): Omit<Guarantee, 'accessCodeHash' | 'accessCodeSalt'> & { hasAccessCode: boolean } {
  const { accessCodeHash, accessCodeSalt: _salt, ...rest } = g;
  return { ...rest, hasAccessCode: !!accessCodeHash };
}
