// The public movement record (what every organisation on the channel may see) and the per-event records
// kept under their own keys. Consignment details (parties, goods, values) are not here: they go to the
// implicit private collections of the customs administrations on the itinerary.

import type { ControlResultCode, MovementStatus } from '../domain/roles';
import type { SecurityIndicator } from '../domain/identifiers';
import type { Actor } from '../access/caller';
import type { Step } from '../ledger/step';

export interface TimelineEntry extends Step {
  status: MovementStatus;
  office?: string;
}

export interface GuaranteeUse {
  grn: string;
  type: string;
  /** reserved, in the guarantee's currency */
  amount: string;
  currency: string;
  requested: { amount: string; currency: string };
}

export interface Movement {
  mrn: string;
  lrn: string;
  holderId: string;
  declarationType: string;
  security: SecurityIndicator;
  prelodged: boolean;
  /** the departure administration's own status; events recorded elsewhere are folded in by effectiveStatus */
  status: MovementStatus;
  officeOfDeparture: string;
  officeOfDestination: string;
  officesOfTransit: string[];
  /** estimated arrival per office of transit, as declared: release must come before each (rule 12) */
  transitEstimates?: Record<string, string>;
  officesOfExit: string[];
  /** every country on the itinerary, sorted */
  countries: string[];
  legalEffect: boolean;
  departureMspId: string;
  /** customs organisations holding the consignment details in their implicit collections */
  detailsHeldBy: string[];
  sealsCount: number;
  guarantees: GuaranteeUse[];
  /** other guarantees (cash, TIR...) that the ledger does not reserve */
  otherGuarantees: { type: string; reference?: string }[];
  tirCarnetNumber?: string;
  consignmentHash: string;
  declarationHash: string;
  /** hash of the declaration without its guarantees: what may not change after IE055 */
  bodyHash: string;
  acceptedAt: string;
  releasedAt?: string;
  timeLimit?: string;
  control?: { office: string; at: string; requestedDocuments?: string };
  refusal?: { office: string; at: string; reason?: string; code: 'IE051' | 'IE055' };
  guaranteeInvalid?: { at: string; reason: string };
  cancellation?: { at: string; by: 'HOLDER' | 'CUSTOMS'; reason?: string };
  discrepancies?: { office: string; at: string; description?: string; resolvedAt?: string; resolution?: string };
  enquiry?: { office: string; openedAt: string };
  recovery?: { office: string; country: string; startedAt: string; guarantorNotificationDue: string; reason?: string; settledBy?: 'HOLDER' | 'GUARANTOR' };
  writtenOffAt?: string;
  timeline: TimelineEntry[];
}

export interface Crossing extends Step {
  mrn: string;
  office: string;
  country: string;
  declared: boolean;
}

export interface Incident extends Step {
  mrn: string;
  office: string;
  code: string;
  text?: string;
}

/** Everything the destination side records, under one key owned by the administration of the actual destination. */
export interface Arrival {
  mrn: string;
  office: string;
  declaredDestination: boolean;
  /** the administration that owns the record (the actual destination's), not necessarily the actor */
  mspId: string;
  arrivedAt: string;
  notifiedBy: 'HOLDER' | 'CUSTOMS';
  actor: Actor;
  sealsOk?: boolean;
  simplified: boolean;
  unloadingPermission?: Step;
  unloadingRemarks?: Step & { conform: boolean; sealsOk?: boolean; remarks?: string };
  controlResults?: Step & { code: ControlResultCode; remarks?: string };
  txId: string;
}

export interface EnquiryAnswer extends Step {
  mrn: string;
  proofFound: boolean;
  evidenceHash?: string;
  text?: string;
  by: 'HOLDER' | 'CUSTOMS';
  office?: string;
}

/** The consignment details, kept in the implicit private collections. */
export interface MovementDetails {
  mrn: string;
  declaration: unknown;
}
