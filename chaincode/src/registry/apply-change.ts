// Applying an approved registry change. Checks that depend on the current registry are made again here,
// because the registry may have changed between proposal and the last approval.

import type { Context } from 'fabric-contract-api';
import { CatsError } from '../domain/errors';
import { getJson, putJson } from '../ledger/state';
import type { Change, Country, Organisation, Parameters } from './model';
import { countryKey, findCountry, findOrganisation, getParameters, holderKey, officeKey, orgKey, paramsKey, putOrganisation, rateKey } from './store';

export async function checkChange(ctx: Context, change: Change): Promise<void> {
  switch (change.kind) {
    case 'SET_COUNTRY_MODE':
      if (!(await findCountry(ctx, change.code))) throw new CatsError('UNKNOWN_COUNTRY', `change.code: country ${change.code} is not on the registry`, { field: 'change.code' });
      return;
    case 'SUSPEND_MEMBER':
      if (!(await findOrganisation(ctx, change.mspId))) {
        throw new CatsError('UNKNOWN_ORGANISATION', `change.mspId: organisation ${change.mspId} is not on the registry`, { field: 'change.mspId' });
      }
      return;
    default:
      return;
  }
}

export async function applyChange(ctx: Context, change: Change): Promise<void> {
  await checkChange(ctx, change);
  switch (change.kind) {
    case 'UPSERT_OFFICES':
      for (const o of change.offices) await putJson(ctx, officeKey(ctx, o.referenceNumber), o);
      return;
    case 'UPSERT_COUNTRY':
      await putJson(ctx, countryKey(ctx, change.country.code), change.country);
      return;
    case 'SET_COUNTRY_MODE': {
      const k = countryKey(ctx, change.code);
      const country = (await getJson<Country>(ctx, k))!;
      await putJson(ctx, k, { ...country, mode: change.mode });
      return;
    }
    case 'SUSPEND_MEMBER': {
      const org = (await getJson<Organisation>(ctx, orgKey(ctx, change.mspId)))!;
      await putOrganisation(ctx, { ...org, status: 'SUSPENDED' });
      return;
    }
    case 'UPSERT_ORGANISATION':
      await putOrganisation(ctx, change.organisation);
      return;
    case 'SET_PARAMETERS': {
      const merged: Parameters = { ...(await getParameters(ctx)), ...change.parameters };
      await putJson(ctx, paramsKey(ctx), merged);
      return;
    }
    case 'SET_RATE':
      await putJson(ctx, rateKey(ctx, change.rate), change.rate);
      return;
    case 'REGISTER_HOLDER':
      await putJson(ctx, holderKey(ctx, change.holder.traderId), change.holder);
      return;
  }
}
