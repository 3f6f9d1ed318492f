// IE028 MRN ALLOCATED: the declaration is accepted and the ledger allocated its MRN (also the answer to
// IE170 for a pre-lodged declaration, spec §6).

import { header, holderBlock, holderId, need, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDate } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export function buildIe028(m: MovementView, ctx: AnswerContext): string {
  return serializeMessage('CC028C', [
    ...header('CC028C', m.officeOfDeparture, holderId(m), m, ctx),
    group(
      'TransitOperation',
      leaf('LRN', m.lrn),
      leaf('MRN', m.mrn),
      leaf('declarationAcceptanceDate', nctsDate(need(m.timestamps.acceptedAt ?? ctx.at, 'acceptance time', 'IE028'))),
    ),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m),
  ]);
}
