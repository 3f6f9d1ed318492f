// The MESSAGE group every NCTS P5 message starts with (htypes.xsd): who sent it, to whom, when, and its
// identification, which answers quote back as correlationIdentifier.

import type { XmlElement } from './xml-tree';

export interface MessageHeader {
  messageSender: string;
  messageRecipient: string;
  /** ISO 8601 local date-time as in the message */
  preparationDateAndTime: string;
  messageIdentification: string;
  /** 'CC015C' … */
  messageType: string;
  correlationIdentifier?: string;
}

export function readHeader(root: XmlElement): MessageHeader {
  return {
    messageSender: root.requiredText('messageSender'),
    messageRecipient: root.requiredText('messageRecipient'),
    preparationDateAndTime: root.requiredText('preparationDateAndTime'),
    messageIdentification: root.requiredText('messageIdentification'),
    messageType: root.requiredText('messageType'),
    correlationIdentifier: root.text('correlationIdentifier'),
  };
}
