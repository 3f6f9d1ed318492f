// cats report --from <date> --to <date> [--out dir]: the operations report (report.html and report.md
// with inline SVG charts) of the movements accepted in the period, read through the acting user's
// gateway — a customs officer, supervisor or auditor sees every movement.
import fs from 'node:fs';
import path from 'node:path';
import { collect } from '../report/collect';
import { computeReport } from '../report/metrics';
import { renderHtml } from '../report/render-html';
import { renderMarkdown } from '../report/render-markdown';
import type { OptionSpec } from './args';
import type { Command } from './command';
import { UsageError } from './errors';

const date = (name: string, what: string): OptionSpec => ({ name, type: 'string', metavar: '<date>', description: `${what} (YYYY-MM-DD, UTC, or an ISO instant)` });
const OUT_DIR: OptionSpec = { name: 'out', type: 'string', metavar: '<folder>', description: 'the folder for report.html and report.md (default: ./report)' };

/** YYYY-MM-DD → the start or the end of that UTC day; an ISO instant with an offset as it is. */
export function periodBound(value: string | undefined, name: string, end: boolean): string {
  if (value === undefined) throw new UsageError(`missing option --${name} <date>`);
  if (/^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(Date.parse(`${value}T00:00:00Z`))) return `${value}T${end ? '23:59:59' : '00:00:00'}Z`;
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value) && Number.isFinite(Date.parse(value))) return new Date(Date.parse(value)).toISOString().replace(/\.\d{3}Z$/, 'Z');
  throw new UsageError(`--${name}: a date YYYY-MM-DD or an instant with its UTC offset expected, got '${value}'`);
}

const report: Command = {
  name: 'report',
  summary: 'write the operations report (report.html, report.md, SVG charts) for a period',
  args: [],
  options: [date('from', 'first day'), date('to', 'last day'), OUT_DIR],
  identity: true,
  details: [
    'Movements per corridor and office, release-to-arrival and border crossing times, guarantee utilisation',
    'per guarantor, incidents, discrepancies and overdue movements, from GET /movements and each movement.',
    'The folder given with --out is created if needed. Progress goes to stderr.',
  ],
  examples: ['cats report --from 2025-03-01 --to 2025-03-31 --out ops-march --as CustomsAZ:supervisor1'],
  async run(ctx, args) {
    if (args.length) throw new UsageError(`unexpected argument '${args[0]}'`);
    const from = periodBound(ctx.opts.str('from'), 'from', false);
    const to = periodBound(ctx.opts.str('to'), 'to', true);
    if (Date.parse(from) > Date.parse(to)) throw new UsageError('--from is after --to');
    const dir = path.resolve(ctx.opts.str('out') ?? 'report');
    if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new UsageError(`--out: ${dir} is a file, not a folder`);
    const { org, userId } = ctx.identity();
    const client = ctx.client();
    const t0 = performance.now();
    const quiet = ctx.json;
    const data = await collect(client, from, to, (line) => {
      if (!quiet) ctx.env.err(`cats: ${line}`);
    });
    const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
    const figures = computeReport({
      from,
      to,
      asOf: Date.parse(to) < Date.now() ? to : now,
      generatedAt: now,
      generatedBy: `${userId}@${org.name}`,
      ...data,
    });
    try {
      fs.mkdirSync(dir, { recursive: true });
      fs.writeFileSync(path.join(dir, 'report.html'), renderHtml(figures));
      fs.writeFileSync(path.join(dir, 'report.md'), renderMarkdown(figures));
    } catch (e) {
      throw new UsageError(`--out: cannot write into ${dir} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    const ms = Math.round(performance.now() - t0);
    const summary = {
      from,
      to,
      folder: dir,
      files: ['report.html', 'report.md'],
      movements: figures.total,
      incidents: figures.incidents.length,
      discrepancies: figures.discrepancies.length,
      overdue: figures.overdue.length,
      skipped: data.skipped,
      ms,
    };
    ctx.print(summary, () => [
      `Report ${from} – ${to}: ${figures.total} movement(s), ${figures.incidents.length} incident(s), ${figures.discrepancies.length} discrepancy(ies), ${figures.overdue.length} overdue`,
      `  written to ${path.join(dir, 'report.html')} and report.md in ${ms} ms${data.skipped.length ? ` (${data.skipped.length} movement(s) not readable by this user)` : ''}`,
    ]);
  },
};

export const REPORT_COMMANDS: Command[] = [report];
