// Human-readable output: aligned tables, amounts in minor units, and the answer of a write.
import { CURRENCY_EXPONENT } from '../../../chaincode/src/domain/money';

type Row = Record<string, unknown>;

export function cell(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Columns padded to their widest cell; an empty list prints `(none)`. */
export function table(rows: Row[], columns: [key: string, title: string][]): string[] {
  if (rows.length === 0) return ['(none)'];
  const cells = rows.map((r) => columns.map(([k]) => cell(k.split('.').reduce<unknown>((o, p) => (o && typeof o === 'object' ? (o as Row)[p] : undefined), r))));
  const widths = columns.map(([, t], i) => Math.max(t.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: string[]) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!))).join('  ').trimEnd();
  return [line(columns.map(([, t]) => t)), ...cells.map(line)];
}

/** '10000000' minor units → '100,000.00 USD' (the currency's ISO 4217 exponent). Non-integers are printed as given. */
export function money(minor: unknown, currency: unknown = ''): string {
  const text = cell(minor);
  const cur = cell(currency);
  if (!/^-?\d+$/.test(text)) return `${text} ${cur}`.trim();
  const exp = Object.prototype.hasOwnProperty.call(CURRENCY_EXPONENT, cur) ? CURRENCY_EXPONENT[cur]! : 2;
  const v = BigInt(text);
  const neg = v < 0n;
  const a = neg ? -v : v;
  const unit = 10n ** BigInt(exp);
  const whole = (a / unit).toLocaleString('en');
  const frac = exp ? `.${(a % unit).toString().padStart(exp, '0')}` : '';
  return `${neg ? '-' : ''}${whole}${frac} ${cur}`.trim();
}

/** One transaction record from a write (the gateway's recordView), as lines. */
export function writeLines(verb: string, record: unknown): string[] {
  if (typeof record === 'string') return [record];
  const r = (record ?? {}) as Row;
  const result = (r.result ?? {}) as Row;
  if (r.state === 'PENDING') {
    return [`${verb}: submitted, not yet committed`, `  transaction ${cell(r.transactionId ?? r.id)} (follow ${cell((r.links as Row | undefined)?.self)})`];
  }
  const subject = cell(result.mrn ?? result.grn ?? r.mrn ?? '');
  const status = cell(result.status ?? '');
  const head = `${verb}${subject ? ` ${subject}` : ''}${status ? ` → ${status}` : ''}`;
  const tail = r.transactionId ? [`  transaction ${cell(r.transactionId)}${r.blockNumber !== undefined ? ` in block ${cell(r.blockNumber)}` : ''}`] : [];
  return [head, ...tail];
}
