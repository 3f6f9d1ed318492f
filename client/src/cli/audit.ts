// cats audit history <MRN>, cats audit verify --from N --to M (auditor, supervisor, admin).
import { OPT, type Command } from './command';
import { EXIT, UsageError } from './errors';
import { cell, table } from './format';
import { checkMrn } from './movement-actions';

type Row = Record<string, unknown>;

const history: Command = {
  name: 'audit history',
  summary: "a movement's full history: every ledger version and every event",
  args: [{ name: 'MRN', description: 'the movement reference number' }],
  options: [],
  identity: true,
  async run(ctx, args) {
    const mrn = checkMrn(args[0]);
    const body = await ctx.client().get<Row>(`/audit/movements/${mrn}`);
    ctx.print(body, () => {
      const versions = Array.isArray(body.history) ? (body.history as Row[]) : [];
      const events = Array.isArray(body.events) ? (body.events as Row[]) : [];
      return [
        `Movement ${mrn}: ${versions.length} ledger version(s), ${events.length} event(s)`,
        'Ledger versions',
        ...table(
          versions.map((v) => ({ ...v, by: (v.actor as Row | undefined)?.mspId ?? '' })),
          [
            ['timestamp', 'WHEN'],
            ['status', 'STATUS'],
            ['office', 'OFFICE'],
            ['by', 'BY'],
            ['txId', 'TX'],
          ],
        ).map((l) => `  ${l}`),
        'Events',
        ...table(
          events.map((e) => ({ ...e, at: (e.payload as Row | undefined)?.timestamp ?? e.at })),
          [
            ['blockNumber', 'BLOCK'],
            ['name', 'EVENT'],
            ['at', 'WHEN'],
            ['transactionId', 'TX'],
          ],
        ).map((l) => `  ${l}`),
      ];
    });
  },
};

const verify: Command = {
  name: 'audit verify',
  summary: 'verify a range of blocks: hash chain, data hashes, signatures (at most 200 per call)',
  args: [],
  options: [OPT.from, OPT.to],
  identity: true,
  details: ['Without --from/--to the last 200 blocks are checked. Exits 1 when a block does not verify.'],
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const from = ctx.opts.int('from');
    const to = ctx.opts.int('to');
    if (from !== undefined && to !== undefined && from > to) throw new UsageError('--from is after --to');
    const q = new URLSearchParams();
    if (from !== undefined) q.set('from', String(from));
    if (to !== undefined) q.set('to', String(to));
    const qs = q.toString();
    const body = await ctx.client().get<Row>(`/audit/blocks${qs ? `?${qs}` : ''}`);
    ctx.print(body, () => {
      const blocks = Array.isArray(body.blocks) ? (body.blocks as Row[]) : [];
      const bad = blocks.filter((b) => b.valid === false);
      return [
        ...table(
          blocks.map((b) => ({
            ...b,
            hash: typeof b.headerHash === 'string' ? b.headerHash.slice(0, 16) : '',
            txs: Array.isArray(b.transactions) ? b.transactions.length : cell(b.transactionCount),
            verdict: b.valid === false ? 'INVALID' : 'ok',
          })),
          [
            ['number', 'BLOCK'],
            ['hash', 'HEADER HASH'],
            ['dataHashValid', 'DATA'],
            ['linkValid', 'LINK'],
            ['txs', 'TXS'],
            ['verdict', 'VERDICT'],
          ],
        ),
        body.valid === true ? `blocks ${cell(body.from)}–${cell(body.to)}: all valid` : `blocks ${cell(body.from)}–${cell(body.to)}: ${bad.length} INVALID (${bad.map((b) => cell(b.number)).join(', ')})`,
      ];
    });
    return body.valid === false ? EXIT.REJECTED : EXIT.OK;
  },
};

export const AUDIT_COMMANDS: Command[] = [history, verify];
