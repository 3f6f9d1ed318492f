// IE045 WRITE-OFF NOTIFICATION: the movement is written off at departure and its guarantee reservation
// credited back. The optional Guarantor block is not written: its country must be in the EU customs
// office country list (CountryCodesCustomsOfficeLists), which CAREC guarantors' countries are not.

import { header, holderBlock, holderId, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDate } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export function buildIe045(m: MovementView, ctx: AnswerContext): string {
  return serializeMessage('CC045C', [
    ...header('CC045C', m.officeOfDeparture, holderId(m), m, ctx),
    group('TransitOperation', leaf('MRN', m.mrn), leaf('writeOffDate', nctsDate(m.timestamps.writtenOffAt ?? ctx.at))),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m),
  ]);
}
