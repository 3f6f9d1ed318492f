// The declaration content shared by IE015 (declaration) and IE013 (amendment, the full new declaration):
// offices, holder, guarantees and consignment, mapped onto the ledger's Declaration model.
// Amounts become integer minor units and masses integer grams (money.ts), never floats.

import type {
  ConsignmentItem,
  Declaration,
  Guarantee,
  HouseConsignment,
  TransportEquipment,
} from '../../../chaincode/src/domain/declaration';
import { CatsError } from '../../../chaincode/src/domain/errors';
import { parseDecimal, parseMass } from '../../../chaincode/src/domain/money';
import { compact, readAddress, readParty } from './party-reader';
import type { XmlElement } from './xml-tree';

const SECURITY = new Set(['0', '1', '2', '3']);

/** Everything of a Declaration except the message header fields and the LRN. */
export type DeclarationBody = Omit<Declaration, 'lrn' | 'messageIdentification' | 'preparationDateAndTime'>;

export function readDeclarationBody(root: XmlElement): DeclarationBody {
  const op = root.requiredChild('TransitOperation');
  const security = op.requiredText('security');
  if (!SECURITY.has(security)) {
    throw new CatsError('XML_SCHEMA_INVALID', `${op.path}/security: '${security}' is not 0, 1, 2 or 3`, { pointer: `${op.path}/security` });
  }
  const additionalDeclarationType = op.text('additionalDeclarationType');
  const holder = root.requiredChild('HolderOfTheTransitProcedure');
  return compact({
    declarationType: op.requiredText('declarationType'),
    additionalDeclarationType,
    tirCarnetNumber: op.text('TIRCarnetNumber'),
    security: security as Declaration['security'],
    bindingItinerary: op.flag('bindingItinerary') ?? false,
    // pre-lodged: the goods are not yet at the office; they are presented later with IE170
    prelodged: additionalDeclarationType === 'D',
    officeOfDeparture: root.requiredChild('CustomsOfficeOfDeparture').requiredText('referenceNumber'),
    officeOfDestination: root.requiredChild('CustomsOfficeOfDestinationDeclared').requiredText('referenceNumber'),
    officesOfTransit: root.children('CustomsOfficeOfTransitDeclared').map((o) =>
      compact({
        sequenceNumber: o.requiredInteger('sequenceNumber'),
        referenceNumber: o.requiredText('referenceNumber'),
        arrivalDateAndTimeEstimated: o.text('arrivalDateAndTimeEstimated'),
      }),
    ),
    officesOfExit: root.children('CustomsOfficeOfExitForTransitDeclared').map((o) => ({
      sequenceNumber: o.requiredInteger('sequenceNumber'),
      referenceNumber: o.requiredText('referenceNumber'),
    })),
    holder: compact({
      identificationNumber: holder.text('identificationNumber'),
      tirHolderIdentificationNumber: holder.text('TIRHolderIdentificationNumber'),
      name: holder.freeText('name'),
      address: readAddress(holder.child('Address')),
    }),
    guarantees: root.children('Guarantee').map(readGuarantee),
    consignment: readConsignment(root.requiredChild('Consignment')),
  });
}

function readGuarantee(g: XmlElement): Guarantee {
  const guaranteeType = g.text('guaranteeType');
  if (!guaranteeType) {
    // optional in IE013's schema; the ledger re-checks guarantees on every amendment, so it needs the type
    throw new CatsError('VALIDATION_FAILED', `${g.path}/guaranteeType is required`, { pointer: `${g.path}/guaranteeType` });
  }
  return compact({
    sequenceNumber: g.requiredInteger('sequenceNumber'),
    guaranteeType,
    otherGuaranteeReference: g.freeText('otherGuaranteeReference'),
    references: g.children('GuaranteeReference').map((r) => {
      const amount = r.text('amountToBeCovered');
      const currency = r.text('currency');
      return compact({
        sequenceNumber: r.requiredInteger('sequenceNumber'),
        grn: r.text('GRN'),
        accessCode: r.text('accessCode'),
        // Both are optional in the XSD. An amount without currency cannot be converted and is refused
        // (parseDecimal); with neither, the reference covers nothing: '0' and no currency (''), and the
        // ledger decides whether the guarantee type allows that.
        amountToBeCovered:
          amount === undefined && currency === undefined
            ? { amount: '0', currency: '' }
            : { amount: parseDecimal(amount ?? '0', currency ?? '', `${r.path}/amountToBeCovered`), currency: currency ?? '' },
      });
    }),
  });
}

function readConsignment(c: XmlElement): Declaration['consignment'] {
  return compact({
    countryOfDispatch: c.text('countryOfDispatch'),
    countryOfDestination: c.text('countryOfDestination'),
    containerIndicator: c.flag('containerIndicator'),
    inlandModeOfTransport: c.text('inlandModeOfTransport'),
    modeOfTransportAtTheBorder: c.text('modeOfTransportAtTheBorder'),
    grossMass: parseMass(c.requiredText('grossMass'), `${c.path}/grossMass`),
    consignor: readParty(c.child('Consignor')),
    consignee: readParty(c.child('Consignee')),
    transportEquipment: c.children('TransportEquipment').map(readEquipment),
    countriesOfRouting: c.children('CountryOfRoutingOfConsignment').map((r) => r.requiredText('country')),
    transportMeans: c.children('DepartureTransportMeans').map((m) =>
      compact({
        typeOfIdentification: m.text('typeOfIdentification'),
        identificationNumber: m.requiredText('identificationNumber'),
        nationality: m.text('nationality'),
      }),
    ),
    houseConsignments: c.children('HouseConsignment').map(readHouse),
  });
}

function readEquipment(e: XmlElement): TransportEquipment {
  return compact({
    sequenceNumber: e.requiredInteger('sequenceNumber'),
    containerIdentificationNumber: e.text('containerIdentificationNumber'),
    // declared count, kept as sent: the ledger checks it against the seals listed (rule 13)
    numberOfSeals: e.integer('numberOfSeals') ?? 0,
    seals: e.children('Seal').map((s) => ({ sequenceNumber: s.requiredInteger('sequenceNumber'), identifier: s.requiredText('identifier') })),
  });
}

function readHouse(h: XmlElement): HouseConsignment {
  const gross = h.text('grossMass');
  return compact({
    sequenceNumber: h.requiredInteger('sequenceNumber'),
    grossMass: gross === undefined ? undefined : parseMass(gross, `${h.path}/grossMass`),
    consignor: readParty(h.child('Consignor')),
    consignee: readParty(h.child('Consignee')),
    items: h.children('ConsignmentItem').map(readItem),
  });
}

function readItem(i: XmlElement): ConsignmentItem {
  const commodity = i.requiredChild('Commodity');
  const measure = commodity.child('GoodsMeasure');
  const gross = measure?.text('grossMass');
  const net = measure?.text('netMass');
  const packages = i.children('Packaging').map((p) =>
    compact({
      typeOfPackages: p.requiredText('typeOfPackages'),
      numberOfPackages: p.integer('numberOfPackages'),
      shippingMarks: p.freeText('shippingMarks'),
    }),
  );
  return compact({
    goodsItemNumber: i.requiredInteger('goodsItemNumber'),
    declarationGoodsItemNumber: i.integer('declarationGoodsItemNumber'),
    descriptionOfGoods: commodity.freeText('descriptionOfGoods') ?? '',
    harmonizedSystemSubHeadingCode: commodity.child('CommodityCode')?.text('harmonizedSystemSubHeadingCode'),
    grossMass: gross === undefined ? undefined : parseMass(gross, `${measure!.path}/grossMass`),
    netMass: net === undefined ? undefined : parseMass(net, `${measure!.path}/netMass`),
    packages: packages.length > 0 ? packages : undefined,
  });
}
