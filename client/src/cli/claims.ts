// cats claim list|get|raise|accept|contest|pay: claims against a guarantee after recovery. Customs of the
// country where the debt arose raise them; the guarantor accepts, contests or pays, and payment is split
// over the fronting and reinsurance shares on the ledger.
import { CatsError } from '../../../chaincode/src/domain/errors';
import { parseDecimal } from '../../../chaincode/src/domain/money';
import type { Context } from './context';
import { OPT, type Command } from './command';
import { UsageError } from './errors';
import { cell, money, table, writeLines } from './format';
import { checkGrn } from './guarantees';
import { checkMrn } from './movement-actions';

type Row = Record<string, unknown>;

const GRN_ARG = { name: 'GRN', description: 'the guarantee reference number' };
const MRN_ARG = { name: 'MRN', description: 'the movement in recovery' };

function waitOpts(ctx: Context): { waitSeconds?: number } {
  return ctx.opts.flag('no-wait') ? { waitSeconds: undefined } : {};
}

function claimLines(c: Row): string[] {
  const cur = c.currency;
  const lines = [`Claim on ${cell(c.grn)} for ${cell(c.mrn)}  ${cell(c.status)}`, `  amount     ${money(c.amount, cur)}`];
  const split = Array.isArray(c.split) ? (c.split as Row[]) : Array.isArray((c.payment as Row | undefined)?.split) ? ((c.payment as Row).split as Row[]) : [];
  if (split.length) lines.push('  split', ...table(split.map((s) => ({ ...s, amount: money(s.amount, cur) })), [['layer', 'LAYER'], ['party', 'PARTY'], ['bp', 'BP'], ['amount', 'AMOUNT']]).map((l) => `    ${l}`));
  return lines;
}

const list: Command = {
  name: 'claim list',
  summary: 'the claims against a guarantee',
  args: [GRN_ARG],
  options: [],
  identity: true,
  async run(ctx, args) {
    const grn = checkGrn(args[0]);
    const claims = await ctx.client().get<Row[] | { items: Row[] }>(`/guarantees/${grn}/claims`);
    const rows = Array.isArray(claims) ? claims : claims.items;
    ctx.print(claims, () => (rows.length ? table(rows.map((c) => ({ ...c, amount: money(c.amount, c.currency) })), [['mrn', 'MRN'], ['status', 'STATUS'], ['amount', 'AMOUNT'], ['raisedAt', 'RAISED']]) : [`no claims on ${grn}`]));
  },
};

const get: Command = {
  name: 'claim get',
  summary: 'one claim, with its split over the shares once paid',
  args: [GRN_ARG, MRN_ARG],
  options: [],
  identity: true,
  async run(ctx, args) {
    const grn = checkGrn(args[0]);
    const mrn = checkMrn(args[1]);
    const c = await ctx.client().get<Row>(`/guarantees/${grn}/claims/${mrn}`);
    ctx.print(c, () => claimLines(c));
  },
};

const raise: Command = {
  name: 'claim raise',
  summary: 'raise a claim against the guarantee of a movement in recovery (customs)',
  args: [GRN_ARG, MRN_ARG],
  options: [OPT.office, OPT.amount, OPT.currency, OPT.evidenceHash, OPT.noWait],
  identity: true,
  examples: ['cats claim raise 25AZ0000000000715 26AZQ2F5PR7YPCO8J7 --office AZ000600 --amount 38500.00 --currency USD --evidence-hash <sha256> --as CustomsAZ:officer1'],
  async run(ctx, args) {
    const grn = checkGrn(args[0]);
    const mrn = checkMrn(args[1]);
    const currency = ctx.opts.required('currency', '<CCY>').toUpperCase();
    let amount: string;
    try {
      amount = parseDecimal(ctx.opts.required('amount', '<amount>'), currency, 'amount');
    } catch (e) {
      if (e instanceof CatsError) throw new UsageError(`--${e.message}`, e.code);
      throw e;
    }
    const evidenceHash = ctx.opts.required('evidence-hash', '<sha256 hex>');
    if (!/^[0-9a-f]{64}$/.test(evidenceHash)) throw new UsageError('--evidence-hash: a SHA-256 in hex (64 characters) expected');
    const body = { mrn, office: ctx.opts.required('office', '<code>'), amount, evidenceHash };
    const record = await ctx.client().post(`/guarantees/${grn}/claims`, body, waitOpts(ctx));
    ctx.print(record, () => writeLines('claim raised', record));
  },
};

function answer(action: 'accept' | 'contest' | 'pay', summary: string): Command {
  return {
    name: `claim ${action}`,
    summary,
    args: [GRN_ARG, MRN_ARG],
    options: action === 'contest' ? [OPT.reason, OPT.noWait] : [OPT.noWait],
    identity: true,
    async run(ctx, args) {
      const grn = checkGrn(args[0]);
      const mrn = checkMrn(args[1]);
      const reason = ctx.opts.str('reason');
      if (action === 'contest' && !reason) throw new UsageError('missing option --reason <text>');
      const record = await ctx.client().post(`/guarantees/${grn}/claims/${mrn}/${action}`, reason ? { reason } : {}, waitOpts(ctx));
      ctx.print(record, () => writeLines(action === 'pay' ? 'claim paid' : `claim ${action}ed`, record));
    },
  };
}

export const CLAIM_COMMANDS: Command[] = [
  list,
  get,
  raise,
  answer('accept', 'accept a claim (guarantor)'),
  answer('contest', 'contest a claim, with the reason (guarantor)'),
  answer('pay', 'pay a claim: split over the fronting and reinsurance shares (guarantor)'),
];
