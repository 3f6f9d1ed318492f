// Declare (IE015 → IE028) and Amend (IE013 → IE004). The declaration may come in the argument or, to
// keep goods and parties out of the blocks, in the transient key `declaration`; access codes always come
// in the transient key `accessCodes` ({grn: code}) or inside a transient declaration.

import type { Context } from 'fabric-contract-api';
import { type Caller, requireHolder, requireOfficerFor } from '../access/caller';
import type { Declaration } from '../domain/declaration';
import { CatsError } from '../domain/errors';
import { isValidAccessCode, isValidMrn, officeCountry } from '../domain/identifiers';
import { type Args, ident, parseArgs } from '../ledger/args';
import { requireEndorsers } from '../ledger/endorsement';
import { digestOf } from '../ledger/hash';
import { exists, implicitCollection, putJson, putPrivateJson, transientString } from '../ledger/state';
import { txTime } from '../ledger/tx';
import { closeReservations, planReservations, writeReservations, type ReservationPlan } from '../guarantee/reservations';
import { customsOfCountry, findHolder } from '../registry/store';
import { canonicalJson } from '../domain/canonical-json';
import { checkDeclaration, type CheckedDeclaration, withoutAccessCodes } from './declaration-rules';
import { checkItinerary, requireMemberItinerary, type Itinerary } from './itinerary';
import type { GuaranteeUse, Movement, MovementDetails } from './model';
import { allocateMrn } from './mrn';
import { detailsKey, lrnKey, movementKey, requireMovement } from './store';
import { advance, announce, requireStatus, saveMovement } from './transition';
import { requireHolderOrDeparture } from './access';

interface Input {
  raw: unknown;
  accessCodes: Record<string, string>;
}

/** The declaration from the transient map or from `field` of the args, and the access codes. */
function readInput(ctx: Context, args: Args, field: string | undefined): Input {
  const transientDecl = transientString(ctx, 'declaration');
  const accessCodes: Record<string, string> = {};
  let raw: unknown = field ? args[field] : args;
  if (transientDecl !== undefined) {
    raw = parseArgs(transientDecl, 'transient.declaration');
    for (const g of ((raw as Declaration).guarantees ?? []) as Declaration['guarantees']) {
      for (const r of g?.references ?? []) if (r?.grn && r.accessCode) accessCodes[r.grn] = r.accessCode;
    }
  } else {
    // Arguments are stored in the blocks: a clear access code there would be readable by every member.
    (((raw as Declaration)?.guarantees ?? []) as Declaration['guarantees']).forEach((g, i) =>
      (g?.references ?? []).forEach((r, j) => {
        if (r?.accessCode !== undefined) {
          throw new CatsError('VALIDATION_FAILED', `guarantees[${i}].references[${j}].accessCode: must travel in the transient map, not in the arguments`, {
            field: `guarantees[${i}].references[${j}].accessCode`,
          });
        }
      }),
    );
  }
  const codes = transientString(ctx, 'accessCodes');
  if (codes !== undefined) Object.assign(accessCodes, parseArgs(codes, 'transient.accessCodes'));
  for (const [grn, code] of Object.entries(accessCodes)) {
    if (!isValidAccessCode(code)) throw new CatsError('VALIDATION_FAILED', `accessCodes.${grn}: 4 alphanumerics expected`, { field: `accessCodes.${grn}` });
  }
  return { raw, accessCodes };
}

function guaranteeUses(c: CheckedDeclaration, plans: ReservationPlan[]): GuaranteeUse[] {
  return plans.map((p) => ({ grn: p.grn, type: c.references.find((r) => r.grn === p.grn)!.guaranteeType, amount: p.amount, currency: p.currency, requested: p.requested }));
}

/** Stores the consignment details in the implicit collection of every customs administration on the itinerary. */
async function storeDetails(ctx: Context, mrn: string, declaration: Declaration, countries: string[]): Promise<string[]> {
  const holders: string[] = [];
  for (const country of countries) {
    const org = await customsOfCountry(ctx, country);
    if (!org) continue;
    const details: MovementDetails = { mrn, declaration };
    await putPrivateJson(ctx, implicitCollection(org.mspId), detailsKey(ctx, mrn), details);
    holders.push(org.mspId);
  }
  return holders.sort();
}

export async function declare(ctx: Context, caller: Caller, json: string): Promise<Record<string, unknown>> {
  const input = readInput(ctx, parseArgs(json), undefined);
  await requireMemberItinerary(ctx, input.raw);
  const c = checkDeclaration(input.raw);
  const d = c.declaration;
  // The holder itself, or an officer of the departure office lodging on its behalf.
  const org = caller.role === 'trader' ? await requireHolder(ctx, caller, c.holderId) : (await requireOfficerFor(ctx, caller, d.officeOfDeparture, 'officeOfDeparture')).org;
  const itinerary: Itinerary = await checkItinerary(ctx, c);
  const departureAdmin = await customsOfCountry(ctx, officeCountry(d.officeOfDeparture));
  if (!departureAdmin) throw new CatsError('COUNTRY_NOT_MEMBER', `officeOfDeparture: no customs administration of ${officeCountry(d.officeOfDeparture)} on the network`, { field: 'officeOfDeparture' });
  if (caller.role !== 'trader' && org.mspId !== departureAdmin.mspId) throw new CatsError('FORBIDDEN_OFFICE', 'officeOfDeparture: not of the caller’s administration', { field: 'officeOfDeparture' });
  const registered = await findHolder(ctx, c.holderId);
  if (registered && registered.status !== 'ACTIVE') throw new CatsError('FORBIDDEN', `holder.identificationNumber: holder ${c.holderId} is suspended`, { field: 'holder.identificationNumber' });
  const lk = lrnKey(ctx, c.holderId, d.lrn);
  if (await exists(ctx, lk)) throw new CatsError('DUPLICATE_LRN', `lrn: ${d.lrn} was already used by holder ${c.holderId}`, { field: 'lrn', lrn: d.lrn });

  const mrn = await allocateMrn(ctx, officeCountry(d.officeOfDeparture), d.security);
  const now = txTime(ctx);
  const plans = await planReservations(ctx, { mrn, holderId: c.holderId, countries: itinerary.countries, date: now.date, accessCodes: input.accessCodes }, c.references);

  // All checks passed: from here on only writes.
  const stored = withoutAccessCodes(d);
  const status = d.prelodged ? 'PRELODGED' : 'ACCEPTED';
  const m: Movement = {
    mrn,
    lrn: d.lrn,
    holderId: c.holderId,
    declarationType: d.declarationType,
    security: d.security,
    prelodged: d.prelodged,
    status,
    officeOfDeparture: d.officeOfDeparture,
    officeOfDestination: d.officeOfDestination,
    officesOfTransit: c.officesOfTransit,
    transitEstimates: c.transitEstimates,
    officesOfExit: c.officesOfExit,
    countries: itinerary.countries,
    legalEffect: itinerary.legalEffect,
    departureMspId: departureAdmin.mspId,
    detailsHeldBy: [],
    sealsCount: c.sealsCount,
    guarantees: guaranteeUses(c, plans),
    otherGuarantees: c.otherGuarantees,
    tirCarnetNumber: d.tirCarnetNumber,
    consignmentHash: digestOf({ holder: stored.holder, consignment: stored.consignment }),
    declarationHash: digestOf(stored),
    bodyHash: bodyHash(stored),
    acceptedAt: now.iso,
    timeline: [],
  };
  advance(ctx, caller, m, status, d.officeOfDeparture);
  m.detailsHeldBy = await storeDetails(ctx, mrn, stored, itinerary.countries);
  await saveMovement(ctx, m);
  await requireEndorsers(ctx, movementKey(ctx, mrn), [departureAdmin.mspId]);
  await putJson(ctx, lk, { holderId: c.holderId, lrn: d.lrn, mrn });
  await requireEndorsers(ctx, lk, [departureAdmin.mspId]);
  await writeReservations(ctx, mrn, departureAdmin.mspId, now.iso, plans);
  announce(ctx, caller, 'MovementDeclared', m, status, d.officeOfDeparture, { legalEffect: m.legalEffect, countries: m.countries, reserved: m.guarantees });
  return { mrn, lrn: d.lrn, status, holderId: c.holderId, legalEffect: m.legalEffect, countries: m.countries, guarantees: m.guarantees, acceptedAt: now.iso };
}

const AMENDABLE = ['PRELODGED', 'ACCEPTED', 'GUARANTEE_INVALID'] as const;
const FIXED: (keyof Declaration)[] = ['lrn', 'officeOfDeparture', 'declarationType'];

/** {mrn, office?, declaration} — the whole amended declaration (IE013), or `declaration` in the transient map. */
export async function amend(ctx: Context, caller: Caller, json: string): Promise<Record<string, unknown>> {
  const args = parseArgs(json);
  const mrn = ident(args, 'mrn', isValidMrn, 'MRN');
  const m = await requireMovement(ctx, mrn);
  const who = await requireHolderOrDeparture(ctx, caller, m, typeof args.office === 'string' ? args.office : undefined);
  if (m.status === 'RELEASED' || m.timeline.some((t) => t.status === 'RELEASED')) {
    throw new CatsError('MESSAGE_OUT_OF_SEQUENCE', `mrn: movement ${mrn} is already released; it can no longer be amended`, { field: 'mrn', status: m.status });
  }
  requireStatus(m, m.status, AMENDABLE, 'Amend');
  const input = readInput(ctx, args, 'declaration');
  const c = checkDeclaration(input.raw);
  const d = c.declaration;
  for (const f of FIXED) {
    if (canonicalJson(d[f]) !== canonicalJson(f === 'lrn' ? m.lrn : f === 'officeOfDeparture' ? m.officeOfDeparture : m.declarationType)) {
      throw new CatsError('VALIDATION_FAILED', `${String(f)}: cannot be amended`, { field: String(f) });
    }
  }
  if (c.holderId !== m.holderId) throw new CatsError('VALIDATION_FAILED', 'holder.identificationNumber: cannot be amended', { field: 'holder.identificationNumber' });
  const stored = withoutAccessCodes(d);
  if (m.status === 'GUARANTEE_INVALID') {
    if (bodyHash(stored) !== m.bodyHash) {
      throw new CatsError('VALIDATION_FAILED', 'declaration: after a guarantee failure (IE055) only the guarantee part may change', { field: 'declaration' });
    }
  }
  const itinerary = await checkItinerary(ctx, c);
  const now = txTime(ctx);
  const plans = await planReservations(ctx, { mrn, holderId: m.holderId, countries: itinerary.countries, date: now.date, accessCodes: input.accessCodes }, c.references);
  const kept = new Set(plans.map((p) => p.grn));
  await closeReservations(ctx, mrn, m.guarantees.map((g) => g.grn).filter((g) => !kept.has(g)), 'RELEASED', caller);
  await writeReservations(ctx, mrn, m.departureMspId, now.iso, plans);
  Object.assign(m, {
    officeOfDestination: d.officeOfDestination,
    officesOfTransit: c.officesOfTransit,
    transitEstimates: c.transitEstimates,
    officesOfExit: c.officesOfExit,
    countries: itinerary.countries,
    legalEffect: itinerary.legalEffect,
    security: d.security,
    sealsCount: c.sealsCount,
    guarantees: guaranteeUses(c, plans),
    otherGuarantees: c.otherGuarantees,
    consignmentHash: digestOf({ holder: stored.holder, consignment: stored.consignment }),
    declarationHash: digestOf(stored),
    bodyHash: bodyHash(stored),
    guaranteeInvalid: undefined,
  });
  advance(ctx, caller, m, m.status === 'GUARANTEE_INVALID' ? 'ACCEPTED' : m.status, m.officeOfDeparture);
  m.detailsHeldBy = await storeDetails(ctx, mrn, stored, itinerary.countries);
  await saveMovement(ctx, m);
  announce(ctx, caller, 'MovementAmended', m, m.status, m.officeOfDeparture, { by: who, reserved: m.guarantees });
  return { mrn, status: m.status, guarantees: m.guarantees, legalEffect: m.legalEffect };
}

/** Hash of everything but the guarantees: what may not change after IE055. */
export function bodyHash(d: Declaration): string {
  const { guarantees: _g, ...rest } = d;
  return digestOf(rest);
}

