// Closing a movement at departure: discrepancies (IE019/IE049), write-off (IE045) with the credit back,
// enquiry (IE140–IE145) and recovery (IE035, guarantor notified IE023). Time limits are judged against the
// transaction timestamp; the ledger cannot wake itself, so a customs client submits these transitions.

import type { Context } from 'fabric-contract-api';
import { type Caller, isHolder, requireOfficerFor, requireOrganisation } from '../access/caller';
import { CatsError } from '../domain/errors';
import { isValidCountryCode, officeCountry } from '../domain/identifiers';
import { epochSecondsOfDateTime, isoFromEpochSeconds } from '../domain/time';
import { closeReservations } from '../guarantee/reservations';
import { findClaim, findReservation } from '../guarantee/store';
import { HASH_HEX, bool, oneOf, optStr, text } from '../ledger/args';
import { requireEndorsers } from '../ledger/endorsement';
import { putJson } from '../ledger/state';
import { txId, txTime } from '../ledger/tx';
import { stepOf } from '../ledger/step';
import { getParameters } from '../registry/store';
import { requireDepartureOfficer } from './access';
import { loadMovement, officeArg } from './load';
import type { EnquiryAnswer, Movement } from './model';
import { answerKey, answersOf, effectiveStatus, findArrival } from './store';
import { advance, announce, requireStatus, saveMovement } from './transition';

function secondsOf(iso: string): bigint {
  return epochSecondsOfDateTime(iso)!;
}

function notYet(what: string, due: bigint): CatsError {
  return new CatsError('TIME_LIMIT_NOT_REACHED', `mrn: ${what} only after ${isoFromEpochSeconds(due)}`, { field: 'mrn', due: isoFromEpochSeconds(due) });
}

/** {mrn, office, description?}: major discrepancies in the control results (IE019). */
export async function recordDiscrepancies(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  const arrival = await findArrival(ctx, m.mrn);
  requireStatus(m, effectiveStatus(m, arrival), ['CONTROLLED'], 'RecordDiscrepancies');
  if (m.discrepancies) throw new CatsError('ALREADY_EXISTS', 'mrn: discrepancies were already recorded', { field: 'mrn' });
  m.discrepancies = { office, at: txTime(ctx).iso, description: text(a, 'description') };
  advance(ctx, caller, m, 'DISCREPANCIES', office);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'DiscrepanciesRecorded', m, m.status, office);
  return { mrn: m.mrn, status: m.status };
}

/** {mrn, office, resolution?}: IE049; the movement may then be written off. */
export async function resolveDiscrepancies(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  requireStatus(m, m.status, ['DISCREPANCIES'], 'ResolveDiscrepancies');
  m.discrepancies = { ...m.discrepancies!, resolvedAt: txTime(ctx).iso, resolution: text(a, 'resolution') };
  advance(ctx, caller, m, 'CONTROLLED', office);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'DiscrepanciesResolved', m, m.status, office);
  return { mrn: m.mrn, status: m.status };
}

/** Why a write-off is allowed now, or undefined. */
async function writeOffGround(ctx: Context, m: Movement): Promise<string | undefined> {
  const arrival = await findArrival(ctx, m.mrn);
  if (effectiveStatus(m, arrival) === 'CONTROLLED') {
    if (m.discrepancies?.resolvedAt) return 'DISCREPANCIES_SOLVED';
    if (arrival?.controlResults?.code.startsWith('A')) return 'SATISFACTORY_CONTROL';
    throw new CatsError('INVALID_STATE_TRANSITION', 'mrn: major discrepancies (B1) must be recorded and solved before write-off', { field: 'mrn', status: 'CONTROLLED' });
  }
  if (m.status === 'ENQUIRY' && (await answersOf(ctx, m.mrn)).some((x) => x.proofFound)) return 'ALTERNATIVE_PROOF';
  return undefined;
}

/** {mrn, office}: IE045; credits every reservation back, once. */
export async function writeOff(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  const ground = await writeOffGround(ctx, m);
  if (!ground) requireStatus(m, effectiveStatus(m, await findArrival(ctx, m.mrn)), ['CONTROLLED'], 'WriteOff');
  const now = txTime(ctx).iso;
  m.writtenOffAt = now;
  advance(ctx, caller, m, 'WRITTEN_OFF', office);
  const credited = await closeReservations(ctx, m.mrn, m.guarantees.map((g) => g.grn), 'RELEASED', caller);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementWrittenOff', m, m.status, office, { ground, credited: credited.map((r) => ({ grn: r.grn, amount: r.amount, currency: r.currency })) });
  return { mrn: m.mrn, status: m.status, ground, credited: credited.map((r) => ({ grn: r.grn, amount: r.amount, currency: r.currency })) };
}

/** {mrn, office}: no arrival by the time limit, or no control results in time after arrival. */
export async function openEnquiry(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  const arrival = await findArrival(ctx, m.mrn);
  const status = effectiveStatus(m, arrival);
  requireStatus(m, status, ['RELEASED', 'ARRIVED', 'UNLOADING'], 'OpenEnquiry');
  const p = await getParameters(ctx);
  const due =
    status === 'RELEASED'
      ? secondsOf(m.timeLimit!)
      : secondsOf(arrival!.arrivedAt) + BigInt(arrival!.simplified ? p.controlResultsAuthorisedConsigneeSeconds : p.controlResultsSeconds);
  const now = txTime(ctx);
  if (now.seconds <= due) throw notYet(status === 'RELEASED' ? 'an enquiry for non-arrival' : 'an enquiry for missing control results', due);
  m.enquiry = { office, openedAt: now.iso };
  advance(ctx, caller, m, 'ENQUIRY', office);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'EnquiryOpened', m, m.status, office);
  return { mrn: m.mrn, status: m.status, replyDue: isoFromEpochSeconds(now.seconds + BigInt(p.enquiryReplySeconds)) };
}

/** {mrn, proofFound, evidenceHash?, text?, office?}: the holder (IE141) or a customs office (IE143/IE144). */
export async function answerEnquiry(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  let by: EnquiryAnswer['by'];
  let office: string | undefined;
  if (caller.role === 'trader') {
    await requireOrganisation(ctx, caller);
    if (!isHolder(caller, m.holderId)) throw new CatsError('FORBIDDEN', `mrn: movement ${m.mrn} belongs to another holder`, { field: 'mrn' });
    by = 'HOLDER';
  } else {
    office = officeArg(a);
    await requireOfficerFor(ctx, caller, office);
    by = 'CUSTOMS';
  }
  requireStatus(m, m.status, ['ENQUIRY'], 'AnswerEnquiry');
  const answer: EnquiryAnswer = {
    mrn: m.mrn, proofFound: bool(a, 'proofFound'), evidenceHash: optStr(a, 'evidenceHash', HASH_HEX), text: text(a, 'text'),
    by, office, ...stepOf(ctx, caller),
  };
  const k = answerKey(ctx, m.mrn, txId(ctx));
  await putJson(ctx, k, answer);
  await requireEndorsers(ctx, k, [caller.mspId]);
  announce(ctx, caller, 'EnquiryAnswered', m, m.status, office, { proofFound: answer.proofFound });
  return answer;
}

/** {mrn, office, country?, reason?}: after the enquiry reply period, or unresolved discrepancies in time. */
export async function startRecovery(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  requireStatus(m, m.status, ['ENQUIRY', 'DISCREPANCIES'], 'StartRecovery');
  const p = await getParameters(ctx);
  const now = txTime(ctx);
  if (m.status === 'ENQUIRY') {
    if ((await answersOf(ctx, m.mrn)).some((x) => x.proofFound)) {
      throw new CatsError('INVALID_STATE_TRANSITION', 'mrn: alternative proof was given; write the movement off instead', { field: 'mrn' });
    }
    const due = secondsOf(m.enquiry!.openedAt) + BigInt(p.enquiryReplySeconds);
    if (now.seconds <= due) throw notYet('recovery', due);
  } else {
    const due = secondsOf(m.discrepancies!.at) + BigInt(p.discrepancyResolutionSeconds);
    if (now.seconds <= due) throw notYet('recovery', due);
  }
  const country = a.country === undefined ? officeCountry(m.officeOfDeparture) : (a.country as string);
  if (!isValidCountryCode(country) || !m.countries.includes(country)) {
    throw new CatsError('VALIDATION_FAILED', `country: the debt must arise in a country of the itinerary (${m.countries.join(', ')})`, { field: 'country' });
  }
  const base = m.timeLimit ? secondsOf(m.timeLimit) : now.seconds;
  m.recovery = { office, country, startedAt: now.iso, guarantorNotificationDue: isoFromEpochSeconds(base + BigInt(p.guarantorNotificationSeconds)), reason: text(a, 'reason') };
  advance(ctx, caller, m, 'RECOVERY', office);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'RecoveryStarted', m, m.status, office, { country, guarantorNotificationDue: m.recovery.guarantorNotificationDue });
  return { mrn: m.mrn, status: m.status, recovery: m.recovery };
}

/** {mrn, office, settledBy: HOLDER|GUARANTOR}: the debt is settled; the reservations end as SETTLED. */
export async function completeRecovery(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  await requireDepartureOfficer(ctx, caller, m, office, false);
  requireStatus(m, m.status, ['RECOVERY'], 'CompleteRecovery');
  const settledBy = oneOf(a, 'settledBy', ['HOLDER', 'GUARANTOR'] as const);
  if (settledBy === 'GUARANTOR') {
    let paid = false;
    for (const g of m.guarantees) if ((await findClaim(ctx, g.grn, m.mrn))?.status === 'PAID') paid = true;
    if (!paid) throw new CatsError('INVALID_STATE_TRANSITION', 'settledBy: no claim on the movement’s guarantees has been paid', { field: 'settledBy' });
  }
  m.recovery = { ...m.recovery!, settledBy };
  advance(ctx, caller, m, 'RECOVERED', office);
  for (const g of m.guarantees) if (!(await findReservation(ctx, g.grn, m.mrn))) throw new CatsError('INTERNAL', `reservation ${g.grn} missing`);
  await closeReservations(ctx, m.mrn, m.guarantees.map((g) => g.grn), 'SETTLED', caller);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'RecoveryCompleted', m, m.status, office, { settledBy });
  return { mrn: m.mrn, status: m.status, settledBy };
}
