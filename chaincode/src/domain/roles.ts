// Who takes part (spec §1) and the closed sets of statuses the ledger records. Shared with gateway and client.

export const ROLES = ['officer', 'supervisor', 'trader', 'guarantor', 'auditor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['CUSTOMS', 'GUARANTOR', 'AUDITOR'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const COUNTRY_STATUSES = ['SIGNED', 'RATIFIED', 'ACCEDED'] as const;
export type CountryStatus = (typeof COUNTRY_STATUSES)[number];

/** PILOT and LIVE take part in movements; NONE is a country on the register that does not operate yet. */
export const COUNTRY_MODES = ['PILOT', 'LIVE', 'NONE'] as const;
export type CountryMode = (typeof COUNTRY_MODES)[number];

export const OFFICE_ROLES = ['DEP', 'DES', 'TRA', 'EXT'] as const;
export type OfficeRole = (typeof OFFICE_ROLES)[number];

export const MOVEMENT_STATUSES = [
  'PRELODGED', 'ACCEPTED', 'GUARANTEE_INVALID', 'UNDER_CONTROL', 'RELEASED', 'NOT_RELEASED', 'CANCELLED',
  'ARRIVED', 'UNLOADING', 'CONTROLLED', 'DISCREPANCIES', 'ENQUIRY', 'RECOVERY', 'RECOVERED', 'WRITTEN_OFF',
] as const;
export type MovementStatus = (typeof MOVEMENT_STATUSES)[number];

export const TERMINAL_STATUSES: readonly MovementStatus[] = ['WRITTEN_OFF', 'RECOVERED', 'CANCELLED', 'NOT_RELEASED'];

export const GUARANTEE_STATUSES = ['ACTIVE', 'SUSPENDED', 'REVOKED', 'EXPIRED'] as const;
export type GuaranteeStatus = (typeof GUARANTEE_STATUSES)[number];

/** 0 waiver, 1 comprehensive, 2 individual, 3 cash, 4 voucher, 9 individual undertaking, B TIR, ... */
export const GUARANTEE_TYPES = ['0', '1', '2', '3', '4', '5', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'H', 'J', 'K', 'R'] as const;
/** Types whose references need a GRN and an access code (spec §7 rule 3). */
export const GRN_GUARANTEE_TYPES: readonly string[] = ['0', '1', '2', '4', '9'];

export const RESERVATION_STATUSES = ['ACTIVE', 'RELEASED', 'SETTLED'] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];

export const CLAIM_STATUSES = ['RAISED', 'ACCEPTED', 'CONTESTED', 'PAID'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/** Destination control result codes: A* satisfactory (A4 minor discrepancies), B1 major discrepancies. */
export const CONTROL_RESULT_CODES = ['A1', 'A2', 'A3', 'A4', 'A5', 'B1'] as const;
export type ControlResultCode = (typeof CONTROL_RESULT_CODES)[number];
