// report.md: the same report as Markdown, tables as pipe tables and the charts as inline SVG blocks
// (raw HTML is valid CommonMark), so it needs no image files either.
import { money } from '../cli/format';
import { duration, type ReportData } from './metrics';
import { charts } from './charts';

const cell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const table = (head: string[], body: string[][]): string =>
  body.length === 0 ? '_none in the period_\n' : [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map(cell).join(' | ')} |`)].join('\n') + '\n';

export function renderMarkdown(r: ReportData): string {
  const c = charts(r);
  const i = r.input;
  const svg = (s: string) => `\n<div>${s}</div>\n`;
  return [
    '# CATS/ICE operations report',
    '',
    `Movements accepted from ${i.from} to ${i.to}; overdue judged at ${i.asOf}; generated ${i.generatedAt} by ${i.generatedBy} from the ledger through its gateway; ${r.total} movement(s).`,
    '',
    '## Movements',
    svg(c.status),
    table(['status', 'movements'], r.byStatus.map(([s, n]) => [s, String(n)])),
    svg(c.corridors),
    table(['corridor', 'movements'], r.corridors.map(([s, n]) => [s, String(n)])),
    svg(c.offices),
    table(['office', 'departure', 'transit', 'destination'], r.offices.map((o) => [`${o.office} ${o.name}`.trim(), String(o.departure), String(o.transit), String(o.destination)])),
    '## Release to arrival',
    svg(c.releaseToArrival),
    table(['MRN', 'release → arrival'], r.releaseToArrival.map((x) => [x.mrn, duration(x.seconds)])),
    '## Border crossings',
    svg(c.borderCrossing),
    table(['office', 'crossings', 'median', '90th percentile', 'max'], r.borderStats.map((b) => [`${b.office} ${b.name}`, String(b.stats.count), duration(b.stats.median ?? 0), duration(b.stats.p90 ?? 0), duration(b.stats.max ?? 0)])),
    '## Guarantee utilisation per guarantor',
    svg(c.guarantees),
    table(['guarantor', 'GRN', 'reference', 'movements', 'reserved in total', 'peak at one time', 'still reserved'], r.guaranteeUse.map((g) => [g.guarantor, g.grn, g.referenceAmount ? money(g.referenceAmount, g.currency) : '(not visible)', String(g.movements), money(g.reservedTotal.toString(), g.currency), money(g.peak.toString(), g.currency), money(g.openAtEnd.toString(), g.currency)])),
    '## Incidents',
    '',
    table(['MRN', 'office', 'code', 'when', 'by', 'what'], r.incidents.map((x) => [x.mrn, x.office, x.code, x.at, x.by, x.text])),
    '## Discrepancies',
    '',
    table(['MRN', 'office', 'found', 'description', 'solved', 'resolution'], r.discrepancies.map((x) => [x.mrn, x.office, x.at, x.description, x.resolvedAt || 'NOT SOLVED', x.resolution])),
    '## Overdue movements',
    '',
    table(['MRN', 'status', 'office of departure', 'time limit', 'overdue by'], r.overdue.map((x) => [x.mrn, x.status, x.office, x.timeLimit, duration(x.overdueSeconds)])),
  ].join('\n');
}
