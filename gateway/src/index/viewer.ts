// Builds the Viewer (who is looking) for the index's visibility rules, and decides on feed events.
import type { Principal } from '../auth/principal';
import type { NetworkOrg } from '../../../network/src/network-file';
import type { FeedEvent, IndexedMovement } from './indexed-types';
import type { MovementIndex } from './movement-index';
import { canSeeMovement, type Viewer } from './visibility';

export function viewerOf(principal: Principal, org: NetworkOrg, index: MovementIndex): Viewer {
  return {
    principal,
    orgKind: org.kind,
    orgCountry: org.country,
    mspId: org.mspId,
    ownGuarantee: (grn) => index.guarantorOf(grn) === org.mspId,
  };
}

/**
 * An event about a movement follows the movement's visibility; one about a guarantee, the guarantee's parties.
 * `movement` is the movement as the event leaves it, when the caller has it: the index's hooks run before
 * the event's batch is written, so a movement's first event (MovementDeclared) is not in the index yet.
 */
export async function canSeeEvent(v: Viewer, e: FeedEvent, index: MovementIndex, movement?: IndexedMovement): Promise<boolean> {
  if (e.mrn) {
    const m = movement?.mrn === e.mrn ? movement : await index.getMovement(e.mrn);
    return !!m && canSeeMovement(v, m);
  }
  if (e.grn) {
    if (v.orgKind === 'AUDITOR' || v.orgKind === 'CUSTOMS' && v.principal.role !== 'trader') return true;
    if (v.principal.role === 'trader') return e.payload.holderId === v.principal.traderId;
    return index.guarantorOf(e.grn) === v.mspId;
  }
  return v.principal.role !== 'trader'; // registry and governance events
}
