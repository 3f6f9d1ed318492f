// The parts every answer shares: the MESSAGE header and the holder block.
//
// Constants and derivations (documented because the XSD requires values the ledger does not hold):
// - messageSender: 'NTA.' + country of the answering office — the customs administration's national
//   transit application, as in the samples' messageRecipient ('NTA.GB');
// - messageRecipient: the trader's identification number (holder, or trader at destination); 'UNKNOWN'
//   only if the movement has none (cannot happen for a movement lodged through CATS);
// - messageIdentification: derived from MRN + message type + instant (+ an optional discriminator), so a
//   gateway that rebuilds the same answer for the same event produces the same identification;
// - correlationIdentifier: the messageIdentification of the trader's message being answered, when known.

import { createHash } from 'node:crypto';
import type { MovementView } from './movement-view';
import { nctsDateTime } from './ncts-format';
import { group, leaf, type XmlNode } from './xml-writer';

export interface AnswerContext {
  /** instant of the ledger event the answer reports (ISO 8601) */
  at: string;
  /** messageIdentification of the trader message answered */
  correlationIdentifier?: string;
  /** distinguishes two answers of the same type for the same MRN at the same instant */
  discriminator?: string;
}

/** 'CC028C' + '-' + 28 hex chars of SHA-256(mrn|type|instant|discriminator): 35 chars, the XSD maximum. */
export function messageIdentification(mrn: string, messageType: string, at: string, discriminator = ''): string {
  const digest = createHash('sha256').update(`${mrn}|${messageType}|${nctsDateTime(at)}|${discriminator}`).digest('hex');
  return `${messageType}-${digest.slice(0, 35 - messageType.length - 1).toUpperCase()}`;
}

export function header(messageType: string, fromOffice: string, recipient: string | undefined, m: MovementView, ctx: AnswerContext): (XmlNode | undefined)[] {
  return [
    leaf('messageSender', `NTA.${fromOffice.slice(0, 2)}`),
    leaf('messageRecipient', recipient ?? 'UNKNOWN'),
    leaf('preparationDateAndTime', nctsDateTime(ctx.at)),
    leaf('messageIdentification', messageIdentification(m.mrn, messageType, ctx.at, ctx.discriminator)),
    leaf('messageType', messageType),
    leaf('correlationIdentifier', ctx.correlationIdentifier),
  ];
}

export function holderId(m: MovementView): string | undefined {
  return m.holder.identificationNumber ?? m.holder.tirHolderIdentificationNumber;
}

/** Address only when complete enough for the XSD (street and city are required there). */
export function address(a: MovementView['holder']['address']): XmlNode | undefined {
  if (!a || !a.streetAndNumber || !a.city) return undefined;
  return group('Address', leaf('streetAndNumber', a.streetAndNumber), leaf('postcode', a.postcode), leaf('city', a.city), leaf('country', a.country));
}

/** HolderOfTheTransitProcedure as in IE004/009/028/029/045/051/055/056 (all parts optional there). */
export function holderBlock(m: MovementView, withTir = true): XmlNode {
  return (
    group(
      'HolderOfTheTransitProcedure',
      leaf('identificationNumber', m.holder.identificationNumber),
      withTir ? leaf('TIRHolderIdentificationNumber', m.holder.tirHolderIdentificationNumber) : undefined,
      leaf('name', m.holder.name),
      address(m.holder.address),
    ) ?? { name: 'HolderOfTheTransitProcedure', children: [] }
  );
}

export function office(name: string, referenceNumber: string): XmlNode {
  return { name, children: [{ name: 'referenceNumber', text: referenceNumber }] };
}

/** An instant the answer needs but the movement lacks: a programming error in the caller, said clearly. */
export function need(value: string | undefined, what: string, messageType: string): string {
  if (!value) throw new Error(`${messageType}: the movement has no ${what}`);
  return value;
}
