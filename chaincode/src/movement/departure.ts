// Transitions at the office of departure before and at release: presentation of pre-lodged goods (IE170),
// cancellation (IE014 → IE009), invalidation by customs, control decision (IE060), release (IE029) or
// refusal (IE051), and the guarantee failure at release (IE055).

import type { Context } from 'fabric-contract-api';
import type { Caller } from '../access/caller';
import { CatsError } from '../domain/errors';
import { epochSecondsOfDateTime, isoFromEpochSeconds } from '../domain/time';
import { checkUsable, closeReservations } from '../guarantee/reservations';
import { requireGuarantee } from '../guarantee/store';
import { optStr, text } from '../ledger/args';
import { loadMovement, officeArg } from './load';
import { txTime } from '../ledger/tx';
import { getParameters } from '../registry/store';
import { requireDepartureOfficer, requireHolderOrDeparture } from './access';
import type { Movement } from './model';
import { effectiveStatus, findArrival } from './store';
import { advance, announce, isTerminal, requireStatus, saveMovement } from './transition';

const BEFORE_RELEASE = ['PRELODGED', 'ACCEPTED', 'GUARANTEE_INVALID', 'UNDER_CONTROL'] as const;

const load = loadMovement;

async function creditBack(ctx: Context, caller: Caller, m: Movement): Promise<void> {
  await closeReservations(ctx, m.mrn, m.guarantees.map((g) => g.grn), 'RELEASED', caller);
}

/** {mrn, office?}: IE170, within the presentation time limit. */
export async function present(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await load(ctx, json);
  await requireHolderOrDeparture(ctx, caller, m, optStr(a, 'office'));
  requireStatus(m, m.status, ['PRELODGED'], 'Present');
  const now = txTime(ctx);
  const limit = epochSecondsOfDateTime(m.acceptedAt)! + BigInt((await getParameters(ctx)).prelodgedPresentationSeconds);
  if (now.seconds > limit) {
    throw new CatsError('INVALID_STATE_TRANSITION', `mrn: the pre-lodged declaration expired at ${isoFromEpochSeconds(limit)}`, { field: 'mrn' });
  }
  advance(ctx, caller, m, 'ACCEPTED', m.officeOfDeparture);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementPresented', m, m.status, m.officeOfDeparture);
  return { mrn: m.mrn, status: m.status };
}

/** {mrn, reason?}: the holder, before release only; afterwards "message out of sequence" (IE056 code 92). */
export async function requestCancellation(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await load(ctx, json);
  await requireHolderOrDeparture(ctx, caller, m, undefined);
  if (!isTerminal(m.status) && !(BEFORE_RELEASE as readonly string[]).includes(m.status)) {
    throw new CatsError('MESSAGE_OUT_OF_SEQUENCE', `mrn: movement ${m.mrn} is ${m.status}; after release only customs may invalidate it`, { field: 'mrn', status: m.status });
  }
  requireStatus(m, m.status, BEFORE_RELEASE, 'RequestCancellation');
  m.cancellation = { at: txTime(ctx).iso, by: 'HOLDER', reason: text(a, 'reason') };
  advance(ctx, caller, m, 'CANCELLED', m.officeOfDeparture);
  await creditBack(ctx, caller, m);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementCancelled', m, m.status, m.officeOfDeparture);
  return { mrn: m.mrn, status: m.status };
}

/** {mrn, office, reason}: customs invalidation (IE009), also after release while the goods have not arrived. */
export async function invalidate(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await load(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  const reason = text(a, 'reason');
  if (!reason) throw new CatsError('VALIDATION_FAILED', 'reason: required', { field: 'reason' });
  requireStatus(m, effectiveStatus(m, await findArrival(ctx, m.mrn)), [...BEFORE_RELEASE, 'RELEASED'], 'Invalidate');
  m.cancellation = { at: txTime(ctx).iso, by: 'CUSTOMS', reason };
  advance(ctx, caller, m, 'CANCELLED', office);
  await creditBack(ctx, caller, m);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementInvalidated', m, m.status, office);
  return { mrn: m.mrn, status: m.status };
}

/** {mrn, office, requestedDocuments?}: IE060. */
export async function decideControl(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await load(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, true);
  requireStatus(m, m.status, ['ACCEPTED'], 'DecideControl');
  m.control = { office, at: txTime(ctx).iso, requestedDocuments: text(a, 'requestedDocuments') };
  advance(ctx, caller, m, 'UNDER_CONTROL', office);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'ControlDecided', m, m.status, office);
  return { mrn: m.mrn, status: m.status };
}

/**
 * {mrn, office, timeLimit?}: IE029. The guarantees are checked again; if one is no longer usable the
 * movement goes to GUARANTEE_INVALID (IE055) instead, and the transaction still succeeds so that the
 * holder can amend the guarantee part.
 */
export async function release(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await load(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, true);
  requireStatus(m, m.status, ['ACCEPTED', 'UNDER_CONTROL'], 'Release');
  const now = txTime(ctx);
  let limit = now.seconds + BigInt((await getParameters(ctx)).arrivalTimeLimitSeconds);
  if (a.timeLimit !== undefined) {
    const given = epochSecondsOfDateTime(a.timeLimit);
    if (given === undefined || given <= now.seconds) throw new CatsError('VALIDATION_FAILED', 'timeLimit: an ISO date-time after the release expected', { field: 'timeLimit' });
    limit = given;
  }
  // Rule 12: the goods cannot be expected at an office of transit before they leave.
  m.officesOfTransit.forEach((office, i) => {
    const eta = m.transitEstimates?.[office];
    const at = eta === undefined ? undefined : epochSecondsOfDateTime(eta);
    if (at !== undefined && at <= now.seconds) {
      throw new CatsError('VALIDATION_FAILED', `officesOfTransit[${i}].arrivalDateAndTimeEstimated: ${eta} is not after the release (${now.iso}); amend the declaration`, {
        field: `officesOfTransit[${i}].arrivalDateAndTimeEstimated`,
      });
    }
  });
  try {
    for (const use of m.guarantees) checkUsable(await requireGuarantee(ctx, use.grn), m.countries, now.date, `guarantees.${use.grn}`);
  } catch (e) {
    if (!(e instanceof CatsError) || e.code !== 'GUARANTEE_INVALID') throw e;
    m.guaranteeInvalid = { at: now.iso, reason: e.message };
    advance(ctx, caller, m, 'GUARANTEE_INVALID', office);
    await saveMovement(ctx, m);
    announce(ctx, caller, 'GuaranteeNotValid', m, m.status, office, { reason: e.message });
    return { mrn: m.mrn, status: m.status, reason: e.message };
  }
  m.releasedAt = now.iso;
  m.timeLimit = isoFromEpochSeconds(limit);
  advance(ctx, caller, m, 'RELEASED', office);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementReleased', m, m.status, office, { timeLimit: m.timeLimit, officesOfTransit: m.officesOfTransit, officeOfDestination: m.officeOfDestination });
  return { mrn: m.mrn, status: m.status, releasedAt: m.releasedAt, timeLimit: m.timeLimit };
}

/** {mrn, office, reason?}: IE051, also when a guarantee failure was not amended in time. */
export async function refuseRelease(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await load(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, true);
  requireStatus(m, m.status, ['ACCEPTED', 'UNDER_CONTROL', 'GUARANTEE_INVALID'], 'RefuseRelease');
  m.refusal = { office, at: txTime(ctx).iso, reason: text(a, 'reason'), code: m.status === 'GUARANTEE_INVALID' ? 'IE055' : 'IE051' };
  advance(ctx, caller, m, 'NOT_RELEASED', office);
  await creditBack(ctx, caller, m);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementNotReleased', m, m.status, office);
  return { mrn: m.mrn, status: m.status };
}
