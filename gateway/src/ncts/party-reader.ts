// Parties (holder, consignor, consignee, trader at destination) as the declaration model holds them.
// Names and address lines are free text and are kept exactly as sent — Cyrillic, Georgian and Uzbek
// Latin (with U+02BB ʻ) included; only identifiers and country codes are trimmed.

import type { Party } from '../../../chaincode/src/domain/declaration';
import type { XmlElement } from './xml-tree';

export function readAddress(el: XmlElement | undefined): Party['address'] {
  if (!el) return undefined;
  return compact({
    streetAndNumber: el.freeText('streetAndNumber'),
    postcode: el.freeText('postcode'),
    city: el.freeText('city'),
    country: el.requiredText('country'),
  });
}

export function readParty(el: XmlElement | undefined): Party | undefined {
  if (!el) return undefined;
  return compact({
    identificationNumber: el.text('identificationNumber'),
    name: el.freeText('name'),
    address: readAddress(el.child('Address')),
  });
}

/** Drops undefined members so the object is the same whether built from XML or JSON (canonical JSON). */
export function compact<T extends object>(o: T): T {
  for (const k of Object.keys(o) as (keyof T)[]) if (o[k] === undefined) delete o[k];
  return o;
}
