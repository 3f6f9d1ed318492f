// IE044 UNLOADING REMARKS from the authorised consignee after unloading (simplified procedure). The
// state of seals is mandatory when seals were declared (rule 13); the ledger compares the seals found
// with the seals declared.

import { readHeader, type MessageHeader } from './message-header';
import { compact } from './party-reader';
import { parseMessage } from './xml-tree';

export interface Ie044UnloadingRemarks {
  header: MessageHeader;
  mrn: string;
  officeOfDestination: string;
  traderAtDestination: string;
  /** 1: goods conform to the declaration */
  conform: boolean;
  unloadingCompletion: boolean;
  unloadingDate: string;
  /** true: seals present and intact; false: damaged or missing; undefined: not reported */
  sealsOk?: boolean;
  /** free text as sent */
  remarks?: string;
  otherThingsToReport?: string;
  /** seals found per equipment */
  transportEquipment: { sequenceNumber: number; containerIdentificationNumber?: string; seals: string[] }[];
}

export function readIe044(xml: string): Ie044UnloadingRemarks {
  const root = parseMessage(xml, 'CC044C');
  const op = root.requiredChild('TransitOperation');
  const remark = root.requiredChild('UnloadingRemark');
  const consignment = root.child('Consignment');
  return compact({
    header: readHeader(root),
    mrn: op.requiredText('MRN'),
    officeOfDestination: root.requiredChild('CustomsOfficeOfDestinationActual').requiredText('referenceNumber'),
    traderAtDestination: root.requiredChild('TraderAtDestination').requiredText('identificationNumber'),
    conform: remark.flag('conform') ?? false,
    unloadingCompletion: remark.flag('unloadingCompletion') ?? false,
    unloadingDate: remark.requiredText('unloadingDate'),
    sealsOk: remark.flag('stateOfSeals'),
    remarks: remark.freeText('unloadingRemark'),
    otherThingsToReport: op.freeText('otherThingsToReport'),
    transportEquipment: (consignment?.children('TransportEquipment') ?? []).map((e) =>
      compact({
        sequenceNumber: e.requiredInteger('sequenceNumber'),
        containerIdentificationNumber: e.text('containerIdentificationNumber'),
        seals: e.children('Seal').map((s) => s.requiredText('identifier')),
      }),
    ),
  });
}
