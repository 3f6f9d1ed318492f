// Itinerary checks against the registry (spec §7 rule 21 and office roles): every office known and able to
// play its role, every country on the way a member in PILOT or LIVE. Legal effect only if all are LIVE.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import { isValidOfficeCode, officeCountry } from '../domain/identifiers';
import type { OfficeRole } from '../domain/roles';
import { requireMemberCountry, requireOffice } from '../registry/store';
import type { Office } from '../registry/model';
import type { CheckedDeclaration } from './declaration-rules';

export async function requireOfficeWithRole(ctx: Context, code: string, role: OfficeRole, field: string): Promise<Office> {
  const office = await requireOffice(ctx, code, field);
  if (!office.roles.includes(role)) {
    throw new CatsError('OFFICE_ROLE_MISMATCH', `${field}: office ${code} cannot act as ${role} (roles ${office.roles.join(', ')})`, { field, office: code, role });
  }
  return office;
}

export interface Itinerary {
  countries: string[];
  legalEffect: boolean;
}

export async function checkItinerary(ctx: Context, c: CheckedDeclaration): Promise<Itinerary> {
  const d = c.declaration;
  const stops: [string, OfficeRole, string][] = [
    [d.officeOfDeparture, 'DEP', 'officeOfDeparture'],
    ...c.officesOfTransit.map((o, i): [string, OfficeRole, string] => [o, 'TRA', `officesOfTransit[${i}].referenceNumber`]),
    ...c.officesOfExit.map((o, i): [string, OfficeRole, string] => [o, 'EXT', `officesOfExit[${i}].referenceNumber`]),
    [d.officeOfDestination, 'DES', 'officeOfDestination'],
  ];
  const modes = new Map<string, string>();
  for (const [code, role, field] of stops) {
    // The country first: an office of a non-member country is reported as such, whether or not its
    // offices are already loaded (they are loaded ahead of accession).
    const country = officeCountry(code);
    if (!modes.has(country)) modes.set(country, (await requireMemberCountry(ctx, country, field)).mode);
    await requireOfficeWithRole(ctx, code, role, field);
  }
  for (const [i, country] of c.routing.entries()) {
    if (!modes.has(country)) modes.set(country, (await requireMemberCountry(ctx, country, `consignment.countriesOfRouting[${i}]`)).mode);
  }
  const countries = [...modes.keys()].sort();
  return { countries, legalEffect: countries.every((k) => modes.get(k) === 'LIVE') };
}

/**
 * First question about any declaration: is every office on it in a member country? Asked before the
 * detailed checks of the consignment, so a declaration meant for another customs network (the national
 * test packs name GB and XI offices) is answered with COUNTRY_NOT_MEMBER, not with a remark about one of
 * its fields. Malformed office codes are left to the detailed checks.
 */
export async function requireMemberItinerary(ctx: Context, raw: unknown): Promise<void> {
  const d = (raw ?? {}) as Record<string, unknown>;
  const refs = (list: unknown): unknown[] => (Array.isArray(list) ? list.map((o) => (o as { referenceNumber?: unknown })?.referenceNumber) : []);
  const stops: [unknown, string][] = [
    [d.officeOfDeparture, 'officeOfDeparture'],
    ...refs(d.officesOfTransit).map((o, i): [unknown, string] => [o, `officesOfTransit[${i}].referenceNumber`]),
    ...refs(d.officesOfExit).map((o, i): [unknown, string] => [o, `officesOfExit[${i}].referenceNumber`]),
    [d.officeOfDestination, 'officeOfDestination'],
  ];
  const seen = new Set<string>();
  for (const [code, field] of stops) {
    if (typeof code !== 'string' || !isValidOfficeCode(code)) continue;
    const country = officeCountry(code);
    if (seen.has(country)) continue;
    seen.add(country);
    await requireMemberCountry(ctx, country, field);
  }
}
