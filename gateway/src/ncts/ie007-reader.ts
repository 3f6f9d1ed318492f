// IE007 ARRIVAL NOTIFICATION from the trader at destination. The ledger checks the MRN is released and
// the office is the declared or another competent destination (rule 16); an incident reported here
// (incidentFlag) is recorded with the arrival.

import { readHeader, type MessageHeader } from './message-header';
import { readLocationOfGoods, type LocationOfGoods } from './location-reader';
import { compact } from './party-reader';
import { parseMessage } from './xml-tree';

export interface Ie007Incident {
  sequenceNumber: number;
  code: string;
  /** free text as sent */
  text: string;
  country: string;
  unLocode?: string;
}

export interface Ie007Arrival {
  header: MessageHeader;
  mrn: string;
  arrivalNotificationDateAndTime: string;
  officeOfDestination: string;
  traderAtDestination: string;
  /** authorised consignee (simplified procedure): unloading needs IE043 permission first */
  simplified: boolean;
  incident: boolean;
  authorisations: { type: string; referenceNumber: string }[];
  location: LocationOfGoods;
  incidents: Ie007Incident[];
}

export function readIe007(xml: string): Ie007Arrival {
  const root = parseMessage(xml, 'CC007C');
  const op = root.requiredChild('TransitOperation');
  const consignment = root.requiredChild('Consignment');
  return {
    header: readHeader(root),
    mrn: op.requiredText('MRN'),
    arrivalNotificationDateAndTime: op.requiredText('arrivalNotificationDateAndTime'),
    officeOfDestination: root.requiredChild('CustomsOfficeOfDestinationActual').requiredText('referenceNumber'),
    traderAtDestination: root.requiredChild('TraderAtDestination').requiredText('identificationNumber'),
    simplified: op.flag('simplifiedProcedure') ?? false,
    incident: op.flag('incidentFlag') ?? false,
    authorisations: root.children('Authorisation').map((a) => ({ type: a.requiredText('type'), referenceNumber: a.requiredText('referenceNumber') })),
    location: readLocationOfGoods(consignment.requiredChild('LocationOfGoods')),
    incidents: consignment.children('Incident').map((i) => {
      const location = i.requiredChild('Location');
      return compact({
        sequenceNumber: i.requiredInteger('sequenceNumber'),
        code: i.requiredText('code'),
        text: i.freeText('text') ?? '',
        country: location.requiredText('country'),
        unLocode: location.text('UNLocode'),
      });
    }),
  };
}
