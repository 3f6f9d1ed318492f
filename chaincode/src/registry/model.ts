// What the registry records: organisations, member countries, customs offices, registered holders,
// ledger parameters, exchange rates, and governance proposals.

import type { CountryMode, CountryStatus, OfficeRole, OrganisationKind } from '../domain/roles';

export interface Organisation {
  mspId: string;
  kind: OrganisationKind;
  country: string;
  name?: string;
  status: 'ACTIVE' | 'SUSPENDED';
}

export interface Country {
  code: string;
  status: CountryStatus;
  mode: CountryMode;
}

export interface Office {
  referenceNumber: string;
  countryCode: string;
  name: string;
  roles: OfficeRole[];
  unLocode?: string;
}

export interface Holder {
  traderId: string;
  country: string;
  name?: string;
  authorisedConsignee?: boolean;
  status: 'ACTIVE' | 'SUSPENDED';
}

export interface Rate {
  from: string;
  to: string;
  /** ISO date from which the rate applies */
  date: string;
  /** 1 unit of `from` = `rate` units of `to`, decimal string */
  rate: string;
}

/** Time limits of spec §3, as integer strings in seconds (integration tests shorten them by governance). */
export interface Parameters {
  arrivalTimeLimitSeconds: string;
  controlResultsSeconds: string;
  controlResultsAuthorisedConsigneeSeconds: string;
  enquiryReplySeconds: string;
  discrepancyResolutionSeconds: string;
  guarantorNotificationSeconds: string;
  claimPaymentSeconds: string;
  prelodgedPresentationSeconds: string;
}

const DAY = 86400;
export const DEFAULT_PARAMETERS: Parameters = {
  arrivalTimeLimitSeconds: String(8 * DAY),
  controlResultsSeconds: String(6 * DAY),
  controlResultsAuthorisedConsigneeSeconds: String(12 * DAY),
  enquiryReplySeconds: String(28 * DAY),
  discrepancyResolutionSeconds: String(28 * DAY),
  guarantorNotificationSeconds: String(273 * DAY),
  claimPaymentSeconds: String(90 * DAY),
  prelodgedPresentationSeconds: String(30 * DAY),
};

export type ChangeKind =
  | 'UPSERT_OFFICES'
  | 'UPSERT_COUNTRY'
  | 'SET_COUNTRY_MODE'
  | 'SUSPEND_MEMBER'
  | 'UPSERT_ORGANISATION'
  | 'SET_PARAMETERS'
  | 'SET_RATE'
  | 'REGISTER_HOLDER';

export const CHANGE_KINDS: readonly ChangeKind[] = [
  'UPSERT_OFFICES', 'UPSERT_COUNTRY', 'SET_COUNTRY_MODE', 'SUSPEND_MEMBER', 'UPSERT_ORGANISATION', 'SET_PARAMETERS', 'SET_RATE', 'REGISTER_HOLDER',
];

/** A validated change, normalised so that applying it needs no further checks of its shape. */
export type Change =
  | { kind: 'UPSERT_OFFICES'; offices: Office[] }
  | { kind: 'UPSERT_COUNTRY'; country: Country }
  | { kind: 'SET_COUNTRY_MODE'; code: string; mode: CountryMode }
  | { kind: 'SUSPEND_MEMBER'; mspId: string }
  | { kind: 'UPSERT_ORGANISATION'; organisation: Organisation }
  | { kind: 'SET_PARAMETERS'; parameters: Partial<Parameters> }
  | { kind: 'SET_RATE'; rate: Rate }
  | { kind: 'REGISTER_HOLDER'; holder: Holder };

export interface Proposal {
  id: string;
  change: Change;
  proposedBy: string;
  proposedAt: string;
  approvals: string[];
  status: 'OPEN' | 'APPLIED';
  appliedAt?: string;
  txId: string;
}

/** The genesis member list, pending until every listed customs administration has confirmed it. */
export interface Genesis {
  digest: string;
  organisations: Organisation[];
  countries: Country[];
  offices: Office[];
  parameters: Parameters;
  proposedBy: string;
  confirmations: string[];
  status: 'PENDING' | 'ACTIVE';
  txId: string;
}
