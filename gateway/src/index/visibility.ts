// Who may see which movement in lists and feeds (spec §1): a holder only its own; a customs
// administration the movements whose itinerary touches its country; a guarantor those using its
// guarantees; an auditor everything. The ledger enforces the same on reads; the index must not leak more.
import type { Principal } from '../auth/principal';
import type { IndexedMovement } from './indexed-types';

export interface Viewer {
  principal: Principal;
  orgKind: 'CUSTOMS' | 'GUARANTOR' | 'AUDITOR';
  orgCountry: string | null;
  mspId: string;
  /** GRNs issued by this guarantor organisation (from the index) */
  ownGuarantee?: (grn: string) => boolean;
}

export function canSeeMovement(v: Viewer, m: IndexedMovement): boolean {
  if (v.principal.role === 'trader') return !!m.holder && m.holder === v.principal.traderId;
  switch (v.orgKind) {
    case 'AUDITOR':
      return true;
    case 'CUSTOMS':
      return !!v.orgCountry && m.countries.includes(v.orgCountry);
    case 'GUARANTOR':
      return m.grns.some((g) => v.ownGuarantee?.(g) ?? false);
  }
}
