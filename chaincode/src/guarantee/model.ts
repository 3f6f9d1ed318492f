// Guarantees, the reservations movements make against them, and claims (spec §4).

import type { ClaimStatus, GuaranteeStatus, ReservationStatus } from '../domain/roles';
import type { SharePart } from '../domain/money';

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
  closedBy?: string;
}

export interface Claim {
  grn: string;
  mrn: string;
  amount: string;
  currency: string;
  country: string;
  raisedByMspId: string;
  evidenceHash: string;
  status: ClaimStatus;
  raisedAt: string;
  dueBy: string;
  answeredAt?: string;
  reason?: string;
  paidAt?: string;
  split?: { fronting: SharePart[]; reinsurance: SharePart[] };
}
