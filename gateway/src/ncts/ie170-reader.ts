// IE170 PRESENTATION NOTIFICATION FOR THE PRE-LODGED DECLARATION: the goods of a pre-lodged declaration
// (additionalDeclarationType D) are now at the office. It quotes the LRN (there is no MRN before
// presentation in NCTS; CATS allocates the MRN at acceptance, so the ledger finds the movement by holder + LRN).

import { readHeader, type MessageHeader } from './message-header';
import { readLocationOfGoods, type LocationOfGoods } from './location-reader';
import { compact } from './party-reader';
import { parseMessage } from './xml-tree';

export interface Ie170Presentation {
  header: MessageHeader;
  lrn: string;
  limitDate?: string;
  officeOfDeparture: string;
  holderId?: string;
  location: LocationOfGoods;
  containerIndicator?: boolean;
  transportMeans: { typeOfIdentification?: string; identificationNumber: string; nationality?: string }[];
  /** seals per equipment as presented (may complete the pre-lodged data) */
  transportEquipment: { sequenceNumber: number; containerIdentificationNumber?: string; numberOfSeals?: number; seals: string[] }[];
}

export function readIe170(xml: string): Ie170Presentation {
  const root = parseMessage(xml, 'CC170C');
  const op = root.requiredChild('TransitOperation');
  const holder = root.requiredChild('HolderOfTheTransitProcedure');
  const consignment = root.requiredChild('Consignment');
  return compact({
    header: readHeader(root),
    lrn: op.requiredText('LRN'),
    limitDate: op.text('limitDate'),
    officeOfDeparture: root.requiredChild('CustomsOfficeOfDeparture').requiredText('referenceNumber'),
    holderId: holder.text('identificationNumber') ?? holder.text('TIRHolderIdentificationNumber'),
    location: readLocationOfGoods(consignment.requiredChild('LocationOfGoods')),
    containerIndicator: consignment.flag('containerIndicator'),
    transportMeans: consignment.children('DepartureTransportMeans').map((m) =>
      compact({ typeOfIdentification: m.text('typeOfIdentification'), identificationNumber: m.requiredText('identificationNumber'), nationality: m.text('nationality') }),
    ),
    transportEquipment: consignment.children('TransportEquipment').map((e) =>
      compact({
        sequenceNumber: e.requiredInteger('sequenceNumber'),
        containerIdentificationNumber: e.text('containerIdentificationNumber'),
        numberOfSeals: e.integer('numberOfSeals'),
        seals: e.children('Seal').map((s) => s.requiredText('identifier')),
      }),
    ),
  });
}
