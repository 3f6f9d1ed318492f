// The checks of spec §7 that need only the declaration itself (rules 1–4, 8, 10–15, 22's LRN format).
// The itinerary checks that need the registry are in itinerary.ts. Each failure names the field.

import type { Declaration } from '../domain/declaration';
import { CatsError } from '../domain/errors';
import {
  isValidContainerNumber, isValidCountryCode, isValidGrn, isValidLrn, isValidOfficeCode, isValidTirCarnet, isValidTraderId, officeCountry,
} from '../domain/identifiers';
import { assertAmountString, assertMassString, compareMinor, currencyExponent, sumMinor } from '../domain/money';
import { GRN_GUARANTEE_TYPES, GUARANTEE_TYPES } from '../domain/roles';
import { epochSecondsOfDateTime } from '../domain/time';
import type { ReferenceRequest } from '../guarantee/reservations';

export const DECLARATION_TYPES = ['T', 'T1', 'T2', 'T2F', 'T2SM', 'TIR'] as const;

function fail(field: string, why: string, code: 'VALIDATION_FAILED' | 'INVALID_IDENTIFIER' = 'VALIDATION_FAILED'): never {
  throw new CatsError(code, `${field}: ${why}`, { field });
}

/** What is wrong with an identifier: missing (VALIDATION_FAILED) or present and malformed (INVALID_IDENTIFIER). */
function badIdentifier(v: unknown, field: string, what: string): never {
  if (v === undefined || v === null) fail(field, 'required');
  fail(field, `'${String(v)}' is not ${what}`, 'INVALID_IDENTIFIER');
}

function list<T>(v: unknown, field: string, nonEmpty = false): T[] {
  if (!Array.isArray(v)) fail(field, 'array expected');
  if (nonEmpty && v.length === 0) fail(field, 'at least one entry expected');
  return v as T[];
}

function object(v: unknown, field: string): Record<string, unknown> {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) fail(field, 'object expected');
  return v as Record<string, unknown>;
}

function office(v: unknown, field: string): string {
  if (!isValidOfficeCode(v)) badIdentifier(v, field, 'a valid office code');
  return v;
}

/** Sequence numbers of a group: 1, 2, 3 … in order (rule 15 and the XSD's sequence rule). */
function sequential(values: unknown[], field: string, what: string): void {
  values.forEach((v, i) => {
    if (v !== i + 1) fail(`${field}[${i}].${what}`, `expected ${i + 1}, got ${String(v)}`);
  });
}

export interface CheckedDeclaration {
  declaration: Declaration;
  holderId: string;
  officesOfTransit: string[];
  /** office of transit → declared estimated arrival (only those given) */
  transitEstimates: Record<string, string>;
  officesOfExit: string[];
  routing: string[];
  sealsCount: number;
  references: ReferenceRequest[];
  otherGuarantees: { type: string; reference?: string }[];
}

export function checkDeclaration(raw: unknown): CheckedDeclaration {
  const d = object(raw, 'declaration') as unknown as Declaration;
  if (!isValidLrn(d.lrn)) badIdentifier(d.lrn, 'lrn', 'a valid LRN (1–22 characters, no spaces)');
  if (!(DECLARATION_TYPES as readonly unknown[]).includes(d.declarationType)) fail('declarationType', `must be one of ${DECLARATION_TYPES.join(', ')}`);
  if (!['0', '1', '2', '3'].includes(d.security as string)) fail('security', 'must be 0, 1, 2 or 3');
  if (typeof d.bindingItinerary !== 'boolean') fail('bindingItinerary', 'boolean expected');
  if (typeof d.prelodged !== 'boolean') fail('prelodged', 'boolean expected');
  const departure = office(d.officeOfDeparture, 'officeOfDeparture');
  const destination = office(d.officeOfDestination, 'officeOfDestination');

  // Rule 8: each office of transit once; rule 12: estimated arrival after the message date.
  const transits = list<Declaration['officesOfTransit'][number]>(d.officesOfTransit, 'officesOfTransit');
  sequential(transits.map((t) => t?.sequenceNumber), 'officesOfTransit', 'sequenceNumber');
  const prepared = d.preparationDateAndTime === undefined ? undefined : epochSecondsOfDateTime(d.preparationDateAndTime);
  if (d.preparationDateAndTime !== undefined && prepared === undefined) fail('preparationDateAndTime', 'not an ISO date-time');
  const officesOfTransit = transits.map((t, i) => {
    const code = office(t.referenceNumber, `officesOfTransit[${i}].referenceNumber`);
    if (t.arrivalDateAndTimeEstimated !== undefined) {
      const eta = epochSecondsOfDateTime(t.arrivalDateAndTimeEstimated);
      if (eta === undefined) fail(`officesOfTransit[${i}].arrivalDateAndTimeEstimated`, 'not an ISO date-time');
      if (prepared !== undefined && eta <= prepared) fail(`officesOfTransit[${i}].arrivalDateAndTimeEstimated`, 'must be after preparationDateAndTime');
    }
    return code;
  });
  officesOfTransit.forEach((c, i) => {
    if (officesOfTransit.indexOf(c) !== i) fail(`officesOfTransit[${i}].referenceNumber`, `office ${c} appears twice in the itinerary`);
  });

  // Rule 10: an office of exit for transit is neither an office of transit nor the destination.
  const exits = list<Declaration['officesOfExit'][number]>(d.officesOfExit ?? [], 'officesOfExit');
  const officesOfExit = exits.map((e, i) => {
    const code = office(e?.referenceNumber, `officesOfExit[${i}].referenceNumber`);
    if (officesOfTransit.includes(code) || code === destination) fail(`officesOfExit[${i}].referenceNumber`, `office ${code} is also an office of transit or the destination`);
    return code;
  });

  // Rule 9: a destination in another country needs a declared office of transit (entry) in that country.
  const destCountry = officeCountry(destination);
  if (destCountry !== officeCountry(departure) && !officesOfTransit.some((c) => officeCountry(c) === destCountry)) {
    fail('officesOfTransit', `no declared office of transit in ${destCountry}, the country of destination`);
  }

  const holder = object(d.holder, 'holder');
  const holderId = (holder.identificationNumber ?? holder.tirHolderIdentificationNumber) as unknown;
  if (!isValidTraderId(holderId)) badIdentifier(holderId, 'holder.identificationNumber', 'a valid trader id');

  const consignment = object(d.consignment, 'consignment');
  // Rule 11: a binding itinerary or a security indicator needs the countries of routing.
  const routing = list<string>(consignment.countriesOfRouting ?? [], 'consignment.countriesOfRouting');
  routing.forEach((c, i) => {
    if (!isValidCountryCode(c)) badIdentifier(c, `consignment.countriesOfRouting[${i}]`, 'a country code');
  });
  if ((d.bindingItinerary || d.security !== '0') && routing.length === 0) {
    fail('consignment.countriesOfRouting', 'required with a binding itinerary or a security indicator');
  }

  const sealsCount = checkSeals(consignment);
  checkMasses(consignment);
  const { references, otherGuarantees } = checkGuarantees(d);
  const transitEstimates: Record<string, string> = {};
  transits.forEach((t, i) => {
    if (t.arrivalDateAndTimeEstimated !== undefined) transitEstimates[officesOfTransit[i]] = t.arrivalDateAndTimeEstimated;
  });
  return { declaration: d, holderId, officesOfTransit, transitEstimates, officesOfExit, routing, sealsCount, references, otherGuarantees };
}

/** Rule 13: the number of seals equals the seals listed; seal identifiers unique; containers ISO 6346. */
function checkSeals(consignment: Record<string, unknown>): number {
  const equipment = list<Record<string, unknown>>(consignment.transportEquipment ?? [], 'consignment.transportEquipment');
  const seen = new Set<string>();
  let count = 0;
  equipment.forEach((e, i) => {
    const f = `consignment.transportEquipment[${i}]`;
    if (e.containerIdentificationNumber !== undefined && !isValidContainerNumber(e.containerIdentificationNumber)) {
      fail(`${f}.containerIdentificationNumber`, `'${String(e.containerIdentificationNumber)}' is not an ISO 6346 container number`, 'INVALID_IDENTIFIER');
    }
    const seals = list<{ identifier?: unknown }>(e.seals ?? [], `${f}.seals`);
    if (e.numberOfSeals !== seals.length) fail(`${f}.numberOfSeals`, `${String(e.numberOfSeals)} declared but ${seals.length} seals listed`);
    seals.forEach((s, j) => {
      if (typeof s?.identifier !== 'string' || s.identifier.length === 0 || s.identifier.length > 20) fail(`${f}.seals[${j}].identifier`, 'required, at most 20 characters');
      if (seen.has(s.identifier)) fail(`${f}.seals[${j}].identifier`, `seal ${s.identifier} appears twice`);
      seen.add(s.identifier);
    });
    count += seals.length;
  });
  return count;
}

/** Rules 14 and 15: net ≤ gross per item; house gross ≥ its items; consignment gross ≥ its houses; item numbering. */
function checkMasses(consignment: Record<string, unknown>): void {
  const gross = assertMassString(consignment.grossMass, 'consignment.grossMass');
  const houses = list<Record<string, unknown>>(consignment.houseConsignments, 'consignment.houseConsignments', true);
  sequential(houses.map((h) => h?.sequenceNumber), 'consignment.houseConsignments', 'sequenceNumber');
  const houseGross: string[] = [];
  let declarationItem = 0;
  houses.forEach((h, i) => {
    const f = `consignment.houseConsignments[${i}]`;
    const items = list<Record<string, unknown>>(h.items, `${f}.items`, true);
    sequential(items.map((it) => it?.goodsItemNumber), `${f}.items`, 'goodsItemNumber');
    const itemGross: string[] = [];
    items.forEach((it, j) => {
      const fi = `${f}.items[${j}]`;
      declarationItem++;
      if (it.declarationGoodsItemNumber !== undefined && it.declarationGoodsItemNumber !== declarationItem) {
        fail(`${fi}.declarationGoodsItemNumber`, `expected ${declarationItem}, got ${String(it.declarationGoodsItemNumber)}`);
      }
      if (typeof it.descriptionOfGoods !== 'string' || it.descriptionOfGoods.length === 0) fail(`${fi}.descriptionOfGoods`, 'required');
      const g = it.grossMass === undefined ? undefined : assertMassString(it.grossMass, `${fi}.grossMass`);
      const n = it.netMass === undefined ? undefined : assertMassString(it.netMass, `${fi}.netMass`);
      if (g !== undefined && n !== undefined && compareMinor(n, g) > 0) fail(`${fi}.netMass`, 'net mass exceeds gross mass');
      if (g !== undefined) itemGross.push(g);
    });
    if (h.grossMass !== undefined) {
      const hg = assertMassString(h.grossMass, `${f}.grossMass`);
      if (compareMinor(hg, sumMinor(itemGross)) < 0) fail(`${f}.grossMass`, 'less than the sum of its items’ gross masses');
      houseGross.push(hg);
    } else houseGross.push(sumMinor(itemGross));
  });
  if (compareMinor(gross, sumMinor(houseGross)) < 0) fail('consignment.grossMass', 'less than the sum of the house consignments’ gross masses');
}

/** Rules 2–4: guarantee references as the type requires; TIR needs type B and a carnet. */
function checkGuarantees(d: Declaration): { references: ReferenceRequest[]; otherGuarantees: { type: string; reference?: string }[] } {
  const guarantees = list<Declaration['guarantees'][number]>(d.guarantees, 'guarantees', true);
  sequential(guarantees.map((g) => g?.sequenceNumber), 'guarantees', 'sequenceNumber');
  const references: ReferenceRequest[] = [];
  const otherGuarantees: { type: string; reference?: string }[] = [];
  guarantees.forEach((g, i) => {
    const f = `guarantees[${i}]`;
    if (!(GUARANTEE_TYPES as readonly unknown[]).includes(g.guaranteeType)) fail(`${f}.guaranteeType`, `'${String(g.guaranteeType)}' is not a guarantee type`);
    const isTir = d.declarationType === 'TIR';
    if (isTir !== (g.guaranteeType === 'B')) fail(`${f}.guaranteeType`, isTir ? 'a TIR declaration needs guarantee type B' : 'guarantee type B is only for TIR declarations');
    const refs = list<Declaration['guarantees'][number]['references'][number]>(g.references ?? [], `${f}.references`);
    if (!GRN_GUARANTEE_TYPES.includes(g.guaranteeType)) {
      otherGuarantees.push({ type: g.guaranteeType, reference: g.otherGuaranteeReference });
      return;
    }
    if (refs.length === 0) fail(`${f}.references`, `a type ${g.guaranteeType} guarantee needs at least one GRN reference`);
    refs.forEach((r, j) => {
      const fr = `${f}.references[${j}]`;
      if (!isValidGrn(r?.grn)) badIdentifier(r?.grn, `${fr}.grn`, 'a valid GRN (check digit)');
      if ((g.guaranteeType === '4') !== (r.grn.length === 24)) fail(`${fr}.grn`, 'vouchers (type 4) use 24-character GRNs, other types 17');
      const amount = object(r.amountToBeCovered, `${fr}.amountToBeCovered`);
      const minor = assertAmountString(amount.amount, `${fr}.amountToBeCovered.amount`);
      if (typeof amount.currency !== 'string') fail(`${fr}.amountToBeCovered.currency`, 'required');
      currencyExponent(amount.currency, `${fr}.amountToBeCovered.currency`);
      references.push({ grn: r.grn, guaranteeType: g.guaranteeType, amount: { amount: minor, currency: amount.currency }, field: fr });
    });
  });
  if (d.declarationType === 'TIR' && !isValidTirCarnet(d.tirCarnetNumber)) fail('tirCarnetNumber', 'a TIR declaration needs a TIR carnet number', 'INVALID_IDENTIFIER');
  return { references, otherGuarantees };
}

/** The declaration without access codes: the form that is hashed and stored. */
export function withoutAccessCodes(d: Declaration): Declaration {
  return { ...d, guarantees: d.guarantees.map((g) => ({ ...g, references: (g.references ?? []).map(({ accessCode: _code, ...r }) => r) })) };
}
