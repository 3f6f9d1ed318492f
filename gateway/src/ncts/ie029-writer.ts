// IE029 RELEASE FOR TRANSIT: the movement is released; the message repeats the accepted declaration
// (the holder prints the transit accompanying document from it). Access codes are never written back.
//
// Constants: reducedDatasetIndicator '0' (CATS has no reduced data set); additionalDeclarationType 'A'
// (standard) when a JSON-lodged declaration did not give one.

import { departureTransportMeans, houseConsignments, party, transportEquipment } from './consignment-writer';
import { header, holderBlock, holderId, need, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { amountAndCurrency, kilograms, nctsDate } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export function buildIe029(m: MovementView, ctx: AnswerContext): string {
  const d = m.declaration;
  if (!d) throw new Error('IE029: the movement view has no declaration');
  const c = d.consignment;
  return serializeMessage('CC029C', [
    ...header('CC029C', m.officeOfDeparture, holderId(m), m, ctx),
    group(
      'TransitOperation',
      leaf('LRN', m.lrn),
      leaf('MRN', m.mrn),
      leaf('declarationType', d.declarationType),
      leaf('additionalDeclarationType', d.additionalDeclarationType ?? 'A'),
      leaf('TIRCarnetNumber', d.tirCarnetNumber),
      leaf('declarationAcceptanceDate', nctsDate(need(m.timestamps.acceptedAt, 'acceptance time', 'IE029'))),
      leaf('releaseDate', nctsDate(m.timestamps.releasedAt ?? ctx.at)),
      leaf('security', d.security),
      leaf('reducedDatasetIndicator', false),
      leaf('bindingItinerary', d.bindingItinerary),
    ),
    office('CustomsOfficeOfDeparture', m.officeOfDeparture),
    office('CustomsOfficeOfDestinationDeclared', m.officeOfDestination),
    ...(m.officesOfTransit ?? d.officesOfTransit).map((t) =>
      group('CustomsOfficeOfTransitDeclared', leaf('sequenceNumber', t.sequenceNumber), leaf('referenceNumber', t.referenceNumber), leaf('arrivalDateAndTimeEstimated', t.arrivalDateAndTimeEstimated)),
    ),
    ...d.officesOfExit.map((x) => group('CustomsOfficeOfExitForTransitDeclared', leaf('sequenceNumber', x.sequenceNumber), leaf('referenceNumber', x.referenceNumber))),
    holderBlock(m),
    ...d.guarantees.map((g) =>
      group(
        'Guarantee',
        leaf('sequenceNumber', g.sequenceNumber),
        leaf('guaranteeType', g.guaranteeType),
        leaf('otherGuaranteeReference', g.otherGuaranteeReference),
        ...g.references.map((r) => {
          const money = amountAndCurrency(r.amountToBeCovered.amount, r.amountToBeCovered.currency);
          return group('GuaranteeReference', leaf('sequenceNumber', r.sequenceNumber), leaf('GRN', r.grn), leaf('amountToBeCovered', money.amount), leaf('currency', money.currency));
        }),
      ),
    ),
    group(
      'Consignment',
      leaf('countryOfDispatch', c.countryOfDispatch),
      leaf('countryOfDestination', c.countryOfDestination),
      leaf('containerIndicator', c.containerIndicator ?? c.transportEquipment.some((e) => !!e.containerIdentificationNumber)),
      leaf('inlandModeOfTransport', c.inlandModeOfTransport),
      leaf('modeOfTransportAtTheBorder', c.modeOfTransportAtTheBorder),
      leaf('grossMass', kilograms(c.grossMass)),
      party('Consignor', c.consignor),
      party('Consignee', c.consignee),
      ...c.transportEquipment.map(transportEquipment),
      ...departureTransportMeans(d),
      ...c.countriesOfRouting.map((country, i) => group('CountryOfRoutingOfConsignment', leaf('sequenceNumber', i + 1), leaf('country', country))),
      ...houseConsignments(d),
    ),
  ]);
}
