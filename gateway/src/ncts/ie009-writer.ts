// IE009 INVALIDATION DECISION: answer to the holder's IE014 before release (decision 1 = cancelled,
// 0 = refused), or notice of an invalidation decided by customs (initiatedByCustoms).

import { header, holderBlock, holderId, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDateTime } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie009Data {
  /** true: the declaration is invalidated (CANCELLED) */
  decision: boolean;
  initiatedByCustoms: boolean;
  /** when the holder asked (IE014 requestDateAndTime); absent when customs initiated it */
  requestedAt?: string;
  justification?: string;
}

export function buildIe009(m: MovementView, data: Ie009Data, ctx: AnswerContext): string {
  return serializeMessage('CC009C', [
    ...header('CC009C', m.officeOfDeparture, holderId(m), m, ctx),
    group('TransitOperation', leaf('LRN', m.lrn), leaf('MRN', m.mrn)),
    group(
      'Invalidation',
      leaf('requestDateAndTime', data.requestedAt === undefined ? undefined : nctsDateTime(data.requestedAt)),
      leaf('decisionDateAndTime', nctsDateTime(ctx.at)),
      leaf('decision', data.decision),
      leaf('initiatedByCustoms', data.initiatedByCustoms),
      leaf('justification', data.justification),
    ),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m),
  ]);
}
