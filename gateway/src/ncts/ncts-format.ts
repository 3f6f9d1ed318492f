// Value formats of the NCTS P5 schemas (stypes.xsd): date-times without zone or fraction, dates, masses in
// kilograms with up to 6 decimals. The ledger keeps instants as ISO 8601 (UTC, from the transaction
// timestamp); NCTS date-times carry no zone, so CATS writes them in UTC — a documented convention.

import { formatMinor, isKnownCurrency } from '../../../chaincode/src/domain/money';

/** '2025-03-10T09:15:00.123Z' or '2025-03-10T09:15:00' → '2025-03-10T09:15:00' (UTC when a zone is given). */
export function nctsDateTime(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(iso)) return iso;
  const t = Date.parse(iso);
  if (Number.isNaN(t)) throw new RangeError(`not an ISO 8601 date-time: '${iso}'`);
  return new Date(t).toISOString().slice(0, 19);
}

/** The date part of nctsDateTime: '2025-03-10'. */
export function nctsDate(iso: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) return iso;
  return nctsDateTime(iso).slice(0, 10);
}

/** Integer grams → kilograms with 3 decimals: '20640000' → '20640.000'. */
export function kilograms(grams: string): string {
  if (!/^[0-9]+$/.test(grams)) throw new RangeError(`not a grams value: '${grams}'`);
  const padded = grams.replace(/^0+(?=\d)/, '').padStart(4, '0');
  return padded.slice(0, -3) + '.' + padded.slice(-3);
}

/**
 * Minor units → the decimal amount of the message. A reference stored without currency (the XSD allows
 * it in IE015) is written as the bare integer with ISO 4217 'XXX' ("no currency"), the only honest value.
 */
export function amountAndCurrency(minor: string, currency: string): { amount: string; currency: string } {
  return isKnownCurrency(currency) ? { amount: formatMinor(minor, currency), currency } : { amount: minor, currency: 'XXX' };
}
