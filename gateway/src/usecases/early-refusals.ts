// Refusals the gateway can decide alone, before any peer does any work: a declaration that fails the
// chaincode's own field rules, a trader lodging or acting for another holder, an officer acting for an
// office outside his administration or his offices. The chaincode makes every one of these checks again
// (it cannot trust a gateway, and direct-to-peer abuse must fail too); deciding them here means a
// misbehaving client costs a few milliseconds of this gateway, not an endorsement on three peers.
// Each refusal is the one the chaincode would give, with the same code and field.
import { OFFICER_ROLES } from '../../../chaincode/src/access/caller';
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidOfficeCode, officeCountry } from '../../../chaincode/src/domain/identifiers';
import { checkDeclaration } from '../../../chaincode/src/movement/declaration-rules';
import type { NetworkFile, NetworkOrg } from '../../../network/src/network-file';
import type { Principal } from '../auth/principal';
import type { IndexedMovement } from '../index/indexed-types';
import { itineraryCountries } from '../fabric/endorsers';

/** The movement actions only its holder may take as a trader (arrival and unloading come from the trader at destination). */
const HOLDER_ACTIONS = new Set(['present', 'cancel', 'amend']);

/**
 * A declaration's field rules (spec §7) and, for a trader, that he is its holder. Only when every country
 * of the itinerary has an administration on this gateway's network: otherwise the chaincode's answer
 * (COUNTRY_NOT_MEMBER) comes first, and it must stay the one the caller gets.
 */
export function refuseDeclarationEarly(network: NetworkFile, principal: Principal, declaration: Declaration): void {
  const members = new Set(network.organisations.filter((o) => o.kind === 'CUSTOMS').map((o) => o.country));
  if (!itineraryCountries(declaration).every((c) => members.has(c))) return;
  const checked = checkDeclaration(declaration);
  if (principal.role === 'trader' && principal.traderId !== checked.holderId) {
    throw new CatsError('FORBIDDEN', `holder.identificationNumber: the caller's cats.traderId ${principal.traderId ?? '(none)'} is not ${checked.holderId}`, { field: 'holder.identificationNumber' });
  }
}

/**
 * A transition's caller against what the token and the index say: an officer's `office` must be of his
 * administration and in his offices; a trader may take the holder's actions only on a movement the index
 * says he holds. A movement the index does not know yet is left to the chaincode.
 */
export function refuseTransitionEarly(own: NetworkOrg, principal: Principal, action: string, fields: Record<string, unknown>, indexed: IndexedMovement | undefined): void {
  const office = fields.office;
  if ((OFFICER_ROLES as readonly string[]).includes(principal.role) && typeof office === 'string' && isValidOfficeCode(office)) {
    if (own.kind === 'CUSTOMS' && officeCountry(office) !== own.country) {
      throw new CatsError('FORBIDDEN_OFFICE', `office: office ${office} does not belong to the administration of ${own.country}`, { field: 'office', office });
    }
    if (!principal.offices.includes(office)) {
      throw new CatsError('FORBIDDEN_OFFICE', `office: office ${office} is not in the caller's cats.offices`, { field: 'office', office });
    }
  }
  if (principal.role === 'trader' && HOLDER_ACTIONS.has(action) && indexed?.holder && indexed.holder !== principal.traderId) {
    throw new CatsError('FORBIDDEN', `mrn: movement ${indexed.mrn} belongs to another holder`, { field: 'mrn' });
  }
}
