// Registry records on the ledger and the look-ups the other contracts need. Single small keys: the
// registry changes rarely, so read conflicts with it are not a throughput concern.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import { getJson, key, listJson, putJson } from '../ledger/state';
import type { Country, Genesis, Holder, Office, Organisation, Parameters, Proposal, Rate } from './model';

export const T = {
  genesis: 'cats.reg.genesis',
  org: 'cats.reg.org',
  country: 'cats.reg.country',
  office: 'cats.reg.office',
  holder: 'cats.reg.holder',
  params: 'cats.reg.params',
  rate: 'cats.reg.rate',
  proposal: 'cats.reg.proposal',
} as const;

export const genesisKey = (ctx: Context) => key(ctx, T.genesis, []);
export const orgKey = (ctx: Context, mspId: string) => key(ctx, T.org, [mspId]);
export const countryKey = (ctx: Context, code: string) => key(ctx, T.country, [code]);
export const officeKey = (ctx: Context, code: string) => key(ctx, T.office, [code]);
export const holderKey = (ctx: Context, id: string) => key(ctx, T.holder, [id]);
export const paramsKey = (ctx: Context) => key(ctx, T.params, []);
export const rateKey = (ctx: Context, r: Pick<Rate, 'from' | 'to' | 'date'>) => key(ctx, T.rate, [r.from, r.to, r.date]);
export const proposalKey = (ctx: Context, id: string) => key(ctx, T.proposal, [id]);

export async function getGenesis(ctx: Context): Promise<Genesis | undefined> {
  return getJson<Genesis>(ctx, genesisKey(ctx));
}

export async function requireActiveRegistry(ctx: Context): Promise<void> {
  const g = await getGenesis(ctx);
  if (g?.status !== 'ACTIVE') throw new CatsError('NOT_BOOTSTRAPPED', 'registry: the network has not been bootstrapped yet', { field: 'registry' });
}

export async function findOrganisation(ctx: Context, mspId: string): Promise<Organisation | undefined> {
  return getJson<Organisation>(ctx, orgKey(ctx, mspId));
}

export async function listOrganisations(ctx: Context): Promise<Organisation[]> {
  return listJson<Organisation>(ctx, T.org, []);
}

/** The active customs administrations: the electorate for governance. */
export async function activeCustoms(ctx: Context): Promise<Organisation[]> {
  return (await listOrganisations(ctx)).filter((o) => o.kind === 'CUSTOMS' && o.status === 'ACTIVE');
}

/** The customs organisation of a country, if it is on the network. */
export async function customsOfCountry(ctx: Context, country: string): Promise<Organisation | undefined> {
  return (await listOrganisations(ctx)).find((o) => o.kind === 'CUSTOMS' && o.country === country && o.status === 'ACTIVE');
}

export async function findCountry(ctx: Context, code: string): Promise<Country | undefined> {
  return getJson<Country>(ctx, countryKey(ctx, code));
}

export async function findOffice(ctx: Context, code: string): Promise<Office | undefined> {
  return getJson<Office>(ctx, officeKey(ctx, code));
}

/** An office known to the network, or UNKNOWN_OFFICE naming the field. */
export async function requireOffice(ctx: Context, code: string, field: string): Promise<Office> {
  const office = await findOffice(ctx, code);
  if (!office) throw new CatsError('UNKNOWN_OFFICE', `${field}: office ${code} is not known to the network`, { field, office: code });
  return office;
}

/** A country taking part in movements (PILOT or LIVE), or COUNTRY_NOT_MEMBER naming it. */
export async function requireMemberCountry(ctx: Context, code: string, field: string): Promise<Country> {
  const country = await findCountry(ctx, code);
  if (!country || (country.mode !== 'PILOT' && country.mode !== 'LIVE')) {
    throw new CatsError('COUNTRY_NOT_MEMBER', `${field}: country ${code} is not a member operating in PILOT or LIVE`, { field, country: code });
  }
  return country;
}

export async function findHolder(ctx: Context, traderId: string): Promise<Holder | undefined> {
  return getJson<Holder>(ctx, holderKey(ctx, traderId));
}

export async function getParameters(ctx: Context): Promise<Parameters> {
  const p = await getJson<Parameters>(ctx, paramsKey(ctx));
  if (!p) throw new CatsError('NOT_BOOTSTRAPPED', 'parameters: the network has not been bootstrapped yet', { field: 'parameters' });
  return p;
}

/** The rate in force on `date`: the latest one dated on or before it. */
export async function rateOn(ctx: Context, from: string, to: string, date: string): Promise<Rate | undefined> {
  const rates = await listJson<Rate>(ctx, T.rate, [from, to]);
  let best: Rate | undefined;
  for (const r of rates) if (r.date <= date && (!best || r.date > best.date)) best = r;
  return best;
}

export async function getProposal(ctx: Context, id: string): Promise<Proposal | undefined> {
  return getJson<Proposal>(ctx, proposalKey(ctx, id));
}

export async function putOrganisation(ctx: Context, o: Organisation): Promise<void> {
  await putJson(ctx, orgKey(ctx, o.mspId), o);
}
