// IE051 NO RELEASE FOR TRANSIT: customs refuse release (for example the guarantee was not regularised
// after IE055), the movement ends NOT_RELEASED and its reservation is credited back.

import { header, holderBlock, holderId, need, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { nctsDateTime } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export interface Ie051Data {
  /** two characters (NoReleaseMotivationCode), e.g. the national code for "guarantee not valid" */
  motivationCode: string;
  motivationText: string;
}

export function buildIe051(m: MovementView, data: Ie051Data, ctx: AnswerContext): string {
  return serializeMessage('CC051C', [
    ...header('CC051C', m.officeOfDeparture, holderId(m), m, ctx),
    group(
      'TransitOperation',
      leaf('MRN', m.mrn),
      leaf('declarationSubmissionDateAndTime', nctsDateTime(need(m.timestamps.submittedAt ?? m.timestamps.acceptedAt, 'submission time', 'IE051'))),
      leaf('noReleaseMotivationCode', data.motivationCode),
      leaf('noReleaseMotivationText', data.motivationText),
    ),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    holderBlock(m),
  ]);
}
