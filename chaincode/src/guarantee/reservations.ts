// Checking guarantee references and reserving their amounts for a movement (spec §4 "Use of a guarantee"),
// and closing reservations exactly once. Every check runs before the first write.

import type { Context } from 'fabric-contract-api';
import type { Caller } from '../access/caller';
import { CatsError } from '../domain/errors';
import { stepOf } from '../ledger/step';
import { addMinor, compareMinor, convert, formatMinor, subMinor } from '../domain/money';
import { epochSecondsOfDate } from '../domain/time';
import { requireEndorsers } from '../ledger/endorsement';
import { accessCodeMatchesHash } from '../ledger/hash';
import { putJson } from '../ledger/state';
import { rateOn } from '../registry/store';
import type { Guarantee, Money, Reservation } from './model';
import { findReservation, requireGuarantee, reservationKey, reservationsOf, reservedAmount } from './store';

export interface ReferenceRequest {
  grn: string;
  guaranteeType: string;
  amount: Money;
  field: string;
}

export interface ReservationPlan {
  grn: string;
  amount: string;
  currency: string;
  requested: Money;
  rate?: string;
}

export interface ReserveContext {
  mrn: string;
  holderId: string;
  /** every country on the itinerary */
  countries: string[];
  /** the transaction date, YYYY-MM-DD */
  date: string;
  /** grn → access code, from the transient map */
  accessCodes: Record<string, string>;
}

function invalid(field: string, grn: string, why: string): CatsError {
  return new CatsError('GUARANTEE_INVALID', `${field}: guarantee ${grn} ${why}`, { field, grn });
}

/** Active, in date and valid in `countries`: the checks that also hold at release. */
export function checkUsable(g: Guarantee, countries: string[], date: string, field: string): void {
  if (g.status !== 'ACTIVE') throw invalid(field, g.grn, `is ${g.status}`);
  if (epochSecondsOfDate(date) < epochSecondsOfDate(g.validFrom) || date > g.validTo) {
    throw invalid(field, g.grn, `is valid from ${g.validFrom} to ${g.validTo}, not on ${date}`);
  }
  const outside = countries.find((c) => !g.countries.includes(c));
  if (outside) throw invalid(field, g.grn, `is not valid in ${outside}`);
}

export function accessCodeMatches(g: Guarantee, code: string | undefined): boolean {
  if (!g.accessCodeHash) return true;
  return typeof code === 'string' && !!g.accessCodeSalt && accessCodeMatchesHash(g.grn, code, g.accessCodeSalt, g.accessCodeHash);
}

/** Converts a requested amount into the guarantee's currency with the ledger's rate for the date. */
async function inGuaranteeCurrency(ctx: Context, req: Money, g: Guarantee, date: string, field: string): Promise<{ amount: string; rate?: string }> {
  if (req.currency === g.referenceAmount.currency) return { amount: req.amount };
  const rate = await rateOn(ctx, req.currency, g.referenceAmount.currency, date);
  if (!rate) {
    throw new CatsError('NO_EXCHANGE_RATE', `${field}: no ${req.currency}/${g.referenceAmount.currency} rate on the ledger for ${date}`, { field });
  }
  return { amount: convert(req.amount, req.currency, g.referenceAmount.currency, rate.rate), rate: rate.rate };
}

/** Checks every reference (grouped by GRN) and returns what to reserve; writes nothing. */
export async function planReservations(ctx: Context, rc: ReserveContext, refs: ReferenceRequest[]): Promise<ReservationPlan[]> {
  const byGrn = new Map<string, ReferenceRequest[]>();
  for (const r of refs) byGrn.set(r.grn, [...(byGrn.get(r.grn) ?? []), r]);
  const plans: ReservationPlan[] = [];
  for (const [grn, group] of [...byGrn.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const field = group[0].field;
    const g = await requireGuarantee(ctx, grn, `${field}.grn`);
    if (group.some((r) => r.guaranteeType !== g.type)) throw invalid(`${field}.grn`, grn, `is of type ${g.type}, not ${group[0].guaranteeType}`);
    if (g.holderId !== rc.holderId) throw invalid(`${field}.grn`, grn, `belongs to another holder`);
    checkUsable(g, rc.countries, rc.date, `${field}.grn`);
    if (!accessCodeMatches(g, rc.accessCodes[grn])) {
      throw new CatsError('ACCESS_CODE_MISMATCH', `accessCodes.${grn}: the access code is missing or wrong`, { field: `accessCodes.${grn}`, grn });
    }
    let amount = '0';
    let requested = '0';
    let rate: string | undefined;
    for (const r of group) {
      const converted = await inGuaranteeCurrency(ctx, r.amount, g, rc.date, `${r.field}.amountToBeCovered`);
      amount = addMinor(amount, converted.amount);
      requested = addMinor(requested, r.amount.amount);
      rate = rate ?? converted.rate;
    }
    const available = subMinor(g.referenceAmount.amount, reservedAmount(await reservationsOf(ctx, grn), rc.mrn));
    if (compareMinor(amount, available) > 0) {
      const cur = g.referenceAmount.currency;
      throw new CatsError('INSUFFICIENT_GUARANTEE', `${field}.amountToBeCovered: ${formatMinor(amount, cur)} ${cur} exceeds the ${formatMinor(available, cur)} ${cur} available on ${grn}`, {
        field: `${field}.amountToBeCovered`,
        grn,
        available,
        requested: amount,
        currency: cur,
      });
    }
    plans.push({ grn, amount, currency: g.referenceAmount.currency, requested: { amount: requested, currency: group[0].amount.currency }, rate });
  }
  return plans;
}

/** Writes the planned reservations; only the departure administration may change them afterwards. */
export async function writeReservations(ctx: Context, mrn: string, departureMspId: string, at: string, plans: ReservationPlan[]): Promise<Reservation[]> {
  const out: Reservation[] = [];
  for (const p of plans) {
    const r: Reservation = { grn: p.grn, mrn, amount: p.amount, currency: p.currency, requested: p.requested, rate: p.rate, status: 'ACTIVE', departureMspId, reservedAt: at };
    const k = reservationKey(ctx, p.grn, mrn);
    await putJson(ctx, k, r);
    await requireEndorsers(ctx, k, [departureMspId]);
    out.push(r);
  }
  return out;
}

/**
 * Closes a movement's active reservations: RELEASED credits the amount back (write-off, cancellation,
 * refusal), SETTLED ends it after recovery. A reservation leaves ACTIVE once, so it is credited back once.
 */
export async function closeReservations(ctx: Context, mrn: string, grns: string[], status: 'RELEASED' | 'SETTLED', caller: Caller): Promise<Reservation[]> {
  const step = stepOf(ctx, caller);
  const closed: Reservation[] = [];
  for (const grn of [...new Set(grns)].sort()) {
    const r = await findReservation(ctx, grn, mrn); // a point read: closing must not conflict with other movements' reservations
    if (!r || r.status !== 'ACTIVE') continue;
    const next: Reservation = { ...r, status, closedAt: step.at, closedBy: step.actor, closedTxId: step.txId };
    await putJson(ctx, reservationKey(ctx, grn, mrn), next);
    closed.push(next);
  }
  return closed;
}
