// IE013 DECLARATION AMENDMENT: the complete new declaration, identified by MRN (or, before an MRN exists,
// by LRN). What may change (spec §7 rule 6) is decided by the chaincode against the stored declaration.

import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { readDeclarationBody } from './declaration-body';
import { readHeader, type MessageHeader } from './message-header';
import { compact } from './party-reader';
import { parseMessage } from './xml-tree';

export interface Ie013Amendment {
  header: MessageHeader;
  mrn?: string;
  lrn?: string;
  /** 1: only the guarantee is amended (answer to IE055) */
  guaranteeOnly: boolean;
  /** the declaration as amended; `lrn` is the message's LRN when it has one (LRN cannot be amended) */
  declaration: Omit<Declaration, 'lrn'> & { lrn?: string };
}

export function readIe013(xml: string): Ie013Amendment {
  const root = parseMessage(xml, 'CC013C');
  const header = readHeader(root);
  const op = root.requiredChild('TransitOperation');
  const mrn = op.text('MRN');
  const lrn = op.text('LRN');
  if (!mrn && !lrn) throw new CatsError('VALIDATION_FAILED', `${op.path}: an amendment needs the MRN or the LRN`, { pointer: `${op.path}/MRN` });
  return compact({
    header,
    mrn,
    lrn,
    guaranteeOnly: op.flag('amendmentTypeFlag') ?? false,
    declaration: compact({
      messageIdentification: header.messageIdentification,
      preparationDateAndTime: header.preparationDateAndTime,
      lrn,
      ...readDeclarationBody(root),
    }),
  });
}
