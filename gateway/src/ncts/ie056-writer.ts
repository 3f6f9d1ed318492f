// IE056 REJECTION FROM OFFICE OF DEPARTURE: a trader message (IE015, IE013, IE014, IE170) is rejected —
// by functional errors (business rules on the ledger) or out of sequence (IE014 after release: code 92).
// A rejected IE015 has no MRN yet: the LRN identifies it and `m.mrn` may be empty.

import { checkRejection, functionalErrors, type FunctionalError } from './functional-error';
import { header, holderBlock, holderId, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDateTime } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie056Data {
  /** the rejected message's IE number: '015', '013', '014' or '170' */
  businessRejectionType: '015' | '013' | '014' | '170';
  rejectionCode: string;
  rejectionReason?: string;
  errors: FunctionalError[];
}

export function buildIe056(m: MovementView, data: Ie056Data, ctx: AnswerContext): string {
  checkRejection(data.rejectionCode, data.rejectionReason, 'IE056');
  const mrn = m.mrn || undefined;
  return serializeMessage('CC056C', [
    ...header('CC056C', m.officeOfDeparture, holderId(m), { ...m, mrn: m.mrn || m.lrn }, ctx),
    group(
      'TransitOperation',
      leaf('LRN', m.lrn),
      leaf('MRN', mrn),
      leaf('businessRejectionType', data.businessRejectionType),
      leaf('rejectionDateAndTime', nctsDateTime(ctx.at)),
      leaf('rejectionCode', data.rejectionCode),
      leaf('rejectionReason', data.rejectionReason),
    ),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m),
    ...functionalErrors(data.errors),
  ]);
}
