// Shape checks for registry entries, shared by Bootstrap and the governance changes.

import { CatsError } from '../domain/errors';
import { isValidCountryCode, isValidOfficeCode, isValidTraderId, officeCountry } from '../domain/identifiers';
import { assertRate, isKnownCurrency } from '../domain/money';
import { COUNTRY_MODES, COUNTRY_STATUSES, OFFICE_ROLES, ORGANISATION_KINDS } from '../domain/roles';
import { isIsoDate } from '../domain/time';
import { type Args, arr, ident, obj, oneOf, optBool, optStr, str, text } from '../ledger/args';
import { CHANGE_KINDS, DEFAULT_PARAMETERS, type Change, type Country, type Holder, type Office, type Organisation, type Parameters, type Rate } from './model';

const MSP_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

function asArgs(v: unknown, field: string): Args {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) throw new CatsError('VALIDATION_FAILED', `${field}: object expected`, { field });
  return v as Args;
}

function within<T>(field: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CatsError && typeof e.details.field === 'string') {
      const inner = e.details.field;
      throw new CatsError(e.code, e.message.replace(inner, `${field}.${inner}`), { ...e.details, field: `${field}.${inner}` });
    }
    throw e;
  }
}

export function parseOrganisation(v: unknown, field: string): Organisation {
  const a = asArgs(v, field);
  return within(field, () => ({
    mspId: str(a, 'mspId', MSP_ID),
    kind: oneOf(a, 'kind', ORGANISATION_KINDS),
    country: ident(a, 'country', isValidCountryCode, 'country code'),
    name: text(a, 'name', 128),
    status: a.status === undefined ? 'ACTIVE' : oneOf(a, 'status', ['ACTIVE', 'SUSPENDED'] as const),
  }));
}

export function parseCountry(v: unknown, field: string): Country {
  const a = asArgs(v, field);
  return within(field, () => ({
    code: ident(a, 'code', isValidCountryCode, 'country code'),
    status: oneOf(a, 'status', COUNTRY_STATUSES),
    mode: oneOf(a, 'mode', COUNTRY_MODES),
  }));
}

/** An office in the shape of carec-offices.json (extra members such as coordinates are dropped). */
export function parseOffice(v: unknown, field: string): Office {
  const a = asArgs(v, field);
  return within(field, () => {
    const referenceNumber = ident(a, 'referenceNumber', isValidOfficeCode, 'office code');
    const countryCode = ident(a, 'countryCode', isValidCountryCode, 'country code');
    if (officeCountry(referenceNumber) !== countryCode) {
      throw new CatsError('VALIDATION_FAILED', `countryCode: ${countryCode} does not match office ${referenceNumber}`, { field: 'countryCode' });
    }
    const roles = arr(a, 'roles');
    if (roles.length === 0 || roles.some((r) => !(OFFICE_ROLES as readonly unknown[]).includes(r)) || new Set(roles).size !== roles.length) {
      throw new CatsError('VALIDATION_FAILED', `roles: distinct values of ${OFFICE_ROLES.join(', ')} expected`, { field: 'roles' });
    }
    const unLocode = a.unLocode === null ? undefined : optStr(a, 'unLocode', /^[A-Z]{2}[A-Z0-9]{3}$/);
    return { referenceNumber, countryCode, name: text(a, 'name', 128) ?? referenceNumber, roles: [...roles].sort() as Office['roles'], unLocode };
  });
}

export function parseParameters(v: unknown, field: string, partial: boolean): Partial<Parameters> {
  const a = asArgs(v, field);
  const out: Partial<Parameters> = {};
  for (const name of Object.keys(a)) {
    if (!(name in DEFAULT_PARAMETERS)) throw new CatsError('VALIDATION_FAILED', `${field}.${name}: unknown parameter`, { field: `${field}.${name}` });
    const value = a[name];
    if (typeof value !== 'string' || !/^[1-9][0-9]{0,11}$/.test(value)) {
      throw new CatsError('VALIDATION_FAILED', `${field}.${name}: positive integer string (seconds) expected`, { field: `${field}.${name}` });
    }
    out[name as keyof Parameters] = value;
  }
  if (partial && Object.keys(out).length === 0) throw new CatsError('VALIDATION_FAILED', `${field}: at least one parameter expected`, { field });
  return out;
}

export function parseRate(v: unknown, field: string): Rate {
  const a = asArgs(v, field);
  return within(field, () => {
    const from = str(a, 'from');
    const to = str(a, 'to');
    for (const [f, c] of [['from', from], ['to', to]] as const) {
      if (!isKnownCurrency(c)) throw new CatsError('INVALID_AMOUNT', `${f}: unknown currency '${c}'`, { field: f });
    }
    if (from === to) throw new CatsError('VALIDATION_FAILED', 'to: must differ from from', { field: 'to' });
    const date = str(a, 'date');
    if (!isIsoDate(date)) throw new CatsError('VALIDATION_FAILED', `date: '${date}' is not an ISO date`, { field: 'date' });
    return { from, to, date, rate: assertRate(a.rate, 'rate') };
  });
}

export function parseHolder(v: unknown, field: string): Holder {
  const a = asArgs(v, field);
  return within(field, () => ({
    traderId: ident(a, 'traderId', isValidTraderId, 'trader id'),
    country: ident(a, 'country', isValidCountryCode, 'country code'),
    name: text(a, 'name', 128),
    authorisedConsignee: optBool(a, 'authorisedConsignee'),
    status: a.status === undefined ? 'ACTIVE' : oneOf(a, 'status', ['ACTIVE', 'SUSPENDED'] as const),
  }));
}

export function parseChange(v: unknown): Change {
  const c = asArgs(v, 'change');
  const kind = within('change', () => oneOf(c, 'kind', CHANGE_KINDS));
  switch (kind) {
    case 'UPSERT_OFFICES': {
      const offices = within('change', () => arr(c, 'offices')).map((o, i) => parseOffice(o, `change.offices[${i}]`));
      if (offices.length === 0) throw new CatsError('VALIDATION_FAILED', 'change.offices: at least one office expected', { field: 'change.offices' });
      return { kind, offices };
    }
    case 'UPSERT_COUNTRY':
      return { kind, country: parseCountry(c.country, 'change.country') };
    case 'SET_COUNTRY_MODE':
      return within('change', () => ({ kind, code: ident(c, 'code', isValidCountryCode, 'country code'), mode: oneOf(c, 'mode', COUNTRY_MODES) }));
    case 'SUSPEND_MEMBER':
      return within('change', () => ({ kind, mspId: str(c, 'mspId', MSP_ID) }));
    case 'UPSERT_ORGANISATION':
      return { kind, organisation: parseOrganisation(c.organisation, 'change.organisation') };
    case 'SET_PARAMETERS':
      return { kind, parameters: parseParameters(within('change', () => obj(c, 'parameters')), 'change.parameters', true) };
    case 'SET_RATE':
      return { kind, rate: parseRate(c.rate, 'change.rate') };
    case 'REGISTER_HOLDER':
      return { kind, holder: parseHolder(c.holder, 'change.holder') };
  }
}
