// Claims against a guarantee after recovery (spec §4): raised by the customs of the country where the debt
// arose, up to the reservation; accepted, contested or paid by the guarantor; paid amounts split exactly
// over the fronting and reinsurance shares of that country.

import type { Context } from 'fabric-contract-api';
import { actorOf, type Caller, requireOfficerFor } from '../access/caller';
import { CatsError } from '../domain/errors';
import { isValidMrn, isValidOfficeCode } from '../domain/identifiers';
import { assertAmountString, compareMinor, type Share, splitByShares } from '../domain/money';
import { type Args, HASH_HEX, ident, str, text } from '../ledger/args';
import { requireEndorsers } from '../ledger/endorsement';
import { emit } from '../ledger/events';
import { listJson, putJson } from '../ledger/state';
import { txTime } from '../ledger/tx';
import { getParameters } from '../registry/store';
import { isoFromEpochSeconds } from '../domain/time';
import { findMovement } from '../movement/store';
import { requireIssuer, requireReader } from './access';
import type { Claim, Guarantee, ShareEntry } from './model';
import { parseGrnArg } from './parse';
import { claimKey, findClaim, findReservation, requireGuarantee, T } from './store';

async function target(ctx: Context, a: Args): Promise<{ g: Guarantee; mrn: string; claim?: Claim }> {
  const grn = parseGrnArg(a);
  const mrn = ident(a, 'mrn', isValidMrn, 'MRN');
  const g = await requireGuarantee(ctx, grn);
  return { g, mrn, claim: await findClaim(ctx, grn, mrn) };
}

function requireClaim(claim: Claim | undefined, grn: string, mrn: string): Claim {
  if (!claim) throw new CatsError('NOT_FOUND', `mrn: no claim on ${grn} for movement ${mrn}`, { field: 'mrn' });
  return claim;
}

export async function raiseClaim(ctx: Context, caller: Caller, a: Args): Promise<Claim> {
  const { g, mrn, claim } = await target(ctx, a);
  const office = ident(a, 'office', isValidOfficeCode, 'office code');
  const { org } = await requireOfficerFor(ctx, caller, office);
  const amount = assertAmountString(a.amount, 'amount');
  const evidenceHash = str(a, 'evidenceHash', HASH_HEX);
  const m = await findMovement(ctx, mrn);
  if (!m) throw new CatsError('UNKNOWN_MOVEMENT', `mrn: movement ${mrn} is not known`, { field: 'mrn' });
  if (m.status !== 'RECOVERY' || !m.recovery) {
    throw new CatsError('INVALID_STATE_TRANSITION', `mrn: a claim needs the movement in RECOVERY, it is ${m.status}`, { field: 'mrn', status: m.status });
  }
  if (m.recovery.country !== org.country) {
    throw new CatsError('FORBIDDEN_OFFICE', `office: the debt arose in ${m.recovery.country}, not ${org.country}`, { field: 'office' });
  }
  const r = await findReservation(ctx, g.grn, mrn);
  if (!r || r.status !== 'ACTIVE') throw new CatsError('GUARANTEE_INVALID', `grn: movement ${mrn} holds no active reservation on ${g.grn}`, { field: 'grn' });
  if (amount === '0' || compareMinor(amount, r.amount) > 0) {
    throw new CatsError('INVALID_AMOUNT', `amount: must be positive and at most the reservation of ${r.amount} minor units ${r.currency}`, { field: 'amount', reserved: r.amount });
  }
  if (claim) throw new CatsError('ALREADY_EXISTS', `mrn: a claim on ${g.grn} for ${mrn} already exists`, { field: 'mrn' });
  const now = txTime(ctx);
  const due = now.seconds + BigInt((await getParameters(ctx)).claimPaymentSeconds);
  const c: Claim = {
    grn: g.grn, mrn, amount, currency: r.currency, country: org.country, raisedByMspId: caller.mspId, raisedBy: actorOf(caller), raisedTxId: ctx.stub.getTxID(), evidenceHash,
    status: 'RAISED', raisedAt: now.iso, dueBy: isoFromEpochSeconds(due),
  };
  const k = claimKey(ctx, g.grn, mrn);
  await putJson(ctx, k, c);
  // Customs' part is fixed once raised; what follows (accept, contest, pay) is the guarantor's to endorse.
  await requireEndorsers(ctx, k, [g.guarantorMspId]);
  emit(ctx, 'ClaimRaised', caller, { grn: g.grn, mrn, status: c.status, amount, currency: c.currency, office, guarantorMspId: g.guarantorMspId });
  return c;
}

async function answer(ctx: Context, caller: Caller, a: Args, to: 'ACCEPTED' | 'CONTESTED', event: string): Promise<Claim> {
  const { g, mrn, claim } = await target(ctx, a);
  await requireIssuer(ctx, caller, g);
  const c = requireClaim(claim, g.grn, mrn);
  if (c.status !== 'RAISED') throw new CatsError('INVALID_STATE_TRANSITION', `mrn: the claim is ${c.status}, not RAISED`, { field: 'mrn', status: c.status });
  const reason = to === 'CONTESTED' ? str(a, 'reason') : text(a, 'reason');
  const next: Claim = { ...c, status: to, answeredAt: txTime(ctx).iso, answeredBy: actorOf(caller), reason };
  await putJson(ctx, claimKey(ctx, g.grn, mrn), next);
  emit(ctx, event, caller, { grn: g.grn, mrn, status: to });
  return next;
}

export const acceptClaim = (ctx: Context, caller: Caller, a: Args) => answer(ctx, caller, a, 'ACCEPTED', 'ClaimAccepted');
export const contestClaim = (ctx: Context, caller: Caller, a: Args) => answer(ctx, caller, a, 'CONTESTED', 'ClaimContested');

function sharesFor(entries: ShareEntry[], country: string, fallback: string): Share[] {
  const own = entries.filter((e) => e.country === country).map((e) => ({ party: e.insurer, bp: e.bp }));
  return own.length > 0 ? own : [{ party: fallback, bp: 10000 }];
}

export async function payClaim(ctx: Context, caller: Caller, a: Args): Promise<Claim> {
  const { g, mrn, claim } = await target(ctx, a);
  await requireIssuer(ctx, caller, g);
  const c = requireClaim(claim, g.grn, mrn);
  if (c.status !== 'RAISED' && c.status !== 'ACCEPTED') {
    throw new CatsError('INVALID_STATE_TRANSITION', `mrn: the claim is ${c.status}; only a raised or accepted claim is paid`, { field: 'mrn', status: c.status });
  }
  const fronting = splitByShares(c.amount, sharesFor(g.shares?.fronting ?? [], c.country, g.guarantorMspId));
  const reinsurance = (g.shares?.reinsurance ?? []).some((e) => e.country === c.country)
    ? splitByShares(c.amount, sharesFor(g.shares!.reinsurance, c.country, g.guarantorMspId))
    : [];
  const next: Claim = { ...c, status: 'PAID', paidAt: txTime(ctx).iso, paidBy: actorOf(caller), split: { fronting, reinsurance } };
  await putJson(ctx, claimKey(ctx, g.grn, mrn), next);
  emit(ctx, 'ClaimPaid', caller, { grn: g.grn, mrn, status: 'PAID', amount: c.amount, currency: c.currency, split: next.split });
  return next;
}

export async function getClaim(ctx: Context, caller: Caller, a: Args): Promise<Claim> {
  const { g, mrn, claim } = await target(ctx, a);
  const who = await requireReader(ctx, caller, g);
  if (who === 'HOLDER') throw new CatsError('FORBIDDEN', 'grn: claims are for customs and the guarantor', { field: 'grn' });
  return requireClaim(claim, g.grn, mrn);
}

export async function listClaims(ctx: Context, caller: Caller, a: Args): Promise<Claim[]> {
  const g = await requireGuarantee(ctx, parseGrnArg(a));
  const who = await requireReader(ctx, caller, g);
  if (who === 'HOLDER') throw new CatsError('FORBIDDEN', 'grn: claims are for customs and the guarantor', { field: 'grn' });
  return listJson<Claim>(ctx, T.claim, [g.grn]);
}
