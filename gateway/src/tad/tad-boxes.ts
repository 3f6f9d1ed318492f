// The content of each box of the TAD and of the list of items, as the NCTS P5 printing guidelines
// (TAXUD, v1.4, 2024) want it printed: several occurrences separated by "; ", each led by its sequence
// number ("1/…"), data groups' elements joined by "/", a box's text ended by a full stop, only the first
// and last of too many occurrences with "(…)" between, seals in a numbered run printed as first-last.
import type { Declaration, Party } from '../../../chaincode/src/domain/declaration';
import type { Row, TadSource } from './tad-source';

const str = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const arr = <T = Row>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);

/** Ends with a full stop (the sign that the box is complete); empty stays empty. */
export function done(text: string): string {
  const t = text.trim();
  return t === '' || t.endsWith('.') ? t : `${t}.`;
}

/** Occurrences joined by "; ", or the first and the last with "(…)" when there are more than `max`. */
export function occurrences(items: string[], max = 9): string {
  const list = items.filter((s) => s !== '');
  if (list.length <= max) return list.join('; ');
  return `${list[0]};(…);${list[list.length - 1]}`;
}

/** Grams (integer string) → kilograms as printed: "19000.0", "11250.5". */
export function kg(grams: unknown): string {
  const g = str(grams);
  if (!/^\d+$/.test(g)) return g;
  const whole = BigInt(g) / 1000n;
  const frac = (BigInt(g) % 1000n).toString().padStart(3, '0').replace(/0+$/, '');
  return `${whole}.${frac || '0'}`;
}

/**
 * Seals of one equipment: a run of serial numbers with the same prefix and consecutive numbers is
 * printed as first-last (e.g. AB1-AB10); anything else is separated by ", ".
 */
export function sealRun(ids: string[]): string {
  const parts: string[] = [];
  let i = 0;
  const split = (s: string) => /^(.*?)(\d+)$/.exec(s);
  while (i < ids.length) {
    let j = i;
    const a = split(ids[i]!);
    while (a && j + 1 < ids.length) {
      const b = split(ids[j + 1]!);
      const prev = split(ids[j]!)!;
      if (!b || b[1] !== a[1] || b[2]!.length !== prev[2]!.length || BigInt(b[2]!) !== BigInt(prev[2]!) + 1n) break;
      j++;
    }
    parts.push(j > i ? `${ids[i]}-${ids[j]}` : ids[i]!);
    i = j + 1;
  }
  return parts.join(', ');
}

/** Name/street, postcode,\ncity, country. — as the guidelines' example prints a party. */
export function partyText(p: Party | undefined): string {
  if (!p) return '';
  const a = p.address;
  const line1 = [[p.name, a?.streetAndNumber].filter(Boolean).join('/'), a?.postcode].filter(Boolean).join(', ');
  const line2 = [a?.city, a?.country].filter(Boolean).join(', ');
  return done([line1, line2].filter(Boolean).join(',\n'));
}

export interface GoodsItemBoxes {
  declarationGoodsItemNumber: string;
  goodsItemNumber: string;
  packages: string;
  description: string;
  grossMass: string;
  netMass: string;
  commodityCode: string;
  consignor: string;
  consignorId: string;
  consignee: string;
  consigneeId: string;
  countryOfDispatch: string;
  countryOfDestination: string;
}

/** Box id → printed text, for page 1 (the TAD); and the goods items for the list of items. */
export interface TadContent {
  boxes: Record<string, string>;
  items: GoodsItemBoxes[];
  legalEffect: boolean;
  detailsWithheld?: string;
}

function items(d: Declaration | undefined): GoodsItemBoxes[] {
  if (!d) return [];
  return d.consignment.houseConsignments.flatMap((h) =>
    h.items.map((it) => ({
      declarationGoodsItemNumber: str(it.declarationGoodsItemNumber ?? it.goodsItemNumber),
      goodsItemNumber: str(it.goodsItemNumber),
      packages: done(occurrences((it.packages ?? []).map((p) => [p.typeOfPackages, p.numberOfPackages, p.shippingMarks].filter((x) => x !== undefined && x !== '').join('/')), 99)),
      description: done(it.descriptionOfGoods),
      grossMass: it.grossMass ? kg(it.grossMass) : '',
      netMass: it.netMass ? kg(it.netMass) : '',
      commodityCode: str(it.harmonizedSystemSubHeadingCode),
      consignor: partyText(h.consignor),
      consignorId: str(h.consignor?.identificationNumber),
      consignee: partyText(h.consignee),
      consigneeId: str(h.consignee?.identificationNumber),
      countryOfDispatch: str(d.consignment.countryOfDispatch),
      countryOfDestination: str(d.consignment.countryOfDestination),
    })),
  );
}

export function tadContent(src: TadSource): TadContent {
  const m = src.movement;
  const d = src.declaration;
  const c = d?.consignment;
  const goods = items(d);
  const transit = d ? d.officesOfTransit.map((o) => `${o.sequenceNumber}/${o.referenceNumber}`) : arr<string>(m.officesOfTransit).map((o, i) => `${i + 1}/${o}`);
  const exit = d ? d.officesOfExit.map((o) => `${o.sequenceNumber}/${o.referenceNumber}`) : arr<string>(m.officesOfExit).map((o, i) => `${i + 1}/${o}`);
  const routing = c?.countriesOfRouting?.length ? c.countriesOfRouting : arr<string>(m.countries);
  const guarantees = d
    ? d.guarantees.flatMap((g) => (g.references.length ? g.references.map((r) => `${g.sequenceNumber}/${g.guaranteeType}/${r.grn ?? g.otherGuaranteeReference ?? ''}`) : [`${g.sequenceNumber}/${g.guaranteeType}/${g.otherGuaranteeReference ?? ''}`]))
    : arr(m.guarantees).map((g, i) => `${i + 1}/${str(g.type)}/${str(g.grn)}`);
  const equipment = c?.transportEquipment ?? [];
  const incidents = arr(m.incidents);
  const arrival = m.arrival as Row | undefined;
  const cr = arrival?.controlResults as Row | undefined;
  const packages = goods.length ? d!.consignment.houseConsignments.flatMap((h) => h.items.flatMap((it) => it.packages ?? [])).reduce((n, p) => n + (p.numberOfPackages ?? 0), 0) : undefined;
  const boxes: Record<string, string> = {
    mrn: src.mrn,
    declarationType: str(d?.declarationType ?? m.declarationType),
    additionalDeclarationType: str(d?.additionalDeclarationType),
    security: str(d?.security ?? m.security),
    lrn: str(d?.lrn ?? m.lrn),
    tir: str(d?.tirCarnetNumber ?? m.tirCarnetNumber),
    totalItems: d ? String(goods.length) : '',
    totalPackages: packages === undefined ? '' : String(packages),
    totalGrossMass: c ? kg(c.grossMass) : '',
    consignor: partyText(c?.consignor),
    consignorId: str(c?.consignor?.identificationNumber),
    consignee: partyText(c?.consignee),
    consigneeId: str(c?.consignee?.identificationNumber),
    holder: partyText(d?.holder),
    holderId: done(str(d?.holder.identificationNumber ?? m.holderId)),
    departureTransportMeans: done(occurrences((c?.transportMeans ?? []).map((t) => [t.typeOfIdentification, t.identificationNumber, t.nationality].filter(Boolean).join('/')))),
    transportEquipment: done(occurrences(equipment.map((e) => `${e.sequenceNumber}/${e.containerIdentificationNumber ?? '-'}/${e.numberOfSeals}`))),
    containerIndicator: c?.containerIndicator === undefined ? '' : c.containerIndicator ? '1' : '0',
    seals: d ? done(occurrences(equipment.filter((e) => e.seals.length).map((e) => `${e.sequenceNumber}/${sealRun(e.seals.map((s) => s.identifier))}`))) : m.sealsCount ? `${str(m.sealsCount)} seal(s) declared` : '',
    modeAtBorder: str(c?.modeOfTransportAtTheBorder),
    inlandMode: str(c?.inlandModeOfTransport),
    guarantee: done(occurrences(guarantees)),
    countriesOfRouting: done(occurrences(routing.map((k, i) => `${i + 1}/${k}`))),
    bindingItinerary: d ? (d.bindingItinerary ? '1' : '0') : '',
    officesOfTransit: done(occurrences(transit)),
    officesOfExit: done(occurrences(exit)),
    officeOfDeparture: done(str(d?.officeOfDeparture ?? m.officeOfDeparture)),
    officeOfDestination: done(str(d?.officeOfDestination ?? m.officeOfDestination)),
    countryOfDispatch: str(c?.countryOfDispatch),
    countryOfDestination: str(c?.countryOfDestination),
    limitDate: str(m.timeLimit).slice(0, 10),
    releaseResult: m.releasedAt ? `released ${str(m.releasedAt).slice(0, 10)}` : str(m.status),
    sealsAffixed: d ? String(equipment.reduce((n, e) => n + e.numberOfSeals, 0)) : str(m.sealsCount),
    sealsIdentity: d ? done(equipment.flatMap((e) => e.seals.map((s) => s.identifier)).join(', ')) : '',
    incident1Office: incidents[0] ? str(incidents[0].office) : '',
    incident1Code: incidents[0] ? str(incidents[0].code) : '',
    incident1Text: incidents[0] ? done(`${str(incidents[0].at)}: ${str(incidents[0].text)}`) : '',
    incident1Recorded: incidents[0] ? 'X' : '',
    incident2Office: incidents[1] ? str(incidents[1].office) : '',
    incident2Code: incidents[1] ? str(incidents[1].code) : '',
    incident2Text: incidents[1] ? done(`${str(incidents[1].at)}: ${str(incidents[1].text)}${incidents.length > 2 ? ` (and ${incidents.length - 2} more on the ledger)` : ''}`) : '',
    incident2Recorded: incidents[1] ? 'X' : '',
    arrivalDate: arrival ? str(arrival.arrivedAt).slice(0, 10) : '',
    sealsExamination: arrival ? (arrival.sealsOk === true ? 'intact' : arrival.sealsOk === false ? 'not intact' : '') : '',
    destinationRemarks: cr ? done(`${str(cr.code)}${cr.remarks ? ` ${str(cr.remarks)}` : ''}`) : '',
    ledger: done(`CATS/ICE status ${str(m.status)}; countries ${arr<string>(m.countries).join(', ')}${m.legalEffect === true ? '' : '; NO LEGAL EFFECT (PILOT)'}`),
  };
  return { boxes, items: goods, legalEffect: m.legalEffect === true, detailsWithheld: src.detailsWithheld };
}
