// Endorsing organisations for transactions that carry transient data into private collections (Declare,
// Amend). The peer gateway will not pick endorsers itself then ("retry specifying trusted endorsing
// organizations to protect transient data"): the declaration may only go to organisations entitled to
// it. Chosen: the caller's own organisation, the customs administrations of the itinerary, then other
// customs administrations until the channel's MAJORITY endorsement policy is met; never a guarantor or
// auditor unless nothing else is left.
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { isValidOfficeCode, officeCountry } from '../../../chaincode/src/domain/identifiers';
import type { NetworkFile, NetworkOrg } from '../../../network/src/network-file';

export function itineraryCountries(d: Partial<Declaration>): string[] {
  const offices = [d.officeOfDeparture, d.officeOfDestination, ...(d.officesOfTransit ?? []).map((o) => o?.referenceNumber), ...(d.officesOfExit ?? []).map((o) => o?.referenceNumber)];
  return [...new Set(offices.filter((o): o is string => isValidOfficeCode(o)).map(officeCountry))];
}

export function endorsersFor(network: NetworkFile, own: NetworkOrg, countries: string[]): string[] {
  const orgs = network.organisations;
  const need = Math.floor(orgs.length / 2) + 1;
  const chosen = new Set<string>([own.mspId]);
  for (const c of countries) {
    const admin = orgs.find((o) => o.kind === 'CUSTOMS' && o.country === c);
    if (admin) chosen.add(admin.mspId);
  }
  for (const o of [...orgs.filter((x) => x.kind === 'CUSTOMS'), ...orgs]) {
    if (chosen.size >= need) break;
    chosen.add(o.mspId);
  }
  return [...chosen];
}
