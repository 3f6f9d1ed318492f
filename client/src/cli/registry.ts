// cats offices, cats countries, cats organisations: the registry on the ledger.
import { isValidCountryCode } from '../../../chaincode/src/domain/identifiers';
import { OPT, type Command } from './command';
import { UsageError } from './errors';
import { cell, table } from './format';

type Row = Record<string, unknown>;

const listOf = (body: unknown, key: string): Row[] =>
  Array.isArray(body) ? (body as Row[]) : Array.isArray((body as Row | undefined)?.[key]) ? ((body as Row)[key] as Row[]) : Array.isArray((body as Row | undefined)?.items) ? ((body as Row).items as Row[]) : [];

const offices: Command = {
  name: 'offices',
  summary: 'list the customs offices in the registry',
  args: [],
  options: [OPT.country, OPT.role],
  identity: true,
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const q = new URLSearchParams();
    const country = ctx.opts.str('country')?.toUpperCase();
    if (country !== undefined) {
      if (!isValidCountryCode(country)) throw new UsageError(`--country: '${country}' is not an ISO country code`, 'INVALID_IDENTIFIER');
      q.set('country', country);
    }
    const role = ctx.opts.str('role');
    if (role) q.set('role', role.toUpperCase());
    const qs = q.toString();
    const body = await ctx.client().get(`/offices${qs ? `?${qs}` : ''}`);
    ctx.print(body, () =>
      table(
        listOf(body, 'offices').map((o) => ({ ...o, code: o.referenceNumber ?? o.code, country: o.countryCode ?? o.country, roles: Array.isArray(o.roles) ? o.roles.join(',') : o.roles })),
        [
          ['code', 'OFFICE'],
          ['country', 'CC'],
          ['name', 'NAME'],
          ['roles', 'ROLES'],
        ],
      ),
    );
  },
};

const countries: Command = {
  name: 'countries',
  summary: 'list the member countries and their customs organisations',
  args: [],
  options: [],
  identity: true,
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const body = await ctx.client().get(`/countries`);
    ctx.print(body, () =>
      table(
        listOf(body, 'countries'),
        [
          ['code', 'CC'],
          ['status', 'STATUS'],
          ['mode', 'MODE'],
        ],
      ),
    );
  },
};

const organisations: Command = {
  name: 'organisations',
  summary: 'list the organisations of the channel',
  args: [],
  options: [],
  identity: true,
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const body = await ctx.client().get(`/organisations`);
    ctx.print(body, () => table(listOf(body, 'organisations').map((o) => ({ ...o, country: cell(o.country) })), [['mspId', 'MSP'], ['name', 'NAME'], ['kind', 'KIND'], ['country', 'CC'], ['status', 'STATUS']]));
  },
};

export const REGISTRY_COMMANDS: Command[] = [offices, countries, organisations];
