// The destination side: arrival (IE007 → IE006) at the declared or another competent office, unloading
// permission and remarks (IE043/IE044), control results (IE018/IE025). All of it lives in one arrival record
// owned by the administration of the actual office of destination.

import type { Context } from 'fabric-contract-api';
import { actorOf, type Caller, isHolder, requireOfficerFor, requireOrganisation } from '../access/caller';
import { CatsError } from '../domain/errors';
import { CONTROL_RESULT_CODES } from '../domain/roles';
import { officeCountry } from '../domain/identifiers';
import { bool, oneOf, optBool, text } from '../ledger/args';
import { requireEndorsers } from '../ledger/endorsement';
import { putJson } from '../ledger/state';
import { txId, txTime } from '../ledger/tx';
import { stepOf } from '../ledger/step';
import { customsOfCountry, findHolder, requireMemberCountry } from '../registry/store';
import { requireOfficeWithRole } from './itinerary';
import { loadMovement, officeArg } from './load';
import type { Arrival, Movement } from './model';
import { arrivalKey, effectiveStatus, findArrival } from './store';
import { announce, requireStatus } from './transition';

/** {mrn, office, sealsOk?, simplified?}: the holder, or an officer of the office. */
export async function notifyArrival(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  let by: Arrival['notifiedBy'];
  if (caller.role === 'trader') {
    await requireOrganisation(ctx, caller);
    if (!isHolder(caller, m.holderId)) throw new CatsError('FORBIDDEN', `mrn: movement ${m.mrn} belongs to another holder`, { field: 'mrn' });
    by = 'HOLDER';
  } else {
    await requireOfficerFor(ctx, caller, office);
    by = 'CUSTOMS';
  }
  await requireOfficeWithRole(ctx, office, 'DES', 'office');
  await requireMemberCountry(ctx, officeCountry(office), 'office');
  const existing = await findArrival(ctx, m.mrn);
  requireStatus(m, effectiveStatus(m, existing), ['RELEASED'], 'NotifyArrival');
  const sealsOk = optBool(a, 'sealsOk');
  if (m.sealsCount > 0 && sealsOk === undefined) throw new CatsError('VALIDATION_FAILED', 'sealsOk: the state of the seals is required: seals were declared', { field: 'sealsOk' });
  const admin = await customsOfCountry(ctx, officeCountry(office));
  if (!admin) throw new CatsError('COUNTRY_NOT_MEMBER', `office: no customs administration of ${officeCountry(office)} on the network`, { field: 'office' });
  const simplified = optBool(a, 'simplified') ?? !!(await findHolder(ctx, m.holderId))?.authorisedConsignee;
  const arrival: Arrival = {
    mrn: m.mrn, office, declaredDestination: office === m.officeOfDestination, mspId: admin.mspId, arrivedAt: txTime(ctx).iso,
    notifiedBy: by, actor: actorOf(caller), sealsOk, simplified, txId: txId(ctx),
  };
  const k = arrivalKey(ctx, m.mrn);
  await putJson(ctx, k, arrival);
  await requireEndorsers(ctx, k, [admin.mspId]);
  announce(ctx, caller, 'ArrivalNotified', m, 'ARRIVED', office, { declaredDestination: arrival.declaredDestination, sealsOk });
  return { mrn: m.mrn, status: 'ARRIVED', office, declaredDestination: arrival.declaredDestination };
}

async function destinationStep(ctx: Context, caller: Caller, json: string, holderMayAct: boolean): Promise<{ a: Record<string, unknown>; m: Movement; arrival: Arrival; office: string }> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  const arrival = await findArrival(ctx, m.mrn);
  if (!arrival || m.status !== 'RELEASED') {
    throw new CatsError('INVALID_STATE_TRANSITION', `mrn: movement ${m.mrn} is ${effectiveStatus(m, arrival)}, not arrived`, { field: 'mrn', status: effectiveStatus(m, arrival) });
  }
  if (office !== arrival.office) throw new CatsError('FORBIDDEN_OFFICE', `office: the goods arrived at ${arrival.office}`, { field: 'office' });
  if (holderMayAct && caller.role === 'trader') {
    await requireOrganisation(ctx, caller);
    if (!isHolder(caller, m.holderId)) throw new CatsError('FORBIDDEN', `mrn: movement ${m.mrn} belongs to another holder`, { field: 'mrn' });
  } else await requireOfficerFor(ctx, caller, office);
  if (arrival.controlResults) throw new CatsError('INVALID_STATE_TRANSITION', `mrn: control results for ${m.mrn} are already recorded`, { field: 'mrn', status: 'CONTROLLED' });
  return { a, m, arrival, office };
}

async function saveArrival(ctx: Context, arrival: Arrival): Promise<void> {
  await putJson(ctx, arrivalKey(ctx, arrival.mrn), arrival);
}

/** {mrn, office}: IE043, simplified procedure. */
export async function grantUnloading(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { m, arrival, office } = await destinationStep(ctx, caller, json, false);
  if (arrival.unloadingPermission) throw new CatsError('ALREADY_EXISTS', 'mrn: unloading is already permitted', { field: 'mrn' });
  arrival.unloadingPermission = stepOf(ctx, caller);
  await saveArrival(ctx, arrival);
  announce(ctx, caller, 'UnloadingPermitted', m, 'UNLOADING', office);
  return { mrn: m.mrn, status: 'UNLOADING' };
}

/** {mrn, office, conform, sealsOk?, remarks?}: IE044 by the authorised consignee (holder) or the officer. */
export async function recordUnloadingRemarks(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m, arrival, office } = await destinationStep(ctx, caller, json, true);
  if (!arrival.unloadingPermission) throw new CatsError('INVALID_STATE_TRANSITION', 'mrn: unloading has not been permitted (IE043)', { field: 'mrn' });
  const sealsOk = optBool(a, 'sealsOk');
  if (m.sealsCount > 0 && sealsOk === undefined) throw new CatsError('VALIDATION_FAILED', 'sealsOk: the state of the seals is required: seals were declared', { field: 'sealsOk' });
  const remarks = { ...stepOf(ctx, caller), conform: bool(a, 'conform'), sealsOk, remarks: text(a, 'remarks') };
  arrival.unloadingRemarks = remarks;
  await saveArrival(ctx, arrival);
  announce(ctx, caller, 'UnloadingRemarksRecorded', m, 'UNLOADING', office, { conform: remarks.conform });
  return { mrn: m.mrn, status: 'UNLOADING', conform: remarks.conform };
}

/** {mrn, office, code: A1..A5|B1, remarks?}: IE018 (and IE025 to the trader). */
export async function recordControlResults(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m, arrival, office } = await destinationStep(ctx, caller, json, false);
  const code = oneOf(a, 'code', CONTROL_RESULT_CODES);
  if (arrival.simplified && arrival.unloadingPermission && !arrival.unloadingRemarks) {
    throw new CatsError('INVALID_STATE_TRANSITION', 'mrn: unloading remarks (IE044) are awaited', { field: 'mrn' });
  }
  arrival.controlResults = { code, ...stepOf(ctx, caller), remarks: text(a, 'remarks') };
  await saveArrival(ctx, arrival);
  announce(ctx, caller, 'ControlResultsRecorded', m, 'CONTROLLED', office, { code });
  return { mrn: m.mrn, status: 'CONTROLLED', code };
}
