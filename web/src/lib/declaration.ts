// Declaration in the browser: an IE015 file checked before upload (size, UTF-8, CC015C root), or a short
// form turned into the ledger's JSON Declaration (chaincode/src/domain/declaration.ts). Formats are
// checked here so nothing the API would refuse for its form is sent.
import type { Declaration } from '../../../chaincode/src/domain/declaration';
import { isValidAccessCode, isValidGrn, isValidLrn, isValidOfficeCode, isValidTraderId } from '../../../chaincode/src/domain/identifiers';
import { isKnownCurrency } from '../../../chaincode/src/domain/money';
import type { FieldError } from './actions';
import { localInputToIso } from './dates';

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** Null when the text may be sent as an IE015; else why not. */
export function checkIe015Text(text: string, bytes: number): FieldError | null {
  if (bytes > MAX_UPLOAD_BYTES) return { key: 'v.maxLength', vars: { n: MAX_UPLOAD_BYTES } };
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<([A-Za-z_][\w.-]*:)?CC015C[\s>]/.test(text)) return { key: 'v.xmlRoot' };
  return null;
}

export interface DeclarationForm {
  lrn: string;
  declarationType: string;
  officeOfDeparture: string;
  officeOfDestination: string;
  officeOfTransit: string;
  transitEta: string;
  grn: string;
  accessCode: string;
  amount: string;
  currency: string;
  goods: string;
  hsCode: string;
  grossMassKg: string;
  seals: string;
  vehicle: string;
}

export const EMPTY_DECLARATION_FORM: DeclarationForm = {
  lrn: '', declarationType: 'T1', officeOfDeparture: '', officeOfDestination: '', officeOfTransit: '', transitEta: '',
  grn: '', accessCode: '', amount: '', currency: 'USD', goods: '', hsCode: '', grossMassKg: '', seals: '', vehicle: '',
};

function decimalToMinor(text: string, decimals: number): string | undefined {
  const m = new RegExp(`^([0-9]{1,15})(?:[.,]([0-9]{1,${decimals}}))?$`).exec(text.trim());
  if (!m) return undefined;
  const v = BigInt(m[1] + (m[2] ?? '').padEnd(decimals, '0'));
  return v > 0n ? v.toString() : undefined;
}

export function validateDeclarationForm(f: DeclarationForm, holderId: string | null, now = Date.now()): { errors: Record<string, FieldError>; declaration?: Declaration } {
  const e: Record<string, FieldError> = {};
  const req = (k: keyof DeclarationForm) => {
    if (!f[k].trim()) e[k] = { key: 'v.required' };
    return f[k].trim();
  };
  const lrn = req('lrn');
  if (lrn && !isValidLrn(lrn)) e.lrn = { key: 'v.lrn' };
  const dep = req('officeOfDeparture').toUpperCase();
  if (dep && !isValidOfficeCode(dep)) e.officeOfDeparture = { key: 'v.office' };
  const des = req('officeOfDestination').toUpperCase();
  if (des && !isValidOfficeCode(des)) e.officeOfDestination = { key: 'v.office' };
  const tra = f.officeOfTransit.trim().toUpperCase();
  if (tra && !isValidOfficeCode(tra)) e.officeOfTransit = { key: 'v.office' };
  let eta: string | undefined;
  if (tra) {
    eta = f.transitEta ? localInputToIso(f.transitEta, tra) : undefined;
    if (!eta || Date.parse(eta) <= now) e.transitEta = { key: 'v.dateTime' };
  }
  const grn = req('grn').toUpperCase();
  if (grn && !isValidGrn(grn)) e.grn = { key: 'v.grn' };
  const code = req('accessCode').toUpperCase();
  if (code && !isValidAccessCode(code)) e.accessCode = { key: 'v.accessCode' };
  const currency = req('currency').toUpperCase();
  if (currency && !isKnownCurrency(currency)) e.currency = { key: 'v.currency' };
  const amountText = req('amount');
  const amount = amountText ? decimalToMinor(amountText, 2) : undefined;
  if (amountText && !amount) e.amount = { key: 'v.amount' };
  const goods = req('goods');
  if (goods.length > 512) e.goods = { key: 'v.maxLength', vars: { n: 512 } };
  const hs = f.hsCode.trim();
  if (hs && !/^[0-9]{6}$/.test(hs)) e.hsCode = { key: 'v.hs' };
  const massText = req('grossMassKg');
  const grams = massText ? decimalToMinor(massText, 3) : undefined;
  if (massText && !grams) e.grossMassKg = { key: 'v.mass' };
  const vehicle = req('vehicle');
  if (vehicle.length > 35) e.vehicle = { key: 'v.maxLength', vars: { n: 35 } };
  const seals = f.seals.split(',').map((s) => s.trim()).filter(Boolean);
  if (seals.some((s) => s.length > 20)) e.seals = { key: 'v.maxLength', vars: { n: 20 } };
  if (!holderId || !isValidTraderId(holderId)) e.lrn ??= { key: 'v.required' };
  if (Object.keys(e).length) return { errors: e };
  const countries = [...new Set([dep, tra, des].filter(Boolean).map((o) => o.slice(0, 2)))];
  const declaration: Declaration = {
    lrn,
    declarationType: f.declarationType || 'T1',
    security: '0',
    bindingItinerary: false,
    prelodged: false,
    officeOfDeparture: dep,
    officeOfDestination: des,
    officesOfTransit: tra ? [{ sequenceNumber: 1, referenceNumber: tra, arrivalDateAndTimeEstimated: eta!.slice(0, 19) }] : [],
    officesOfExit: [],
    holder: { identificationNumber: holderId! },
    guarantees: [{ sequenceNumber: 1, guaranteeType: '1', references: [{ sequenceNumber: 1, grn, accessCode: code, amountToBeCovered: { amount: amount!, currency } }] }],
    consignment: {
      countryOfDispatch: dep.slice(0, 2),
      countryOfDestination: des.slice(0, 2),
      containerIndicator: false,
      inlandModeOfTransport: '3',
      modeOfTransportAtTheBorder: '3',
      grossMass: grams!,
      transportEquipment: seals.length ? [{ sequenceNumber: 1, numberOfSeals: seals.length, seals: seals.map((identifier, i) => ({ sequenceNumber: i + 1, identifier })) }] : [],
      countriesOfRouting: countries,
      transportMeans: [{ typeOfIdentification: '30', identificationNumber: vehicle, nationality: dep.slice(0, 2) }],
      houseConsignments: [{ sequenceNumber: 1, grossMass: grams!, items: [{ goodsItemNumber: 1, declarationGoodsItemNumber: 1, descriptionOfGoods: goods, harmonizedSystemSubHeadingCode: hs || undefined, grossMass: grams! }] }],
    },
  };
  return { errors: {}, declaration };
}
