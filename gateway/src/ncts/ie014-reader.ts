// IE014 DECLARATION CANCELLATION REQUEST from the holder. After release the ledger answers with IE056
// code 92 (message out of sequence), before release with IE009 (spec §6, rule 7).

import { CatsError } from '../../../chaincode/src/domain/errors';
import { readHeader, type MessageHeader } from './message-header';
import { compact } from './party-reader';
import { parseMessage } from './xml-tree';

export interface Ie014Cancellation {
  header: MessageHeader;
  mrn?: string;
  lrn?: string;
  officeOfDeparture: string;
  holderId?: string;
  requestDateAndTime?: string;
  /** the holder's reason, free text as sent */
  justification?: string;
  initiatedByCustoms: boolean;
}

export function readIe014(xml: string): Ie014Cancellation {
  const root = parseMessage(xml, 'CC014C');
  const op = root.requiredChild('TransitOperation');
  const invalidation = root.requiredChild('Invalidation');
  const mrn = op.text('MRN');
  const lrn = op.text('LRN');
  if (!mrn && !lrn) throw new CatsError('VALIDATION_FAILED', `${op.path}: a cancellation needs the MRN or the LRN`, { pointer: `${op.path}/MRN` });
  const holder = root.requiredChild('HolderOfTheTransitProcedure');
  return compact({
    header: readHeader(root),
    mrn,
    lrn,
    officeOfDeparture: root.requiredChild('CustomsOfficeOfDeparture').requiredText('referenceNumber'),
    holderId: holder.text('identificationNumber') ?? holder.text('TIRHolderIdentificationNumber'),
    requestDateAndTime: invalidation.text('requestDateAndTime'),
    justification: invalidation.freeText('justification'),
    initiatedByCustoms: invalidation.flag('initiatedByCustoms') ?? false,
  });
}
