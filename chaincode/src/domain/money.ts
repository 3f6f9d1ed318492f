// Amounts on the ledger are integer minor units (ISO 4217 exponent) carried as decimal strings and
// computed with bigint; masses are integer grams. Never binary floating point, never a JSON number.

import { CatsError } from './errors';

/** ISO 4217 minor-unit exponents of the currencies the corridor uses (and common neighbours). */
export const CURRENCY_EXPONENT: Readonly<Record<string, number>> = {
  AZN: 2, GEL: 2, UZS: 2, TMT: 2, KZT: 2, KGS: 2, TJS: 2, AFN: 2, PKR: 2, MNT: 2, CNY: 2, RUB: 2, TRY: 2,
  USD: 2, EUR: 2, GBP: 2, CHF: 2, SEK: 2, NOK: 2, DKK: 2, PLN: 2, CZK: 2, HUF: 2, RON: 2, BGN: 2,
  AED: 2, SAR: 2, INR: 2, IRR: 2, UAH: 2, BYN: 2, AMD: 2,
  JPY: 0, KRW: 0,
  BHD: 3, KWD: 3, OMR: 3, JOD: 3, TND: 3, IQD: 3, LYD: 3,
};

export const MAX_DIGITS = 18;

export function isKnownCurrency(c: unknown): c is string {
  return typeof c === 'string' && Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENT, c);
}

export function currencyExponent(currency: string, field = 'currency'): number {
  if (!isKnownCurrency(currency)) {
    throw new CatsError('INVALID_AMOUNT', `${field}: unknown currency '${String(currency)}'`, { field });
  }
  return CURRENCY_EXPONENT[currency];
}

function bad(field: string, why: string): CatsError {
  return new CatsError('INVALID_AMOUNT', `${field}: ${why}`, { field });
}

/** Decimal text from a message ("38500.00") → minor units ("3850000"). No sign, no exponent, no excess decimals. */
export function parseDecimal(text: unknown, currency: string, field = 'amount'): string {
  if (typeof text !== 'string') throw bad(field, 'must be a decimal string, not a JSON ' + typeof text);
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text.trim());
  if (!m) throw bad(field, `'${text}' is not a non-negative decimal`);
  const exp = currencyExponent(currency, field + '.currency');
  const frac = m[2] ?? '';
  if (frac.length > exp && /[1-9]/.test(frac.slice(exp))) {
    throw bad(field, `'${text}' has more than ${exp} decimals for ${currency}`);
  }
  const minor = BigInt(m[1] + frac.slice(0, exp).padEnd(exp, '0')).toString();
  if (minor.length > MAX_DIGITS) throw bad(field, `'${text}' has more than ${MAX_DIGITS} digits`);
  return minor;
}

/**
 * A minor-units value as it arrives in a JSON argument: a string of digits without leading zeros, at most
 * 18 digits. JSON numbers are rejected even when integral: they pass through doubles in every JSON parser.
 */
export function assertAmountString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw bad(field, `must be a string of minor units, not a JSON ${value === null ? 'null' : typeof value}`);
  if (!/^(0|[1-9][0-9]*)$/.test(value)) throw bad(field, `'${value}' is not a non-negative integer of minor units`);
  if (value.length > MAX_DIGITS) throw bad(field, `'${value}' has more than ${MAX_DIGITS} digits`);
  return value;
}

/** Minor units → decimal text with the currency's exponent: ("3850000", "USD") → "38500.00". */
export function formatMinor(minor: string, currency: string): string {
  const exp = currencyExponent(currency);
  const digits = BigInt(minor).toString();
  if (exp === 0) return digits;
  const padded = digits.padStart(exp + 1, '0');
  return padded.slice(0, -exp) + '.' + padded.slice(-exp);
}

export function addMinor(a: string, b: string): string {
  return (BigInt(a) + BigInt(b)).toString();
}

export function sumMinor(values: readonly string[]): string {
  return values.reduce((acc, v) => acc + BigInt(v), 0n).toString();
}

/** a − b; amounts never go negative, so a negative result is a programming error. */
export function subMinor(a: string, b: string): string {
  const r = BigInt(a) - BigInt(b);
  if (r < 0n) throw new CatsError('INTERNAL', `subMinor: ${a} - ${b} is negative`);
  return r.toString();
}

/** -1, 0 or 1. */
export function compareMinor(a: string, b: string): -1 | 0 | 1 {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

export function minMinor(a: string, b: string): string {
  return compareMinor(a, b) <= 0 ? a : b;
}

const RATE_PATTERN = /^([0-9]{1,12})(?:\.([0-9]{1,12}))?$/;

export function assertRate(rate: unknown, field = 'rate'): string {
  if (typeof rate !== 'string') throw bad(field, 'must be a decimal string');
  const m = RATE_PATTERN.exec(rate);
  if (!m || BigInt(m[1] + (m[2] ?? '')) === 0n) throw bad(field, `'${rate}' is not a positive decimal (≤12+12 digits)`);
  return rate;
}

/**
 * Converts minor units of `fromCur` to minor units of `toCur`, where 1 unit of fromCur = `rate` units of
 * toCur. Exact rational arithmetic, rounded half-up (ties away from zero; amounts are never negative).
 */
export function convert(minor: string, fromCur: string, toCur: string, rate: string): string {
  const eFrom = currencyExponent(fromCur, 'fromCurrency');
  const eTo = currencyExponent(toCur, 'toCurrency');
  if (fromCur === toCur) return BigInt(minor).toString();
  const m = RATE_PATTERN.exec(assertRate(rate));
  const frac = m![2] ?? '';
  const rateInt = BigInt(m![1] + frac);
  const num = BigInt(minor) * rateInt * 10n ** BigInt(eTo);
  const den = 10n ** BigInt(frac.length + eFrom);
  return ((2n * num + den) / (2n * den)).toString();
}

export interface Share {
  party: string;
  bp: number;
}

export interface SharePart {
  party: string;
  bp: number;
  amount: string;
}

/**
 * Splits `totalMinor` over shares in basis points (summing to 10 000) so that the parts add up exactly:
 * each gets floor(total × bp / 10 000), then the leftover units go one each to the largest remainders,
 * ties broken by party name. The result keeps the input order.
 */
export function splitByShares(totalMinor: string, shares: readonly Share[]): SharePart[] {
  const total = BigInt(assertAmountString(totalMinor, 'total'));
  const seen = new Set<string>();
  let bpSum = 0;
  for (const s of shares) {
    if (!Number.isInteger(s.bp) || s.bp < 0 || s.bp > 10000) throw bad('shares.bp', `${s.bp} is not an integer in 0..10000`);
    if (seen.has(s.party)) throw bad('shares.party', `'${s.party}' appears twice`);
    seen.add(s.party);
    bpSum += s.bp;
  }
  if (bpSum !== 10000) throw bad('shares.bp', `basis points sum to ${bpSum}, not 10000`);
  const parts = shares.map((s) => {
    const exact = total * BigInt(s.bp);
    return { party: s.party, bp: s.bp, base: exact / 10000n, rem: exact % 10000n };
  });
  let left = total - parts.reduce((acc, p) => acc + p.base, 0n);
  const order = [...parts].sort((a, b) => (a.rem === b.rem ? (a.party < b.party ? -1 : a.party > b.party ? 1 : 0) : a.rem > b.rem ? -1 : 1));
  const extra = new Map<string, bigint>();
  for (const p of order) {
    if (left === 0n) break;
    extra.set(p.party, 1n);
    left--;
  }
  return parts.map((p) => ({ party: p.party, bp: p.bp, amount: (p.base + (extra.get(p.party) ?? 0n)).toString() }));
}

/** Mass in kilograms as decimal text ("20640.000") → integer grams ("20640000"). Sub-gram digits must be zero. */
export function parseMass(text: unknown, field = 'mass'): string {
  if (typeof text !== 'string') throw new CatsError('VALIDATION_FAILED', `${field}: must be a decimal string`, { field });
  const m = /^([0-9]+)(?:\.([0-9]+))?$/.exec(text.trim());
  const frac = m?.[2] ?? '';
  if (!m || (frac.length > 3 && /[1-9]/.test(frac.slice(3)))) {
    throw new CatsError('VALIDATION_FAILED', `${field}: '${text}' is not a mass in kg with at most 3 decimals`, { field });
  }
  const grams = BigInt(m[1] + frac.slice(0, 3).padEnd(3, '0')).toString();
  if (grams.length > MAX_DIGITS) throw new CatsError('VALIDATION_FAILED', `${field}: more than ${MAX_DIGITS} digits`, { field });
  return grams;
}

/** A grams value in a JSON argument: same rules as an amount string, reported as a validation failure. */
export function assertMassString(value: unknown, field: string): string {
  try {
    return assertAmountString(value, field);
  } catch (e) {
    throw new CatsError('VALIDATION_FAILED', (e as Error).message.replace('minor units', 'grams'), { field });
  }
}
