// Declaring, reading and listing movements.
import { MOVEMENT_STATUSES } from '../../../chaincode/src/domain/roles';
import { isValidCountryCode, isValidTraderId } from '../../../chaincode/src/domain/identifiers';
import { OPT, type Command } from './command';
import { UsageError } from './errors';
import { readDeclarationFile } from './files';
import { cell, table, writeLines } from './format';
import { checkMrn, checkOffice, parseAccessCodes, withAccessCodes, xmlWithAccessCodes } from './movement-actions';

type Row = Record<string, unknown>;

const declare: Command = {
  name: 'declare',
  summary: 'lodge a transit declaration (IE015 XML, or its JSON form)',
  args: [{ name: 'file', description: 'cats-ie015-….xml, or a .json declaration' }],
  options: [OPT.accessCode, OPT.xml, OPT.noWait],
  identity: true,
  details: [
    'The file is recognised by its content: XML is sent as application/xml (validated against the NCTS P5',
    'XSD by the gateway), JSON as application/json. A file that is neither is refused before sending (exit 2).',
    'Access codes travel in the transient map only, never on the ledger.',
  ],
  examples: ['cats declare gateway/ncts/samples/cats-ie015-az-ge-hazelnuts.xml --as CustomsAZ:trader1', 'cats declare decl.json --access-code 25AZ0000000000715=7K2Q --as CustomsAZ:trader1'],
  async run(ctx, args) {
    if (!args[0]) throw new UsageError('missing argument <file>');
    if (args.length > 1) throw new UsageError(`unexpected argument '${args[1]}'`);
    const file = readDeclarationFile(args[0]);
    const codes = parseAccessCodes(ctx.opts.list('access-code'));
    const client = ctx.client();
    const waitSeconds = ctx.opts.flag('no-wait') ? undefined : 60;
    const accept = ctx.opts.flag('xml') ? ('xml' as const) : ('json' as const);
    const answer =
      file.kind === 'xml'
        ? await client.request('POST', '/movements', { xml: xmlWithAccessCodes(file.text, codes), waitSeconds, accept })
        : await client.request('POST', '/movements', { body: withAccessCodes(file.json!, codes), waitSeconds, accept });
    if (typeof answer === 'string') {
      if (ctx.json) ctx.print({ xml: answer }, () => answer);
      else ctx.env.out(answer);
      return;
    }
    ctx.print(answer, () => writeLines('declared', answer));
  },
};

function timelineLines(timeline: unknown): string[] {
  if (!Array.isArray(timeline)) return ['  (timeline not visible to this user)'];
  return table(
    (timeline as Row[]).map((e) => ({
      at: e.timestamp ?? e.at,
      status: e.status ?? e.event,
      office: e.office,
      by: [(e.actor as Row | undefined)?.user, (e.actor as Row | undefined)?.mspId ?? e.mspId].filter(Boolean).join('@'),
      tx: typeof e.txId === 'string' ? e.txId.slice(0, 12) : '',
    })),
    [
      ['at', 'WHEN'],
      ['status', 'STATUS'],
      ['office', 'OFFICE'],
      ['by', 'BY'],
      ['tx', 'TX'],
    ],
  ).map((l) => `  ${l}`);
}

const movement: Command = {
  name: 'movement',
  summary: 'show one movement: its status, itinerary and timeline',
  args: [{ name: 'MRN', description: 'the movement reference number' }],
  options: [],
  identity: true,
  async run(ctx, args) {
    const mrn = checkMrn(args[0]);
    const body = await ctx.client().get<Row>(`/movements/${mrn}`);
    ctx.print(body, () => {
      const m = ((body.movement as Row | undefined)?.movement as Row | undefined) ?? (body.movement as Row | undefined) ?? {};
      const lines = [
        `Movement ${cell(m.mrn ?? mrn)}  ${cell(m.status)}`,
        ...[
          ['LRN', m.lrn],
          ['holder', m.holderId],
          ['departure', m.officeOfDeparture],
          ['destination', m.officeOfDestination],
          ['transit', Array.isArray(m.officesOfTransit) ? m.officesOfTransit.join(', ') : m.officesOfTransit],
          ['countries', Array.isArray(m.countries) ? m.countries.join(' → ') : m.countries],
          ['time limit', m.timeLimit],
        ]
          .filter(([, v]) => v !== undefined && v !== null && v !== '')
          .map(([k, v]) => `  ${String(k).padEnd(12)} ${cell(v)}`),
        'Timeline',
        ...timelineLines(body.timeline ?? m.timeline),
      ];
      const messages = Array.isArray(body.messages) ? (body.messages as Row[]) : [];
      if (messages.length) lines.push('Messages', ...table(messages, [['message', 'MSG'], ['event', 'EVENT'], ['at', 'WHEN'], ['blockNumber', 'BLOCK']]).map((l) => `  ${l}`));
      return lines;
    });
  },
};

const movements: Command = {
  name: 'movements',
  summary: 'list movements visible to the user (from the gateway index)',
  args: [],
  options: [OPT.status, OPT.officeFilter, OPT.holder, OPT.country, OPT.limit, OPT.cursor],
  identity: true,
  examples: ['cats movements --status RELEASED --office GE000600 --as CustomsGE:officer1'],
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const q = new URLSearchParams();
    const status = ctx.opts.str('status')?.toUpperCase();
    if (status !== undefined) {
      if (!(MOVEMENT_STATUSES as readonly string[]).includes(status)) throw new UsageError(`--status: one of ${MOVEMENT_STATUSES.join(', ')}`);
      q.set('status', status);
    }
    const office = checkOffice(ctx.opts.str('office'), false);
    if (office) q.set('office', office);
    const holder = ctx.opts.str('holder');
    if (holder !== undefined) {
      if (!isValidTraderId(holder)) throw new UsageError(`--holder: '${holder}' is not a trader id`, 'INVALID_IDENTIFIER');
      q.set('holder', holder);
    }
    const country = ctx.opts.str('country')?.toUpperCase();
    if (country !== undefined) {
      if (!isValidCountryCode(country)) throw new UsageError(`--country: '${country}' is not an ISO country code`, 'INVALID_IDENTIFIER');
      q.set('country', country);
    }
    const limit = ctx.opts.int('limit');
    if (limit !== undefined) q.set('limit', String(limit));
    const cursor = ctx.opts.str('cursor');
    if (cursor) q.set('cursor', cursor);
    const qs = q.toString();
    const page = await ctx.client().get<Row>(`/movements${qs ? `?${qs}` : ''}`);
    ctx.print(page, () => {
      const items = Array.isArray(page.items) ? (page.items as Row[]) : [];
      const rows = items.map((m) => ({ ...m, offices: Array.isArray(m.offices) ? m.offices.join(',') : m.offices }));
      const lines = table(rows, [
        ['mrn', 'MRN'],
        ['lrn', 'LRN'],
        ['status', 'STATUS'],
        ['holder', 'HOLDER'],
        ['offices', 'OFFICES'],
        ['updatedAt', 'UPDATED'],
      ]);
      if (page.nextCursor) lines.push(`more: --cursor ${cell(page.nextCursor)}`);
      return lines;
    });
  },
};

export const MOVEMENT_COMMANDS: Command[] = [declare, movement, movements];
