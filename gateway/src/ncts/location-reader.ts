// LocationOfGoods (IE170 presentation, IE007 arrival): where customs can find the goods. Kept as the
// identifying fields the ledger and officers use; GNSS and contact details are not carried.

import { compact, readAddress } from './party-reader';
import type { XmlElement } from './xml-tree';

export interface LocationOfGoods {
  /** A designated location, B authorised place, C approved place, D other */
  typeOfLocation: string;
  /** how it is identified: U UN/LOCODE, V customs office, Y authorisation number, Z address, X EORI … */
  qualifierOfIdentification: string;
  authorisationNumber?: string;
  additionalIdentifier?: string;
  unLocode?: string;
  customsOffice?: string;
  economicOperator?: string;
  address?: { streetAndNumber?: string; postcode?: string; city?: string; country: string };
}

export function readLocationOfGoods(el: XmlElement): LocationOfGoods {
  return compact({
    typeOfLocation: el.requiredText('typeOfLocation'),
    qualifierOfIdentification: el.requiredText('qualifierOfIdentification'),
    authorisationNumber: el.text('authorisationNumber'),
    additionalIdentifier: el.text('additionalIdentifier'),
    unLocode: el.text('UNLocode'),
    customsOffice: el.child('CustomsOffice')?.text('referenceNumber'),
    economicOperator: el.child('EconomicOperator')?.text('identificationNumber'),
    address: readAddress(el.child('Address')),
  });
}
