// A business rejection, answered in NCTS terms when the trader's software asked for XML: IE056 for
// messages to the office of departure (IE015, IE013, IE014, IE170), IE057 for those to the office of
// destination (IE007, IE044). The ledger's error names the field of the JSON model; it is pointed at
// the element of the message it came from.
import type { CatsError } from '../../../chaincode/src/domain/errors';
import { FUNCTIONAL_ERROR, REJECTION_CODE, type FunctionalError } from './functional-error';
import { buildIe056, type Ie056Data } from './ie056-writer';
import { buildIe057, type Ie057Data } from './ie057-writer';
import type { MovementView } from './movement-view';

/** Where a model field lives in the IE015 (1-based XML positions). */
const FIELD_PATHS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^lrn$/, () => '/CC015C/TransitOperation/LRN'],
  [/^declarationType$/, () => '/CC015C/TransitOperation/declarationType'],
  [/^security$/, () => '/CC015C/TransitOperation/security'],
  [/^officeOfDeparture$/, () => '/CC015C/CustomsOfficeOfDeparture/referenceNumber'],
  [/^officeOfDestination$/, () => '/CC015C/CustomsOfficeOfDestinationDeclared/referenceNumber'],
  [/^officesOfTransit\[(\d+)\]\.(\w+)$/, (m) => `/CC015C/CustomsOfficeOfTransitDeclared[${Number(m[1]) + 1}]/${m[2]}`],
  [/^officesOfExit\[(\d+)\]\.(\w+)$/, (m) => `/CC015C/CustomsOfficeOfExitForTransitDeclared[${Number(m[1]) + 1}]/${m[2]}`],
  [/^holder\.identificationNumber$/, () => '/CC015C/HolderOfTheTransitProcedure/identificationNumber'],
  [/^guarantees\[(\d+)\]\.references\[(\d+)\]\.(\w+)/, (m) => `/CC015C/Guarantee[${Number(m[1]) + 1}]/GuaranteeReference[${Number(m[2]) + 1}]/${m[3] === 'grn' ? 'GRN' : m[3]}`],
  [/^guarantees\[(\d+)\]\.(\w+)/, (m) => `/CC015C/Guarantee[${Number(m[1]) + 1}]/${m[2]}`],
  [/^consignment\.countriesOfRouting\[(\d+)\]/, (m) => `/CC015C/Consignment/CountryOfRoutingOfConsignment[${Number(m[1]) + 1}]/country`],
  [/^consignment\.(\w+)$/, (m) => `/CC015C/Consignment/${m[1]}`],
];

export function pointerOf(field: unknown, root: string): string {
  if (typeof field === 'string') {
    for (const [re, path] of FIELD_PATHS) {
      const m = re.exec(field);
      if (m) return path(m).replace('/CC015C', `/${root}`);
    }
    if (/^mrn$/.test(field)) return `/${root}/TransitOperation/MRN`;
  }
  return `/${root}`;
}

/** CL180: a wrong value of a code list, a duplicate, or a rule of the ledger. */
function errorCodeOf(code: string, field: unknown): FunctionalError['errorCode'] {
  if (code === 'UNKNOWN_MOVEMENT') return FUNCTIONAL_ERROR.UNKNOWN_MRN;
  if (code === 'INVALID_STATE_TRANSITION' || code === 'MESSAGE_OUT_OF_SEQUENCE') return FUNCTIONAL_ERROR.OUT_OF_SEQUENCE;
  if (code === 'INVALID_IDENTIFIER' && field === 'mrn') return FUNCTIONAL_ERROR.INVALID_MRN;
  if (code === 'UNKNOWN_OFFICE' || code === 'COUNTRY_NOT_MEMBER') return FUNCTIONAL_ERROR.CODELIST_VIOLATION;
  return FUNCTIONAL_ERROR.RULE_VIOLATION;
}

function functionalError(err: CatsError, root: string): FunctionalError {
  const details = (err.details ?? {}) as Record<string, unknown>;
  return {
    errorPointer: pointerOf(details.field, root),
    errorCode: errorCodeOf(err.code, details.field),
    // errorReason holds at most 7 characters: the ledger's code, shortened (the full text is in the JSON answer).
    errorReason: err.code.replace(/[^A-Z]/g, '').slice(0, 7),
    originalAttributeValue: typeof details.country === 'string' ? details.country : typeof details.lrn === 'string' ? details.lrn : undefined,
  };
}

export function ie056For(m: MovementView, type: Ie056Data['businessRejectionType'], err: CatsError, at: string): string {
  return buildIe056(m, { businessRejectionType: type, rejectionCode: REJECTION_CODE.FUNCTIONAL_ERRORS, errors: [functionalError(err, `CC${type}C`)] }, { at });
}

export function ie057For(m: MovementView, type: Ie057Data['businessRejectionType'], office: string, trader: string, err: CatsError, at: string): string {
  return buildIe057(
    m,
    { businessRejectionType: type, rejectionCode: REJECTION_CODE.FUNCTIONAL_ERRORS, errors: [functionalError(err, `CC${type}C`)], officeOfDestinationActual: office, traderAtDestination: trader },
    { at },
  );
}
