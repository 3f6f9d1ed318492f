// What the answer writers need to know about a movement: a read-only view the gateway builds from the
// movement record on the ledger (or the off-chain index). Only `mrn`, `lrn`, the offices and the holder
// are needed by every writer; the rest is used by the messages that carry it (IE029 and IE043 need the
// declaration itself).

import type { Declaration, Party } from '../../../chaincode/src/domain/declaration';

export interface MovementView {
  mrn: string;
  lrn: string;
  /** ledger state (ACCEPTED, RELEASED …); informative only for the writers */
  status: string;
  officeOfDeparture: string;
  officeOfDestination: string;
  officesOfTransit?: { sequenceNumber: number; referenceNumber: string; arrivalDateAndTimeEstimated?: string }[];
  holder: Party & { tirHolderIdentificationNumber?: string };
  /** the accepted declaration (as amended), needed by IE029 and the consignment part of IE043 */
  declaration?: Declaration;
  /** instants as ISO 8601 (ledger transaction timestamps) */
  timestamps: {
    /** declaration (IE015) received */
    submittedAt?: string;
    /** declaration accepted, MRN allocated */
    acceptedAt?: string;
    releasedAt?: string;
    arrivedAt?: string;
    writtenOffAt?: string;
  };
  /** office where the goods actually arrived (IE007), when it differs from the declared destination */
  officeOfDestinationActual?: string;
  /** trader at destination (IE007), needed by IE043, IE025 and IE057 */
  traderAtDestination?: string;
}
