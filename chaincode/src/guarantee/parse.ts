// Shape checks for guarantee arguments.

import { CatsError } from '../domain/errors';
import { isValidCountryCode, isValidGrn, isValidTraderId } from '../domain/identifiers';
import { assertAmountString, currencyExponent } from '../domain/money';
import { GUARANTEE_TYPES } from '../domain/roles';
import { isIsoDate } from '../domain/time';
import { type Args, arr, ident, obj, oneOf, str } from '../ledger/args';
import type { Money, ShareEntry, Shares } from './model';

export function parseMoney(a: Args, field: string): Money {
  const m = obj(a, field);
  const amount = assertAmountString(m.amount, `${field}.amount`);
  const currency = m.currency;
  if (typeof currency !== 'string') throw new CatsError('INVALID_AMOUNT', `${field}.currency: required`, { field: `${field}.currency` });
  currencyExponent(currency, `${field}.currency`);
  return { amount, currency };
}

export function parseGrnArg(a: Args, field = 'grn'): string {
  return ident(a, field, isValidGrn, 'GRN (17 chars, or 24 for vouchers, with check digit)');
}

export interface IssueArgs {
  grn: string;
  type: string;
  holderId: string;
  referenceAmount: Money;
  countries: string[];
  validFrom: string;
  validTo: string;
  shares?: Shares;
}

export function parseIssue(a: Args): IssueArgs {
  const grn = parseGrnArg(a);
  const type = oneOf(a, 'type', GUARANTEE_TYPES);
  if ((type === '4') !== (grn.length === 24)) {
    throw new CatsError('INVALID_IDENTIFIER', `grn: a type ${type} guarantee needs a ${type === '4' ? '24' : '17'}-character GRN`, { field: 'grn' });
  }
  const holderId = ident(a, 'holderId', isValidTraderId, 'trader id');
  const referenceAmount = parseMoney(a, 'referenceAmount');
  if (referenceAmount.amount === '0') throw new CatsError('INVALID_AMOUNT', 'referenceAmount.amount: must be positive', { field: 'referenceAmount.amount' });
  const countries = arr(a, 'countries');
  if (countries.length === 0 || countries.some((c) => !isValidCountryCode(c)) || new Set(countries).size !== countries.length) {
    throw new CatsError('VALIDATION_FAILED', 'countries: distinct ISO country codes expected', { field: 'countries' });
  }
  const validFrom = str(a, 'validFrom');
  const validTo = str(a, 'validTo');
  for (const [f, v] of [['validFrom', validFrom], ['validTo', validTo]]) {
    if (!isIsoDate(v)) throw new CatsError('VALIDATION_FAILED', `${f}: '${v}' is not an ISO date (YYYY-MM-DD)`, { field: f });
  }
  if (validTo < validFrom) throw new CatsError('VALIDATION_FAILED', 'validTo: before validFrom', { field: 'validTo' });
  const sorted = [...(countries as string[])].sort();
  const shares = a.shares === undefined ? undefined : parseShares(obj(a, 'shares'), sorted);
  return { grn, type, holderId, referenceAmount, countries: sorted, validFrom, validTo, shares };
}

function parseLayer(a: Args, layer: 'fronting' | 'reinsurance', countries: string[]): ShareEntry[] {
  const field = `shares.${layer}`;
  const entries = (a[layer] === undefined ? [] : arr(a, layer)).map((v, i) => {
    const f = `${field}[${i}]`;
    if (v === null || typeof v !== 'object') throw new CatsError('VALIDATION_FAILED', `${f}: object expected`, { field: f });
    const e = v as Args;
    if (!isValidCountryCode(e.country) || !countries.includes(e.country)) {
      throw new CatsError('VALIDATION_FAILED', `${f}.country: must be one of the guarantee's countries`, { field: `${f}.country` });
    }
    const insurer = e.insurerMspId ?? e.insurer ?? e.name;
    if (typeof insurer !== 'string' || insurer.length === 0 || insurer.length > 128) {
      throw new CatsError('VALIDATION_FAILED', `${f}.insurerMspId: insurer MSP id or name required`, { field: `${f}.insurerMspId` });
    }
    if (typeof e.bp !== 'number' || !Number.isInteger(e.bp) || e.bp <= 0 || e.bp > 10000) {
      throw new CatsError('VALIDATION_FAILED', `${f}.bp: integer basis points in 1..10000 expected`, { field: `${f}.bp` });
    }
    return { country: e.country, insurer, bp: e.bp };
  });
  for (const c of new Set(entries.map((e) => e.country))) {
    const own = entries.filter((e) => e.country === c);
    const sum = own.reduce((s, e) => s + e.bp, 0);
    if (sum !== 10000) throw new CatsError('VALIDATION_FAILED', `${field}: basis points for ${c} sum to ${sum}, not 10000`, { field, country: c });
    if (new Set(own.map((e) => e.insurer)).size !== own.length) throw new CatsError('VALIDATION_FAILED', `${field}: an insurer appears twice for ${c}`, { field });
  }
  return entries;
}

export function parseShares(a: Args, countries: string[]): Shares {
  return { fronting: parseLayer(a, 'fronting', countries), reinsurance: parseLayer(a, 'reinsurance', countries) };
}
