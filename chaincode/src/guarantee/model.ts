// Guarantees, the reservations movements make against them, and claims (spec §4).

import type { ClaimStatus, GuaranteeStatus, ReservationStatus } from '../domain/roles';
import type { SharePart } from '../domain/money';
import type { Actor } from '../access/caller';

export interface Money {
  /** integer minor units */
  amount: string;
  currency: string;
}

export interface ShareEntry {
  country: string;
  /** the insurer: an MSP id or a name */
  insurer: string;
  bp: number;
}

/** Risk split: per layer and per country the basis points sum to 10 000. */
export interface Shares {
  fronting: ShareEntry[];
  reinsurance: ShareEntry[];
}

export interface Guarantee {
  grn: string;
  type: string;
  holderId: string;
  guarantorMspId: string;
  referenceAmount: Money;
  countries: string[];
  validFrom: string;
  validTo: string;
  status: GuaranteeStatus;
  /** salted, stretched hash of the access code; never returned by queries */
  accessCodeHash?: string;
  accessCodeSalt?: string;
  shares?: Shares;
  issuedAt: string;
  updatedAt: string;
  txId: string;
}

/** One per (grn, mrn): the amount a movement holds on a guarantee, in the guarantee's currency. */
export interface Reservation {
  grn: string;
  mrn: string;
  amount: string;
  currency: string;
  /** what the declaration asked to cover, and the rate used when its currency differs */
  requested: Money;
  rate?: string;
  status: ReservationStatus;
  departureMspId: string;
  reservedAt: string;
  closedAt?: string;
  /** who closed it: the step (write-off, cancellation, refusal, recovery) that credited or settled it */
  closedBy?: Actor;
  closedTxId?: string;
}

export interface Claim {
  grn: string;
  mrn: string;
  amount: string;
  currency: string;
  country: string;
  raisedByMspId: string;
  raisedBy: Actor;
  raisedTxId: string;
  evidenceHash: string;
  status: ClaimStatus;
  raisedAt: string;
  dueBy: string;
  answeredAt?: string;
  answeredBy?: Actor;
  reason?: string;
  paidAt?: string;
  paidBy?: Actor;
  split?: { fronting: SharePart[]; reinsurance: SharePart[] };
}
