// Who is calling, from the certificate (MSP id and the cats.* attributes) and the registry on the ledger,
// and the checks every transition makes. The gateway checks too, but it can be bypassed; these cannot.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import { ROLES, type Role } from '../domain/roles';
import { officeCountry } from '../domain/identifiers';
import { findOrganisation, requireActiveRegistry, requireOffice } from '../registry/store';
import type { Office, Organisation } from '../registry/model';

export interface Caller {
  mspId: string;
  role: Role | undefined;
  offices: string[];
  traderId: string | undefined;
  /** the acting user for the audit trail: the certificate's `cats.user`, else its CN */
  user: string;
}

/** Who acted, as every record of a movement step carries it: the organisation and the user within it. */
export interface Actor {
  mspId: string;
  user: string;
}

export function actorOf(caller: Caller): Actor {
  return { mspId: caller.mspId, user: caller.user };
}

export function callerOf(ctx: Context): Caller {
  const ci = ctx.clientIdentity;
  const role = ci.getAttributeValue('cats.role') ?? undefined;
  const offices = (ci.getAttributeValue('cats.offices') ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  // The set-up gives every enrolled user a cats.user attribute; certificates made elsewhere (cryptogen's
  // admins) only have a CN, which still names the person.
  const named = ci.getAttributeValue('cats.user');
  const cn = /CN=([^,/:]+)/.exec(ci.getID());
  return {
    mspId: ci.getMSPID(),
    role: (ROLES as readonly string[]).includes(role ?? '') ? (role as Role) : undefined,
    offices,
    traderId: ci.getAttributeValue('cats.traderId') ?? undefined,
    user: named ? named : cn ? cn[1] : ci.getID(),
  };
}

function forbidRole(caller: Caller, allowed: readonly Role[]): never {
  throw new CatsError('FORBIDDEN_ROLE', `cats.role: '${caller.role ?? '(none)'}' may not do this; needs ${allowed.join(' or ')}`, {
    field: 'cats.role',
    role: caller.role ?? null,
  });
}

export function requireRole(caller: Caller, allowed: readonly Role[]): void {
  if (!caller.role || !allowed.includes(caller.role)) forbidRole(caller, allowed);
}

/** The caller's organisation, active on the registry. */
export async function requireOrganisation(ctx: Context, caller: Caller): Promise<Organisation> {
  await requireActiveRegistry(ctx);
  const org = await findOrganisation(ctx, caller.mspId);
  if (!org) throw new CatsError('FORBIDDEN', `mspId: organisation ${caller.mspId} is not on the registry`, { field: 'mspId' });
  if (org.status !== 'ACTIVE') throw new CatsError('FORBIDDEN', `mspId: organisation ${caller.mspId} is suspended`, { field: 'mspId' });
  return org;
}

export async function requireOrgKind(ctx: Context, caller: Caller, kind: Organisation['kind']): Promise<Organisation> {
  const org = await requireOrganisation(ctx, caller);
  if (org.kind !== kind) throw new CatsError('FORBIDDEN', `mspId: ${caller.mspId} is a ${org.kind} organisation, not ${kind}`, { field: 'mspId' });
  return org;
}

export const OFFICER_ROLES: readonly Role[] = ['officer', 'supervisor'];

/**
 * An officer acting for `office`: the office is known, in his cats.offices, and belongs to the country of his
 * customs administration. Returns the office and the administration.
 */
export async function requireOfficerFor(ctx: Context, caller: Caller, officeCode: string, field = 'office', roles = OFFICER_ROLES): Promise<{ office: Office; org: Organisation }> {
  requireRole(caller, roles);
  const org = await requireOrgKind(ctx, caller, 'CUSTOMS');
  const office = await requireOffice(ctx, officeCode, field);
  if (office.countryCode !== org.country || officeCountry(officeCode) !== org.country) {
    throw new CatsError('FORBIDDEN_OFFICE', `${field}: office ${officeCode} does not belong to the administration of ${org.country}`, { field, office: officeCode });
  }
  if (!caller.offices.includes(officeCode)) {
    throw new CatsError('FORBIDDEN_OFFICE', `${field}: office ${officeCode} is not in the caller's cats.offices`, { field, office: officeCode });
  }
  return { office, org };
}

/** A trader acting as the holder `holderId` (cats.traderId must match). */
export async function requireHolder(ctx: Context, caller: Caller, holderId: string, field = 'holder.identificationNumber'): Promise<Organisation> {
  requireRole(caller, ['trader']);
  const org = await requireOrgKind(ctx, caller, 'CUSTOMS');
  if (caller.traderId !== holderId) {
    throw new CatsError('FORBIDDEN', `${field}: the caller's cats.traderId ${caller.traderId ?? '(none)'} is not ${holderId}`, { field });
  }
  return org;
}

export function isHolder(caller: Caller, holderId: string): boolean {
  return caller.role === 'trader' && caller.traderId === holderId;
}

/** An admin of an active customs administration: the only ones who govern the registry. */
export async function requireCustomsAdmin(ctx: Context, caller: Caller): Promise<Organisation> {
  requireRole(caller, ['admin']);
  return requireOrgKind(ctx, caller, 'CUSTOMS');
}
