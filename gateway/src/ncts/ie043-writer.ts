// IE043 UNLOADING PERMISSION to the authorised consignee (simplified procedure at destination): it may
// unload and report with IE044. The consignment part tells what to expect (seals, equipment, goods).
//
// Constants: reducedDatasetIndicator '0'; containerIndicator, when not declared, is derived from the
// equipment (a container number present ⇒ 1). The holder block is written only when the holder has a
// name and a full address (both required in this message).

import { departureTransportMeans, houseConsignments, party, transportEquipment } from './consignment-writer';
import { address, header, need, office, type AnswerContext } from './message-envelope';
import type { MovementView } from './movement-view';
import { kilograms, nctsDate } from './ncts-format';
import { group, leaf, serializeMessage } from './xml-writer';

export function buildIe043(m: MovementView, ctx: AnswerContext): string {
  const d = m.declaration;
  const destination = m.officeOfDestinationActual ?? m.officeOfDestination;
  const trader = need(m.traderAtDestination, 'trader at destination', 'IE043');
  const holderAddress = address(m.holder.address);
  const c = d?.consignment;
  return serializeMessage('CC043C', [
    ...header('CC043C', destination, trader, m, ctx),
    group(
      'TransitOperation',
      leaf('MRN', m.mrn),
      leaf('declarationType', d?.declarationType),
      leaf('declarationAcceptanceDate', m.timestamps.acceptedAt === undefined ? undefined : nctsDate(m.timestamps.acceptedAt)),
      leaf('security', d?.security ?? '0'),
      leaf('reducedDatasetIndicator', false),
    ),
    office('CustomsOfficeOfDestinationActual', destination),
    m.holder.name && holderAddress
      ? group('HolderOfTheTransitProcedure', leaf('identificationNumber', m.holder.identificationNumber), leaf('TIRHolderIdentificationNumber', m.holder.tirHolderIdentificationNumber), leaf('name', m.holder.name), holderAddress)
      : undefined,
    group('TraderAtDestination', leaf('identificationNumber', trader)),
    d && c && c.houseConsignments.length > 0
      ? group(
          'Consignment',
          leaf('countryOfDestination', c.countryOfDestination),
          leaf('containerIndicator', c.containerIndicator ?? c.transportEquipment.some((e) => !!e.containerIdentificationNumber)),
          leaf('inlandModeOfTransport', c.inlandModeOfTransport),
          leaf('grossMass', kilograms(c.grossMass)),
          party('Consignor', c.consignor),
          party('Consignee', c.consignee),
          ...c.transportEquipment.map(transportEquipment),
          ...departureTransportMeans(d),
          ...houseConsignments(d),
        )
      : undefined,
  ]);
}
