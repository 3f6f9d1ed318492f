// Caller checks specific to movements: the departure administration, the holder, and who may read.

import type { Context } from 'fabric-contract-api';
import { type Caller, OFFICER_ROLES, isHolder, requireOfficerFor, requireOrganisation, requireRole } from '../access/caller';
import { CatsError } from '../domain/errors';
import { officeCountry } from '../domain/identifiers';
import type { Organisation } from '../registry/model';
import type { Movement } from './model';

/**
 * An officer of the departure administration acting for `office`. `exact` demands the office of departure
 * itself (release, control); otherwise any office of the same administration (enquiry, write-off, recovery).
 */
export async function requireDepartureOfficer(ctx: Context, caller: Caller, m: Movement, office: string, exact: boolean): Promise<Organisation> {
  const { org } = await requireOfficerFor(ctx, caller, office);
  if (exact ? office !== m.officeOfDeparture : officeCountry(office) !== officeCountry(m.officeOfDeparture)) {
    throw new CatsError('FORBIDDEN_OFFICE', `office: ${office} is not ${exact ? 'the office of departure ' + m.officeOfDeparture : 'an office of the departure administration'}`, {
      field: 'office',
      office,
    });
  }
  return org;
}

/** The holder itself, or an officer of the departure office acting on its behalf. */
export async function requireHolderOrDeparture(ctx: Context, caller: Caller, m: Movement, office: string | undefined): Promise<'HOLDER' | 'CUSTOMS'> {
  if (caller.role === 'trader') {
    await requireOrganisation(ctx, caller);
    if (!isHolder(caller, m.holderId)) throw new CatsError('FORBIDDEN', `mrn: movement ${m.mrn} belongs to another holder`, { field: 'mrn' });
    return 'HOLDER';
  }
  // Who may act at all comes before what the request lacks: a guarantor or an auditor is told its role may
  // not do this, not that an office is missing.
  requireRole(caller, OFFICER_ROLES);
  if (!office) throw new CatsError('VALIDATION_FAILED', 'office: required when customs acts for the holder', { field: 'office' });
  await requireDepartureOfficer(ctx, caller, m, office, true);
  return 'CUSTOMS';
}

/** Customs, auditors, the holder, and the guarantors whose guarantees the movement uses. */
export async function requireMovementReader(ctx: Context, caller: Caller, m: Movement, guarantorOf: (grn: string) => Promise<string | undefined>): Promise<void> {
  const org = await requireOrganisation(ctx, caller);
  if (caller.role === 'trader') {
    if (isHolder(caller, m.holderId)) return;
  } else if (org.kind === 'CUSTOMS' || org.kind === 'AUDITOR' || caller.role === 'auditor') return;
  else if (org.kind === 'GUARANTOR') {
    for (const g of m.guarantees) if ((await guarantorOf(g.grn)) === caller.mspId) return;
  }
  throw new CatsError('FORBIDDEN', `mrn: the caller may not read movement ${m.mrn}`, { field: 'mrn' });
}
