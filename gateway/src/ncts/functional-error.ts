// FunctionalError blocks of IE056/IE057: which data item is wrong (errorPointer, an XPath such as
// /CC015C/TransitOperation/LRN — the validator's XmlError.path has this form), the CL180 code and the
// rule or condition violated (errorReason, at most 7 characters).

import { group, leaf, type XmlNode } from './xml-writer';

/** CL180 AesNctsP5FunctionalErrorCodes */
export const FUNCTIONAL_ERROR = {
  CODELIST_VIOLATION: '12',
  CONDITION_MISSING: '13',
  RULE_VIOLATION: '14',
  CONDITION_NOT_ALLOWED: '15',
  DUPLICATE_MESSAGE_ID: '26',
  TRANSITIONAL_CONSTRAINT: '50',
  UNKNOWN_MRN: '90',
  OUT_OF_SEQUENCE: '92',
  INVALID_MRN: '93',
} as const;

export interface FunctionalError {
  errorPointer: string;
  errorCode: (typeof FUNCTIONAL_ERROR)[keyof typeof FUNCTIONAL_ERROR];
  /** rule/condition id, ≤ 7 chars, e.g. 'R0028' or a CATS rule 'CATS13' */
  errorReason: string;
  originalAttributeValue?: string;
}

export function functionalErrors(errors: readonly FunctionalError[]): (XmlNode | undefined)[] {
  return errors.map((e) =>
    group('FunctionalError', leaf('errorPointer', e.errorPointer), leaf('errorCode', e.errorCode), leaf('errorReason', e.errorReason), leaf('originalAttributeValue', e.originalAttributeValue)),
  );
}

/**
 * Rejection codes (TRANSIT OPERATION.rejectionCode, CL226) as CATS uses them. '12' accompanies functional
 * errors; '4' (condition C0492) needs a rejectionReason text. Other values pass through unchecked.
 */
export const REJECTION_CODE = { OTHER: '4', FUNCTIONAL_ERRORS: '12' } as const;

export function checkRejection(code: string, reason: string | undefined, messageType: string): void {
  if (code === REJECTION_CODE.OTHER && !reason) throw new Error(`${messageType}: rejection code 4 needs a rejection reason (C0492)`);
}
