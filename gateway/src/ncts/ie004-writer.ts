// IE004 AMENDMENT ACCEPTANCE: the holder's IE013 was accepted on the ledger.

import { header, holderBlock, holderId, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDateTime } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie004Data {
  /** when the IE013 was submitted (its preparationDateAndTime or reception) */
  amendmentSubmittedAt: string;
}

export function buildIe004(m: MovementView, data: Ie004Data, ctx: AnswerContext): string {
  return serializeMessage('CC004C', [
    ...header('CC004C', m.officeOfDeparture, holderId(m), m, ctx),
    group(
      'TransitOperation',
      leaf('LRN', m.lrn),
      leaf('MRN', m.mrn),
      leaf('amendmentSubmissionDateAndTime', nctsDateTime(data.amendmentSubmittedAt)),
      leaf('amendmentAcceptanceDateAndTime', nctsDateTime(ctx.at)),
    ),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m),
  ]);
}
