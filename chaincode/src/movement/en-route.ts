// Events on the way: border crossings at declared or undeclared offices of transit (IE118) and incidents
// (IE180). Each is its own record under its own key, owned by the administration that recorded it.

import type { Context } from 'fabric-contract-api';
import type { Caller } from '../access/caller';
import { requireOfficerFor } from '../access/caller';
import { CatsError } from '../domain/errors';
import { str, text } from '../ledger/args';
import { requireEndorsers } from '../ledger/endorsement';
import { exists, putJson } from '../ledger/state';
import { txId } from '../ledger/tx';
import { stepOf } from '../ledger/step';
import { requireMemberCountry } from '../registry/store';
import { requireOfficeWithRole } from './itinerary';
import { loadMovement, officeArg } from './load';
import type { Crossing, Incident } from './model';
import { crossingKey, effectiveStatus, findArrival, incidentKey } from './store';
import { announce, requireStatus } from './transition';

/** {mrn, office}: an officer of the office's administration; the office need not be declared (route change). */
export async function recordCrossing(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  const { org } = await requireOfficerFor(ctx, caller, office);
  const declared = m.officesOfTransit.includes(office) || m.officesOfExit.includes(office);
  if (!declared) await requireOfficeWithRole(ctx, office, 'TRA', 'office');
  await requireMemberCountry(ctx, org.country, 'office');
  requireStatus(m, effectiveStatus(m, await findArrival(ctx, m.mrn)), ['RELEASED'], 'RecordCrossing');
  const k = crossingKey(ctx, m.mrn, office);
  if (await exists(ctx, k)) throw new CatsError('ALREADY_EXISTS', `office: the crossing of ${m.mrn} at ${office} is already recorded`, { field: 'office' });
  const c: Crossing = { mrn: m.mrn, office, country: org.country, declared, ...stepOf(ctx, caller) };
  await putJson(ctx, k, c);
  await requireEndorsers(ctx, k, [caller.mspId]);
  announce(ctx, caller, 'BorderCrossed', m, m.status, office, { declared });
  return c;
}

/** {mrn, office, code, text?}: any competent office on the way. */
export async function recordIncident(ctx: Context, caller: Caller, json: string): Promise<unknown> {
  const { a, m } = await loadMovement(ctx, json);
  const office = officeArg(a);
  const { org } = await requireOfficerFor(ctx, caller, office);
  await requireMemberCountry(ctx, org.country, 'office');
  const code = str(a, 'code', /^[0-9A-Z]{1,2}$/);
  requireStatus(m, effectiveStatus(m, await findArrival(ctx, m.mrn)), ['RELEASED'], 'RecordIncident');
  const i: Incident = { mrn: m.mrn, office, code, text: text(a, 'text'), ...stepOf(ctx, caller) };
  const k = incidentKey(ctx, m.mrn, txId(ctx));
  await putJson(ctx, k, i);
  await requireEndorsers(ctx, k, [caller.mspId]);
  announce(ctx, caller, 'IncidentRecorded', m, m.status, office, { code });
  return i;
}
