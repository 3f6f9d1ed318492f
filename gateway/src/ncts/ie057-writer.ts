// IE057 REJECTION FROM OFFICE OF DESTINATION: an arrival notification (IE007) or unloading remarks
// (IE044) are rejected — unknown or not released MRN, not a competent office, seals state missing …

import { checkRejection, functionalErrors, type FunctionalError } from './functional-error';
import { header, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDateTime } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie057Data {
  businessRejectionType: '007' | '044';
  rejectionCode: string;
  rejectionReason?: string;
  errors: FunctionalError[];
  /** office the trader addressed (IE007/IE044 CustomsOfficeOfDestinationActual) */
  officeOfDestinationActual: string;
  traderAtDestination: string;
}

export function buildIe057(m: MovementView, data: Ie057Data, ctx: AnswerContext): string {
  checkRejection(data.rejectionCode, data.rejectionReason, 'IE057');
  return serializeMessage('CC057C', [
    ...header('CC057C', data.officeOfDestinationActual, data.traderAtDestination, m, ctx),
    group(
      'TransitOperation',
      leaf('MRN', m.mrn),
      leaf('businessRejectionType', data.businessRejectionType),
      leaf('rejectionDateAndTime', nctsDateTime(ctx.at)),
      leaf('rejectionCode', data.rejectionCode),
      leaf('rejectionReason', data.rejectionReason),
    ),
    office('CustomsOfficeOfDestinationActual', data.officeOfDestinationActual),
    group('TraderAtDestination', leaf('identificationNumber', data.traderAtDestination)),
    ...functionalErrors(data.errors),
  ]);
}
