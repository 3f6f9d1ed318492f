// IE025 GOODS RELEASE NOTIFICATION: destination customs release the goods to the trader at destination
// after control. Per-item release types are not tracked on the ledger, so the optional Consignment part
// is not written.

import { header, need, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDate } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie025Data {
  /** releaseIndicator (one digit). CATS writes '1' (goods released) unless told otherwise. */
  releaseIndicator?: string;
}

export function buildIe025(m: MovementView, data: Ie025Data, ctx: AnswerContext): string {
  const destination = m.officeOfDestinationActual ?? m.officeOfDestination;
  const trader = need(m.traderAtDestination, 'trader at destination', 'IE025');
  return serializeMessage('CC025C', [
    ...header('CC025C', destination, trader, m, ctx),
    group('TransitOperation', leaf('MRN', m.mrn), leaf('releaseDate', nctsDate(ctx.at)), leaf('releaseIndicator', data.releaseIndicator ?? '1')),
    office('CustomsOfficeOfDestinationActual', destination),
    group('TraderAtDestination', leaf('identificationNumber', trader)),
  ]);
}
