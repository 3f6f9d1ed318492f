// IE015 DECLARATION DATA → the ledger's Declaration. Call it on a message that passed validateXml: the
// reader trusts the schema for structure and only converts (amounts to minor units, masses to grams).
// Business rules (offices known, GRN check digits, masses add up …) are the chaincode's job, so a
// national test-pack message with GB/XI offices reads fine here and is rejected on the ledger.

import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { readDeclarationBody } from './declaration-body';
import { readHeader } from './message-header';
import { compact } from './party-reader';
import { parseMessage } from './xml-tree';

export function readIe015(xml: string): Declaration {
  const root = parseMessage(xml, 'CC015C');
  const header = readHeader(root);
  return compact({
    messageIdentification: header.messageIdentification,
    preparationDateAndTime: header.preparationDateAndTime,
    lrn: root.requiredChild('TransitOperation').requiredText('LRN'),
    ...readDeclarationBody(root),
  });
}
