// cats guarantee issue|get|balance|suspend|reinstate|revoke
import { CatsError } from '../../../chaincode/src/domain/errors';
import { isValidAccessCode, isValidCountryCode, isValidGrn, isValidTraderId } from '../../../chaincode/src/domain/identifiers';
import { parseDecimal } from '../../../chaincode/src/domain/money';
import { GRN_GUARANTEE_TYPES } from '../../../chaincode/src/domain/roles';
import type { Context } from './context';
import { OPT, type Command } from './command';
import { UsageError } from './errors';
import { cell, money, table, writeLines } from './format';

type Row = Record<string, unknown>;

export function checkGrn(grn: string | undefined): string {
  if (grn === undefined) throw new UsageError('missing argument <GRN>');
  if (!isValidGrn(grn)) throw new UsageError(`'${grn}' is not a valid GRN`, 'INVALID_IDENTIFIER');
  return grn;
}

/** `--access-code CODE` or `--access-code GRN=CODE` for this GRN. */
function accessCodeFor(ctx: Context, grn: string, required: boolean): string | undefined {
  const values = ctx.opts.list('access-code');
  if (values.length > 1) throw new UsageError('--access-code: give one code for a guarantee command');
  let code = values[0];
  if (code?.includes('=')) {
    const [g, c] = code.split('=', 2);
    if (g !== grn) throw new UsageError(`--access-code: given for ${g}, not ${grn}`);
    code = c;
  }
  if (code === undefined) {
    if (required) throw new UsageError('missing option --access-code <code>');
    return undefined;
  }
  if (!isValidAccessCode(code)) throw new UsageError('--access-code: 4 alphanumerics expected', 'INVALID_IDENTIFIER');
  return code;
}

function guaranteeLines(g: Row): string[] {
  const ref = (g.referenceAmount ?? {}) as Row;
  return [
    `Guarantee ${cell(g.grn)}  ${cell(g.status)}`,
    ...[
      ['type', g.type],
      ['holder', g.holderId],
      ['guarantor', g.guarantorMspId ?? g.guarantor],
      ['amount', ref.amount !== undefined ? money(ref.amount, ref.currency) : undefined],
      ['countries', Array.isArray(g.countries) ? g.countries.join(', ') : g.countries],
      ['valid', g.validFrom || g.validTo ? `${cell(g.validFrom)} – ${cell(g.validTo)}` : undefined],
    ]
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .map(([k, v]) => `  ${String(k).padEnd(10)} ${cell(v)}`),
  ];
}

const issue: Command = {
  name: 'guarantee issue',
  summary: 'issue a guarantee (guarantor)',
  args: [{ name: 'GRN', description: 'the guarantee reference number' }],
  options: [OPT.holder, OPT.amount, OPT.currency, OPT.countries, OPT.type, OPT.validFrom, OPT.validTo, OPT.accessCode, OPT.noWait],
  identity: true,
  examples: ['cats guarantee issue 25AZ0000000000715 --holder AZ1700123451 --amount 100000.00 --currency USD --countries AZ,GE --valid-to 2030-12-31 --access-code 7K2Q --as GuarantorPool:guarantor1'],
  async run(ctx, args) {
    const grn = checkGrn(args[0]);
    const holderId = ctx.opts.required('holder', '<traderId>');
    if (!isValidTraderId(holderId)) throw new UsageError(`--holder: '${holderId}' is not a trader id`, 'INVALID_IDENTIFIER');
    const currency = ctx.opts.required('currency', '<CCY>').toUpperCase();
    let amount: string;
    try {
      amount = parseDecimal(ctx.opts.required('amount', '<amount>'), currency, 'amount');
    } catch (e) {
      if (e instanceof CatsError) throw new UsageError(`--${e.message}`, e.code);
      throw e;
    }
    const countries = ctx.opts.required('countries', '<CC,CC,…>').split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    for (const c of countries) if (!isValidCountryCode(c)) throw new UsageError(`--countries: '${c}' is not an ISO country code`, 'INVALID_IDENTIFIER');
    const type = ctx.opts.str('type') ?? '1';
    if (!GRN_GUARANTEE_TYPES.includes(type)) throw new UsageError(`--type: one of ${GRN_GUARANTEE_TYPES.join(', ')}`);
    const date = (name: string, fallback?: string): string => {
      const v = ctx.opts.str(name) ?? fallback;
      if (v === undefined) throw new UsageError(`missing option --${name} <date>`);
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) throw new UsageError(`--${name}: a date YYYY-MM-DD expected`);
      return v;
    };
    const body = {
      grn,
      type,
      holderId,
      referenceAmount: { amount, currency },
      countries,
      validFrom: date('valid-from', new Date().toISOString().slice(0, 10)),
      validTo: date('valid-to'),
      accessCode: accessCodeFor(ctx, grn, true),
    };
    const record = await ctx.client().post('/guarantees', body, ctx.opts.flag('no-wait') ? { waitSeconds: undefined } : {});
    ctx.print(record, () => writeLines('issued', { ...(record as Row), result: { grn, ...(((record as Row).result as Row) ?? {}) } }));
  },
};

const get: Command = {
  name: 'guarantee get',
  summary: 'show a guarantee',
  args: [{ name: 'GRN', description: 'the guarantee reference number' }],
  options: [],
  identity: true,
  async run(ctx, args) {
    const grn = checkGrn(args[0]);
    const g = await ctx.client().get<Row>(`/guarantees/${grn}`);
    ctx.print(g, () => guaranteeLines((g.guarantee as Row | undefined) ?? g));
  },
};

const balance: Command = {
  name: 'guarantee balance',
  summary: 'show the balance of a guarantee: reference amount, reserved, available',
  args: [{ name: 'GRN', description: 'the guarantee reference number' }],
  options: [OPT.accessCode],
  identity: true,
  details: ['A holder gives the access code (sent in the body, never in the URL); the guarantor needs none.'],
  async run(ctx, args) {
    const grn = checkGrn(args[0]);
    const code = accessCodeFor(ctx, grn, false);
    const b = await ctx.client().post<Row>(`/guarantees/${grn}/balance`, code ? { accessCode: code } : {}, { waitSeconds: undefined });
    ctx.print(b, () => {
      const cur = b.currency;
      const lines = [
        `Guarantee ${grn}${b.status ? `  ${cell(b.status)}` : ''}`,
        `  reference  ${money(b.referenceAmount, cur)}`,
        `  reserved   ${money(b.reserved, cur)}`,
        `  available  ${money(b.available, cur)}`,
      ];
      const res = Array.isArray(b.reservations) ? (b.reservations as Row[]) : [];
      if (res.length) {
        lines.push('Reservations', ...table(res.map((r) => ({ ...r, amount: money(r.amount, cur) })), [['mrn', 'MRN'], ['amount', 'AMOUNT'], ['status', 'STATUS'], ['reservedAt', 'RESERVED'], ['closedAt', 'CLOSED']]).map((l) => `  ${l}`));
      }
      return lines;
    });
  },
};

function statusChange(action: 'suspend' | 'reinstate' | 'revoke', summary: string): Command {
  return {
    name: `guarantee ${action}`,
    summary,
    args: [{ name: 'GRN', description: 'the guarantee reference number' }],
    options: [OPT.reason, OPT.noWait],
    identity: true,
    async run(ctx, args) {
      const grn = checkGrn(args[0]);
      const reason = ctx.opts.str('reason');
      const record = await ctx.client().post(`/guarantees/${grn}/${action}`, reason ? { reason } : {}, ctx.opts.flag('no-wait') ? { waitSeconds: undefined } : {});
      ctx.print(record, () => writeLines(action, record));
    },
  };
}

export const GUARANTEE_COMMANDS: Command[] = [
  issue,
  get,
  balance,
  statusChange('suspend', 'suspend a guarantee (guarantor)'),
  statusChange('reinstate', 'reinstate a suspended guarantee (guarantor)'),
  statusChange('revoke', 'revoke a guarantee (guarantor)'),
];
