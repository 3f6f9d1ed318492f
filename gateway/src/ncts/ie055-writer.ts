// IE055 GUARANTEE NOT VALID: a guarantee reference failed the check at acceptance (unknown GRN, wrong
// access code, not valid in a country of the itinerary, amount not covered …). The holder may amend the
// guarantee (IE013 with amendmentTypeFlag 1) before release is refused with IE051.

import { header, holderBlock, holderId, need, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDate } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie055Data {
  references: {
    sequenceNumber: number;
    grn: string;
    /** 1–3 characters each (CL252 invalid guarantee reason codes) with an optional text */
    reasons: { code: string; text?: string }[];
  }[];
}

export function buildIe055(m: MovementView, data: Ie055Data, ctx: AnswerContext): string {
  if (data.references.length === 0) throw new Error('IE055: at least one invalid guarantee reference is needed');
  return serializeMessage('CC055C', [
    ...header('CC055C', m.officeOfDeparture, holderId(m), m, ctx),
    group('TransitOperation', leaf('MRN', m.mrn), leaf('declarationAcceptanceDate', nctsDate(need(m.timestamps.acceptedAt ?? ctx.at, 'acceptance time', 'IE055')))),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m, false),
    ...data.references.map((r) => {
      if (r.reasons.length === 0) throw new Error(`IE055: guarantee reference ${r.sequenceNumber} has no reason`);
      return group(
        'GuaranteeReference',
        leaf('sequenceNumber', r.sequenceNumber),
        leaf('GRN', r.grn),
        ...r.reasons.map((reason, i) => group('InvalidGuaranteeReason', leaf('sequenceNumber', i + 1), leaf('code', reason.code), leaf('text', reason.text))),
      );
    }),
  ]);
}
