// contract `registry`: the member list and its governance. Genesis needs the confirmation of every listed
// customs administration; every later change needs a strict majority of the active ones.

import { Context, Contract, Info, Returns, Transaction } from 'fabric-contract-api';
import { callerOf, requireCustomsAdmin, requireOrganisation, requireRole } from '../access/caller';
import { CatsError } from '../domain/errors';
import { isValidCountryCode, isValidOfficeCode, isValidTraderId } from '../domain/identifiers';
import { type Args, arr, ident, parseArgs, str } from '../ledger/args';
import { emit } from '../ledger/events';
import { digestOf } from '../ledger/hash';
import { listJson, putJson } from '../ledger/state';
import { run } from '../ledger/run';
import { txId, txTime } from '../ledger/tx';
import { applyChange, checkChange } from './apply-change';
import { DEFAULT_PARAMETERS, type Country, type Genesis, type Office, type Organisation, type Parameters, type Proposal, type Rate } from './model';
import { parseChange, parseCountry, parseOffice, parseOrganisation, parseParameters, parseRate } from './parse';
import * as reg from './store';

const PROPOSAL_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;

function notFound(field: string, what: string): CatsError {
  return new CatsError('NOT_FOUND', `${field}: ${what} not found`, { field });
}

function listOf<T>(a: Args, field: string, parse: (v: unknown, f: string) => T, unique: (t: T) => string): T[] {
  const items = a[field] === undefined ? [] : arr(a, field).map((v, i) => parse(v, `${field}[${i}]`));
  const seen = new Set<string>();
  for (const [i, t] of items.entries()) {
    if (seen.has(unique(t))) throw new CatsError('VALIDATION_FAILED', `${field}[${i}]: duplicate ${unique(t)}`, { field: `${field}[${i}]` });
    seen.add(unique(t));
  }
  return items;
}

@Info({ title: 'registry', description: 'CATS/ICE member countries, offices, organisations, parameters and their governance' })
export class RegistryContract extends Contract {
  constructor() {
    super('registry');
  }

  /** {organisations:[{mspId,kind,country,name?}], countries:[{code,status,mode}], offices?:[...], parameters?:{...}} */
  @Transaction()
  @Returns('string')
  async Bootstrap(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const caller = callerOf(ctx);
      requireRole(caller, ['admin']);
      const a = parseArgs(json);
      const organisations = listOf(a, 'organisations', parseOrganisation, (o) => o.mspId);
      const countries = listOf(a, 'countries', parseCountry, (c) => c.code);
      const offices = listOf(a, 'offices', parseOffice, (o) => o.referenceNumber);
      const parameters: Parameters = { ...DEFAULT_PARAMETERS, ...(a.parameters === undefined ? {} : parseParameters(a.parameters, 'parameters', false)) };
      const customs = organisations.filter((o) => o.kind === 'CUSTOMS');
      if (customs.length < 2) {
        throw new CatsError('GOVERNANCE_QUORUM', 'organisations: at least two customs administrations must take part in the genesis', { field: 'organisations' });
      }
      const own = customs.find((o) => o.mspId === caller.mspId);
      if (!own) throw new CatsError('FORBIDDEN', `organisations: the proposer ${caller.mspId} must be a listed customs administration`, { field: 'organisations' });
      for (const [i, o] of organisations.entries()) {
        if (!countries.some((c) => c.code === o.country)) {
          throw new CatsError('UNKNOWN_COUNTRY', `organisations[${i}].country: ${o.country} is not in countries`, { field: `organisations[${i}].country` });
        }
      }
      const existing = await reg.getGenesis(ctx);
      if (existing && (existing.status === 'ACTIVE' || existing.proposedBy !== caller.mspId)) {
        throw new CatsError('ALREADY_EXISTS', `registry: a genesis is already ${existing.status === 'ACTIVE' ? 'active' : 'pending, proposed by ' + existing.proposedBy}`, { field: 'registry' });
      }
      const digest = digestOf({ organisations, countries, offices, parameters });
      const genesis: Genesis = { digest, organisations, countries, offices, parameters, proposedBy: caller.mspId, confirmations: [caller.mspId], status: 'PENDING', txId: txId(ctx) };
      await putJson(ctx, reg.genesisKey(ctx), genesis);
      emit(ctx, 'RegistryBootstrapProposed', caller, { digest, status: 'PENDING' });
      return genesisView(genesis);
    });
  }

  /** {digest}: the digest returned by Bootstrap, so that each administration confirms exactly what it read. */
  @Transaction()
  @Returns('string')
  async ConfirmBootstrap(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const caller = callerOf(ctx);
      requireRole(caller, ['admin']);
      const digest = str(parseArgs(json), 'digest', /^[0-9a-f]{64}$/);
      const g = await reg.getGenesis(ctx);
      if (!g) throw new CatsError('NOT_FOUND', 'registry: no genesis has been proposed', { field: 'registry' });
      if (g.status === 'ACTIVE') throw new CatsError('ALREADY_EXISTS', 'registry: the genesis is already active', { field: 'registry' });
      if (g.digest !== digest) throw new CatsError('VALIDATION_FAILED', 'digest: does not match the pending genesis', { field: 'digest' });
      if (!g.organisations.some((o) => o.kind === 'CUSTOMS' && o.mspId === caller.mspId)) {
        throw new CatsError('FORBIDDEN', `mspId: ${caller.mspId} is not a customs administration listed in the genesis`, { field: 'mspId' });
      }
      if (g.confirmations.includes(caller.mspId)) throw new CatsError('ALREADY_EXISTS', `mspId: ${caller.mspId} has already confirmed`, { field: 'mspId' });
      g.confirmations = [...g.confirmations, caller.mspId].sort();
      if (awaiting(g).length === 0) {
        g.status = 'ACTIVE';
        for (const o of g.organisations) await reg.putOrganisation(ctx, o);
        for (const c of g.countries) await putJson(ctx, reg.countryKey(ctx, c.code), c);
        for (const o of g.offices) await putJson(ctx, reg.officeKey(ctx, o.referenceNumber), o);
        await putJson(ctx, reg.paramsKey(ctx), g.parameters);
      }
      await putJson(ctx, reg.genesisKey(ctx), g);
      emit(ctx, g.status === 'ACTIVE' ? 'RegistryActivated' : 'RegistryBootstrapConfirmed', caller, { digest, status: g.status });
      return genesisView(g);
    });
  }

  @Transaction(false)
  @Returns('string')
  async GetGenesis(ctx: Context, _json: string): Promise<string> {
    return run(async () => {
      const g = await reg.getGenesis(ctx);
      if (!g) throw new CatsError('NOT_FOUND', 'registry: no genesis has been proposed', { field: 'registry' });
      return genesisView(g);
    });
  }

  /** {id, change:{kind, ...}} by a customs admin; applied at once if the proposer alone is a majority. */
  @Transaction()
  @Returns('string')
  async Propose(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const caller = callerOf(ctx);
      await requireCustomsAdmin(ctx, caller);
      const a = parseArgs(json);
      const id = str(a, 'id', PROPOSAL_ID);
      const change = parseChange(a.change);
      await checkChange(ctx, change);
      if (await reg.getProposal(ctx, id)) throw new CatsError('ALREADY_EXISTS', `id: proposal ${id} already exists`, { field: 'id' });
      const proposal: Proposal = { id, change, proposedBy: caller.mspId, proposedAt: txTime(ctx).iso, approvals: [caller.mspId], status: 'OPEN', txId: txId(ctx) };
      return this.decide(ctx, proposal, 'RegistryChangeProposed');
    });
  }

  /** {id} by an admin of another active customs administration. */
  @Transaction()
  @Returns('string')
  async Approve(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const caller = callerOf(ctx);
      await requireCustomsAdmin(ctx, caller);
      const id = str(parseArgs(json), 'id', PROPOSAL_ID);
      const proposal = await reg.getProposal(ctx, id);
      if (!proposal) throw new CatsError('UNKNOWN_PROPOSAL', `id: proposal ${id} not found`, { field: 'id' });
      if (proposal.status !== 'OPEN') throw new CatsError('INVALID_STATE_TRANSITION', `id: proposal ${id} is already ${proposal.status}`, { field: 'id' });
      if (proposal.approvals.includes(caller.mspId)) throw new CatsError('ALREADY_EXISTS', `id: ${caller.mspId} has already approved ${id}`, { field: 'id' });
      proposal.approvals = [...proposal.approvals, caller.mspId].sort();
      return this.decide(ctx, proposal, 'RegistryChangeApproved');
    });
  }

  /** Applies the proposal when strictly more than half of the active customs administrations approve. */
  private async decide(ctx: Context, proposal: Proposal, event: string): Promise<Proposal> {
    const electorate = (await reg.activeCustoms(ctx)).map((o) => o.mspId);
    const votes = proposal.approvals.filter((m) => electorate.includes(m)).length;
    if (votes * 2 > electorate.length) {
      await applyChange(ctx, proposal.change);
      proposal.status = 'APPLIED';
      proposal.appliedAt = txTime(ctx).iso;
      event = 'RegistryChangeApplied';
    }
    await putJson(ctx, reg.proposalKey(ctx, proposal.id), proposal);
    emit(ctx, event, callerOf(ctx), { proposalId: proposal.id, kind: proposal.change.kind, status: proposal.status, approvals: proposal.approvals, electorate: electorate.length });
    return proposal;
  }

  @Transaction(false)
  @Returns('string')
  async GetProposal(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const id = str(parseArgs(json), 'id', PROPOSAL_ID);
      return (await reg.getProposal(ctx, id)) ?? Promise.reject(new CatsError('UNKNOWN_PROPOSAL', `id: proposal ${id} not found`, { field: 'id' }));
    });
  }

  @Transaction(false)
  @Returns('string')
  async GetCountry(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const code = ident(parseArgs(json), 'code', isValidCountryCode, 'country code');
      return (await reg.findCountry(ctx, code)) ?? Promise.reject(notFound('code', `country ${code}`));
    });
  }

  @Transaction(false)
  @Returns('string')
  async ListCountries(ctx: Context, _json: string): Promise<string> {
    return run(async () => listJson<Country>(ctx, reg.T.country, []));
  }

  @Transaction(false)
  @Returns('string')
  async GetOffice(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const code = ident(parseArgs(json), 'code', isValidOfficeCode, 'office code');
      return (await reg.findOffice(ctx, code)) ?? Promise.reject(new CatsError('UNKNOWN_OFFICE', `code: office ${code} is not known`, { field: 'code' }));
    });
  }

  /** {country?, role?} */
  @Transaction(false)
  @Returns('string')
  async ListOffices(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const a = parseArgs(json);
      const country = a.country === undefined ? undefined : ident(a, 'country', isValidCountryCode, 'country code');
      const role = a.role === undefined ? undefined : str(a, 'role');
      return (await listJson<Office>(ctx, reg.T.office, [])).filter(
        (o) => (!country || o.countryCode === country) && (!role || (o.roles as string[]).includes(role)),
      );
    });
  }

  @Transaction(false)
  @Returns('string')
  async GetOrganisation(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const mspId = str(parseArgs(json), 'mspId');
      return (await reg.findOrganisation(ctx, mspId)) ?? Promise.reject(notFound('mspId', `organisation ${mspId}`));
    });
  }

  @Transaction(false)
  @Returns('string')
  async ListOrganisations(ctx: Context, _json: string): Promise<string> {
    return run(async () => reg.listOrganisations(ctx));
  }

  @Transaction(false)
  @Returns('string')
  async GetParameters(ctx: Context, _json: string): Promise<string> {
    return run(async () => reg.getParameters(ctx));
  }

  /** {from, to, date}: the rate in force on that date. */
  @Transaction(false)
  @Returns('string')
  async GetRate(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const a = parseArgs(json);
      const q: Rate = parseRate({ ...a, rate: '1' }, 'args');
      return (await reg.rateOn(ctx, q.from, q.to, q.date)) ?? Promise.reject(new CatsError('NO_EXCHANGE_RATE', `date: no ${q.from}/${q.to} rate on or before ${q.date}`, { field: 'date' }));
    });
  }

  /** {traderId}: customs and the holder itself. */
  @Transaction(false)
  @Returns('string')
  async GetHolder(ctx: Context, json: string): Promise<string> {
    return run(async () => {
      const caller = callerOf(ctx);
      const traderId = ident(parseArgs(json), 'traderId', isValidTraderId, 'trader id');
      const org = await requireOrganisation(ctx, caller);
      if (org.kind !== 'CUSTOMS' || (caller.role === 'trader' && caller.traderId !== traderId)) {
        throw new CatsError('FORBIDDEN', `traderId: the caller may not read holder ${traderId}`, { field: 'traderId' });
      }
      return (await reg.findHolder(ctx, traderId)) ?? Promise.reject(notFound('traderId', `holder ${traderId}`));
    });
  }
}

function awaiting(g: Genesis): string[] {
  return g.organisations.filter((o: Organisation) => o.kind === 'CUSTOMS' && !g.confirmations.includes(o.mspId)).map((o) => o.mspId);
}

function genesisView(g: Genesis): Record<string, unknown> {
  return { digest: g.digest, status: g.status, proposedBy: g.proposedBy, confirmations: g.confirmations, awaiting: awaiting(g), organisations: g.organisations, countries: g.countries, offices: g.offices.length, parameters: g.parameters };
}

