// Consignment parts written back in IE029 (release for transit) and IE043 (unloading permission), from
// the ledger's Declaration. Masses go back from grams to kilograms; the access code is never written.
//
// Fallbacks where the XSD requires what a JSON-lodged declaration may lack (documented constants):
// - declarationGoodsItemNumber missing → the item's position in the whole declaration (1, 2, …);
// - an item without packaging → one package line of type 'NE' (UN/ECE Rec. 21: unpacked);
// - departure transport means without type of identification or nationality are left out;
// - a zero net mass is left out (the XSD's net mass must be > 0).

import type { ConsignmentItem, Declaration, HouseConsignment, Party, TransportEquipment } from '../../../chaincode/src/domain/declaration';
import { address } from './message-envelope';
import { kilograms } from './ncts-format';
import { group, leaf, type XmlNode } from './xml-writer';

export const UNPACKED = 'NE';

export function party(name: string, p: Party | undefined): XmlNode | undefined {
  if (!p) return undefined;
  return group(name, leaf('identificationNumber', p.identificationNumber), leaf('name', p.name), address(p.address));
}

export function transportEquipment(e: TransportEquipment): XmlNode | undefined {
  return group(
    'TransportEquipment',
    leaf('sequenceNumber', e.sequenceNumber),
    leaf('containerIdentificationNumber', e.containerIdentificationNumber),
    leaf('numberOfSeals', e.numberOfSeals),
    ...e.seals.map((s) => group('Seal', leaf('sequenceNumber', s.sequenceNumber), leaf('identifier', s.identifier))),
  );
}

export function departureTransportMeans(d: Declaration): (XmlNode | undefined)[] {
  return d.consignment.transportMeans
    .filter((t) => t.typeOfIdentification && t.nationality)
    .map((t, i) =>
      group('DepartureTransportMeans', leaf('sequenceNumber', i + 1), leaf('typeOfIdentification', t.typeOfIdentification), leaf('identificationNumber', t.identificationNumber), leaf('nationality', t.nationality)),
    );
}

/** Items need a declaration-wide number; when the declaration did not give one, count through the houses. */
function itemNumbers(d: Declaration): Map<ConsignmentItem, number> {
  const numbers = new Map<ConsignmentItem, number>();
  let n = 0;
  for (const h of d.consignment.houseConsignments) for (const i of h.items) numbers.set(i, i.declarationGoodsItemNumber ?? ++n);
  return numbers;
}

function item(i: ConsignmentItem, declarationNumber: number): XmlNode | undefined {
  const packages = i.packages && i.packages.length > 0 ? i.packages : [{ typeOfPackages: UNPACKED }];
  return group(
    'ConsignmentItem',
    leaf('goodsItemNumber', i.goodsItemNumber),
    leaf('declarationGoodsItemNumber', declarationNumber),
    group(
      'Commodity',
      leaf('descriptionOfGoods', i.descriptionOfGoods),
      group('CommodityCode', leaf('harmonizedSystemSubHeadingCode', i.harmonizedSystemSubHeadingCode)),
      i.grossMass === undefined
        ? undefined
        : group('GoodsMeasure', leaf('grossMass', kilograms(i.grossMass)), leaf('netMass', i.netMass && /[1-9]/.test(i.netMass) ? kilograms(i.netMass) : undefined)),
    ),
    ...packages.map((p, k) =>
      group('Packaging', leaf('sequenceNumber', k + 1), leaf('typeOfPackages', p.typeOfPackages), leaf('numberOfPackages', p.numberOfPackages), leaf('shippingMarks', (p as { shippingMarks?: string }).shippingMarks)),
    ),
  );
}

/** House consignment gross mass is required (> 0): when not declared, the sum of its items. */
function houseGrossMass(h: HouseConsignment): string {
  if (h.grossMass !== undefined) return h.grossMass;
  return h.items.reduce((sum, i) => sum + BigInt(i.grossMass ?? '0'), 0n).toString();
}

export function houseConsignments(d: Declaration): (XmlNode | undefined)[] {
  const numbers = itemNumbers(d);
  return d.consignment.houseConsignments.map((h) =>
    group(
      'HouseConsignment',
      leaf('sequenceNumber', h.sequenceNumber),
      leaf('grossMass', kilograms(houseGrossMass(h))),
      party('Consignor', h.consignor),
      party('Consignee', h.consignee),
      ...h.items.map((i) => item(i, numbers.get(i)!)),
    ),
  );
}
